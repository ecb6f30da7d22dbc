/**
 * `cc risk` and the Credit limits screen (riskReview -> scoreCustomers) score customers on the same
 * statistics CC.CREDITSTATS shows: one domain function, customerStatistics, with the default windows.
 */
import fc from "fast-check";
import { creditStatsFunction } from "../../src/functions/credit";
import { riskReview } from "../../src/workbook/credit-limits";
import { creditStatisticsTable } from "../../src/workbook/credit-statistics";

const AS_OF = 46022; // 2025-12-31
const CUSTOMERS = [
  ["Customer", "Name", "Currency", "CreditLimit", "Unlimited", "CustomerSince", "CreditGroup", "Insurance", "InsurancePct", "ExcludeFromCreditManagement"],
  ["C1", "Alpha", "USD", 1000, false, 42185, "", 2000, 50, false], // limit in force 1,000 + 50 % of 2,000 insurance = 2,000
  ["C2", "Beta", "USD", 0, false, 45900, "G1", null, null, false], // bound by its group's limit: counts as 0 -> blank %
  ["C3", "Gamma", "USD", 0, true, 45292, "", null, null, false], // unlimited: no % figures
  ["C4", "Delta", "USD", 500, false, 45292, "", null, null, true], // outside credit management: no % figures
];
const HEAD = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "OriginalAmount", "ClosedDate"];
const LEDGER = [
  HEAD,
  ["C1", "I1", "Invoice", 45962, 45992, 500, "USD", 500, ""],
  ["C1", "I2", "Invoice", 45700, 45730, 0, "USD", 1200, 45760],
  ["C1", "CN1", "CreditNote", 45800, 45800, -100, "USD", -100, ""],
  ["C2", "I3", "Invoice", 45962, 45992, 300, "USD", 300, ""],
  ["C2", "I4", "Invoice", 45880, 45910, 0, "USD", 450, 45935],
  ["C3", "I5", "Invoice", 45600, 45630, 75.5, "USD", 75.5, ""],
  ["C4", "I6", "Invoice", 45990, 46020, 250, "USD", 250, ""],
];
const SCORING = [
  ["Group", "Attribute", "From", "To", "Values", "Points"],
  ["Speed", "dso", 0, 60, null, 20],
  ["Speed", "dso", 60, null, null, 5],
];

describe("cc risk and CC.CREDITSTATS: the same statistics", () => {
  it("gives every scored customer exactly the CC.CREDITSTATS table (default windows, same limit policy)", () => {
    const review = riskReview({ customers: CUSTOMERS, transactions: LEDGER, scoring: SCORING }, { asOfSerial: AS_OF });
    if (!review.ok) throw new Error(JSON.stringify(review.errors));
    expect(review.value.scores.map((s) => s.customer.customer)).toEqual(["C1", "C2", "C3", "C4"]);
    for (const s of review.value.scores) {
      expect(creditStatisticsTable(s.statistics, s.customer.currency)).toEqual(creditStatsFunction(s.customer.customer, LEDGER, CUSTOMERS, null, AS_OF, null));
      expect(s.revenueMinor).toBe(s.statistics.dso[0].creditSalesMinor);
    }
  });

  it("worked figures: C1's credit sales 500 + 1,200 - 100 = 1,600.00, its limit with insurance 2,000.00", () => {
    const stats = creditStatsFunction("C1", LEDGER, CUSTOMERS, null, AS_OF, null);
    const c1 = riskReview({ customers: CUSTOMERS, transactions: LEDGER, scoring: SCORING }, { asOfSerial: AS_OF });
    const scored = c1.ok ? c1.value.scores[0]?.statistics : undefined;
    // Average balance / 2,000.00 (the limit with insurance), not / 1,000.00 (the CreditLimit cell).
    expect(scored?.averageCreditLimitUsedPct?.toNumber()).toBe(Number((((scored?.averageBalanceMinor ?? 0) / 200000) * 100).toFixed(2)));
    expect(stats.find((r) => r[0] === "Average credit limit used %")?.[1]).toBe(scored?.averageCreditLimitUsedPct?.toNumber());
    expect(creditStatsFunction("C4", LEDGER, CUSTOMERS, null, AS_OF, null).find((r) => r[0] === "Average credit limit used %")?.[1]).toBe("");
    expect(stats.find((r) => r[0] === "Credit sales (12 months)")?.[1]).toBe(1600);
    expect(stats.find((r) => r[0] === "Open balance")?.[1]).toBe(400);
    // DSO 12 months = 400 / 1,600 x 365 = 91.25: the scoring's dso band 60+ gives 5 points.
    expect(stats.find((r) => r[0] === "DSO (12 months)")?.[1]).toBe(91.25);
    const review = riskReview({ customers: CUSTOMERS, transactions: LEDGER, scoring: SCORING }, { asOfSerial: AS_OF });
    expect(review.ok && review.value.scores[0]?.points).toEqual([{ group: "Speed", points: 5 }]);
  });

  it("property: on any one-currency ledger the scored statistics are CC.CREDITSTATS's", () => {
    const row = fc.record({
      customer: fc.constantFrom("C1", "C2", "C3", "C4"),
      type: fc.constantFrom("Invoice", "CreditNote", "Payment"),
      daysBack: fc.integer({ min: 0, max: 800 }),
      cents: fc.integer({ min: 1, max: 5_000_000 }),
      closedAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const ledger = [
          HEAD,
          ...rows.map((r, i) => {
            const date = AS_OF - r.daysBack;
            const sign = r.type === "Invoice" ? 1 : -1;
            const closed = r.closedAfter === undefined ? "" : date + r.closedAfter;
            return [r.customer, `V${i}`, r.type, date, date + 30, closed === "" ? (sign * r.cents) / 100 : 0, "USD", (sign * r.cents) / 100, closed];
          }),
        ];
        const review = riskReview({ customers: CUSTOMERS, transactions: ledger, scoring: SCORING }, { asOfSerial: AS_OF });
        if (!review.ok) return false;
        return review.value.scores.every((s) => JSON.stringify(creditStatisticsTable(s.statistics, "USD")) === JSON.stringify(creditStatsFunction(s.customer.customer, ledger, CUSTOMERS, null, AS_OF, null)));
      }),
      { numRuns: 60 },
    );
  });
});

