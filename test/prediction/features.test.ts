import { serialFromYmd } from "../../src/domain/dates";
import { buildHistories, historyAt, medianDaysLateAt, RECENT, survivorsAt } from "../../src/domain/prediction/_lib/history";
import { BASE_FEATURES, estimatePrior, featureSpec, isWeekend, lateIfPaidLikeCustomer, logit, MAX_CATEGORIES, shrink, writeFeatures } from "../../src/domain/prediction/features";
import { isOpenAt, knownAt } from "../../src/domain/prediction/known-at";
import { RECENCY_HALF_LIFE, recencyWeight, SNAPSHOT_STEP, trainingExamples } from "../../src/domain/prediction/train";
import type { LedgerInvoice } from "../../src/domain/prediction/types";

const D = serialFromYmd(2024, 1, 1);
let row = 1;
function inv(customer: string, date: number, due: number, closed?: number, more: Partial<LedgerInvoice> = {}): LedgerInvoice {
  row++;
  return { customer, voucher: `V${row}`, row, dateSerial: date, dueSerial: due, amountMinor: 10000, currency: "", ...(closed !== undefined ? { closedSerial: closed } : {}), ...more };
}

describe("a customer's history as known at day k", () => {
  // Days late by closing order: 0 (early), 5, 40 (very late), 0, and one still open and past due.
  const ledger = [
    inv("A", D, D + 30, D + 20),
    inv("A", D + 10, D + 40, D + 45),
    inv("A", D + 20, D + 50, D + 90),
    inv("A", D + 60, D + 90, D + 95 - 5),
    inv("A", D + 70, D + 100),
  ];
  const h = buildHistories(ledger, 30).get("A");

  it("counts only the invoices closed on or before k", () => {
    expect(historyAt(h, D + 19).n).toBe(0);
    expect(historyAt(h, D + 20).n).toBe(1);
    const s = historyAt(h, D + 90);
    expect(s).toMatchObject({ n: 4, late: 2, veryLate: 1, sumDays: 45, lateClassN: 1, lateClassDays: 5 });
    expect(s.sumDaysToPay).toBe(20 + 35 + 70 + 30);
  });

  it("counts invoices issued, past due and not closed by k as open overdue", () => {
    // At D+60: invoice 3 (due D+50) is past due and open; invoice 2 was closed at D+45.
    expect(historyAt(h, D + 60).openOverdue).toBe(1);
    // At D+101: invoice 5 (due D+100) is open and past due; invoice 3 closed at D+90.
    expect(historyAt(h, D + 101).openOverdue).toBe(1);
    expect(historyAt(h, D + 100).openOverdue).toBe(0);
  });

  it(`keeps the latest ${RECENT} settled invoices as the recent ones`, () => {
    const many = Array.from({ length: 8 }, (_, i) => inv("B", D + i * 10, D + i * 10 + 30, D + i * 10 + 30 + (i >= 5 ? 3 : 0)));
    const s = historyAt(buildHistories(many, 30).get("B"), D + 200);
    expect(s).toMatchObject({ n: 8, late: 3, recentN: RECENT, recentLate: 3, recentDays: 9 });
  });

  it("answers 'still unpaid at this age, then late?' from the invoices paid after that age", () => {
    // Days to pay: 20 (on time), 35 (late), 70 (late), 30 (on time).
    expect(survivorsAt(h, D + 200, 25)).toEqual({ survivors: 3, late: 2 });
    expect(survivorsAt(h, D + 200, 40)).toEqual({ survivors: 1, late: 1 });
    expect(survivorsAt(undefined, D, 0)).toEqual({ survivors: 0, late: 0 });
  });

  it("gives the median days late of the invoices known at k (the CustomerHistory baseline)", () => {
    expect(medianDaysLateAt(h, D + 90)).toBe(2.5);
    expect(medianDaysLateAt(h, D + 10)).toBeUndefined();
  });

  it("knows nothing of a customer never seen", () => {
    expect(historyAt(undefined, D)).toMatchObject({ n: 0, late: 0, openOverdue: 0 });
  });
});

