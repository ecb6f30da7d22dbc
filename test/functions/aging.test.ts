import { agingFunction, aging } from "../../src/functions/aging";

const LEDGER: unknown[][] = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
  ["2050", "INV1", "Invoice", "2015-08-15", "2015-09-14", 100, "USD"],
  ["2050", "INV2", "Invoice", "2015-09-01", "2015-10-01", 250, "USD"],
  ["2050", "INV3", "Invoice", "2015-10-15", "2015-11-14", 500, "USD"],
  ["2050", "IN1", "InterestNote", "2015-10-15", "2015-11-14", 7, "USD"],
  ["3000", "INV9", "Invoice", "2015-01-10", "2015-02-09", 0.1, "EUR"],
  ["3000", "INV10", "Invoice", "2015-01-10", "2015-02-09", 0.2, "EUR"],
  ["3000", "PAY1", "Payment", "2015-10-20", "2015-10-20", -0.3, "EUR"],
  ["3000", "INV11", "Invoice", "2015-11-01", "2015-12-01", 99, "EUR"],
];

describe("CC.AGING", () => {
  it("spills a header, one row per customer and currency, and totals per currency", () => {
    expect(agingFunction(LEDGER, "2015-10-25", null, null)).toEqual([
      ["Customer", "Currency", "Balance", "Not due", "1-30", "31-60", "61-90", "91-120", "Over 120"],
      ["2050", "USD", 857, 507, 250, 100, 0, 0, 0],
      ["Total", "USD", 857, 507, 250, 100, 0, 0, 0],
    ]);
  });

  it("adds 0.1 + 0.2 - 0.3 to exactly zero and drops the zero-balance customer", () => {
    const out = agingFunction(LEDGER, 42302, [[30, 60, 90, 120]], "due");
    expect(out.map((r) => r[0])).toEqual(["Customer", "2050", "Total"]);
  });

  it("takes custom bounds and the transaction-date basis", () => {
    const out = agingFunction(LEDGER, "2015-10-25", [[45], [90]], "transaction");
    expect(out[0]).toEqual(["Customer", "Currency", "Balance", "0-45", "46-90", "Over 90"]);
    // By transaction date INV1 (71 days) and INV2 (54 days) are both 46-90; customer 3000 nets to
    // zero (0.1 + 0.2 - 0.3) and its November invoice is after the as-of date.
    expect(out[1]).toEqual(["2050", "USD", 857, 507, 350, 0]);
    expect(out).toHaveLength(3);
  });

  it("takes Label/Days rows, with a renamed current period", () => {
    const out = agingFunction(
      LEDGER,
      "2015-10-25",
      [
        ["Label", "Days"],
        ["Current", 0],
        ["Late", 30],
        ["Very late", null],
      ],
      null,
    );
    expect(out[0]).toEqual(["Customer", "Currency", "Balance", "Current", "Late", "Very late"]);
    expect(out[1]).toEqual(["2050", "USD", 857, 507, 250, 100]);
  });

  it("keeps JPY amounts whole and KWD amounts at three decimals", () => {
    const out = agingFunction(
      [
        ["Customer", "DueDate", "Amount", "Currency"],
        ["J", 42300, 1000, "JPY"],
        ["K", 42300, 1.234, "KWD"],
      ],
      42302,
      null,
      null,
    );
    expect(out.slice(1, 3)).toEqual([
      ["J", "JPY", 1000, 0, 1000, 0, 0, 0, 0],
      ["K", "KWD", 1.234, 0, 1.234, 0, 0, 0, 0],
    ]);
  });

  describe("invalid input", () => {
    const bad = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };

    it.each([
      [[["Customer", "Amount", "DueDate"], ["A", "abc", 42300]], "transactions row 2, Amount: 'abc' is not a number"],
      [[["Customer", "Amount", "DueDate"], [null, 5, 42300]], "transactions row 2, Customer: is blank"],
      [[["Customer", "Amount", "DueDate"], ["A", 5, 12]], "transactions row 2, DueDate: 12 is before 1900-03-01 and not a real ledger date"],
      [[["Customer", "Amount", "DueDate"], ["A", 5, "tomorrow"]], "transactions row 2, DueDate: 'tomorrow' is not a date (use a date cell or yyyy-mm-dd)"],
      [[["Customer", "Amount"], ["A", 5]], "transactions row 1, DueDate: the header row has no DueDate column (accepted: DueDate, Due, Forfallodatum, Forfaldsdato)"],
      [[["Customer", "Amount", "DueDate", "Currency"], ["A", 5, 42300, "ABC"]], "transactions row 2, Currency: 'ABC' is not an ISO 4217 currency code with a known precision"],
    ])("returns #VALUE! with a message for %j", (range, message) => {
      expect(bad(() => aging(range as unknown[][], 42302))).toBe(message);
    });

    it("says so for an unknown basis, a bad as-of date and malformed periods", () => {
      expect(bad(() => aging(LEDGER, 42302, undefined, "weekly"))).toBe(`basis: 'weekly' is not one of "due", "transaction", "document"`);
      expect(bad(() => aging(LEDGER, "soon"))).toMatch(/^asOf: 'soon' is not a date/);
      expect(bad(() => aging(LEDGER, 42302, [[60, 30]]))).toMatch(/must be a whole number of days greater than 60/);
      expect(bad(() => aging(LEDGER, 42302, [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]))).toMatch(/at most 12 are allowed/);
      expect(bad(() => aging(LEDGER, 42302, [["Late", 30], ["Later", 60]]))).toMatch(/last period must be open-ended/);
    });
  });
});
