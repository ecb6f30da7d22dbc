import fc from "fast-check";
import { lettersDue, type LetterCode } from "../../src/domain/collections";
import { Prng } from "../../src/cli/_lib/prng";
import { readLedger } from "../../src/workbook/ledger";
import { readTransactions } from "../../src/workbook/transactions";
import { d, tx } from "./_fixtures";

const asOf = d("2024-06-30");
const L = (code: string, graceDays: number, minOverdue = 0, fee = 0, block = false): LetterCode => ({ code, fee, minOverdue, graceDays, block });
const SEQ = [L("L1", 10, 100, 5), L("L2", 14, 100, 10), L("L3", 14, 100, 25, true)];

describe("collection letters", () => {
  const inv = (voucher: string, daysLate: number, amountMinor: number, p: object = {}) => tx({ customer: "C", voucher, dueSerial: asOf - daysLate, amountMinor, ...p });

  it.each([
    ["within the grace days, no letter", 10, []],
    ["one day past the grace days, letter 1", 11, ["L1"]],
  ])("letter 1 counts from the due date: %s", (_name, late, codes) => {
    const r = lettersDue([inv("I1", late as number, 50000)], asOf, SEQ, []);
    expect(r.ok && r.value.map((l) => l.code)).toEqual(codes);
  });

  it("later letters count from the previous letter's date; the last letter of the sequence is not repeated", () => {
    const items = [inv("I1", 90, 50000)];
    const history = (code: string, daysAgo: number) => [{ customer: "C", currency: "", code, dateSerial: asOf - daysAgo, row: 2 }];
    expect(lettersDue(items, asOf, SEQ, history("L1", 14)).ok && lettersDue(items, asOf, SEQ, history("L1", 14))).toEqual({ ok: true, value: [] });
    const r = lettersDue(items, asOf, SEQ, history("L2", 15));
    expect(r.ok && r.value).toEqual([{ customer: "C", currency: "USD", level: 3, code: "L3", feeMinor: 2500, overdueMinor: 50000, block: true, reason: "15 days since letter 2 (grace 14)", basis: { days: 15, graceDays: 14, sinceLevel: 2 }, vouchers: ["I1"] }]);
    expect(lettersDue(items, asOf, SEQ, history("L3", 100))).toEqual({ ok: true, value: [] });
  });

  it("needs the minimum overdue balance, nets credits unless told not to, and skips disputes and live promises", () => {
    const items = [inv("I1", 30, 15000), inv("I2", -5, 90000), tx({ customer: "C", voucher: "P", amountMinor: -6000 }), inv("D", 40, 70000, { status: "Disputed" }), inv("PTP", 40, 70000, { status: "PromiseToPay", promiseSerial: asOf + 3 })];
    expect(lettersDue(items, asOf, SEQ, [])).toEqual({ ok: true, value: [] }); // 150.00 - 60.00 = 90.00 < 100.00
    const r = lettersDue(items, asOf, SEQ, [], { ignorePaymentsAndCreditNotes: true });
    expect(r.ok && r.value.map((l) => [l.code, l.overdueMinor, l.vouchers])).toEqual([["L1", 15000, ["I1"]]]);
    const broken = lettersDue([inv("B", 40, 70000, { status: "PromiseToPay", promiseSerial: asOf - 1 })], asOf, SEQ, []);
    expect(broken.ok && broken.value.map((l) => l.code)).toEqual(["L1"]);
  });

  it("keeps fees and minimums in each currency's precision", () => {
    const r = lettersDue([inv("I1", 30, 50000, { currency: "JPY" }), inv("I2", 30, 5000, { currency: "KWD" })], asOf, [L("L1", 0, 1, 5)], []);
    expect(r.ok && r.value.map((l) => [l.currency, l.feeMinor])).toEqual([["JPY", 5], ["KWD", 5000]]);
  });

  it("property: a letter is due only past its grace days and at or above the minimum, one per customer and currency", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ c: fc.constantFrom("A", "B"), late: fc.integer({ min: -30, max: 120 }), amt: fc.integer({ min: -50000, max: 50000 }) }), { maxLength: 25 }), (rows) => {
        const items = rows.map((r, i) => tx({ customer: r.c, voucher: `V${i}`, dueSerial: asOf - r.late, amountMinor: r.amt }));
        const res = lettersDue(items, asOf, SEQ, []);
        if (!res.ok) return false;
        return res.value.every((l) => {
          const mine = items.filter((t) => t.customer === l.customer);
          const overdue = mine.filter((t) => t.amountMinor > 0 && (t.dueSerial ?? 0) < asOf).reduce((a, t) => a + t.amountMinor, 0) + mine.filter((t) => t.amountMinor < 0).reduce((a, t) => a + t.amountMinor, 0);
          const oldest = Math.max(...mine.filter((t) => t.amountMinor > 0 && (t.dueSerial ?? 0) < asOf).map((t) => asOf - (t.dueSerial ?? 0)));
          return l.level === 1 && l.overdueMinor === overdue && overdue >= 10000 && oldest > 10;
        }) && new Set(res.value.map((l) => l.customer)).size === res.value.length;
      }),
    );
  });

  describe("invalid input", () => {
    it("refuses an empty or too long sequence, blank and duplicate codes, bad grace days and negative fees", () => {
      expect(lettersDue([], asOf, [], [])).toMatchObject({ ok: false, errors: [{ code: "sequence_must_not_be_empty" }] });
      const six = ["A", "B", "C", "D", "E", "F"].map((c) => L(c, 1));
      expect(lettersDue([], asOf, six, [])).toMatchObject({ ok: false, errors: [{ code: "sequence_must_have_at_most_5_letters" }] });
      const r = lettersDue([], asOf, [L("A", 1), L("a", -1), { ...L("", 1.5), fee: -1 }], []);
      expect(!r.ok && r.errors.map((e) => [e.code, e.row])).toEqual([
        ["letter_code_must_be_unique", 3],
        ["grace_days_must_be_a_whole_number", 3],
        ["letter_code_must_not_be_blank", 4],
        ["grace_days_must_be_a_whole_number", 4],
        ["fee_must_not_be_negative", 4],
      ]);
    });

    it("refuses a fee that does not fit the currency and an overdue item without a due date", () => {
      expect(lettersDue([inv("I1", 30, 500, { currency: "JPY" })], asOf, [L("L1", 0, 0, 5.5)], [])).toMatchObject({ ok: false, errors: [{ code: "fee_must_fit_currency", column: "Fee" }] });
      expect(lettersDue([tx({ customer: "C", voucher: "X", amountMinor: 100, row: 12 })], asOf, SEQ, [])).toMatchObject({ ok: false, errors: [{ code: "due_date_must_not_be_blank", row: 12 }] });
    });
  });
});

