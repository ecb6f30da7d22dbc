/** @jest-environment jsdom */
import "./_lib/dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { GatewayProvider } from "../../src/taskpane/hooks/gateway-context";
import { I18nProvider } from "../../src/taskpane/i18n/I18nProvider";
import { SettlementWizard } from "../../src/taskpane/screens/SettlementWizard";
import sample from "../../samples/sample-ledger.json";
import { COLLECTIONS_TABLES } from "../../preview/collections-seed";
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import { serialFromYmd } from "../../src/domain/dates";
import { bookWithLedger } from "./_lib/ledger";

jest.setTimeout(400000);

const AS_OF = 42302; // 2015-10-25, the W1 payment date

async function setup(screenId?: "settle" | "aging") {
  const book = bookWithLedger();
  const user = userEvent.setup();
  await act(async () => {
    render(<App gateway={createGateway(book.run)} todaySerial={AS_OF} {...(screenId !== undefined ? { initialScreen: screenId } : {})} />);
  });
  return { book, user };
}

describe("the task pane shell", () => {
  it("offers the four screens as tabs", async () => {
    await setup();
    const tabs = within(screen.getByRole("tablist", { name: "Screens" })).getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("value"))).toEqual(["settle", "aging", "credit", "limits", "writeoff", "collect", "bank"]);
    for (const name of ["Settle", "Aging", "Credit", "Write-off", "Collections"]) expect(screen.getByRole("tab", { name })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Settle" }).getAttribute("aria-selected")).toBe("true");
  });

  // Arrow keys between tabs need layout (tabster): the browser test covers them.
  it("is usable by keyboard: the tabs are focusable buttons and Enter opens a focused one", async () => {
    const { user } = await setup();
    for (const tab of screen.getAllByRole("tab")) expect(tab.tabIndex).toBeGreaterThanOrEqual(0);
    screen.getByRole("tab", { name: "Aging" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { name: "Aging workbook" })).toBeTruthy();
  });
});

