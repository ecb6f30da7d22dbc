/**
 * Exactly once: every posting has a content-derived ID checked against the workbook before
 * anything is written; posts go through one queue, so a racing second post sees the first; a
 * typed payment becomes a ledger line, so it cannot be applied twice.
 */
import type { Workbook } from "../../preview/workbook";
import { appendLog } from "../../src/taskpane/credit/review";
import { createGateway, type Gateway } from "../../src/taskpane/office/gateway";
import { type Ledger, loadLedger } from "../../src/taskpane/settlement/ledger";
import { postProposal, propose, readHistory, unapply, unappliable, type WizardInput } from "../../src/taskpane/settlement/wizard";
import { bookWithLedger } from "./_lib/ledger";
import { hold } from "./_lib/postings";

const base: WizardInput = { customer: "2050", payment: { kind: "row", voucher: "PAY-1" }, dateSerial: 42302, method: "duedate", options: {} };
const typed = (voucher: string, amount: string): WizardInput => ({ ...base, payment: { kind: "typed", voucher, amount, currency: "USD" } });

async function ledgerOf(gw: Gateway): Promise<Ledger> {
  const l = await loadLedger(gw, "Transactions");
  if (!l.ok) throw new Error(JSON.stringify(l.errors));
  return l.value;
}

async function post(gw: Gateway, ledger: Ledger, input: WizardInput) {
  const p = propose(ledger, input);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const history = await readHistory(gw);
  if (!history.ok) throw new Error("no history");
  return postProposal(gw, ledger, { proposal: p.value, accountingCurrency: "USD", history: history.value });
}

const journalIds = (book: Workbook, table = "SettlementJournal"): string[] => {
  const t = book.table(table);
  if (t === undefined) return [];
  return book.usedValues(t.sheet).slice(t.rowIndex + 1, t.rowIndex + t.rowCount).map((r) => String(r[t.columnIndex]));
};
const ledgerRows = (book: Workbook): unknown[][] => book.usedValues(book.sheet("Ledger") as never);

