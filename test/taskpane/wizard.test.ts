import { Workbook } from "../../preview/workbook";
import { createGateway } from "../../src/taskpane/office/gateway";
import { type Ledger, loadLedger, openCustomers, openItems } from "../../src/taskpane/settlement/ledger";
import { checkAmount, creditItem, postProposal, propose, readHistory, unapply, unappliable, type WizardInput, writeBackOf } from "../../src/taskpane/settlement/wizard";
import type { JournalLine } from "../../src/domain/journal";
import { bookWithLedger, W1 } from "./_lib/ledger";

async function ledger(book: Workbook = bookWithLedger()): Promise<Ledger> {
  const l = await loadLedger(createGateway(book.run), "Transactions");
  if (!l.ok) throw new Error(JSON.stringify(l.errors));
  return l.value;
}

const base: WizardInput = { customer: "2050", payment: { kind: "row", voucher: "PAY-1" }, dateSerial: 42302, method: "duedate", options: {} };
const settled = (l: Ledger, input: WizardInput) => {
  const p = propose(l, input);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return Object.fromEntries(p.value.lines.map((x) => [x.item.voucher, x.amountToSettleMinor]));
};

describe("the settlement wizard's steps", () => {
  it("lists customers with open items and splits credits from debits", async () => {
    const l = await ledger();
    expect(openCustomers(l)).toEqual(["=1+1", "2050"]);
    const items = openItems(l, "2050");
    expect(items.credits.map((t) => t.voucher)).toEqual(["PAY-1"]);
    expect(items.debits.map((t) => t.voucher)).toEqual(["INV-1", "INV-2", "INV-3", "INT-1"]);
  });

  it("W1 by due date and by priority", async () => {
    const l = await ledger();
    expect(settled(l, base)).toEqual({ "INV-1": 10000, "INV-2": 25000, "INV-3": 35000, "INT-1": 0 });
    expect(settled(l, { ...base, method: "priority" })).toEqual({ "INT-1": 700, "INV-1": 10000, "INV-2": 25000, "INV-3": 34300 });
  });

  it("edited amounts become marks; the rest of the payment stays unapplied", async () => {
    const l = await ledger();
    const p = propose(l, { ...base, marks: new Map([["INV-1", 10000], ["INV-3", 20000]]) });
    expect(p.ok && p.value.unappliedMinor).toBe(40000);
  });

  it("a typed payment settles without a row of its own", async () => {
    const l = await ledger();
    expect(settled(l, { ...base, payment: { kind: "typed", voucher: "BANK-7", amount: "150", currency: "usd" } })).toMatchObject({ "INV-1": 10000, "INV-2": 5000 });
  });

  it("the write-back sets each changed row's Amount and remembers the row as read", async () => {
    const l = await ledger();
    const wb = writeBackOf(l, [{ customer: "2050", voucher: "INV-2", currency: "USD", deltaMinor: -5000 }, { customer: "2050", voucher: "BANK-7", currency: "USD", deltaMinor: 15000 }]);
    expect(wb.updates).toEqual([{ rowNumber: 3, header: "Amount", value: 200, numberFormat: "#,##0.00" }]);
    expect(wb.expected).toEqual([{ rowNumber: 3, values: W1[2] }]);
  });

  it("lists posted settlements latest first, without the ones already reversed", () => {
    const line = (journalId: string, voucher: string, corrects?: string): JournalLine => ({
      journalId, lineNumber: 1, dateSerial: 42302, customer: "2050", voucher, offsetVoucher: "", amountMinor: 1, currency: "USD", accountingMinor: 1,
      accountingCurrency: "USD", accountType: "Customer", accountRole: "Customer", reason: "", linkId: "L", ...(corrects !== undefined ? { correctsJournalId: corrects } : {}),
    });
    const history = [line("SET-1", "INV-1"), line("SET-2", "INV-2"), line("SET-3", "INV-3"), line("UNA-1", "INV-3", "SET-3")];
    expect(unappliable(history).map((s) => s.journalId)).toEqual(["SET-2", "SET-1"]);
    expect(unappliable(history, "other")).toEqual([]);
  });

  describe("invalid input", () => {
    it.each([
      ["", "USD", "BANK", "payment_must_be_an_amount"],
      ["abc", "USD", "BANK", "payment_must_be_an_amount"],
      ["0", "USD", "BANK", "payment_amount_must_be_positive"],
      ["10.001", "USD", "BANK", "payment_must_be_an_amount"],
      ["10", "XYZ", "BANK", "currency_must_be_known"],
      ["10", "USD", " ", "payment_voucher_must_not_be_blank"],
    ])("a typed payment of %j %s (voucher %j) is refused: %s", async (amount, currency, voucher, code) => {
      const l = await ledger();
      const r = creditItem(l, { ...base, payment: { kind: "typed", voucher, amount, currency } });
      expect(!r.ok && r.errors[0]?.code).toBe(code);
    });

    it("a payment that is not an open item of the customer is refused", async () => {
      const l = await ledger();
      const r = creditItem(l, { ...base, payment: { kind: "row", voucher: "INV-1X" } });
      expect(!r.ok && r.errors[0]?.code).toBe("payment_must_be_an_open_credit_item");
    });

    it.each([
      ["", true, 0],
      ["100", true, 10000],
      ["99.99", true, 9999],
      ["100.01", false, "amount_to_settle_must_not_exceed_open"],
      ["-1", false, "amount_to_settle_must_not_be_negative"],
      ["1.234", false, "amount_to_settle_must_be_an_amount"],
      ["ten", false, "amount_to_settle_must_be_an_amount"],
    ])("an edited amount %j: ok=%s (%s)", async (text, good, want) => {
      const l = await ledger();
      const p = propose(l, base);
      if (!p.ok) throw new Error("no proposal");
      const line = p.value.lines.find((x) => x.item.voucher === "INV-1");
      if (line === undefined) throw new Error("no line");
      const r = checkAmount(text, line);
      expect(r.ok).toBe(good);
      expect(r.ok ? r.value : r.errors[0]?.code).toBe(want);
    });

    it("a ledger without a Voucher column is refused with the table named", async () => {
      const book = new Workbook();
      book.seed("L", [["Customer", "Amount"], ["A", 1]], "Transactions");
      const r = await loadLedger(createGateway(book.run), "Transactions");
      expect(!r.ok && r.errors[0]).toMatchObject({ table: "Transactions" });
    });
  });
});

