/** @jest-environment jsdom */
import "./_lib/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { book, CSV } from "./_lib/bank-book";

const csvFile = (text = CSV, name = "bank.csv"): File => new File([text], name, { type: "text/csv" });

async function imported(b = book()) {
  const user = userEvent.setup();
  render(<App gateway={createGateway(b.run)} todaySerial={46030} initialScreen="bank" language="en" />);
  await user.upload(screen.getByLabelText(/Bank statement file/), csvFile());
  // A CSV asks for its columns; the headers here are found automatically.
  expect(await screen.findByRole("group", { name: "CSV columns" })).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Import statement" }));
  expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toBe("4 lines added to the Statement table; none was there already.");
  return { user, b };
}

const ledgerAmount = (b: ReturnType<typeof book>, voucher: string): unknown => {
  const rows = b.usedValues(b.sheet("Ledger") as never);
  return rows.find((r) => r[1] === voucher)?.[5];
};

describe("the Bank screen", () => {
  it("imports a CSV statement, groups the matches by confidence and preselects the High ones", async () => {
    await imported();
    const high = screen.getByRole("region", { name: "High confidence (3)" });
    expect(within(high).getAllByRole("listitem").map((li) => li.getAttribute("aria-label"))).toEqual(["Statement line B1", "Statement line B2", "Statement line B4"]);
    expect((within(high).getByRole("checkbox", { name: /^Accept B1: SEK\s1,250\.00$/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(high).getByText(/^Settles INV-1: SEK\s1,250\.00$/)).toBeTruthy();
    const none = screen.getByRole("region", { name: "No match (1)" });
    expect((within(none).getByRole("checkbox", { name: /^Accept B3/ }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole("button", { name: "Post 3 lines" })).toBeTruthy();
  });

  it("posts the accepted lines after the confirmation, once; a rejected line stays unposted", async () => {
    const { user, b } = await imported();
    await user.click(screen.getByRole("checkbox", { name: /^Accept B1/ }));
    // The ledger is all SEK and has no exchange rates: SEK is the accounting currency.
    const accounting = screen.getByRole("textbox", { name: "Accounting currency" });
    await user.clear(accounting);
    await user.type(accounting, "sek");
    await user.click(screen.getByRole("button", { name: "Post 2 lines" }));
    expect(b.sheet("Settlement journal")).toBeUndefined();
    const dialog = await screen.findByRole("alertdialog", { name: "Post the accepted payments?", hidden: true });
    expect(dialog.textContent).toMatch(/2 statement lines \(SEK\s1,479\.00\) become payments/);
    await user.click(within(dialog).getByRole("button", { name: "Post", hidden: true }));
    expect(screen.queryByRole("alert")?.textContent ?? "").toBe("");
    expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toMatch(/^2 payments posted with 2 settlements: \d+ journal lines in Settlement journal\.$/);
    expect(ledgerAmount(b, "INV-1")).toBe(1250);
    expect(ledgerAmount(b, "INV-2")).toBe(0);
    expect(ledgerAmount(b, "B2")).toBe(0);
    // The posted lines leave the review; B1 is still there to post.
    expect(screen.getByText("2 lines of the statement are posted already.")).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "High confidence (1)" })).getByRole("listitem").getAttribute("aria-label")).toBe("Statement line B1");
  });

  it("changes a line's customer and items, and undoes the change", async () => {
    const { user } = await imported();
    await user.click(screen.getByRole("button", { name: "Change B4" }));
    const editor = screen.getByRole("group", { name: "Change the match of B4" });
    await user.click(within(editor).getByRole("checkbox", { name: /^INV-3 / }));
    await user.click(within(editor).getByRole("button", { name: "Use this match" }));
    const line = screen.getByRole("listitem", { name: "Statement line B4" });
    expect(within(line).getByText("On account: SEK 999.00")).toBeTruthy();
    expect(within(line).getByText("Why: Chosen in review: on account")).toBeTruthy();
    await user.click(within(line).getByRole("button", { name: "Undo change of B4" }));
    expect(within(screen.getByRole("listitem", { name: "Statement line B4" })).getByText("Settles INV-3: SEK 999.00")).toBeTruthy();
  });

  describe("invalid input", () => {
    it("a statement line without an amount is refused, naming the line, and nothing is written", async () => {
      const b = book();
      const user = userEvent.setup();
      render(<App gateway={createGateway(b.run)} todaySerial={46030} initialScreen="bank" language="en" />);
      await user.upload(screen.getByLabelText(/Bank statement file/), csvFile("LineId;Date;Amount;Currency\nX1;2025-12-05;;SEK"));
      await user.click(screen.getByRole("button", { name: "Import statement" }));
      expect((await screen.findByRole("alert")).textContent).toMatch(/row 2/);
      expect(b.sheet("Statement")).toBeUndefined();
    });
  });
});
