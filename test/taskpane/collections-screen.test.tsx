/** @jest-environment jsdom */
import "./_lib/dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import sample from "../../samples/sample-ledger.json";
import { COLLECTIONS_TABLES } from "../../preview/collections-seed";
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import { serialFromYmd } from "../../src/domain/dates";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { FALLBACK_VIEWPORT_PX } from "../../src/taskpane/collections/virtual-window";
import { CUSTOMER_ROW_PX } from "../../src/taskpane/screens/collections-styles";

jest.setTimeout(400000);

/** Typing key by key re-renders the pane per key; pasting is one change (the machine is shared and slow). */
async function fill(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string): Promise<void> {
  await user.click(el);
  await user.paste(text);
}

async function setup() {
  const book = seedWorkbook({ ...(sample as unknown as SampleJson), ...COLLECTIONS_TABLES });
  const user = userEvent.setup();
  await act(async () => {
    render(<App gateway={createGateway(book.run)} todaySerial={serialFromYmd(2025, 12, 31)} initialScreen="collect" />);
  });
  return { book, user };
}

const rows = (book: ReturnType<typeof seedWorkbook>, sheet: string) => book.usedValues(book.sheet(sheet) as never);

async function openCustomer(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Load workspace" }));
  expect((await screen.findByRole("status", {}, { timeout: 10000 })).textContent).toMatch(/\d+ customers loaded; 3 pools/);
  await user.selectOptions(screen.getByRole("combobox", { name: "Pool" }), "Regional");
  await user.selectOptions(screen.getByRole("combobox", { name: "Agent" }), "Chen");
  await fill(user, screen.getByRole("searchbox", { name: /Search customers/ }), "echo");
  const grid = screen.getByRole("grid", { name: "Customers" });
  await user.click(within(grid).getByRole("button", { name: "C0116 Echo Pharma SA" }));
  return screen.getByRole("region", { name: "C0116 Echo Pharma SA" });
}

