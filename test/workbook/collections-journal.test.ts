/**
 * One reader for the collections journals: what the task pane posts (collectionsJournalOutput) and
 * what CC.INTERESTJOURNAL, CC.CHARGECORRECT and `cc nsf` read are the same rows, read by
 * src/workbook/collections-journal.ts, in either of Excel's date systems.
 */
import { correctCharges, feeJournal, interestNotes, proposeWriteOff, type InterestCode } from "../../src/domain/collections";
import { unwrap } from "../../src/domain/errors";
import type { JournalLine } from "../../src/domain/journal";
import { collectionsJournalOutput } from "../../src/taskpane/collections/logs";
import { readCollectionsJournal, readJournalLines } from "../../src/workbook/collections-journal";
import { readTransactions } from "../../src/workbook/transactions";
import { WRITEOFF_JOURNAL_HEADER } from "../../src/workbook/writeoff";
import { Prng } from "../../src/cli/_lib/prng";
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

  it("reads a hole of a sparse range as the blank row it stands for, not a crash", () => {
    const rows: unknown[][] = sheet(fee.lines);
    const sparse: unknown[][] = [rows[0] as unknown[], rows[1] as unknown[]];
    sparse[3] = rows[2] as unknown[];
    const dense = [rows[0] as unknown[], rows[1] as unknown[], [], rows[2] as unknown[]];
    const read = readCollectionsJournal(sparse, { name: "Fee journal" });
    expect(read).toStrictEqual(readCollectionsJournal(dense, { name: "Fee journal" }));
    expect(read.ok ? [] : read.errors.map((e) => e.row)).toContain(3);
  });
});

