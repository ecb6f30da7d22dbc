/**
 * The features of one invoice as known at the end of day k (k = the as-of date when scoring; the
 * day before the invoice date when training), and the population prior that shrinks a customer's
 * own figures towards everyone's when its history is short (empirical Bayes).
 */
import { daysInMonth, ymdFromSerial } from "../dates";
import { type CustomerHistory, historyAt, type HistorySummary, logAmount, survivorsAt } from "./_lib/history";
import { conditionalTail } from "./_lib/normal";
import type { FeatureValue, LedgerInvoice } from "./types";

/** Population figures over the settled invoices, and the prior's strength in pseudo-invoices. */
export interface Prior {
  readonly lateShare: number;
  readonly veryLateShare: number;
  readonly meanDaysLate: number;
  readonly meanLogAmount: number;
  readonly meanDaysToPay: number;
  /** Mean of (closed - date)^2: with meanDaysToPay, the population's spread of days to pay. */
  readonly meanDaysToPaySq: number;
  /** How many invoices of the population's behaviour a customer's own history starts with. */
  readonly strength: number;
}

/** An extra column as numbers: its own value, or an indicator of one of its categories. */
export type ExtraEncoder =
  | { readonly column: string; readonly kind: "number"; readonly fill: number }
  | { readonly column: string; readonly kind: "category"; readonly value: string };

export interface FeatureSpec {
  readonly names: readonly string[];
  readonly disputes: boolean;
  readonly extras: readonly ExtraEncoder[];
}

/** The features every model has, in order (names shown as an invoice's top factors). */
export const BASE_FEATURES = [
  "Customer's share late (log-odds)",
  "Customer's mean days late",
  "Customer's recent days late",
  "Trend of lateness",
  "Customer's share very late",
  "Settled invoices known",
  "Amount vs customer's usual",
  "Amount",
  "Terms (days)",
  "Open overdue invoices",
  "Age (days)",
  "Days to due",
  "Customer's mean days to pay",
  "Age vs customer's days to pay",
  "Customer's share late when this old (log-odds)",
  "Late if paid like the customer (normal)",
  "Due at month end",
  "Due on a weekend",
  "Due month (sine)",
  "Due month (cosine)",
] as const;

/** At most this many categories of one extra column become indicators (the most frequent). */
export const MAX_CATEGORIES = 8;

/** Prior strength bounds: never fewer than 1 nor more than 50 pseudo-invoices. */
const MIN_STRENGTH = 1;
const MAX_STRENGTH = 50;

/**
 * The population prior from the settled invoices and the customers' histories at k. The strength
 * is the beta-binomial method-of-moments estimate a = p(1 - p) / tau^2 - 1, where tau^2 is the
 * between-customer variance of the share late (observed variance minus the binomial noise).
 * In twoCustomers on 2024-11-20, 20 of Prompt's and 19 of Slow's invoices are settled, Slow's each 12
 * days late: 19/39 late, 228/39 days late on average; the customers' shares (0 and 1) differ far more
 * than chance would make them, so the prior is as weak as allowed (1 pseudo-invoice).
 * @example
 * const settled = twoCustomers.filter((i) => i.closedSerial !== undefined && i.closedSerial <= predictionAsOf);
 * const p = estimatePrior(settled, twoCustomersModel.histories, predictionAsOf, 30);
 * [p.lateShare, p.veryLateShare, p.meanDaysLate, p.strength].map((v) => Math.round(v * 1000) / 1000) // [0.487, 0, 5.846, 1]
 */
export function estimatePrior(settled: readonly LedgerInvoice[], histories: ReadonlyMap<string, CustomerHistory>, k: number, veryLateDays: number): Prior {
  let late = 0;
  let veryLate = 0;
  let days = 0;
  let logSum = 0;
  let toPay = 0;
  let toPaySq = 0;
  for (const inv of settled) {
    toPay += (inv.closedSerial as number) - inv.dateSerial;
    toPaySq += ((inv.closedSerial as number) - inv.dateSerial) ** 2;
    const d = Math.max(0, (inv.closedSerial as number) - inv.dueSerial);
    if (d > 0) late++;
    if (d > veryLateDays) veryLate++;
    days += d;
    logSum += logAmount(inv.amountMinor);
  }
  const n = Math.max(1, settled.length);
  const p = late / n;
  return { lateShare: p, veryLateShare: veryLate / n, meanDaysLate: days / n, meanLogAmount: logSum / n, meanDaysToPay: toPay / n, meanDaysToPaySq: toPaySq / n, strength: priorStrength(histories, k, p) };
}