describe("the collections workspace", () => {
  it("lists customers by pool and agent, sorted by overdue amount, rendering only the rows in view", async () => {
    const { user } = await setup();
    await user.click(screen.getByRole("button", { name: "Load workspace" }));
    const all = await screen.findByRole("grid", { name: "Customers" }, { timeout: 10000 });
    expect(screen.getByText(/^212 customers$/)).toBeTruthy();
    expect(all.getAttribute("aria-rowcount")).toBe("213");
    expect(within(all).getAllByRole("row").length).toBeLessThan(40);
    await user.selectOptions(screen.getByRole("combobox", { name: "Pool" }), "Small");
    expect(screen.getByText(/^70 customers$/)).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Agent" }), "Dana");
    expect(screen.getByText(/^14 customers/)).toBeTruthy();
    const grid = screen.getByRole("grid", { name: "Customers" });
    // The header and the rows in view: jsdom has no layout, so the window is the fallback viewport
    // over the fixed row height, plus the list's 6 rows of overscan.
    expect(within(grid).getAllByRole("row")).toHaveLength(1 + Math.min(14, Math.ceil(FALLBACK_VIEWPORT_PX / CUSTOMER_ROW_PX) + 6));
    expect(within(grid).getAllByRole("row")[1]?.textContent).toMatch(/^C0191 Orion Machines plc\$14,301.15/);
  });

  it("shows a field's error next to it and records a promise to pay in the ledger and the activity log", async () => {
    const { book, user } = await setup();
    const detail = await openCustomer(user);
    expect(within(detail).getByText("Credit limit")).toBeTruthy();
    await user.click(within(detail).getByRole("button", { name: "Status and promise to pay" }));
    const form = within(detail).getByRole("form", { name: "Status and promise to pay" });
    await user.click(within(form).getByRole("button", { name: "Save status" }));
    expect(await within(form).findByText(/A promise to pay needs an amount above zero/)).toBeTruthy();
    expect(book.sheet("Collection activities")).toBeUndefined();
    const voucher = (within(form).getByRole("combobox", { name: "Item" }) as HTMLSelectElement).value;
    await user.type(within(form).getByRole("textbox", { name: /Promise amount/ }), "100{Enter}");
    expect((await within(form).findByRole("status")).textContent).toMatch(`${voucher} is now Promise to pay`);
    const ledger = rows(book, "Transactions");
    const h = ledger[0] ?? [];
    const row = ledger.find((r) => r[h.indexOf("Voucher")] === voucher) ?? [];
    expect([row[h.indexOf("Status")], row[h.indexOf("PromiseAmount")]]).toEqual(["PromiseToPay", 100]);
    expect(rows(book, "Collection activities")[1]?.slice(2, 5)).toEqual(["C0116", "", "Call"]);
  });

  it("logs an activity, opens a case, posts a letter and an interest note, and waives the interest", async () => {
    const { book, user } = await setup();
    const detail = await openCustomer(user);
    // Log a call, open a case.
    await user.click(within(detail).getByRole("button", { name: "Activities and cases" }));
    await fill(user, within(detail).getByRole("textbox", { name: "Outcome" }), "Left a voicemail");
    await user.click(within(detail).getByRole("button", { name: "Log activity" }));
    expect((await within(detail).findByRole("status")).textContent).toMatch("Call logged");
    expect(within(within(detail).getByRole("list", { name: "Activity history" })).getAllByRole("listitem")[0]?.textContent).toMatch("Left a voicemail");
    await user.click(within(detail).getByRole("button", { name: "Open a case on the overdue items" }));
    expect((await within(detail).findByRole("status")).textContent).toMatch(/Opened case CASE-/);
    expect(rows(book, "Collection cases")[1]?.[2]).toBe("Open");
    // A letter, previewed then posted.
    await user.click(within(detail).getByRole("button", { name: "Collection letter" }));
    await user.click(within(detail).getByRole("button", { name: "Preview letter" }));
    expect(within(detail).getByText(/Letter Reminder \(level 1, USD\)/)).toBeTruthy();
    // Why it is due, from the engine's figures in the pane's words (the same sentence CC.LETTERS writes in English).
    expect(within(detail).getByText(/Letter Reminder \(level 1, USD\)/).textContent).toMatch(/oldest item \d+ days past due \(grace \d+\)$/);
    await user.click(within(detail).getByRole("button", { name: "Post letter" }));
    expect((await within(detail).findByRole("status")).textContent).toMatch(/Posted letter LET-/);
    expect(rows(book, "Collection letters")[1]?.slice(1, 5)).toEqual(["C0116", "USD", "Reminder", 1]);
    // An interest note, then waived.
    await user.click(within(detail).getByRole("button", { name: "Interest note" }));
    await user.click(within(detail).getByRole("button", { name: "Preview interest note" }));
    expect(within(detail).getAllByText(/days at 1.5 % →/).length).toBeGreaterThan(0);
    await user.click(within(detail).getByRole("button", { name: "Post interest note" }));
    expect((await within(detail).findByRole("status")).textContent).toMatch(/Posted interest note INT-/);
    const noteId = String(rows(book, "Interest journal")[1]?.[0]);
    await user.click(within(detail).getByRole("button", { name: "Interest and fees posted" }));
    await user.click(within(detail).getByRole("button", { name: `Waive ${noteId}` }));
    expect((await within(detail).findAllByRole("alert")).map((a) => a.textContent).join(" ")).toMatch(/needs a reason code/);
    await fill(user, within(detail).getByRole("textbox", { name: /Reason code/ }), "GOODWILL");
    await user.click(within(detail).getByRole("button", { name: `Waive ${noteId}` }));
    expect((await within(detail).findByRole("status")).textContent).toMatch(/Waiver posted as/);
    expect(rows(book, "Charge corrections")[1]?.[20]).toBe(noteId);
  });

  it("cancels a bounced payment and writes off, each only after a confirmation dialog", async () => {
    const { book, user } = await setup();
    const detail = await openCustomer(user);
    // NSF: previewed, then confirmed in a dialog.
    await user.click(within(detail).getByRole("button", { name: "Bounced payment (NSF)" }));
    const nsf = within(detail).getByRole("form", { name: "Bounced payment (NSF)" });
    await fill(user, within(nsf).getByRole("textbox", { name: /Reason code/ }), "NSF");
    await fill(user, within(nsf).getByRole("textbox", { name: /NSF fee/ }), "25");
    await user.click(within(nsf).getByRole("button", { name: "Preview NSF" }));
    expect(within(nsf).getByText(/Cancels PAY-001113; reopens 0 items; fee \$25.00/)).toBeTruthy();
    await user.click(within(nsf).getByRole("button", { name: "Post NSF" }));
    // jsdom never ends the dialog's open motion, so it stays aria-hidden here; Chromium checks it for real.
    const dialog = await screen.findByRole("alertdialog", { name: "Cancel this payment?", hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    expect(book.sheet("NSF journal")).toBeUndefined();
    await user.click(within(nsf).getByRole("button", { name: "Post NSF" }));
    await user.click(within(await screen.findByRole("alertdialog", { hidden: true })).getByRole("button", { name: "Post NSF", hidden: true }));
    expect((await within(detail).findByRole("status")).textContent).toMatch(/Posted NSF NSF-/);
    expect(rows(book, "NSF journal")).toHaveLength(3);
    // Write-off, confirmed.
    await user.click(within(detail).getByRole("button", { name: "Write-off" }));
    const wo = within(detail).getByRole("form", { name: "Write-off" });
    await user.type(within(wo).getByRole("textbox", { name: /Reason code/ }), "BADDEBT{Enter}");
    expect(within(wo).getByText(/Writes off \d+ items/)).toBeTruthy();
    await user.click(within(wo).getByRole("button", { name: "Post write-off" }));
    await user.click(within(await screen.findByRole("alertdialog", { name: "Write off these items?", hidden: true })).getByRole("button", { name: "Post write-off", hidden: true }));
    expect((await within(detail).findByRole("status")).textContent).toMatch(/Posted write-off WRI-/);
    expect(within(detail).getByText("No open items.")).toBeTruthy();
  });
});
