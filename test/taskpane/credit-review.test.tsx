/** @jest-environment jsdom */
import "./_lib/dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import sample from "../../samples/sample-ledger.json";
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import { serialFromYmd } from "../../src/domain/dates";
import { App } from "../../src/taskpane/App";
import { readLatestHoldActions } from "../../src/workbook/credit-holds";
import { createGateway } from "../../src/taskpane/office/gateway";

async function setup() {
  const book = seedWorkbook(sample as unknown as SampleJson);
  const user = userEvent.setup();
  await act(async () => {
    render(<App gateway={createGateway(book.run)} todaySerial={serialFromYmd(2025, 12, 31)} initialScreen="credit" />);
  });
  return { book, user };
}

describe("the credit review screen", () => {
  it("lists held orders with reasons, requires a reason, and logs a release", async () => {
    const { book, user } = await setup();
    await user.click(screen.getByRole("button", { name: "Run credit check" }));
    expect((await screen.findByRole("status")).textContent).toMatch(/\d+ orders checked: [1-9]\d* on hold/);
    const held = within(screen.getByRole("region", { name: "Held orders" })).getAllByRole("listitem");
    const first = held[0];
    if (first === undefined) throw new Error("no held order");
    expect(first.textContent).toMatch(/Reasons: \w/);
    const order = (first.getAttribute("aria-label") ?? "").replace("Order ", "");
    await user.click(within(first).getByRole("button", { name: `Release ${order}` }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/needs a reason/);
    expect(book.sheet("Credit hold log")).toBeUndefined();
    await user.type(screen.getByRole("textbox", { name: /Reason for the action/ }), "Paid by phone");
    await user.click(within(first).getByRole("button", { name: `Release ${order}` }));
    expect((await screen.findByRole("status")).textContent).toMatch(`Released ${order}`);
    const log = book.usedValues(book.sheet("Credit hold log") as never);
    expect(log[0]).toEqual(["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons"]);
    expect(log[1]?.slice(2, 5)).toEqual(["Release", "Paid by phone", "Released"]);
    expect(within(screen.getByRole("region", { name: "Held orders" })).queryByRole("listitem", { name: `Order ${order}` })).toBeNull();
  });

  it("force-holds an order that passed and rejects a held one, each logged", async () => {
    const { book, user } = await setup();
    await user.click(screen.getByRole("button", { name: "Run credit check" }));
    await screen.findByRole("region", { name: "Held orders" });
    await user.type(screen.getByRole("textbox", { name: /Reason for the action/ }), "Dispute");
    const picker = screen.getByRole("combobox", { name: /Force a hold/ }) as HTMLSelectElement;
    const order = picker.options[1]?.value ?? "";
    await user.selectOptions(picker, order);
    await user.click(screen.getByRole("button", { name: "Force hold" }));
    const card = await screen.findByRole("listitem", { name: `Order ${order}` });
    expect(card.textContent).toMatch(/Manual.*\(manual hold\)/);
    await user.click(within(card).getByRole("button", { name: `Reject ${order}` }));
    expect((await screen.findByRole("status")).textContent).toMatch(`Rejected ${order}`);
    const log = book.usedValues(book.sheet("Credit hold log") as never);
    expect(log.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([[order, "ForceHold", "Hold"], [order, "Reject", "Rejected"]]);
  });

  it("reads the latest action of each order from the log", () => {
    const latest = readLatestHoldActions([["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons"], ["SO1", "C", "Hold", "x", "Hold", 1, "A"], ["SO1", "C", "Release", "y", "Released", 2, ""]]);
    expect(latest.ok && latest.value.get("SO1")).toEqual({ action: "Release", status: "Released", reasons: "" });
  });
});
