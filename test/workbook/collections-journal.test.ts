/**
 * One reader for the collections journals: what the task pane posts (collectionsJournalOutput) and
 * what CC.INTERESTJOURNAL, CC.CHARGECORRECT and `cc nsf` read are the same rows, read by
 * src/workbook/collections-journal.ts, in either of Excel's date systems.
 */
import { correctCharges, feeJournal, interestNotes, proposeWriteOff, type InterestCode } from "../../src/domain/collections";
import { unwrap } from "../../src/domain/errors";
import type { JournalLine } from "../../src/domain/journal";
import { collectionsJournalOutput } from "../../src/taskpane/collections/logs";
import { readCollectionsJournal } from "../../src/workbook/collections-journal";
import { readTransactions } from "../../src/workbook/transactions";
import { WRITEOFF_JOURNAL_HEADER } from "../../src/workbook/writeoff";
import { d, tx } from "../collections/_fixtures";

const due = d("2024-01-01");
const code: InterestCode = { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }] };
const note = unwrap(interestNotes([tx({ customer: "C", voucher: "I1", dueSerial: due, amountMinor: 100000 }), tx({ customer: "C", voucher: "I2", dueSerial: due - 30, amountMinor: 50000 })], due + 45, code))[0];
const fee = unwrap(feeJournal([{ customer: "C", currency: "JPY", amountMinor: 2500, offsetVoucher: "L1" }], { dateSerial: due, reason: "L1", accountRole: "CollectionLetterFee" }));
const waive = unwrap(correctCharges({ kind: "Waive", dateSerial: due + 50, reason: "GOODWILL", charges: note?.journal ?? [], offsetVouchers: ["I2"] }));
const writeOff = unwrap(
  proposeWriteOff(
    unwrap(readTransactions([
      ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Dimension", "PostingProfile", "TaxCode", "TaxAmount"],
      ["C1", "I1", "Invoice", "2024-01-05", "2024-02-04", 125, "USD", "North", "GEN", "STD", 25],
    ])),
    { customer: "C1", dateSerial: 45382, reason: "BADDEBT", separateSalesTax: true },
  ),
);

/** The sheet rows the pane posts: the header, then collectionsJournalOutput's rows. */
const sheet = (lines: readonly JournalLine[]): unknown[][] => [[...WRITEOFF_JOURNAL_HEADER], ...collectionsJournalOutput(lines).rows.map((r) => [...r])];

describe("the collections journal reader the pane, the functions and the CLI share", () => {
  it.each([
    ["an interest note", note?.journal ?? []],
    ["a fee in JPY (no decimals)", fee.lines],
    ["a waive, naming the note it corrects", waive.lines],
    ["a write-off with its sales tax line", writeOff.lines],
  ])("reads back %s exactly as the pane posted it", (_, lines) => {
    expect(lines.length).toBeGreaterThan(0);
    expect(unwrap(readCollectionsJournal(sheet(lines), { name: "Interest journal" }))).toEqual(lines);
  });

  it("reads the waive's CorrectsJournalId and the write-off's SalesTax line type", () => {
    const w = unwrap(readCollectionsJournal(sheet(waive.lines)));
    expect(w.map((l) => [l.accountRole, l.amountMinor, l.correctsJournalId])).toEqual([
      ["Customer", -1875, note?.journalId],
      ["InterestWaived", 1875, note?.journalId],
    ]);
    expect(unwrap(readCollectionsJournal(sheet(writeOff.lines))).map((l) => [l.lineType, l.amountMinor])).toEqual([
      ["Customer", -12500], // the invoice of 125.00, tax 25.00 included
      ["Ledger", 10000],
      ["SalesTax", 2500],
    ]);
  });

  it("reads the dates of a 1904 workbook (serials 1,462 lower) back to the same days", () => {
    const rows = sheet(fee.lines).map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 2 ? Number(v) - 1462 : v))));
    expect(unwrap(readCollectionsJournal(rows, { dateSystem: "1904" })).map((l) => l.dateSerial)).toEqual(fee.lines.map(() => due));
  });
});

describe("invalid input", () => {
  it("refuses a line with both a Debit and a Credit, naming table, row and column", () => {
    const rows = sheet(fee.lines);
    const debit = WRITEOFF_JOURNAL_HEADER.indexOf("Debit");
    const credit = WRITEOFF_JOURNAL_HEADER.indexOf("Credit");
    const bad = rows.map((r, i) => (i === 1 ? r.map((v, j) => (j === debit ? 1 : j === credit ? 2 : v)) : r));
    expect(readCollectionsJournal(bad, { name: "Fee journal" })).toMatchObject({ ok: false, errors: [{ code: "debit_or_credit_must_be_blank", table: "Fee journal", row: 2, column: "Credit" }] });
  });

  it("refuses a blank LinkId and a journal without its JournalId column", () => {
    const rows = sheet(fee.lines);
    const link = WRITEOFF_JOURNAL_HEADER.indexOf("LinkId");
    expect(readCollectionsJournal(rows.map((r, i) => (i === 2 ? r.map((v, j) => (j === link ? "" : v)) : r)), { name: "Fee journal" })).toMatchObject({ ok: false, errors: [{ table: "Fee journal", row: 3, column: "LinkId" }] });
    expect(readCollectionsJournal(rows.map((r) => r.slice(1)), { name: "Fee journal" }).ok).toBe(false);
  });
});