describe("the fast path and the rule read every row alike", () => {
  /** The fast reader and the rule alone: the same lines, or the same errors in the same order. */
  const expectSameAsRule = (range: unknown[][], options: { dateSystem?: "1900" | "1904"; roundAmounts?: boolean } = {}): void => {
    const fast = readCollectionsJournal(range, { name: "Charges", ...options });
    const rule = readCollectionsJournal(range, { name: "Charges", ...options, byRule: true });
    expect(fast.ok).toBe(rule.ok);
    expect(fast.ok ? fast.value : fast.errors).toStrictEqual(rule.ok ? rule.value : rule.errors);
  };

  it("gives the same lines and errors as the rule for random mixes of clean and dirty cells", () => {
    const rng = new Prng(16);
    const pick = <T>(xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;
    const texts = ["J1", " J2", "", null, 2050, "#REF!", "#1 ok", { error: "#N/A" }, "Kund Ä", true, "  "];
    const numbers = [1, 2, 0, -1, 2.5, "3", 1e15, null, "", "x", Number.NaN, 45000, 45000.5, 10, 3e6, "2024-01-31", "2024-02-30"];
    const amounts = [12.34, -5, 0, -0, "12.34", "(5)", 1.005, 0.1 + 0.2, null, "", "abc", 1e20, true, 33.3333, 4e15];
    const currencies = ["USD", "usd", "", null, "XXX", "JPY", " EUR ", "KWD", 5, "#N/A"];
    const types = ["Customer", "ledger", "SalesTax", " Ledger ", "", null, "bogus", 3];
    for (let round = 0; round < 80; round++) {
      const extra = round % 4 === 0;
      const header: string[] = [...WRITEOFF_JOURNAL_HEADER];
      // Columns in another order, an optional one missing, or an extra one.
      if (round % 5 === 1) header.reverse();
      if (round % 5 === 2) header.splice(header.indexOf("TaxAccount"), 1);
      if (extra) header.push("Note");
      const range: unknown[][] = [header];
      const dirty = round % 3 === 0 ? 1 : round % 3 === 1 ? 0.05 : 0;
      for (let i = 0; i < 30; i++) {
        const clean = rng.next() >= dirty;
        const debitSide = rng.next() < 0.5;
        const cells: Record<string, unknown> = clean
          ? {
              JournalId: pick(["INT-1", "INT-2"]), Line: i + 1, Date: pick([45000, 45001.75]), LineType: pick(["Customer", "Ledger", "SalesTax", "customer"]), Customer: pick(["C1", "C2"]),
              Currency: pick(["USD", "usd", "JPY", "KWD", null]), Dimension: pick(["North", null, ""]), PostingProfile: pick(["GEN", null]), TaxAccount: pick(["2610", null]),
              TaxCode: pick(["STD", null]), Debit: debitSide ? pick([12, 0.5, 0, 1.25]) : pick([null, ""]), Credit: debitSide ? pick([null, ""]) : pick([12, 7, 0, 0.25]),
              Reason: pick(["INTEREST", null]), Account: pick(["3900", null, ""]), Voucher: `V${i}`, OffsetVoucher: pick(["I1", null]), AccountingAmount: pick([12, -7, 0, 3.5]),
              AccountingCurrency: pick(["USD", "SEK", "jpy"]), AccountRole: pick(["Customer", "Interest", "InterestWaived"]), LinkId: `L${i >> 1}`, CorrectsJournalId: pick([null, "", "INT-0"]), Note: pick(["x", 1, null]),
            }
          : {
              JournalId: pick(texts), Line: pick(numbers), Date: pick(numbers), LineType: pick(types), Customer: pick(texts), Currency: pick(currencies), Dimension: pick(texts),
              PostingProfile: pick(texts), TaxAccount: pick(texts), TaxCode: pick(texts), Debit: pick(amounts), Credit: pick(amounts), Reason: pick(texts), Account: pick(texts),
              Voucher: pick(texts), OffsetVoucher: pick(texts), AccountingAmount: pick(amounts), AccountingCurrency: pick(currencies), AccountRole: pick(texts), LinkId: pick(texts),
              CorrectsJournalId: pick(texts), Note: pick(texts),
            };
        range.push(header.map((h) => cells[h]));
      }
      expectSameAsRule(range);
      expectSameAsRule(range, { dateSystem: "1904", roundAmounts: true });
    }
  });

  it("makes each line of readJournalLines when asked, as readCollectionsJournal gives it, and corrects charges from it as from an array", () => {
    // Fast rows and rule rows (a Customer cell with spaces to trim) mixed.
    const customer = WRITEOFF_JOURNAL_HEADER.indexOf("Customer");
    const rows = sheet([...(note?.journal ?? []), ...fee.lines]).map((r, i) => (i === 2 ? r.map((v, j) => (j === customer ? ` ${String(v)} ` : v)) : r));
    const lines = unwrap(readJournalLines(rows, { name: "Charges" }));
    const records = unwrap(readCollectionsJournal(rows, { name: "Charges", byRule: true }));
    expect(lines.length).toBe(records.length);
    for (let i = 0; i < lines.length; i++) {
      expect(lines.at(i)).toStrictEqual(records[i]);
    }
    for (const kind of ["Waive", "Reverse"] as const) {
      expect(correctCharges({ kind, dateSerial: due + 60, reason: "WHY", charges: lines })).toStrictEqual(correctCharges({ kind, dateSerial: due + 60, reason: "WHY", charges: records }));
    }
    const waived = unwrap(correctCharges({ kind: "Waive", dateSerial: due + 60, reason: "WHY", charges: records, offsetVouchers: ["I1"] })).lines;
    expect(correctCharges({ kind: "Reinstate", dateSerial: due + 61, reason: "WHY", charges: lines, offsetVouchers: ["I1", "L1"], posted: waived })).toStrictEqual(
      correctCharges({ kind: "Reinstate", dateSerial: due + 61, reason: "WHY", charges: records, offsetVouchers: ["I1", "L1"], posted: waived }),
    );
  });

  it("counts the amounts of fast and rule rows towards the 2^53 limit of each money column", () => {
    const rows = sheet(fee.lines);
    const debit = WRITEOFF_JOURNAL_HEADER.indexOf("Debit");
    const credit = WRITEOFF_JOURNAL_HEADER.indexOf("Credit");
    const acc = WRITEOFF_JOURNAL_HEADER.indexOf("AccountingAmount");
    const customer = WRITEOFF_JOURNAL_HEADER.indexOf("Customer");
    // Every third row is read by the rule (its Customer cell has spaces to trim). JPY: whole units, so 9e14 is 9e14 minor units; ten such lines pass 2^53 (about 9.007e15).
    const big = (d: unknown, c: unknown): unknown[][] => {
      const out: unknown[][] = [rows[0] as unknown[]];
      for (let i = 0; i < 12; i++) out.push((rows[1] as unknown[]).map((v, j) => (j === debit ? d : j === credit ? c : j === acc ? 1 : j === customer && i % 3 === 0 ? ` ${String(v)} ` : v)));
      return out;
    };
    for (const range of [big(9e14, null), big(null, 9e14)]) {
      expectSameAsRule(range);
      const read = readCollectionsJournal(range, { name: "Charges" });
      expect(read.ok ? [] : read.errors.map((e) => [e.code, e.row])).toEqual([["amounts_must_sum_within_2_53_minor_units", 12], ["amounts_must_sum_within_2_53_minor_units", 13]]); // the row past the limit and every one after
    }
  });
});
