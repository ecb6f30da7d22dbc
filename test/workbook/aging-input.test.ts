import fc from "fast-check";
import { defaultDefinition } from "../../src/domain/aging/periods";
import { ageTransactions } from "../../src/domain/aging/snapshot";
import { describeErrors } from "../../src/domain/errors";
import { ageRange } from "../../src/workbook/aging-input";
import { agingDetailTable, agingHeaderTable } from "../../src/workbook/aging-output";
import { readTransactions } from "../../src/workbook/transactions";

const HEADER = ["Customer", "Voucher", "Date", "DueDate", "Amount", "Currency", "Status", "PromiseDate"];
const AS_OF = 42302;

describe("ageRange (the one-pass path of CC.AGING)", () => {
  const cell = fc.record({
    customer: fc.constantFrom("A", " B ", "10", "9"),
    date: fc.integer({ min: 42000, max: 42400 }),
    dueOffset: fc.integer({ min: 0, max: 90 }),
    cents: fc.integer({ min: -1e8, max: 1e8 }),
    currency: fc.constantFrom("USD", "eur", "JPY", "", null),
    status: fc.constantFrom("", "Disputed", "PromiseToPay", null),
    promise: fc.integer({ min: 42200, max: 42400 }),
  });

  it("gives exactly what reading records and ageing them gives", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), fc.constantFrom("due" as const, "transaction" as const), (cells, basis) => {
        const range: unknown[][] = [HEADER];
        cells.forEach((c, i) => {
          const amount = c.currency === "JPY" ? Math.round(c.cents / 100) : c.cents / 100;
          range.push([c.customer, `V${i}`, c.date, c.date + c.dueOffset, amount, c.currency, c.status, c.promise]);
        });
        const options = { asOfSerial: AS_OF, definition: defaultDefinition(basis), basis, updateCollectionStatus: true };
        const fast = ageRange(range, options);
        const records = readTransactions(range, { require: [basis === "due" ? "dueDate" : "date"] });
        expect(fast.ok).toBe(true);
        expect(records.ok).toBe(true);
        if (fast.ok && records.ok) expect(fast.value).toEqual(ageTransactions(records.value, options));
      }),
    );
  });

  describe("invalid input", () => {
    it("reports the same errors as the record reader, naming row and column", () => {
      const range = [HEADER, ["A", "V1", 42000, 42030, "12,5", "USD"], ["", "V2", 42000, 42030, 1, "USD"], ["C", "V3", 42000, "x", 1, "XXX"]];
      const fast = ageRange(range, { asOfSerial: AS_OF, definition: defaultDefinition() });
      const slow = readTransactions(range, { require: ["dueDate"] });
      expect(fast.ok || slow.ok).toBe(false);
      if (!fast.ok && !slow.ok) {
        expect(describeErrors(fast.errors)).toBe("transactions row 2, Amount: '12,5' is not a number (and 3 more errors)");
        expect(fast.errors.map((e) => [e.row, e.column])).toEqual(slow.errors.map((e) => [e.row, e.column]));
      }
    });

    it("refuses a range with a row that is not an array wherever it is, as the record reader does (the row's shape is checked as the pass reads it)", () => {
      const good = (i: number): unknown[] => [`C${i % 3}`, `V${i}`, 42000, 42030 + i, 10 + i, "USD"];
      const shapes: unknown[][] = [
        [HEADER, good(1), "not a row", good(2)],
        [HEADER, good(1), good(2), 7],
        [HEADER, good(1), null, good(2)],
        [HEADER, ...Array.from({ length: 60 }, (_, i) => ["", `V${i}`, 42000, 42030, "x", "USD"]), "not a row"],
        [["Customer", "Amount"], good(1), 5],
        [HEADER, good(1), [], ["", null]],
      ];
      const sparse: unknown[] = [HEADER, good(1)];
      sparse[4] = good(3);
      shapes.push(sparse);
      for (const range of shapes) {
        const fast = ageRange(range, { asOfSerial: AS_OF, definition: defaultDefinition() });
        const slow = readTransactions(range, { require: ["dueDate"] });
        expect(fast.ok).toBe(slow.ok);
        if (!fast.ok && !slow.ok) expect(fast.errors.map((e) => [e.code, e.row, e.column])).toStrictEqual(slow.errors.map((e) => [e.code, e.row, e.column]));
      }
      const refused = ageRange(shapes[0], { asOfSerial: AS_OF, definition: defaultDefinition() });
      expect(refused.ok ? [] : refused.errors.map((e) => e.code)).toStrictEqual(["range_must_have_a_header_row"]);
    });

    it("requires a due date on every row under the due-date basis", () => {
      const fast = ageRange([HEADER, ["A", "V1", 42000, null, 1, "USD"]], { asOfSerial: AS_OF, definition: defaultDefinition() });
      expect(!fast.ok && describeErrors(fast.errors)).toBe("transactions row 2, DueDate: is blank");
    });

    it("ages a full sheet of 1,048,575 rows", () => {
      const range: unknown[][] = [["Customer", "DueDate", "Amount", "Currency"]];
      for (let i = 0; i < 1048575; i++) range.push([`C${i % 5000}`, 42000 + (i % 400), (i % 1000) / 100, i % 2 === 0 ? "USD" : "EUR"]);
      const r = ageRange(range, { asOfSerial: AS_OF, definition: defaultDefinition() });
      expect(r.ok).toBe(true);
      if (r.ok) {
        const expected = range.slice(1).reduce<number>((a, row) => a + Math.round(((row[2] as number) * 100)), 0);
        expect(r.value.totals.reduce((a, t) => a + t.balanceMinor, 0)).toBe(expected);
      }
    });
  });
});

describe("snapshot header and detail tables", () => {
  it("lists header figures and one detail row per period", () => {
    const r = ageRange(
      [
        ["Customer", "DueDate", "Amount", "Currency", "Status"],
        ["A", AS_OF - 10, 100, "USD", "Disputed"],
        ["A", AS_OF - 40, 50.5, "USD", ""],
      ],
      { asOfSerial: AS_OF, definition: defaultDefinition() },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(agingHeaderTable(r.value)[1]).toEqual(["A", "USD", 150.5, 150.5, "", 0, 0, 1, 100, AS_OF, "Default", "due"]);
    const detail = agingDetailTable(r.value);
    expect(detail).toHaveLength(1 + 6);
    expect(detail[2]).toEqual(["A", "USD", "1-30", 2, 100]);
    expect(detail[3]).toEqual(["A", "USD", "31-60", 3, 50.5]);
  });
});
