/**
 * Each customer's payment history as prefix sums over its settled invoices in the order they were
 * settled, so that "what was known at day k" (every invoice closed on or before k) is one binary
 * search away. Training asks this question once per settled invoice, scoring once per open one.
 */
import type { LedgerInvoice } from "../types";

/** How many of the latest settled invoices make the "recent" figures. */
export const RECENT = 5;

export interface CustomerHistory {
  /** Closed dates of the settled invoices, ascending. */
  readonly closed: readonly number[];
  /** max(0, closed - due) per settled invoice, same order. */
  readonly daysLate: readonly number[];
  /** closed - date per settled invoice, same order. */
  readonly daysToPay: readonly number[];
  /** Prefix sums (length n + 1): late invoices, very late ones, days late, log amounts, Late-class count and days. */
  readonly cumLate: readonly number[];
  readonly cumVeryLate: readonly number[];
  readonly cumDays: readonly number[];
  readonly cumLogAmount: readonly number[];
  readonly cumLateClassN: readonly number[];
  readonly cumLateClassDays: readonly number[];
  readonly cumDaysToPay: readonly number[];
  /** Prefix sums of (closed - date)^2, for the spread of the customer's days to pay. */
  readonly cumDaysToPaySq: readonly number[];
  /** Sorted max(due + 1, date): how many invoices were issued and past due by day k. */
  readonly overdueAll: readonly number[];
  /** Sorted max(due + 1, date, closed) of settled invoices: how many of those were also closed by k. */
  readonly overdueClosed: readonly number[];
}

/** What was known of a customer at the end of day k. */
export interface HistorySummary {
  /** Settled invoices (closed on or before k). */
  readonly n: number;
  readonly late: number;
  readonly veryLate: number;
  readonly sumDays: number;
  readonly sumLogAmount: number;
  /** The same over the latest min(n, RECENT) settled invoices. */
  readonly recentN: number;
  readonly recentLate: number;
  readonly recentDays: number;
  /** Settled invoices 1..veryLateDays days late, and their days. */
  readonly lateClassN: number;
  readonly lateClassDays: number;
  readonly sumDaysToPay: number;
  readonly sumDaysToPaySq: number;
  /** Invoices issued by k, past due at k (due < k) and not closed by k. */
  readonly openOverdue: number;
}

/**
 * log(1 + amount in minor units): the scale on which amounts are compared.
 * @example logAmount(0) // 0
 * @example Math.round(logAmount(99) * 1000) / 1000 // 4.605 (log 100)
 */
export function logAmount(amountMinor: number): number {
  return Math.log1p(Math.max(0, amountMinor));
}

/**
 * Build every customer's history from a ledger that holds only what is known at the as-of date.
 * In the examples of this file customer A's I1 is paid 5 days early, I2 10 days late, I3 is open.
 * @example
 * const ledger = [
 *   { customer: "A", voucher: "I1", row: 2, dateSerial: 100, dueSerial: 130, closedSerial: 125, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I2", row: 3, dateSerial: 110, dueSerial: 140, closedSerial: 150, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I3", row: 4, dateSerial: 120, dueSerial: 150, amountMinor: 10000, currency: "USD" }];
 * const h = buildHistories(ledger, 30).get("A");
 * [h.closed, h.daysLate, h.daysToPay, h.cumLate] // [[125, 150], [0, 10], [25, 40], [0, 0, 1]]
 */
export function buildHistories(invoices: readonly LedgerInvoice[], veryLateDays: number): Map<string, CustomerHistory> {
  const byCustomer = new Map<string, LedgerInvoice[]>();
  for (const inv of invoices) {
    let list = byCustomer.get(inv.customer);
    if (list === undefined) byCustomer.set(inv.customer, (list = []));
    list.push(inv);
  }
  const out = new Map<string, CustomerHistory>();
  for (const [customer, list] of byCustomer) out.set(customer, historyOf(list, veryLateDays));
  return out;
}

function historyOf(list: readonly LedgerInvoice[], veryLateDays: number): CustomerHistory {
  const settled = list.filter((i) => i.closedSerial !== undefined);
  settled.sort((a, b) => (a.closedSerial as number) - (b.closedSerial as number) || a.dateSerial - b.dateSerial || a.row - b.row);
  const closed: number[] = [];
  const daysLate: number[] = [];
  const daysToPay: number[] = [];
  const cumDaysToPay = [0];
  const cumDaysToPaySq = [0];
  const cumLate = [0];
  const cumVeryLate = [0];
  const cumDays = [0];
  const cumLogAmount = [0];
  const cumLateClassN = [0];
  const cumLateClassDays = [0];
  for (const inv of settled) {
    const days = Math.max(0, (inv.closedSerial as number) - inv.dueSerial);
    const k = closed.length;
    closed.push(inv.closedSerial as number);
    daysLate.push(days);
    daysToPay.push((inv.closedSerial as number) - inv.dateSerial);
    cumDaysToPay.push((cumDaysToPay[k] as number) + (inv.closedSerial as number) - inv.dateSerial);
    cumDaysToPaySq.push((cumDaysToPaySq[k] as number) + ((inv.closedSerial as number) - inv.dateSerial) ** 2);
    const lateClass = days > 0 && days <= veryLateDays;
    cumLate.push((cumLate[k] as number) + (days > 0 ? 1 : 0));
    cumVeryLate.push((cumVeryLate[k] as number) + (days > veryLateDays ? 1 : 0));
    cumDays.push((cumDays[k] as number) + days);
    cumLogAmount.push((cumLogAmount[k] as number) + logAmount(inv.amountMinor));
    cumLateClassN.push((cumLateClassN[k] as number) + (lateClass ? 1 : 0));
    cumLateClassDays.push((cumLateClassDays[k] as number) + (lateClass ? days : 0));
  }
  const overdueAll = list.map((i) => Math.max(i.dueSerial + 1, i.dateSerial)).sort((a, b) => a - b);
  const overdueClosed = settled.map((i) => Math.max(i.dueSerial + 1, i.dateSerial, i.closedSerial as number)).sort((a, b) => a - b);
  return { closed, daysLate, daysToPay, cumDaysToPay, cumDaysToPaySq, cumLate, cumVeryLate, cumDays, cumLogAmount, cumLateClassN, cumLateClassDays, overdueAll, overdueClosed };
}