describe("the ledger as known at the as-of date", () => {
  const asOf = D + 50;
  const a = inv("A", D, D + 30, D + 60, { disputeSerial: D + 55 });
  const b = inv("A", D + 51, D + 81, D + 70);
  const c = inv("A", D + 5, D + 35, D + 40, { disputeSerial: D + 20 });

  it("drops invoices dated later and forgets later closings and disputes", () => {
    const known = knownAt([a, b, c], asOf);
    expect(known).toHaveLength(2);
    expect(known[0]?.closedSerial).toBeUndefined();
    expect(known[0]?.disputeSerial).toBeUndefined();
    expect(known[1]).toEqual(c);
  });

  it("calls an invoice open when dated by the as-of date and not closed by then", () => {
    expect(isOpenAt(a, asOf)).toBe(true);
    expect(isOpenAt(b, asOf)).toBe(false);
    expect(isOpenAt(c, asOf)).toBe(false);
    expect(isOpenAt(c, D + 39)).toBe(true);
  });
});

describe("training examples", () => {
  const asOf = D + 200;

  it("describe an invoice every SNAPSHOT_STEP days back from the as-of date while it was open and not yet due", () => {
    expect(SNAPSHOT_STEP).toBe(14);
    // Open and not yet due on days 100..129 (due 130, paid 135); snapshots at 200 - 14j, latest first: 116 and 102.
    const x = inv("A", D + 100, D + 130, D + 135);
    expect(trainingExamples([x], asOf, 30).map((e) => e.k - D)).toEqual([116, 102]);
    // Issued on a snapshot day (172) and paid on day 180: open at the end of its own date, so one example.
    const sameDay = inv("A", D + 172, D + 202, D + 180);
    expect(trainingExamples([sameDay], asOf, 30).map((e) => e.k - D)).toEqual([172]);
    // Paid between two snapshot days: nobody would have been asked about it at a snapshot.
    const quick = inv("A", D + 150, D + 180, D + 155);
    expect(trainingExamples([quick], asOf, 30)).toEqual([]);
  });

  it("weigh an example by its age: half at RECENCY_HALF_LIFE days before the as-of date", () => {
    expect(RECENCY_HALF_LIFE).toBe(365);
    expect(recencyWeight(0)).toBe(1);
    expect(recencyWeight(365)).toBeCloseTo(0.5, 15);
    expect(recencyWeight(730)).toBeCloseTo(0.25, 15);
  });

  it("label settled invoices by their closing, and open ones past due as late", () => {
    const onTime = inv("A", D, D + 30, D + 30);
    const veryLate = inv("A", D, D + 30, D + 61);
    const openLate = inv("A", D + 120, D + 150);
    const openRecent = inv("A", D + 165, D + 195);
    const notDue = inv("A", D + 190, D + 220);
    const byVoucher = new Map(trainingExamples([onTime, veryLate, openLate, openRecent, notDue], asOf, 30).map((e) => [e.inv.voucher, e]));
    expect(byVoucher.get(onTime.voucher)).toMatchObject({ late: false, veryLate: false });
    expect(byVoucher.get(veryLate.voucher)).toMatchObject({ late: true, veryLate: true });
    // 50 days past due at the as-of date: very late already; 5 days: late, Late or VeryLate not known yet.
    expect(byVoucher.get(openLate.voucher)).toMatchObject({ late: true, veryLate: true });
    expect(byVoucher.get(openRecent.voucher)).toMatchObject({ late: true, veryLate: undefined });
    expect(byVoucher.has(notDue.voucher)).toBe(false);
  });
});

