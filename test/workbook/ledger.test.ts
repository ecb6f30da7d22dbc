import { forEachRow, type LedgerRow } from "../../src/domain/ledger";
import { TRANSACTION_TYPES, COLLECTION_STATUSES } from "../../src/domain/types";
import { readLedger } from "../../src/workbook/ledger";
import { readTransactions } from "../../src/workbook/transactions";
import { Prng } from "../../src/cli/_lib/prng";

/** readLedger must be readTransactions in columns: the same records, the same errors in the same order. */
function expectSameAsRecords(range: unknown[][], options: Parameters<typeof readLedger>[1] = {}): void {
  const { customer, customers, ...readOptions } = options ?? {};
  const all = readTransactions(range, readOptions);
  const ledger = readLedger(range, options);
  expect(ledger.ok).toBe(all.ok);
  if (!all.ok || !ledger.ok) {
    expect(ledger.ok ? [] : ledger.errors).toStrictEqual(all.ok ? [] : all.errors);
    return;
  }
  // With a customer, the columns are that customer's rows only (every row still validated above).
  const keep = customer !== undefined ? (c: string): boolean => c === customer : customers !== undefined ? (c: string): boolean => customers.has(c) : undefined;
  const records = keep === undefined ? all : { ok: true, value: all.value.filter((t) => keep(t.customer)) };
  const l = ledger.value;
  expect(l.records()).toStrictEqual(records.value);
  expect(l.length).toBe(records.value.length);
  if (keep !== undefined) expect(l.customers).toStrictEqual([...new Set(records.value.map((t) => t.customer))]);
  records.value.forEach((t, i) => {
    expect(l.customers[l.customerOf[i] as number]).toBe(t.customer);
    expect(l.currencies[l.currencyOf[i] as number]).toBe(t.currency);
    expect(l.amountMinor[i]).toBe(t.amountMinor);
    expect(TRANSACTION_TYPES[l.typeOf[i] as number]).toBe(t.type);
    expect(COLLECTION_STATUSES[l.statusOf[i] as number]).toBe(t.status);
    expect(l.dateSerial[i]).toBe(t.dateSerial ?? Number.NaN);
    expect(l.dueSerial[i]).toBe(t.dueSerial ?? Number.NaN);
    expect(l.promiseSerial[i]).toBe(t.promiseSerial ?? Number.NaN);
    expect(l.voucher[i]).toBe(t.voucher);
    expect(l.row[i]).toBe(t.row);
  });
  // A rule walking the rows sees in the columns what it sees in the records.
  const fields = (t: LedgerRow): unknown[] => [t.customer, t.currency, t.amountMinor, t.type, t.status, t.dateSerial, t.dueSerial, t.promiseSerial, t.voucher, t.row];
  const fromColumns: unknown[][] = [];
  forEachRow(l, (t) => fromColumns.push(fields(t)));
  const fromRecords: unknown[][] = [];
  forEachRow(records.value, (t) => fromRecords.push(fields(t)));
  expect(fromColumns).toStrictEqual(fromRecords);
}

