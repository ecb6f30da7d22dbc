import { creditStatistics, dso, lastMonthEnds, type StatItem } from "../../src/domain/credit/statistics";
import { serialFromYmd } from "../../src/domain/dates";
import { unwrap } from "../../src/domain/errors";
import { creditStatsFunction, dsoFunction } from "../../src/functions/credit";

const AS_OF = serialFromYmd(2015, 9, 30);
const item = (type: StatItem["type"], iso: [number, number, number], major: number, extra: Partial<StatItem> = {}): StatItem => ({ customer: "C", voucher: "v", type, dateSerial: serialFromYmd(...iso), amountMinor: Math.round(major * 100), currency: "USD", status: "None", row: 2, ...extra });

// W8: open balance 50,000; credit sales of the last 12 months 150,000 (all in the last 6 months).
const W8: StatItem[] = [
  item("Invoice", [2015, 5, 1], 0, { originalMinor: 10_000_000, closedSerial: serialFromYmd(2015, 5, 31) }),
  item("Invoice", [2015, 9, 1], 50_000, { originalMinor: 5_000_000 }),
  // The payment that closed the May invoice is closed on the same day.
  item("Payment", [2015, 5, 31], 0, { originalMinor: -10_000_000, closedSerial: serialFromYmd(2015, 5, 31) }),
];

describe("W8 DSO", () => {
  it("50,000 / 150,000 x 365 = 121.67 and x 183 = 61.00", () => {
    expect(dso(5_000_000, 15_000_000, 365)?.toFixed(2)).toBe("121.67");
    expect(dso(5_000_000, 15_000_000, 183)?.toFixed(2)).toBe("61.00");
  });
  it("through the engine: 12 months to 2015-09-30 are 365 days, 6 months 183", () => {
    const s = unwrap(creditStatistics({ asOfSerial: AS_OF, items: W8, limitMinor: 10_000_000, openOrdersMinor: 0, dsoMonths: [12, 6], balanceMonths: 12 }));
    expect(s.dso.map((w) => [w.days, w.creditSalesMinor, w.dso?.toFixed(2)])).toEqual([[365, 15_000_000, "121.67"], [183, 15_000_000, "61.00"]]);
    expect(s.averagePaymentDays?.toFixed(2)).toBe("30.00");
  });
  it("through CC.DSO and CC.CREDITSTATS", () => {
    const ledger = [
      ["Customer", "Type", "Date", "Amount", "OriginalAmount", "ClosedDate", "Currency"],
      ["C", "Invoice", "2015-05-01", 0, 100_000, "2015-05-31", "USD"],
      ["C", "Invoice", "2015-09-01", 50_000, 50_000, null, "USD"],
      ["C", "Payment", "2015-05-31", 0, -100_000, "2015-05-31", "USD"],
      ["D", "Invoice", "2015-09-01", 999, 999, null, "USD"],
    ];
    expect(dsoFunction("C", ledger, 12, "2015-09-30")).toBe(121.67);
    expect(dsoFunction("C", ledger, 6, "2015-09-30")).toBe(61);
    const out = creditStatsFunction("C", ledger, [["Customer", "CreditLimit", "Currency"], ["C", 100_000, "USD"]], [["Order", "Customer", "Amount", "Currency"], ["SO1", "C", 10_000, "USD"]], "2015-09-30", null);
    const get = (name: string) => out.find((r) => r[0] === name)?.[1];
    expect(get("DSO (12 months)")).toBe(121.67);
    expect(get("DSO (6 months)")).toBe(61);
    expect(get("Average payment days")).toBe(30);
    // Month ends Oct 2014..Sep 2015: the May invoice is paid by 2015-05-31, so only Sep holds 50,000: 50,000 / 12.
    expect(get("Average balance")).toBe(4166.67);
    expect(get("Average credit limit used %")).toBe(4.17);
    expect(get("Average exposure %")).toBe(14.17);
  });
  it("counts the days from CustomerSince when it is later", () => {
    const s = unwrap(creditStatistics({ asOfSerial: AS_OF, customerSinceSerial: serialFromYmd(2015, 1, 1), items: W8, limitMinor: null, openOrdersMinor: 0, dsoMonths: [12, 6], balanceMonths: 3 }));
    expect(s.dso[0].days).toBe(273);
    expect(s.averageCreditLimitUsedPct).toBeNull();
  });
  it("month ends are the last ones on or before the as-of date", () => {
    expect(lastMonthEnds(serialFromYmd(2015, 9, 15), 2)).toEqual([serialFromYmd(2015, 8, 31), serialFromYmd(2015, 7, 31)]);
    expect(lastMonthEnds(AS_OF, 1)).toEqual([AS_OF]);
  });
});

describe("statistics: invalid input", () => {
  it("refuses mixed currencies, months that are not whole, and a window without sales", () => {
    const mixed = creditStatistics({ asOfSerial: AS_OF, items: [...W8, { ...W8[1]!, currency: "EUR" }], limitMinor: null, openOrdersMinor: 0, dsoMonths: [12, 6], balanceMonths: 12 });
    expect(mixed.ok ? "" : mixed.errors[0]?.code).toBe("statistics_need_one_currency");
    const ledger = [["Customer", "Type", "Date", "Amount"], ["C", "Invoice", "2010-01-01", 5]];
    expect(() => dsoFunction("C", ledger, 1.5, "2015-09-30")).toThrow(/months/);
    expect(() => dsoFunction("C", ledger, 12, "2015-09-30")).toThrow(/no credit sales/);
    expect(() => dsoFunction("C", [["Customer", "Amount", "Date"], ["C", "x", "2015-01-01"]], 12, "2015-09-30")).toThrow(/row 2, Amount/);
  });
});