describe("features", () => {
  it("shrinks a short history towards the population", () => {
    expect(shrink(1, 1, 0.2, 4)).toBeCloseTo((1 + 0.8) / 5, 12);
    expect(shrink(0, 0, 0.2, 4)).toBeCloseTo(0.2, 12);
  });

  it("estimates a weak prior when customers differ and the strongest when they do not", () => {
    const differ = [
      ...Array.from({ length: 10 }, () => inv("Good", D, D + 30, D + 20)),
      ...Array.from({ length: 10 }, () => inv("Bad", D, D + 30, D + 45)),
    ];
    const alike = [
      ...Array.from({ length: 10 }, (_, i) => inv("P", D, D + 30, i % 2 === 0 ? D + 20 : D + 45)),
      ...Array.from({ length: 10 }, (_, i) => inv("Q", D, D + 30, i % 2 === 0 ? D + 20 : D + 45)),
    ];
    const weak = estimatePrior(differ, buildHistories(differ, 30), D + 100, 30);
    const strong = estimatePrior(alike, buildHistories(alike, 30), D + 100, 30);
    expect(weak.lateShare).toBe(0.5);
    expect(weak.meanDaysLate).toBe(7.5);
    expect(weak.strength).toBe(1);
    expect(strong.strength).toBe(50);
  });

  it("knows Saturday and Sunday", () => {
    expect(isWeekend(serialFromYmd(2015, 10, 24))).toBe(true);
    expect(isWeekend(serialFromYmd(2015, 10, 25))).toBe(true);
    expect(isWeekend(serialFromYmd(2015, 10, 26))).toBe(false);
    expect(isWeekend(serialFromYmd(2015, 10, 23))).toBe(false);
  });

  it("writes terms, calendar effects and a dispute only once it is dated on or before k", () => {
    const prior = { lateShare: 0.3, veryLateShare: 0, meanDaysLate: 2, meanLogAmount: 9, meanDaysToPay: 30, meanDaysToPaySq: 925, strength: 2 };
    const spec = featureSpec([], [], true);
    const x = inv("A", serialFromYmd(2024, 1, 1), serialFromYmd(2024, 1, 31), undefined, { disputeSerial: serialFromYmd(2024, 1, 10) });
    const at = (k: number): Map<string, number> => {
      const out = new Float64Array(spec.names.length);
      writeFeatures(x, undefined, historyAt(undefined, k), k, prior, spec, out, 0);
      return new Map(spec.names.map((n, j) => [n, out[j] as number]));
    };
    const before = at(serialFromYmd(2024, 1, 5));
    const after = at(serialFromYmd(2024, 1, 12));
    expect(before.get("Terms (days)")).toBe(30);
    expect(before.get("Due at month end")).toBe(1);
    expect(before.get("Due on a weekend")).toBe(0); // 2024-01-31 was a Wednesday
    expect(before.get("Age (days)")).toBe(4);
    expect(before.get("Days to due")).toBe(26);
    expect(before.get("Customer's share late (log-odds)")).toBeCloseTo(Math.log(0.3 / 0.7), 12);
    expect(before.get("Disputed")).toBe(0);
    expect(after.get("Disputed")).toBe(1);
  });

  it("takes shares as log-odds, kept off 0 and 1", () => {
    expect(logit(0.5)).toBe(0);
    expect(logit(0.8)).toBeCloseTo(Math.log(4), 12);
    expect(logit(1)).toBeCloseTo(Math.log(999), 9);
    expect(logit(0)).toBeCloseTo(-Math.log(999), 9);
  });

  it("gives the chance late of an invoice still open for a customer paying like N(mean, sd)", () => {
    // Mean 30 days to pay, sd 5 (second moment 30^2 + 25), net 30, just issued:
    // P(T > 30.5 | T > 0.5) = Q(0.1) / Q(-5.9) = 0.460172 / 0.9999999982.
    expect(lateIfPaidLikeCustomer(0, 30, 30, 925)).toBeCloseTo(Math.log(0.460172 / 0.539828), 5);
    // Still open at day 29: P(T > 30.5 | T > 29.5) = Q(0.1) / Q(-0.1) = 0.460172 / 0.539828 = 0.852446.
    expect(lateIfPaidLikeCustomer(29, 30, 30, 925)).toBeCloseTo(Math.log(0.852446 / 0.147554), 4);
    // The spread is never below 2 days: 10 days to pay with second moment 100 is N(10, 2^2), and
    // P(T > 30.5 | T > 0.5) = Q(10.25) is below the floor of 0.001.
    expect(lateIfPaidLikeCustomer(0, 30, 10, 100)).toBeCloseTo(Math.log(0.001 / 0.999), 9);
    // The later the invoice is still open, the likelier late.
    const byAge = [0, 10, 20, 25].map((age) => lateIfPaidLikeCustomer(age, 30, 28, 28 * 28 + 36));
    expect([...byAge].sort((p, q) => p - q)).toEqual(byAge);
  });

  it("encodes an all-number column as one feature and a text column as indicators of its most frequent categories", () => {
    const training = [
      ...Array.from({ length: 12 }, (_, i) => inv("A", D, D + 30, D + 30, { extras: { Score: i, Region: `R${i}` } })),
      inv("A", D, D + 30, D + 30, { extras: { Region: "R1" } }),
    ];
    const spec = featureSpec(training, ["Score", "Region"], false);
    expect(spec.names.slice(0, BASE_FEATURES.length)).toEqual([...BASE_FEATURES]);
    expect(spec.extras[0]).toEqual({ column: "Score", kind: "number", fill: 5.5 });
    const regions = spec.extras.filter((e) => e.column === "Region");
    expect(regions).toHaveLength(MAX_CATEGORIES);
    expect(regions[0]).toEqual({ column: "Region", kind: "category", value: "R1" });
    expect(spec.names).toContain("Region = R1");
  });
});
