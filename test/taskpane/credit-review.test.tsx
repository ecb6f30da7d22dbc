/** @jest-environment jsdom */
import "./_lib/dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import sample from "../../samples/sample-ledger.json";
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import { serialFromYmd } from "../../src/domain/dates";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { readLatestHoldActions } from "../../src/workbook/credit-holds";

jest.setTimeout(200000);

async function setup() {
  const book = seedWorkbook(sample as unknown as SampleJson);
  const user = userEvent.setup();
  await act(async () => {
    render(<App gateway={createGateway(book.run)} todaySerial={serialFromYmd(2025, 12, 31)} initialScreen="credit" />);
  });
  await user.click(screen.getByRole("button", { name: "Run credit check" }));
  expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toMatch(/\d+ orders checked: [1-9]\d* on hold/);
  return { book, user };
}

/** jsdom never ends a dialog's open motion, so it stays aria-hidden here; Chromium checks it for real. */
const dialog = (name: string) => screen.findByRole("alertdialog", { name, hidden: true });

describe("the credit review screen", () => {
  it("lists held orders in a grid with limit, exposure, available and reasons, searchable and filterable", async () => {
    const { user } = await setup();
    const grid = screen.getByRole("grid", { name: "Held orders" });
    const rows = within(grid).getAllByRole("row");
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[1]?.textContent).toMatch(/Limit .*Exposure .*Available /);
    const order = (rows[1]?.textContent ?? "").match(/SO-\d+/)?.[0] ?? "";
    await user.click(screen.getByRole("searchbox", { name: /Search orders/ }));
    await user.paste(order);
    expect(within(screen.getByRole("grid", { name: "Held orders" })).getAllByRole("row")).toHaveLength(2);
    const reason = screen.getByRole("combobox", { name: "Hold reason" }) as HTMLSelectElement;
    expect(reason.options.length).toBeGreaterThan(1);
  });

  it("asks the reason in a dialog beside the action and releases the selected orders in one log batch", async () => {
    const { book, user } = await setup();
    const rows = within(screen.getByRole("grid", { name: "Held orders" })).getAllByRole("row");
    const orders = rows.slice(1, 3).map((r) => (r.textContent ?? "").match(/SO-\d+/)?.[0] ?? "");
    for (const o of orders) await user.click(screen.getByRole("checkbox", { name: `Select ${o}` }));
    await user.click(screen.getByRole("button", { name: "Release selected" }));
    const d = await dialog("Release 2 orders?");
    await user.click(within(d).getByRole("button", { name: "Release selected", hidden: true }));
    expect(within(d).getByText(/needs a reason/i)).toBeTruthy();
    expect(book.sheet("Credit hold log")).toBeUndefined();
    await user.click(within(d).getByRole("textbox", { name: /Reason for the action/, hidden: true }));
    await user.paste("Paid by phone");
    await user.keyboard("{Enter}");
    expect((await screen.findByRole("status")).textContent).toMatch(`Released ${orders.join(", ")}`);
    const log = book.usedValues(book.sheet("Credit hold log") as never);
    expect(log[0]).toEqual(["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons", "Amount"]);
    expect(log.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual(orders.map((o) => [o, "Release", "Paid by phone", "Released"]));
    for (const o of orders) expect(screen.queryByRole("checkbox", { name: `Select ${o}` })).toBeNull();
  });

  it("force-holds an order that passed and rejects it after the dialog, each logged", async () => {
    const { book, user } = await setup();
    const picker = screen.getByRole("combobox", { name: /Force a hold/ }) as HTMLSelectElement;
    const order = picker.options[1]?.value ?? "";
    await user.selectOptions(picker, order);
    await user.click(screen.getByRole("button", { name: "Force hold" }));
    const f = await dialog("Force a hold?");
    await user.click(within(f).getByRole("textbox", { name: /Reason for the action/, hidden: true }));
    await user.paste("Dispute");
    await user.click(within(f).getByRole("button", { name: "Force hold", hidden: true }));
    expect((await screen.findByRole("status")).textContent).toMatch(`Force-held ${order}`);
    await user.click(screen.getByRole("searchbox", { name: /Search orders/ }));
    await user.paste(order);
    const row = within(screen.getByRole("grid", { name: "Held orders" })).getAllByRole("row")[1];
    expect(row?.textContent).toMatch(/Manual \(manual hold\)/);
    await user.click(screen.getByRole("checkbox", { name: `Select ${order}` }));
    await user.click(screen.getByRole("button", { name: "Reject selected" }));
    const r = await dialog("Reject 1 order?");
    await user.click(within(r).getByRole("textbox", { name: /Reason for the action/, hidden: true }));
    await user.paste("Dispute");
    await user.click(within(r).getByRole("button", { name: "Reject selected", hidden: true }));
    expect((await screen.findByRole("status")).textContent).toMatch(`Rejected ${order}`);
    const log = book.usedValues(book.sheet("Credit hold log") as never);
    expect(log.slice(1).map((x) => [x[0], x[2], x[4]])).toEqual([[order, "ForceHold", "Hold"], [order, "Reject", "Rejected"]]);
  });

  it("reads the latest action of each order from the log", () => {
    const latest = readLatestHoldActions([["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons"], ["SO1", "C", "Hold", "x", "Hold", 1, "A"], ["SO1", "C", "Release", "y", "Released", 2, ""]]);
    expect(latest.ok && latest.value.get("SO1")).toEqual({ action: "Release", status: "Released", reasons: "" });
  });
});