describe("posting and unapplying through the gateway", () => {
  async function posted() {
    const book = bookWithLedger();
    const gw = createGateway(book.run);
    const l = await ledger(book);
    const p = propose(l, base);
    if (!p.ok) throw new Error("no proposal");
    const first = await postProposal(gw, l, { proposal: p.value, accountingCurrency: "USD", history: [] });
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const h = await readHistory(gw);
    if (!h.ok) throw new Error(JSON.stringify(h.errors));
    return { book, gw, l, proposal: p.value, journalId: first.value.journalId, history: h.value };
  }

  it("refuses the same proposal twice, by its journal ID", async () => {
    const { gw, l, proposal, journalId, history } = await posted();
    const again = await postProposal(gw, l, { proposal, accountingCurrency: "USD", history });
    expect(!again.ok && again.errors[0]?.message).toBe(`journal ${journalId} has already been posted; it was not posted again`);
  });

  it("after an unapply, the same settlement can be posted again under a new ID", async () => {
    const { book, gw, journalId, history } = await posted();
    const fresh = await ledger(book);
    const u = await unapply(gw, fresh, history, journalId, 42303);
    expect(u.ok).toBe(true);
    const reopened = await ledger(book);
    expect(reopened.transactions.slice(0, 5).map((t) => t.amountMinor)).toEqual([10000, 25000, 50000, 700, -70000]);
    const h2 = await readHistory(gw);
    if (!h2.ok) throw new Error("no history");
    const p = propose(reopened, base);
    if (!p.ok) throw new Error("no proposal");
    const again = await postProposal(gw, reopened, { proposal: p.value, accountingCurrency: "USD", history: h2.value });
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.value.journalId).toMatch(/^SET-/);
    expect(again.value.journalId).not.toBe(journalId);
    expect(unappliable(h2.value)).toEqual([]);
  });
});