function priorStrength(histories: ReadonlyMap<string, CustomerHistory>, k: number, p: number): number {
  const shares: number[] = [];
  let noise = 0;
  for (const h of histories.values()) {
    const s = historyAt(h, k);
    if (s.n < 2) continue;
    shares.push(s.late / s.n);
    noise += (p * (1 - p)) / s.n;
  }
  if (shares.length < 2 || p <= 0 || p >= 1) return MAX_STRENGTH;
  const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
  const variance = shares.reduce((a, b) => a + (b - mean) ** 2, 0) / (shares.length - 1);
  const tau2 = variance - noise / shares.length;
  if (tau2 <= 0) return MAX_STRENGTH;
  return Math.min(MAX_STRENGTH, Math.max(MIN_STRENGTH, (p * (1 - p)) / tau2 - 1));
}

/**
 * (own + strength x population) / (count + strength).
 * @example shrink(0, 0, 0.3, 10) // 0.3 (no data: the population rate)
 */
export function shrink(sum: number, count: number, population: number, strength: number): number {
  return (sum + strength * population) / (count + strength);
}

/**
 * Which features a model uses: the base ones, Disputed when the ledger dates disputes, and the
 * extra columns encoded from the training invoices' values (all numbers: one numeric feature,
 * missing values filled with the mean; otherwise one indicator per frequent category).
 * @example
 * const training = [{ ...twoCustomers[0], extras: { Region: "North", Score: 2 } }, { ...twoCustomers[1], extras: { Region: "South", Score: 4 } }, { ...twoCustomers[2], extras: { Region: "North" } }];
 * const spec = featureSpec(training, ["Region", "Score"], true);
 * spec.names.slice(BASE_FEATURES.length) // ["Disputed", "Region = North", "Region = South", "Score"]
 * spec.extras // [{ column: "Region", kind: "category", value: "North" }, { column: "Region", kind: "category", value: "South" }, { column: "Score", kind: "number", fill: 3 }]
 */
export function featureSpec(training: readonly LedgerInvoice[], columns: readonly string[], disputes: boolean): FeatureSpec {
  const extras: ExtraEncoder[] = [];
  for (const column of columns) {
    const values = training.map((i) => i.extras?.[column]).filter((v): v is FeatureValue => v !== undefined);
    if (values.every((v) => typeof v === "number")) {
      const nums = values as number[];
      extras.push({ column, kind: "number", fill: nums.length === 0 ? 0 : nums.reduce((a, b) => a + b, 0) / nums.length });
      continue;
    }
    const counts = new Map<string, number>();
    for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, MAX_CATEGORIES);
    for (const [value] of top) extras.push({ column, kind: "category", value });
  }
  const names = [
    ...BASE_FEATURES,
    ...(disputes ? ["Disputed"] : []),
    ...extras.map((e) => (e.kind === "number" ? e.column : `${e.column} = ${e.value}`)),
  ];
  return { names, disputes, extras };
}

/**
 * Is the serial's weekday Saturday or Sunday? (Serial 42302, 2015-10-25, was a Sunday.)
 * @example isWeekend(serialFromYmd(2015, 10, 25)) // true (a Sunday)
 * @example isWeekend(serialFromYmd(2015, 10, 26)) // false
 */
export function isWeekend(serial: number): boolean {
  const r = serial % 7;
  return r === 0 || r === 1;
}

/**
 * Write the features of `inv` known at the end of day k into `out` from `offset`, in the order of
 * `spec.names`. `h` is the customer's history, `s` its summary at k.
 * Slow's V42 (dated 2024-11-01, due 2024-12-01) on 2024-11-20: terms 30 days, age 19, 11 days to due,
 * one open overdue invoice (V40), mean days late (228 + 5.846) / (19 + 1) = 11.69.
 * @example
 * const out = new Float64Array(twoCustomersModel.spec.names.length);
 * writeFeatures(twoCustomers[41], slowHistory, slowSummary, predictionAsOf, twoCustomersModel.prior, twoCustomersModel.spec, out, 0);
 * [out[8], out[10], out[11], Math.round(Math.expm1(out[9])), Math.round(out[1] * 100) / 100] // [30, 19, 11, 1, 11.69]
 */
