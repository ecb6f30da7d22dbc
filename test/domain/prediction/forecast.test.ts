import fc from "fast-check";
import { serialFromYmd } from "../../../src/domain/dates";
import { forecastCashIn, isoWeekOf } from "../../../src/domain/prediction/forecast";
import type { InvoicePrediction } from "../../../src/domain/prediction/types";

const d = serialFromYmd;

function prediction(voucher: string, amountMinor: number, currency: string, predictedPaySerial: number): InvoicePrediction {
  return { customer: "C1", voucher, row: 2, dueSerial: predictedPaySerial, amountMinor, currency, onTime: 1, late: 0, veryLate: 0, expectedDaysLate: 0, predictedPaySerial, topFactors: [] };
}

describe("isoWeekOf", () => {
  it.each([
    [d(2026, 1, 1), d(2025, 12, 29), 2026, 1, "2026-W01"], // a Thursday: week 1 of 2026 starts in 2025
    [d(2025, 12, 28), d(2025, 12, 22), 2025, 52, "2025-W52"], // a Sunday ends its week
    [d(2021, 1, 3), d(2020, 12, 28), 2020, 53, "2020-W53"], // 2020 had 53 weeks
    [d(2026, 1, 5), d(2026, 1, 5), 2026, 2, "2026-W02"], // a Monday starts its week
  ])("puts %i in the week starting %i (%i week %i)", (serial, monday, year, week, label) => {
    expect(isoWeekOf(serial)).toEqual({ weekStartSerial: monday, isoYear: year, isoWeek: week, label });
  });
});

describe("forecastCashIn", () => {
  it("sums each currency's open amounts into the ISO week of the predicted pay date, to the minor unit", () => {
    const asOf = d(2026, 1, 7); // Wednesday of 2026-W02
    const f = forecastCashIn(
      [
        prediction("A", 10000, "USD", d(2026, 1, 9)), // Friday, W02
        prediction("B", 2550, "USD", d(2026, 1, 2)), // already past and still open: the as-of week, W02
        prediction("C", 99999, "USD", d(2026, 1, 12)), // Monday, W03
        prediction("D", 150050, "SEK", d(2026, 1, 18)), // Sunday, W03
        prediction("E", 700, "JPY", d(2026, 2, 2)), // W06
      ],
      asOf,
    );
    expect(f.weeks.map((w) => [w.label, w.currency, w.expectedMinor, w.invoices])).toEqual([
      ["2026-W02", "USD", 12550, 2],
      ["2026-W03", "SEK", 150050, 1],
      ["2026-W03", "USD", 99999, 1],
      ["2026-W06", "JPY", 700, 1],
    ]);
    expect(f.weeks[0]?.weekStartSerial).toBe(d(2026, 1, 5));
    expect(Object.fromEntries(f.openByCurrency)).toEqual({ USD: 112549, SEK: 150050, JPY: 700 });
  });

  it("uses the open amount when it differs from the scored one, and leaves out what is fully paid", () => {
    const open = new Map([["A", 4000], ["B", 0]]);
    const f = forecastCashIn([prediction("A", 10000, "EUR", d(2026, 3, 4)), prediction("B", 500, "EUR", d(2026, 3, 4))], d(2026, 3, 1), (p) => open.get(p.voucher) ?? p.amountMinor);
    expect(f.weeks.map((w) => [w.label, w.expectedMinor, w.invoices])).toEqual([["2026-W10", 4000, 1]]);
  });

  it("has weeks that sum to the open amount of the predicted invoices in every currency (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ amount: fc.integer({ min: 1, max: 1e9 }), currency: fc.constantFrom("USD", "SEK", "JPY"), offset: fc.integer({ min: -60, max: 400 }) }), { maxLength: 60 }), (items) => {
        const asOf = d(2026, 1, 7);
        const f = forecastCashIn(items.map((x, i) => prediction(`V${i}`, x.amount, x.currency, asOf + x.offset)), asOf);
        for (const currency of ["USD", "SEK", "JPY"]) {
          const open = items.filter((x) => x.currency === currency).reduce((s, x) => s + x.amount, 0);
          expect(f.weeks.filter((w) => w.currency === currency).reduce((s, w) => s + w.expectedMinor, 0)).toBe(open);
        }
        // Nothing is expected before the as-of week.
        for (const w of f.weeks) expect(w.weekStartSerial).toBeGreaterThan(asOf - 7);
      }),
    );
  });

  describe("invalid input", () => {
    it("refuses an open amount that is not an integer of minor units", () => {
      expect(() => forecastCashIn([prediction("A", 100, "USD", d(2026, 1, 9))], d(2026, 1, 7), () => 1.5)).toThrow(/integer of minor units/);
    });

    it("is empty for no invoices", () => {
      expect(forecastCashIn([], d(2026, 1, 7)).weeks).toEqual([]);
    });
  });
});