/**
 * How many of the ascending `sorted` are <= k.
 * @example countAtMost([1, 3, 3, 7], 3) // 3
 */
export function countAtMost(sorted: readonly number[], k: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const EMPTY: HistorySummary = { n: 0, late: 0, veryLate: 0, sumDays: 0, sumLogAmount: 0, recentN: 0, recentLate: 0, recentDays: 0, lateClassN: 0, lateClassDays: 0, sumDaysToPay: 0, sumDaysToPaySq: 0, openOverdue: 0 };

/**
 * The customer's history as known at the end of day k (`h` undefined: a customer never seen).
 * On day 160 both I1 and I2 are settled (one late, 10 days) and I3 is past due and open.
 * @example
 * const ledger = [
 *   { customer: "A", voucher: "I1", row: 2, dateSerial: 100, dueSerial: 130, closedSerial: 125, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I2", row: 3, dateSerial: 110, dueSerial: 140, closedSerial: 150, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I3", row: 4, dateSerial: 120, dueSerial: 150, amountMinor: 10000, currency: "USD" }];
 * const h = buildHistories(ledger, 30).get("A");
 * const s = historyAt(h, 160);
 * [s.n, s.late, s.sumDays, s.sumDaysToPay, s.openOverdue] // [2, 1, 10, 65, 1]
 * historyAt(h, 140).n // 1 (I2 is not paid yet)
 * @example historyAt(undefined, 160).n // 0
 */
export function historyAt(h: CustomerHistory | undefined, k: number): HistorySummary {
  if (h === undefined) return EMPTY;
  const n = countAtMost(h.closed, k);
  const r = Math.max(0, n - RECENT);
  // Plain indexing (no helper closure): this runs once per training example.
  const late = h.cumLate[n] as number;
  const days = h.cumDays[n] as number;
  return {
    n,
    late,
    veryLate: h.cumVeryLate[n] as number,
    sumDays: days,
    sumLogAmount: h.cumLogAmount[n] as number,
    recentN: n - r,
    recentLate: late - (h.cumLate[r] as number),
    recentDays: days - (h.cumDays[r] as number),
    lateClassN: h.cumLateClassN[n] as number,
    lateClassDays: h.cumLateClassDays[n] as number,
    sumDaysToPay: h.cumDaysToPay[n] as number,
    sumDaysToPaySq: h.cumDaysToPaySq[n] as number,
    openOverdue: countAtMost(h.overdueAll, k) - countAtMost(h.overdueClosed, k),
  };
}

/**
 * The median days late of the settled invoices known at k (undefined with no history): the CustomerHistory baseline's forecast.
 * @example
 * const ledger = [
 *   { customer: "A", voucher: "I1", row: 2, dateSerial: 100, dueSerial: 130, closedSerial: 125, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I2", row: 3, dateSerial: 110, dueSerial: 140, closedSerial: 150, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I3", row: 4, dateSerial: 120, dueSerial: 150, amountMinor: 10000, currency: "USD" }];
 * const h = buildHistories(ledger, 30).get("A");
 * medianDaysLateAt(h, 160) // 5 (the mean of 0 and 10)
 * medianDaysLateAt(h, 140) // 0
 * medianDaysLateAt(h, 120) // undefined (nothing settled yet)
 */
export function medianDaysLateAt(h: CustomerHistory | undefined, k: number): number | undefined {
  if (h === undefined) return undefined;
  const n = countAtMost(h.closed, k);
  if (n === 0) return undefined;
  const s = h.daysLate.slice(0, n).sort((a, b) => a - b);
  const m = n >>> 1;
  return n % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Of the latest settled invoices considered for "paid this late or later", at most this many. */
export const SURVIVAL_WINDOW = 50;

/**
 * Among the customer's latest (at most SURVIVAL_WINDOW) invoices settled by k, those still unpaid
 * `age` days after their invoice date, and how many of those were paid late: the customer's own
 * answer to "an invoice of mine still open at this age, is it late?".
 * Of I1 (paid after 25 days) and I2 (after 40, late), only I2 was still open at age 30.
 * @example
 * const ledger = [
 *   { customer: "A", voucher: "I1", row: 2, dateSerial: 100, dueSerial: 130, closedSerial: 125, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I2", row: 3, dateSerial: 110, dueSerial: 140, closedSerial: 150, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I3", row: 4, dateSerial: 120, dueSerial: 150, amountMinor: 10000, currency: "USD" }];
 * const h = buildHistories(ledger, 30).get("A");
 * survivorsAt(h, 160, 30) // { survivors: 1, late: 1 }
 * survivorsAt(h, 160, 20) // { survivors: 2, late: 1 }
 */
export function survivorsAt(h: CustomerHistory | undefined, k: number, age: number): { survivors: number; late: number } {
  if (h === undefined) return { survivors: 0, late: 0 };
  const n = countAtMost(h.closed, k);
  let survivors = 0;
  let late = 0;
  for (let i = Math.max(0, n - SURVIVAL_WINDOW); i < n; i++) {
    if ((h.daysToPay[i] as number) <= age) continue;
    survivors++;
    if ((h.daysLate[i] as number) > 0) late++;
  }
  return { survivors, late };
}