describe("readLedger", () => {
  it("reads a ledger into columns: interned customers and currencies, minor units, serials, rows", () => {
    const r = readLedger([
      ["Customer", "Voucher", "Type", "DueDate", "Amount", "Currency"],
      ["C1", "I1", "Invoice", 45000, 100.5, "USD"],
      ["C2", "P1", "Pay", "2023-03-15", "-20", "usd"],
      ["C1", "I2", null, 45010.75, 3, "JPY"],
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const l = r.value;
    expect(l.customers).toEqual(["C1", "C2"]);
    expect([...l.customerOf]).toEqual([0, 1, 0]);
    expect(l.currencies).toEqual(["USD", "JPY"]);
    expect([...l.currencyOf]).toEqual([0, 0, 1]);
    expect([...l.amountMinor]).toEqual([10050, -2000, 3]);
    expect([...l.typeOf].map((t) => TRANSACTION_TYPES[t])).toEqual(["Invoice", "Payment", "Invoice"]);
    expect([...l.dueSerial]).toEqual([45000, 45000, 45010]);
    expect(l.voucher).toEqual(["I1", "P1", "I2"]);
    expect([...l.row]).toEqual([2, 3, 4]);
    expect(l.customerIndex("C2")).toBe(1);
    expect(l.customerIndex("C9")).toBe(-1);
    expect(l.records((i) => l.customerOf[i] === 0).map((t) => t.voucher)).toEqual(["I1", "I2"]);
  });

  it("gives the records of readTransactions, also for cells off the fast path (numbers as text, spaces, status columns)", () => {
    expectSameAsRecords([
      ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "CashDiscountPct", "Note"],
      [2050, 17, " Invoice ", "2024-01-31", 45000, "1,234.50", " eur ", "2%", "#1 note"],
      ["C\u00a0", "V2", "Kreditnota", 45001, null, -5, "", 2.5, null],
    ]);
    expectSameAsRecords([
      ["Customer", "Amount", "Status", "Disputed", "PromiseDate"],
      ["A", 10, "PTP", "no", 45000],
      ["B", 20, "", "yes", null],
    ]);
  });

  it("gives the same records as readTransactions for random mixes of clean and dirty cells", () => {
    const rng = new Prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;
    const customers = ["C1", "C2", " C3", 2050, "Kund Ä", "", null, "#REF!", "#1 ok"];
    const amounts = [12.34, -5, "12.34", "-7", "1,234.50", "(5)", 1.005, 0.1 + 0.2, null, "abc", 1e20, true, "$12"];
    const types = ["Invoice", "inv", "Payment", "Pay", "", null, "bogus", " Pay ", "CREDITNOTE", 3];
    const dates = [45000, 45000.5, "2024-01-31", "2024-02-30", 10, null, "", " 2024-01-01", 3e6, "#N/A"];
    const currencies = ["USD", "usd", "", null, "XXX", "JPY", " EUR ", "SEK", 5];
    const pcts = [2, 2.5, "2%", 150, null, -1, "x"];
    const texts = ["V1", "V2", "", null, 12, " V3", "#DIV/0!", { error: "#N/A" }];
    for (let round = 0; round < 60; round++) {
      const range: unknown[][] = [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "CashDiscountPct", "Invoice", "Extra", "CashDiscountDate", "Dimension", "DocumentDate"]];
      const dirty = round % 3 === 0 ? 1 : round % 3 === 1 ? 0.05 : 0;
      for (let i = 0; i < 40; i++) {
        const clean = rng.next() >= dirty;
        range.push(
          clean
            ? [pick(["C1", "C2", "C3"]), `V${i}`, pick(["Invoice", "Payment", "Inv", null]), 45000 + i, pick([45030 + i, "2024-01-31"]), pick([12.34, -5, "7.5"]), pick(["USD", "usd", "JPY", null]), pick([2, 2.5, null]), pick(["INV1", null]), pick(["x", 1, null]), pick([45010, "2024-01-10", null]), pick(["D1", null, ""]), pick([45000, null])]
            : [pick(customers), pick(texts), pick(types), pick(dates), pick(dates), pick(amounts), pick(currencies), pick(pcts), pick(texts), pick(texts), pick(dates), pick(texts), pick(dates)],
        );
      }
      expectSameAsRecords(range);
      expectSameAsRecords(range, { require: ["voucher", "dueDate"], roundAmounts: true });
      // One customer's rows: plain cells ("C1") and cells the rule reads ("2050", "C3" from " C3").
      for (const customer of ["C1", "C3", "2050", "C9"]) expectSameAsRecords(range, { customer });
      expectSameAsRecords(range, { customer: "C2", require: ["voucher"] });
      // Several customers (a credit group), and a set of one.
      expectSameAsRecords(range, { customers: new Set(["C1", "2050", "C9"]) });
      expectSameAsRecords(range, { customers: new Set(["C3"]) });
    }
  });

  it("keeps one customer's rows when asked, in order, with their sheet rows and records", () => {
    const range = [
      ["Customer", "Voucher", "Amount", "DueDate"],
      ["C1", "I1", 10, 45000],
      ["C2", "I2", 20, 45001],
      [" C1 ", "I3", "30", "2023-03-15"],
      ["C1", "P1", -5, 45002],
    ];
    const r = readLedger(range, { customer: "C1" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const l = r.value;
    expect(l.length).toBe(3);
    expect(l.customers).toEqual(["C1"]);
    expect([...l.customerOf]).toEqual([0, 0, 0]);
    expect(l.voucher).toEqual(["I1", "I3", "P1"]);
    expect([...l.amountMinor]).toEqual([1000, 3000, -500]);
    expect([...l.row]).toEqual([2, 4, 5]);
    expect(l.customerIndex("C1")).toBe(0);
    expect(l.customerIndex("C2")).toBe(-1);
    expect(l.records().map((t) => [t.voucher, t.row])).toEqual([["I1", 2], ["I3", 4], ["P1", 5]]);
    expectSameAsRecords(range, { customer: "C1" });
    expectSameAsRecords(range, { customer: "C3" });
    // Many rows of one customer among others: the columns grow past their first size.
    const big: unknown[][] = [["Customer", "Voucher", "Amount"]];
    for (let i = 0; i < 3100; i++) big.push([i % 3 === 0 ? "C2" : "C1", `V${i}`, i % 7 === 0 ? "12.5" : i]);
    expectSameAsRecords(big, { customer: "C2" });
  });

  it("reads number amounts to the same minor units as readTransactions at every magnitude, exact or not", () => {
    const rng = new Prng(11);
    const header = ["Customer", "Amount", "Currency"];
    const exact: unknown[][] = [];
    const inexact: unknown[][] = [];
    for (let i = 0; i < 3000; i++) {
      const whole = Math.floor(rng.next() * 10 ** rng.int(0, 12));
      const cents = rng.int(0, 99);
      const kind = i % 5;
      // Exact cents, one ulp off, sums as a sheet makes them, mills (KWD has 3 decimals), and 0.
      const amount = kind === 0 ? whole + cents / 100 : kind === 1 ? (whole + cents / 100) * (1 + Number.EPSILON) : kind === 2 ? 0.1 * rng.int(1, 9) + 0.2 * rng.int(1, 9) : kind === 3 ? -(whole / 1000) : 0;
      exact.push([`C${i % 5}`, amount, kind === 3 || rng.next() < 0.3 ? "KWD" : "USD"]);
      // A tenth of a cent off, or past 15 digits: refused with the same message.
      inexact.push([`C${i % 5}`, i % 2 === 0 ? whole + cents / 100 + 0.001 : whole * 1e6 + 0.37, "USD"]);
    }
    // In ranges small enough that their sum stays within 2^53 minor units.
    for (let k = 0; k < exact.length; k += 300) {
      const range = [header, ...exact.slice(k, k + 300)];
      expect(readLedger(range).ok).toBe(true);
      expectSameAsRecords(range);
    }
    // One bad cell a range, so that every one is read by the fast path's test before the rule.
    for (let k = 0; k < 60; k++) expectSameAsRecords([header, ...exact.slice(k, k + 20), inexact[k] as unknown[]]);
  });

  describe("invalid input", () => {
    it("refuses a range without Customer or Amount, as readTransactions does", () => {
      const r = readLedger([["Customer", "DueDate"], ["C1", 45000]]);
      expect(r.ok).toBe(false);
      expectSameAsRecords([["Customer", "DueDate"], ["C1", 45000]]);
    });

    it("refuses a range with a row that is not an array wherever it is, as readTransactions does (it checks each row as it reads it)", () => {
      const header = ["Customer", "Amount", "DueDate"];
      const good = (i: number): unknown[] => [`C${i % 3}`, 10 + i, 45000 + i];
      const bad = (i: number): unknown[] => ["", "x", "soon"].map((v, j) => (j === i % 3 ? v : good(i)[j]));
      const shapes: unknown[][] = [
        [header, good(1), "not a row", good(2)],
        [header, good(1), good(2), 7],
        [header, good(1), null, good(2)],
        [header, good(1), undefined, [], [null, ""]],
        // More than the errors a reader collects, then a row that is not an array: the range error still.
        [header, ...Array.from({ length: 60 }, (_, i) => bad(i)), "not a row"],
        // A header error and a row that is not an array: the range error, as readTransactions gives it.
        [["Customer", "DueDate"], good(1), 5],
        // Trailing rows: blank arrays are trimmed, anything else is not.
        [header, good(1), "tail"],
        [header, good(1), [], ["", null]],
      ];
      // A sparse range: its holes are blank rows (isRange's `every` skips them).
      const sparse: unknown[] = [header, good(1)];
      sparse[4] = good(3);
      shapes.push(sparse);
      for (const range of shapes) {
        expectSameAsRecords(range as unknown[][]);
        expectSameAsRecords(range as unknown[][], { customer: "C1" });
      }
      const refused = readLedger(shapes[0]);
      expect(refused.ok ? [] : refused.errors.map((e) => [e.code, e.table])).toStrictEqual([["range_must_have_a_header_row", "transactions"]]);
      // The holes between rows are blank rows in the middle of the data (not a crash, not a range error).
      const holes = readLedger(sparse);
      expect(holes.ok ? [] : holes.errors.map((e) => [e.code, e.row])).toContainEqual(["customer_must_not_be_blank", 3]);
    });

    it("names table, row and column of a bad cell, with the same codes as readTransactions", () => {
      const range = [
        ["Customer", "Amount", "Currency", "DueDate"],
        ["C1", "abc", "USD", 45000],
        ["C1", 10, "XXX", "soon"],
        ["", 5, "USD", "#REF!"],
      ];
      // Asked for one customer, every row is still read: the other customers' errors too.
      const one = readLedger(range, { customer: "C9" });
      expect(one.ok).toBe(false);
      const r = readLedger(range);
      expect(one).toStrictEqual(r);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([
        ["amount_must_be_an_amount", 2, "Amount"],
        ["currency_must_be_known", 3, "Currency"],
        ["due_date_must_be_a_date", 3, "DueDate"],
        ["cell_must_not_be_an_excel_error", 4, "DueDate"],
        ["customer_must_not_be_blank", 4, "Customer"],
      ]);
      expectSameAsRecords(range);
    });

    it("refuses amounts whose column sums past 2^53 minor units from the row where it passes, as readTransactions does", () => {
      const range = [["Customer", "Amount"], ["C1", 9e13], ["C1", 9e13], ["C1", 9e13]];
      const r = readLedger(range);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => [e.code, e.row])).toEqual([["amounts_must_sum_within_2_53_minor_units", 3], ["amounts_must_sum_within_2_53_minor_units", 4]]);
      expectSameAsRecords(range);
      // Fast rows and rows read by the rule (a customer with a space) share one tally.
      const mixed = [["Customer", "Amount"], ["C1", 3e13], [" C1", -3e13], ["C1", 2e13], ["C1", 1e13], [" C1", 1e12], ["C1", 5]];
      const m = readLedger(mixed);
      expect(m.ok).toBe(false);
      if (!m.ok) expect(m.errors.map((e) => [e.code, e.row])).toEqual([["amounts_must_sum_within_2_53_minor_units", 6], ["amounts_must_sum_within_2_53_minor_units", 7]]);
      expectSameAsRecords(mixed);
      expectSameAsRecords(mixed, { customer: "C1" });
      expectSameAsRecords(range, { customer: "C2" });
    });
  });
});