describe("temporary limits: the limit in force on the as-of date, in both", () => {
  // C1's normal limit in force is 2,000.00 (with insurance); a temporary 4,000.00 covers the as-of
  // date, so its limit is 4,000.00 + 1,000.00 insurance = 5,000.00. C4's (outside credit
  // management) changes nothing. A temporary limit that ended before the as-of date is ignored.
  const TEMP = [["Customer", "CreditLimit", "From", "To"], ["C1", 4000, 45992, 46052], ["C4", 9000, 45992, 46052], ["C3", 100, 45000, 45100]];
  const used = (rows: (string | number)[][]): unknown => rows.find((r) => r[0] === "Average credit limit used %")?.[1];

  it("CC.CREDITSTATS divides by the temporary limit plus insurance", () => {
    const normal = creditStatsFunction("C1", LEDGER, CUSTOMERS, null, AS_OF, null);
    const temporary = creditStatsFunction("C1", LEDGER, CUSTOMERS, null, AS_OF, null, TEMP);
    const balance = normal.find((r) => r[0] === "Average balance")?.[1] as number;
    expect(used(normal)).toBe(Number(((balance / 2000) * 100).toFixed(2)));
    expect(used(temporary)).toBe(Number(((balance / 5000) * 100).toFixed(2)));
    expect(used(creditStatsFunction("C4", LEDGER, CUSTOMERS, null, AS_OF, null, TEMP))).toBe("");
    expect(creditStatsFunction("C1", LEDGER, CUSTOMERS, null, 45980, null, TEMP)).toEqual(creditStatsFunction("C1", LEDGER, CUSTOMERS, null, 45980, null));
  });

  it("cc risk and the Credit limits screen score on the same statistics", () => {
    const review = riskReview({ customers: CUSTOMERS, transactions: LEDGER, scoring: SCORING, temporaryLimits: TEMP }, { asOfSerial: AS_OF });
    if (!review.ok) throw new Error(JSON.stringify(review.errors));
    for (const s of review.value.scores) {
      expect(creditStatisticsTable(s.statistics, s.customer.currency)).toEqual(creditStatsFunction(s.customer.customer, LEDGER, CUSTOMERS, null, AS_OF, null, TEMP));
    }
  });

  it("a bad temporary limit is an error naming its table, row and column", () => {
    expect(() => creditStatsFunction("C1", LEDGER, CUSTOMERS, null, AS_OF, null, [["Customer", "CreditLimit", "From", "To"], ["C1", "lots", 45992, 46052]])).toThrow(/temporaryLimits row 2, CreditLimit/);
    const review = riskReview({ customers: CUSTOMERS, transactions: LEDGER, scoring: SCORING, temporaryLimits: [["Customer", "CreditLimit", "From", "To"], ["C1", 4000, "soon", 46052]], names: { temporaryLimits: "TemporaryLimits" } }, { asOfSerial: AS_OF });
    expect(review).toMatchObject({ ok: false, errors: [{ table: "TemporaryLimits", row: 2, column: "From" }] });
  });
});

describe("invalid input", () => {
  it("both refuse a customer whose rows are in two currencies", () => {
    const mixed = [...LEDGER, ["C1", "I9", "Invoice", 45962, 45992, 10, "EUR", 10, ""]];
    expect(() => creditStatsFunction("C1", mixed, CUSTOMERS, null, AS_OF, null)).toThrow("statistics need one currency");
    expect(riskReview({ customers: CUSTOMERS, transactions: mixed, scoring: SCORING }, { asOfSerial: AS_OF })).toMatchObject({ ok: false, errors: [{ code: "statistics_need_one_currency", table: "transactions" }] });
  });
});
