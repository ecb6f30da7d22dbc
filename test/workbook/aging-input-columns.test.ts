/**
 * ageRange (the one-pass path of CC.AGING) against the record reader + ageTransactions, over every
 * subset and order of the optional columns that ageing reads: Voucher, Date, DocumentDate,
 * Currency, Status, Disputed, PromiseDate (issue 15: the first equivalence test never generated
 * Disputed, and always had every column).
 */
import fc from "fast-check";
import { type AgingBasis, defaultDefinition } from "../../src/domain/aging/periods";
import { ageTransactions } from "../../src/domain/aging/snapshot";
import { ageRange } from "../../src/workbook/aging-input";
import { readTransactions } from "../../src/workbook/transactions";

const AS_OF = 42302;
const OPTIONAL = ["Voucher", "Date", "DocumentDate", "Currency", "Status", "Disputed", "PromiseDate"] as const;
type Optional = (typeof OPTIONAL)[number];

const row = fc.record({
  customer: fc.constantFrom("A", " B ", "10", "9"),
  date: fc.integer({ min: 42000, max: 42400 }),
  dueOffset: fc.integer({ min: 0, max: 90 }),
  documentOffset: fc.integer({ min: -5, max: 5 }),
  cents: fc.integer({ min: -1e8, max: 1e8 }),
  currency: fc.constantFrom("USD", "eur", "JPY", "", null),
  status: fc.constantFrom("", "Disputed", "PromiseToPay", "None", null),
  disputed: fc.constantFrom(true, false, "Yes", "No", "", null),
  promise: fc.option(fc.integer({ min: 42200, max: 42400 }), { nil: null }),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function cellOf(column: Optional | "Customer" | "DueDate" | "Amount", r: Row & { i: number }, hasCurrency: boolean): unknown {
  switch (column) {
    case "Customer":
      return r.customer;
    case "Voucher":
      return `V${r.i}`;
    case "Date":
      return r.date;
    case "DueDate":
      return r.date + r.dueOffset;
    case "DocumentDate":
      return r.date + r.documentOffset;
    case "Amount":
      return hasCurrency && r.currency === "JPY" ? Math.round(r.cents / 100) : r.cents / 100;
    case "Currency":
      return r.currency;
    case "Status":
      return r.status;
    case "Disputed":
      return r.disputed;
    case "PromiseDate":
      return r.promise;
  }
}

describe("ageRange with every optional column, in any order", () => {
  it("gives exactly what reading records and ageing them gives", () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.subarray([...OPTIONAL]),
        fc.constantFrom<AgingBasis>("due", "transaction", "document"),
        fc.boolean(),
        fc.nat(),
        (rows, optional, basis, updateCollectionStatus, seed) => {
          const needs = basis === "transaction" ? "Date" : basis === "document" ? "DocumentDate" : undefined;
          const chosen: string[] = ["Customer", "DueDate", "Amount", ...optional.filter((c) => c !== needs), ...(needs === undefined ? [] : [needs])];
          // A column order from the seed: rotate, so the required columns are not always first.
          const header = chosen.map((_, k) => chosen[(k + seed) % chosen.length] as string);
          const hasCurrency = header.includes("Currency");
          const range: unknown[][] = [header, ...rows.map((r, i) => header.map((h) => cellOf(h as Optional, { ...r, i }, hasCurrency)))];
          const options = { asOfSerial: AS_OF, definition: defaultDefinition(basis), basis, updateCollectionStatus };
          const fast = ageRange(range, options);
          const key = basis === "due" ? "dueDate" : basis === "transaction" ? "date" : "documentDate";
          const records = readTransactions(range, { require: [key] });
          expect(fast.ok).toBe(records.ok);
          if (fast.ok && records.ok) expect(fast.value).toEqual(ageTransactions(records.value, options));
          if (!fast.ok && !records.ok) expect(fast.errors.map((e) => [e.row, e.column, e.code])).toEqual(records.errors.map((e) => [e.row, e.column, e.code]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts a Disputed=Yes row as disputed without a Status column", () => {
    const fast = ageRange(
      [
        ["Customer", "DueDate", "Amount", "Disputed"],
        ["A", 42290, 10, "Yes"],
        ["A", 42290, 5, "No"],
      ],
      { asOfSerial: AS_OF, definition: defaultDefinition() },
    );
    expect(fast.ok && fast.value.rows[0]).toMatchObject({ disputedCount: 1, disputedMinor: 1000, balanceMinor: 1500 });
  });

  describe("invalid input", () => {
    it("reports a Disputed cell that is not yes or no, and a PromiseDate that is not a date, like the record reader", () => {
      const range = [
        ["Customer", "DueDate", "Amount", "Disputed", "PromiseDate"],
        ["A", 42290, 10, "maybe", 42300],
        ["A", 42290, 10, "No", "soon"],
      ];
      const fast = ageRange(range, { asOfSerial: AS_OF, definition: defaultDefinition() });
      const slow = readTransactions(range, { require: ["dueDate"] });
      expect(fast.ok).toBe(false);
      expect(slow.ok).toBe(false);
      if (!fast.ok && !slow.ok) {
        expect(fast.errors.map((e) => e.code)).toEqual(["disputed_must_be_yes_or_no", "promise_date_must_be_a_date"]);
        expect(fast.errors.map((e) => [e.row, e.column, e.code])).toEqual(slow.errors.map((e) => [e.row, e.column, e.code]));
      }
    });
  });
});