export function writeFeatures(
  inv: LedgerInvoice,
  h: CustomerHistory | undefined,
  s: HistorySummary,
  k: number,
  prior: Prior,
  spec: FeatureSpec,
  out: Float64Array,
  offset: number,
): void {
  const a = prior.strength;
  const share = shrink(s.late, s.n, prior.lateShare, a);
  const due = calendarOf(inv.dueSerial);
  const amount = logAmount(inv.amountMinor);
  let j = offset;
  out[j++] = logit(share);
  out[j++] = shrink(s.sumDays, s.n, prior.meanDaysLate, a);
  out[j++] = shrink(s.recentDays, s.recentN, prior.meanDaysLate, a);
  out[j++] = shrink(s.recentLate, s.recentN, prior.lateShare, a) - share;
  out[j++] = shrink(s.veryLate, s.n, prior.veryLateShare, a);
  out[j++] = Math.log1p(s.n);
  out[j++] = amount - shrink(s.sumLogAmount, s.n, prior.meanLogAmount, a);
  out[j++] = amount;
  out[j++] = inv.dueSerial - inv.dateSerial;
  out[j++] = Math.log1p(s.openOverdue);
  const age = k - inv.dateSerial;
  const toPay = shrink(s.sumDaysToPay, s.n, prior.meanDaysToPay, a);
  const survivors = survivorsAt(h, k, age);
  out[j++] = age;
  out[j++] = inv.dueSerial - k;
  out[j++] = toPay;
  out[j++] = age - toPay;
  out[j++] = logit(shrink(survivors.late, survivors.survivors, share, a));
  out[j++] = lateIfPaidLikeCustomer(age, inv.dueSerial - inv.dateSerial, toPay, shrink(s.sumDaysToPaySq, s.n, prior.meanDaysToPaySq, a));
  out[j++] = due.monthEnd;
  out[j++] = isWeekend(inv.dueSerial) ? 1 : 0;
  out[j++] = due.sin;
  out[j++] = due.cos;
  if (spec.disputes) out[j++] = inv.disputeSerial !== undefined && inv.disputeSerial <= k ? 1 : 0;
  for (const e of spec.extras) {
    const v = inv.extras?.[e.column];
    if (e.kind === "number") out[j++] = typeof v === "number" ? v : e.fill;
    else out[j++] = v !== undefined && String(v) === e.value ? 1 : 0;
  }
}

/**
 * log(p / (1 - p)), p kept within [P_FLOOR, 1 - P_FLOOR]: shares enter the model as log-odds, the scale a logistic model adds on.
 * @example logit(0.5) // 0
 * @example Math.round(logit(0.9) * 1000) / 1000 // 2.197 (log 9)
 * @example Math.round(logit(1) * 1000) / 1000 // 6.907 (log 999: p kept at 0.999)
 */
export function logit(p: number): number {
  const q = Math.min(1 - P_FLOOR, Math.max(P_FLOOR, p));
  return Math.log(q / (1 - q));
}

/** The days-to-pay spread is never taken below this many days. */
const MIN_PAY_SD = 2;
/** Probabilities are kept this far from 0 and 1 before their log-odds are taken. */
const P_FLOOR = 1e-3;

/**
 * The log-odds that an invoice still open `age` days after its date is paid after its `terms`, when
 * the customer's days to pay are normal with mean `mean` and second moment `secondMoment` (both
 * shrunk towards the population's): P(T > terms + 1/2 | T > age + 1/2), the halves because days
 * are whole (closed after due means T >= terms + 1; open at the end of day age means T >= age + 1).
 * Days to pay N(30, 5): P(T > 30.5) = 1 - Phi(0.1) = 0.4602, log-odds -0.160.
 * @example Math.round(lateIfPaidLikeCustomer(0, 30, 30, 30 ** 2 + 25) * 1000) / 1000 // -0.16
 */
export function lateIfPaidLikeCustomer(age: number, terms: number, mean: number, secondMoment: number): number {
  const sd = Math.max(MIN_PAY_SD, Math.sqrt(Math.max(0, secondMoment - mean * mean)));
  const p = Math.min(1 - P_FLOOR, Math.max(P_FLOOR, conditionalTail(age + 0.5, Math.max(age, terms) + 0.5, mean, sd)));
  return Math.log(p / (1 - p));
}

interface Calendar {
  /** 1 when the day is one of the month's last three, else 0. */
  readonly monthEnd: number;
  /** The month on a circle, so that December sits next to January. */
  readonly sin: number;
  readonly cos: number;
}

/** Calendar features by serial, remembered: a ledger has few distinct due dates and many invoices. */
const calendars = new Map<number, Calendar>();

function calendarOf(serial: number): Calendar {
  let c = calendars.get(serial);
  if (c !== undefined) return c;
  const { year, month, day } = ymdFromSerial(serial);
  const angle = (2 * Math.PI * (month - 1)) / 12;
  c = { monthEnd: day > daysInMonth(year, month) - 3 ? 1 : 0, sin: Math.sin(angle), cos: Math.cos(angle) };
  if (calendars.size > 100000) calendars.clear();
  calendars.set(serial, c);
  return c;
}