describe("the aging workbook screen", () => {
  it("creates the aging sheet and says where", async () => {
    const { book, user } = await setup("aging");
    await user.click(screen.getByRole("button", { name: "Create aging sheet" }));
    expect((await screen.findByRole("status")).textContent).toMatch("Created sheet Aging 2015-10-25");
    expect(book.sheet("Aging 2015-10-25")?.charts).toHaveLength(1);
  });

  it("checks the period bounds as they are typed", async () => {
    const { user } = await setup("aging");
    const periods = screen.getByRole("textbox", { name: /Periods/ });
    await user.clear(periods);
    await user.type(periods, "30, x");
    expect(screen.getByText("'x' is not a whole number of days")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Create aging sheet" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("the settlement wizard", () => {
  async function proposeW1(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole("button", { name: "Load ledger" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: /Customer/ }), "2050");
    expect((screen.getByRole("combobox", { name: "Payment" }) as HTMLSelectElement).selectedOptions[0]?.textContent).toMatch(/PAY-1/);
    await user.click(screen.getByRole("button", { name: "Propose settlement" }));
    return screen.findByRole("region", { name: "4. Review" });
  }

  it("proposes W1 by due date: invoices 1, 2 and 350.00 of invoice 3, the interest note untouched", async () => {
    const { user } = await setup();
    await proposeW1(user);
    const amount = (v: string) => screen.getByRole("textbox", { name: new RegExp(`Amount to settle on ${v} `) });
    expect([amount("INV-1"), amount("INV-2"), amount("INV-3"), amount("INT-1")].map((i) => (i as HTMLInputElement).value)).toEqual(["100.00", "250.00", "350.00", "0.00"]);
    expect(screen.getByLabelText(/^Unapplied remainder/).textContent).toBe("$0.00");
  });

  it("validates an edited amount live and recomputes the remainder", async () => {
    const { user } = await setup();
    await proposeW1(user);
    const inv3 = screen.getByRole("textbox", { name: /Amount to settle on INV-3 / });
    await user.clear(inv3);
    await user.type(inv3, "999");
    expect(screen.getByText("The amount to settle is more than the open amount $500.00.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Post settlement" }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(inv3);
    await user.type(inv3, "300");
    expect(screen.getByLabelText(/^Unapplied remainder/).textContent).toBe("$50.00");
  });

  it("posts the journal, updates the open amounts, refuses nothing twice, and unapplies", async () => {
    const { book, user } = await setup();
    await proposeW1(user);
    await user.click(screen.getByRole("button", { name: "Post settlement" }));
    expect((await screen.findByRole("status")).textContent).toMatch(/Posted journal SET-/);
    const ledger = book.usedValues(book.sheet("Ledger") as never);
    expect(ledger.slice(1, 6).map((r) => r[5])).toEqual([0, 0, 150, 7, 0]);
    const journal = book.usedValues(book.sheet("Settlement journal") as never);
    expect(journal[0]?.[0]).toBe("JournalId");
    expect(journal.length).toBeGreaterThan(6);
    // PAY-1 is fully applied: the wizard offers a typed payment next.
    expect((screen.getByRole("radio", { name: "Type a payment" }) as HTMLInputElement).checked).toBe(true);
    const posted = screen.getByRole("region", { name: "Posted settlements" });
    await user.click(within(posted).getByRole("button", { name: /^Unapply SET-/ }));
    // Unapply asks first (jsdom never ends the dialog's open motion, so it stays aria-hidden here).
    const dialog = await screen.findByRole("alertdialog", { name: "Unapply this settlement?", hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Unapply", hidden: true }));
    expect((await screen.findByRole("status")).textContent).toMatch(/Unapplied SET-/);
    const reopened = book.usedValues(book.sheet("Ledger") as never);
    expect(reopened.slice(1, 6).map((r) => r[5])).toEqual([100, 250, 500, 7, -700]);
  });

  it("takes the payment from the selected ledger row, and refuses a debit row", async () => {
    const { book, user } = await setup();
    await user.click(screen.getByRole("button", { name: "Load ledger" }));
    book.selection = { sheet: "Ledger", row: 1, column: 0 }; // INV-1
    await user.click(await screen.findByRole("button", { name: "Use the selected payment row" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Transactions row 2: INV-1 is not an open payment or credit note/);
    book.selection = { sheet: "Ledger", row: 5, column: 3 }; // PAY-1
    await user.click(screen.getByRole("button", { name: "Use the selected payment row" }));
    expect((await screen.findByRole("status")).textContent).toMatch("Using PAY-1 of 2050 from the selected row.");
    expect((screen.getByRole("combobox", { name: /Customer/ }) as HTMLSelectElement).value).toBe("2050");
    expect((screen.getByLabelText("Settlement date") as HTMLInputElement).value).toBe("2015-10-25");
  });

  it("a typed payment becomes a ledger row when posted; the wizard then offers the rows, not the typed voucher again", async () => {
    const { book, user } = await setup();
    await user.click(screen.getByRole("button", { name: "Load ledger" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: /Customer/ }), "2050");
    await user.click(screen.getByRole("radio", { name: "Type a payment" }));
    await user.type(screen.getByRole("textbox", { name: "Amount" }), "150");
    const voucher = screen.getByRole("textbox", { name: "Payment voucher" });
    await user.clear(voucher);
    await user.type(voucher, "BANK-7");
    await user.click(screen.getByRole("button", { name: "Propose settlement" }));
    await user.click(await screen.findByRole("button", { name: "Post settlement" }));
    expect((await screen.findByRole("status")).textContent).toMatch(/Posted journal SET-/);
    expect(book.usedValues(book.sheet("Ledger") as never).at(-1)?.slice(0, 6)).toEqual(["2050", "BANK-7", "Payment", 42302, 42302, 0]);
    // BANK-7 is used up: the wizard moves on to the customer's open payment PAY-1.
    expect((screen.getByRole("radio", { name: "An open payment or credit note" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("combobox", { name: "Payment" }) as HTMLSelectElement).selectedOptions[0]?.textContent).toMatch(/PAY-1/);
  });

  it("refuses to post when the ledger changed after the proposal", async () => {
    const { book, user } = await setup();
    await proposeW1(user);
    const s = book.sheet("Ledger");
    if (s === undefined) throw new Error("no ledger");
    book.setCell(s, 1, 5, { value: 90, format: "General" });
    await user.click(screen.getByRole("button", { name: "Post settlement" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/changed since the proposal/);
    expect(book.sheet("Settlement journal")).toBeUndefined();
  });
});

describe("Collections -> Settle", () => {
  it("opens the settlement wizard on the customer chosen in the collections workspace", async () => {
    const book = seedWorkbook({ ...(sample as unknown as SampleJson), ...COLLECTIONS_TABLES });
    const user = userEvent.setup();
    await act(async () => {
      render(<App gateway={createGateway(book.run)} todaySerial={serialFromYmd(2025, 12, 31)} initialScreen="collect" />);
    });
    await user.click(screen.getByRole("button", { name: "Load workspace" }));
    await screen.findByRole("grid", { name: "Customers" }, { timeout: 20000 });
    // A small grid (as the collections tests narrow it): pool Regional, agent Chen, "echo".
    await user.selectOptions(screen.getByRole("combobox", { name: "Pool" }), "Regional");
    await user.selectOptions(screen.getByRole("combobox", { name: "Agent" }), "Chen");
    await user.click(screen.getByRole("searchbox", { name: /Search customers/ }));
    await user.paste("echo");
    const customer = "C0116";
    await user.click(within(screen.getByRole("grid", { name: "Customers" })).getByRole("button", { name: "C0116 Echo Pharma SA" }));
    const detail = screen.getByRole("region", { name: "C0116 Echo Pharma SA" });
    await user.click(within(detail).getByRole("button", { name: "Settle in the settlement wizard" }));
    expect(screen.getByRole("tab", { name: "Settle" }).getAttribute("aria-selected")).toBe("true");
    // The wizard loads the ledger by itself and chooses that customer.
    const chosen = (await screen.findByRole("combobox", { name: "Customer" }, { timeout: 20000 })) as HTMLSelectElement;
    expect(chosen.value).toBe(customer);
    expect(screen.getByRole("group", { name: "2. Payment" })).toBeTruthy();
  });
});

describe("the shell's invalid input", () => {
  it("a customer asked for without open items is named, and none is chosen", async () => {
    const book = bookWithLedger();
    await act(async () => {
      render(<SettlementWizardHost book={book} customer="NOPE" />);
    });
    expect((await screen.findByRole("status")).textContent).toBe("NOPE has no open items in Transactions.");
    expect((screen.getByRole("combobox", { name: "Customer" }) as HTMLSelectElement).value).toBe("");
  });
});

/** The wizard alone, opened on a customer, as App mounts it. */
function SettlementWizardHost({ book, customer }: { book: ReturnType<typeof bookWithLedger>; customer: string }): React.JSX.Element {
  return (
    <I18nProvider initial="en">
      <GatewayProvider gateway={createGateway(book.run)}>
        <SettlementWizard todaySerial={AS_OF} initialCustomer={customer} />
      </GatewayProvider>
    </I18nProvider>
  );
}