describe("collection letters on a columnar ledger (CC.LETTERS on a full sheet)", () => {
  const header = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Status", "PromiseDate"];
  /** Customers in several currencies; payments, credit notes, disputes, promises kept and broken; `blankDue` overdue rows without a due date. */
  function ledgerOf(seed: number, rows: number, blankDue = 0): unknown[][] {
    const rng = new Prng(seed);
    const out: unknown[][] = [header];
    for (let i = 0; i < rows; i++) {
      const credit = rng.next() < 0.25;
      const due = asOf - rng.int(-20, 120);
      const status = ["", "", "", "Disputed", "PTP"][rng.int(0, 4)] as string;
      out.push([`C${rng.int(1, 15)}`, `V${i}`, credit ? "Payment" : "Invoice", due - 30, rng.next() < blankDue ? null : due, (credit ? -1 : 1) * rng.int(0, 40000), ["USD", "EUR", "SEK"][rng.int(0, 2)], status, status === "PTP" ? asOf + rng.int(-10, 10) : null]);
    }
    return out;
  }
  const history = [
    { customer: "C1", currency: "", code: "L1", dateSerial: asOf - 20, row: 2 },
    { customer: "C2", currency: "EUR", code: "L2", dateSerial: asOf - 5, row: 3 },
  ];

  it("finds the letters of the records, in their order, and without vouchers when asked", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const range = ledgerOf(seed, 300);
      const columns = readLedger(range);
      const records = readTransactions(range);
      if (!columns.ok || !records.ok) throw new Error("the generated ledger reads");
      for (const ignorePaymentsAndCreditNotes of [false, true]) {
        const expected = lettersDue(records.value, asOf, SEQ, history, { ignorePaymentsAndCreditNotes });
        expect(expected.ok && expected.value.length).toBeGreaterThan(0);
        expect(lettersDue(columns.value, asOf, SEQ, history, { ignorePaymentsAndCreditNotes })).toStrictEqual(expected);
        const bare = expected.ok ? { ok: true, value: expected.value.map((l) => ({ ...l, vouchers: [] })) } : expected;
        expect(lettersDue(columns.value, asOf, SEQ, history, { ignorePaymentsAndCreditNotes, vouchers: false })).toStrictEqual(bare);
        expect(lettersDue(records.value, asOf, SEQ, history, { ignorePaymentsAndCreditNotes, vouchers: false })).toStrictEqual(bare);
      }
    }
  });

  describe("invalid input", () => {
    it("names every overdue row without a due date, in row order, as the records do", () => {
      const range = ledgerOf(4, 300, 0.05);
      const columns = readLedger(range);
      const records = readTransactions(range);
      if (!columns.ok || !records.ok) throw new Error("reads");
      const expected = lettersDue(records.value, asOf, SEQ, history);
      expect(expected.ok).toBe(false);
      expect(lettersDue(columns.value, asOf, SEQ, history, { vouchers: false })).toStrictEqual(expected);
    });
  });
});