describe("exactly once in the task pane", () => {
  it("two posts of the same settlement racing on a workbook without a journal table: one journal, one table", async () => {
    const book = bookWithLedger();
    const gw = createGateway(book.run);
    const ledger = await ledgerOf(gw);
    const [a, b] = await Promise.all([post(gw, ledger, base), post(gw, ledger, base)]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect(!b.ok && b.errors[0]?.code).toBe("journal_must_not_be_posted_twice");
    expect(book.tables.map((t) => t.name).filter((n) => n.startsWith("SettlementJournal"))).toEqual(["SettlementJournal"]);
    expect(book.sheets.map((s) => s.name).filter((n) => n.startsWith("Settlement journal"))).toEqual(["Settlement journal"]);
    expect(new Set(journalIds(book)).size).toBe(1);
    expect(ledgerRows(book).slice(1, 6).map((r) => r[5])).toEqual([0, 0, 150, 7, 0]);
  });

  it("two gateways over one workbook share the queue: the second of two different proposals from one reading is refused as stale", async () => {
    const book = bookWithLedger();
    const [gw1, gw2] = [createGateway(book.run), createGateway(book.run)];
    const ledger = await ledgerOf(gw1);
    const [a, b] = await Promise.all([post(gw1, ledger, base), post(gw2, ledger, typed("BANK-7", "150"))]);
    expect(a.ok).toBe(true);
    expect(!b.ok && b.errors[0]?.code).toBe("rows_must_be_unchanged_since_the_proposal");
    expect(book.tables.filter((t) => t.name.startsWith("SettlementJournal"))).toHaveLength(1);
  });

  it("a typed payment becomes a ledger payment line with what remains open of it, and cannot be applied twice", async () => {
    const book = bookWithLedger();
    const gw = createGateway(book.run);
    const ledger = await ledgerOf(gw);
    const first = await post(gw, ledger, typed("BANK-7", "150"));
    expect(first.ok).toBe(true);
    const rows = ledgerRows(book);
    expect(rows.at(-1)).toEqual(["2050", "BANK-7", "Payment", 42302, 42302, 0, "USD", "", ""]);
    expect(rows.slice(1, 3).map((r) => r[5])).toEqual([0, 200]);
    // Against the reloaded ledger it is a ledger row now: typing it again is refused.
    const reloaded = await ledgerOf(gw);
    const again = propose(reloaded, typed("BANK-7", "150"));
    expect(!again.ok && again.errors[0]).toMatchObject({ code: "payment_voucher_must_be_new", row: 8 });
    // The same proposal clicked again: refused by its ID.
    const same = await post(gw, ledger, typed("BANK-7", "150"));
    expect(!same.ok && same.errors[0]?.code).toBe("journal_must_not_be_posted_twice");
    // Another proposal for BANK-7 from the old reading that touches only unchanged rows: refused by the ledger line.
    const other = await post(gw, ledger, { ...typed("BANK-7", "150"), marks: new Map([["INV-3", 15000]]) });
    expect(!other.ok && other.errors[0]).toMatchObject({ code: "appended_row_must_be_new", row: 8 });
    expect(new Set(journalIds(book)).size).toBe(1);
    expect(ledgerRows(book)).toHaveLength(8);
  });

  it("a typed payment larger than the open items stays open on its ledger line, as a credit item to apply later", async () => {
    const book = bookWithLedger();
    const gw = createGateway(book.run);
    const r = await post(gw, await ledgerOf(gw), typed("BANK-8", "1000"));
    expect(r.ok).toBe(true);
    const reloaded = await ledgerOf(gw);
    // 857.00 open, less INV-3's 2% discount (10.00: paid in full before its discount date) = 847.00 used.
    expect(reloaded.byVoucher.get("2050")?.get("BANK-8")?.amountMinor).toBe(-15300);
  });

  it("unapplying twice is refused the second time; the amounts reopen once", async () => {
    const book = bookWithLedger();
    const gw = createGateway(book.run);
    expect((await post(gw, await ledgerOf(gw), base)).ok).toBe(true);
    const ledger = await ledgerOf(gw);
    const history = await readHistory(gw);
    if (!history.ok) throw new Error("no history");
    const id = unappliable(history.value, "2050")[0]?.journalId ?? "";
    const [a, b] = await Promise.all([unapply(gw, ledger, history.value, id, 42310), unapply(gw, ledger, history.value, id, 42310)]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect(ledgerRows(book).slice(1, 6).map((r) => r[5])).toEqual([100, 250, 500, 7, -700]);
  });

  it("a credit-hold action logged twice is refused the second time (its ID is derived from the entry)", async () => {
    const book = bookWithLedger();
    const gw = createGateway(book.run);
    const [a, b] = await Promise.all([appendLog(gw, [hold("SO-1")]), appendLog(gw, [hold("SO-1")])]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect(!b.ok && b.errors[0]).toMatchObject({ code: "journal_must_not_be_posted_twice", row: 2 });
    expect(journalIds(book, "CreditHoldLog")).toEqual(["SO-1"]);
    expect((await appendLog(gw, [hold("SO-1", "another reason")])).ok).toBe(true);
  });

  it("a pending posting whose ledger cell was changed meanwhile is not overwritten: posting says which cell", async () => {
    const book = bookWithLedger();
    const gw = createGateway(book.run);
    const ledger = await ledgerOf(gw);
    const p = propose(ledger, base);
    if (!p.ok) throw new Error("no proposal");
    // Interrupt the post right after its plan was logged: the first sync after the log's table is made.
    const { FaultyWorkbook } = await import("./_lib/faults");
    const faulty = new FaultyWorkbook(book);
    const broken = createGateway(faulty.run);
    faulty.arm("write", 9); // the log is made with 8 writes; the 9th is the first ledger cell
    await postProposal(broken, ledger, { proposal: p.value, accountingCurrency: "USD", history: [] }).catch(() => undefined);
    expect(faulty.fired).toBe(true);
    expect(ledgerRows(book)[1]?.[5]).toBe(100);
    book.setCell(book.sheet("Ledger") as never, 1, 5, { value: 99, format: "General" }); // a user edits INV-1 meanwhile
    const r = await appendLog(gw, [hold("SO-9")]);
    expect(!r.ok && r.errors[0]).toMatchObject({ code: "posting_must_be_completed" });
    expect(!r.ok && r.errors[0]?.message).toMatch(/row 2 holds 99, neither 100 nor 0/);
    expect(book.table("SettlementJournal")).toBeUndefined();
  });
});

describe("a protected Ledger sheet", () => {
  it("a post whose ledger write fails writes no journal; once the sheet is unprotected, clicking Post again completes it once", async () => {
    const { FaultyWorkbook } = await import("./_lib/faults");
    const book = bookWithLedger();
    const faulty = new FaultyWorkbook(book);
    const gw = createGateway(faulty.run);
    const ledger = await ledgerOf(gw);
    const p = propose(ledger, base);
    if (!p.ok) throw new Error("no proposal");
    const click = () => postProposal(gw, ledger, { proposal: p.value, accountingCurrency: "USD", history: [] });
    faulty.protectedSheets.add("Ledger");
    await expect(click()).rejects.toThrow(/AccessDenied/);
    expect(book.table("SettlementJournal")).toBeUndefined();
    expect(ledgerRows(book).slice(1, 6).map((r) => r[5])).toEqual([100, 250, 500, 7, -700]);
    // Reading still works while the sheet is protected, and sees neither half.
    expect((await ledgerOf(gw)).byVoucher.get("2050")?.get("INV-1")?.amountMinor).toBe(10000);
    await expect(click()).rejects.toThrow(/AccessDenied/);
    faulty.protectedSheets.clear();
    const retry = await click();
    expect(retry.ok && retry.value.recovered).toBe(true);
    expect(new Set(journalIds(book)).size).toBe(1);
    expect(journalIds(book)).toHaveLength(6); // three invoices settled, two lines each
    expect(ledgerRows(book).slice(1, 6).map((r) => r[5])).toEqual([0, 0, 150, 7, 0]);
  });
});
