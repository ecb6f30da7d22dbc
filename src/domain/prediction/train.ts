/**
 * Train the late-payment model on what is known at the as-of date.
 *
 * Two L2-regularised logistic regressions on standardised features: P(late) over all training
 * examples, with gradient-boosted stumps added to its log-odds for what a straight line misses, and
 * P(very late | late) over the late ones. Examples weigh less the older they are (recencyWeight). An example is an invoice as it stood while
 * open and not yet due (see trainingExamples), described by what was known that day, the same way
 * an open invoice is described at the as-of date.
 */
import { ccError, fail, ok, type Result } from "../errors";
import { buildHistories, type CustomerHistory, historyAt } from "./_lib/history";
import { fitLogistic } from "./_lib/logistic";
import { boostStumps, type Stump } from "./_lib/stumps";
import { estimatePrior, featureSpec, type FeatureSpec, type Prior, writeFeatures } from "./features";
import { knownAt } from "./known-at";
import type { LedgerInvoice, PredictionOptions } from "./types";

/** The fewest settled invoices (ClosedDate on or before the as-of date) a model is trained on. */
export const MIN_SETTLED = 30;
/** Above this many training examples, a seeded sample of this size is trained on (training time stays flat). */
export const MAX_TRAINING_ROWS = 50000;
/** Below this many late invoices, P(very late | late) is their Laplace-smoothed share instead of a regression. */
const MIN_LATE_FOR_MODEL = 20;
/**
 * The L2 penalty on standardised weights. Chosen on the public ledger's 2012 month ends (best Brier
 * among 1, 30, 100, 300, 1000), never on 2013, the year the backtest reports (docs/prediction.md).
 */
const LAMBDA = 100;
/** ...but never more than this share of the training examples, so that a small ledger's own evidence is not drowned. */
const LAMBDA_PER_EXAMPLE = 0.1;
/**
 * The boosted stumps on top of P(late)'s regression: 100 rounds of step 0.1, leaf penalty 10, 16
 * candidate thresholds per feature. The rounds were chosen on the public ledger's 2012 month ends
 * (best Brier among 0, 20, 50, 100, 200 and 400), never on 2013; the rest fixed beforehand.
 */
const STUMPS = { rounds: 100, learningRate: 0.1, lambda: 10, bins: 16 } as const;
/** Above this many training examples, the stumps are boosted on a seeded sample of this size (training time stays flat). */
export const MAX_STUMP_ROWS = 20000;
export const DEFAULT_VERY_LATE_DAYS = 30;

export interface PaymentModel {
  readonly asOfSerial: number;
  readonly veryLateDays: number;
  readonly spec: FeatureSpec;
  readonly prior: Prior;
  /** Standardisation: z = (x - mean) / scale. */
  readonly means: Float64Array;
  readonly scales: Float64Array;
  /** Intercept first, then one weight per standardised feature. */
  readonly lateWeights: Float64Array;
  /** Boosted stumps added to the late log-odds (on the standardised features). */
  readonly lateStumps: readonly Stump[];
  /** null: P(very late | late) is the constant `veryLateGivenLate`. */
  readonly veryLateWeights: Float64Array | null;
  readonly veryLateGivenLate: number;
  /** Mean days late of the Late class (1..veryLateDays) and of the VeryLate class. */
  readonly lateClassMeanDays: number;
  readonly veryLateClassMeanDays: number;
  /** Days late of every late settled invoice, ascending: the population's late-days distribution. */
  readonly lateDaysSorted: readonly number[];
  readonly histories: ReadonlyMap<string, CustomerHistory>;
  readonly trainedOn: number;
}

/**
 * Train on what is known at the as-of date. In twoCustomers on 2024-11-20, Prompt has settled 20
 * invoices and Slow 19; on 2024-06-30 only 21 are settled, too few.
 * @example trainPaymentModel(twoCustomers, predictionAsOf).value.trainedOn // 39
 * @example trainPaymentModel(twoCustomers, serialFromYmd(2024, 6, 30)).errors[0].code // "prediction_needs_settled_invoices"
 */
export function trainPaymentModel(ledger: readonly LedgerInvoice[], asOfSerial: number, options: PredictionOptions = {}): Result<PaymentModel> {
  const veryLateDays = options.veryLateDays ?? DEFAULT_VERY_LATE_DAYS;
  const known = knownAt(ledger, asOfSerial);
  const histories = buildHistories(known, veryLateDays);
  const settled = known.filter((i) => i.closedSerial !== undefined && i.closedSerial >= i.dateSerial);
  if (settled.length < MIN_SETTLED) {
    return fail(
      ccError(
        "prediction_needs_settled_invoices",
        { case: "train", min: MIN_SETTLED, count: settled.length },
        { table: "transactions", column: "ClosedDate" },
      ),
    );
  }
  const trainedOn = settled.length;
  const prior = estimatePrior(settled, histories, asOfSerial, veryLateDays);
  // Count first, then keep a seeded sample: at a million invoices the examples are never all built.
  let count = 0;
  forEachTrainingExample(known, asOfSerial, veryLateDays, () => count++);
  const mask = count > MAX_TRAINING_ROWS ? seededMask(count, MAX_TRAINING_ROWS, options.seed ?? 1) : null;
  const examples: TrainingExample[] = [];
  let index = 0;
  forEachTrainingExample(known, asOfSerial, veryLateDays, (inv, k, late, veryLate) => {
    if (mask === null || mask[index] === 1) examples.push({ inv, k, late, veryLate });
    index++;
  });
  const spec = featureSpec(settled, options.features ?? [], known.some((i) => i.disputeSerial !== undefined));
  const d = spec.names.length;
  const n = examples.length;
  const x = new Float64Array(n * d);
  examples.forEach((e, i) => {
    const h = histories.get(e.inv.customer);
    writeFeatures(e.inv, h, historyAt(h, e.k), e.k, prior, spec, x, i * d);
  });
  const { means, scales } = standardise(x, n, d);
  const yLate = Uint8Array.from(examples, (e) => (e.late ? 1 : 0));
  const rowWeights = Float64Array.from(examples, (e) => recencyWeight(asOfSerial - e.k));
  const lateWeights = fitLogistic(x, yLate, n, d, { lambda: Math.min(LAMBDA, LAMBDA_PER_EXAMPLE * n), rowWeights }).weights;
  const base = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = lateWeights[0] as number;
    for (let j = 0; j < d; j++) e += (lateWeights[j + 1] as number) * (x[i * d + j] as number);
    base[i] = e;
  }
  const lateStumps = fitStumps(x, yLate, n, d, base, rowWeights, options.seed ?? 1);
  const lateRows: number[] = [];
  examples.forEach((e, i) => {
    if (e.late && e.veryLate !== undefined) lateRows.push(i);
  });
  const veryCount = lateRows.filter((i) => examples[i]?.veryLate === true).length;
  let veryLateWeights: Float64Array | null = null;
  if (lateRows.length >= MIN_LATE_FOR_MODEL && veryCount > 0 && veryCount < lateRows.length) {
    const xl = new Float64Array(lateRows.length * d);
    lateRows.forEach((r, i) => xl.set(x.subarray(r * d, r * d + d), i * d));
    const yl = Uint8Array.from(lateRows, (r) => (examples[r]?.veryLate === true ? 1 : 0));
    const wl = Float64Array.from(lateRows, (r) => rowWeights[r] as number);
    veryLateWeights = fitLogistic(xl, yl, lateRows.length, d, { lambda: Math.min(LAMBDA, LAMBDA_PER_EXAMPLE * lateRows.length), rowWeights: wl }).weights;
  }
  const days = settled.map((i) => Math.max(0, (i.closedSerial as number) - i.dueSerial));
  const classMean = (keep: (v: number) => boolean, fallback: number): number => {
    let s = 0;
    let c = 0;
    for (const v of days) {
      if (!keep(v)) continue;
      s += v;
      c++;
    }
    return c === 0 ? fallback : s / c;
  };
  return ok({
    asOfSerial,
    veryLateDays,
    spec,
    prior,
    means,
    scales,
    lateWeights,
    lateStumps,
    veryLateWeights,
    veryLateGivenLate: (veryCount + 1) / (lateRows.length + 2),
    lateClassMeanDays: classMean((v) => v > 0 && v <= veryLateDays, (1 + veryLateDays) / 2),
    veryLateClassMeanDays: classMean((v) => v > veryLateDays, 2 * veryLateDays),
    lateDaysSorted: days.filter((v) => v > 0).sort((a, b) => a - b),
    histories,
    trainedOn,
  });
}

/** An example described at day k weighs 1/2^((asOf - k) / RECENCY_HALF_LIFE): habits drift, recent behaviour counts more. */
export const RECENCY_HALF_LIFE = 365;

/**
 * The weight of an example described `daysBefore` days before the as-of date.
 * @example recencyWeight(0) // 1
 * @example recencyWeight(365) // 0.5
 * @example recencyWeight(730) // 0.25
 */
export function recencyWeight(daysBefore: number): number {
  return Math.pow(0.5, daysBefore / RECENCY_HALF_LIFE);
}

/** Training examples are taken every SNAPSHOT_STEP days back from the as-of date (the snapshot days; docs/prediction.md). */
export const SNAPSHOT_STEP = 14;

/** One training example: an invoice open and not yet due at the end of day k, and what became of it. */
export interface TrainingExample {
  readonly inv: LedgerInvoice;
  readonly k: number;
  readonly late: boolean;
  /** undefined: late, but too recently past due to tell Late from VeryLate at the as-of date. */
  readonly veryLate: boolean | undefined;
}

/**
 * The examples the model learns from, each as it would have been predicted: the invoice open and
 * not yet due at the end of day k, for every snapshot day k (every SNAPSHOT_STEP days back from the
 * as-of date; an invoice issued on a snapshot day counts on that day), labelled with what was known
 * at the as-of date: settled by then (on time, late or very late by its ClosedDate), or still open
 * and already past due (late; very late once more than VeryLateDays past due). Invoices still open
 * and not yet due at the as-of date teach nothing yet. `known` must already be the ledger as known
 * at the as-of date (knownAt).
 * As of day 160 the snapshot days are 146, 132, 118, 104, ...: I1 (dated 100, due 130, paid 135)
 * was open and not yet due on 118 and 104; I2 (dated 120, due 150) on 146 and 132, and is past due
 * but not yet very late; I3 (due 180) is not due yet.
 * @example
 * const ledger = [
 *   { customer: "A", voucher: "I1", row: 2, dateSerial: 100, dueSerial: 130, closedSerial: 135, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I2", row: 3, dateSerial: 120, dueSerial: 150, amountMinor: 10000, currency: "USD" },
 *   { customer: "A", voucher: "I3", row: 4, dateSerial: 150, dueSerial: 180, amountMinor: 10000, currency: "USD" }];
 * trainingExamples(ledger, 160, 30).map((e) => [e.inv.voucher, e.k, e.late, e.veryLate])
 * // [["I1", 118, true, false], ["I1", 104, true, false], ["I2", 146, true, undefined], ["I2", 132, true, undefined]]
 */
export function trainingExamples(known: readonly LedgerInvoice[], asOfSerial: number, veryLateDays: number): TrainingExample[] {
  const out: TrainingExample[] = [];
  forEachTrainingExample(known, asOfSerial, veryLateDays, (inv, k, late, veryLate) => out.push({ inv, k, late, veryLate }));
  return out;
}

/**
 * Visit the training examples (see trainingExamples) in a fixed order without building them.
 * @example
 * const seen = [];
 * forEachTrainingExample([{ customer: "A", voucher: "I1", row: 2, dateSerial: 100, dueSerial: 130, closedSerial: 125, amountMinor: 10000, currency: "USD" }], 160, 30, (inv, k, late) => seen.push([k, late]));
 * seen // [[118, false], [104, false]]
 */
export function forEachTrainingExample(
  known: readonly LedgerInvoice[],
  asOfSerial: number,
  veryLateDays: number,
  visit: (inv: LedgerInvoice, k: number, late: boolean, veryLate: boolean | undefined) => void,
): void {
  for (const inv of known) {
    let late: boolean;
    let veryLate: boolean | undefined;
    if (inv.closedSerial !== undefined) {
      if (inv.closedSerial < inv.dateSerial) continue;
      late = inv.closedSerial > inv.dueSerial;
      veryLate = inv.closedSerial - inv.dueSerial > veryLateDays;
    } else if (inv.dueSerial < asOfSerial) {
      late = true;
      veryLate = asOfSerial - inv.dueSerial > veryLateDays ? true : undefined;
    } else continue;
    // Open and not yet due at the end of k: date <= k < due and k < closed; and k before the as-of date.
    const last = Math.min(inv.dueSerial, inv.closedSerial ?? Infinity, asOfSerial) - 1;
    if (last < inv.dateSerial) continue;
    const firstStep = Math.ceil((asOfSerial - last) / SNAPSHOT_STEP);
    for (let j = Math.max(1, firstStep); asOfSerial - j * SNAPSHOT_STEP >= inv.dateSerial; j++) visit(inv, asOfSerial - j * SNAPSHOT_STEP, late, veryLate);
  }
}

/** Boost the stumps on all the examples, or on a seeded sample of MAX_STUMP_ROWS of them. */
function fitStumps(x: Float64Array, y: Uint8Array, n: number, d: number, base: Float64Array, rowWeights: Float64Array, seed: number): Stump[] {
  if (n <= MAX_STUMP_ROWS) return boostStumps(x, y, n, d, base, { ...STUMPS, rowWeights });
  const mask = seededMask(n, MAX_STUMP_ROWS, seed + 1);
  const xs = new Float64Array(MAX_STUMP_ROWS * d);
  const ys = new Uint8Array(MAX_STUMP_ROWS);
  const bs = new Float64Array(MAX_STUMP_ROWS);
  const ws = new Float64Array(MAX_STUMP_ROWS);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 1) continue;
    xs.set(x.subarray(i * d, i * d + d), k * d);
    ys[k] = y[i] as number;
    bs[k] = base[i] as number;
    ws[k] = rowWeights[i] as number;
    k++;
  }
  return boostStumps(xs, ys, MAX_STUMP_ROWS, d, bs, { ...STUMPS, rowWeights: ws });
}

/** Standardise the columns of x in place; a constant column gets scale 1 (its z is then 0). */
function standardise(x: Float64Array, n: number, d: number): { means: Float64Array; scales: Float64Array } {
  const means = new Float64Array(d);
  const scales = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) means[j] = (means[j] as number) + (x[i * d + j] as number) / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) scales[j] = (scales[j] as number) + ((x[i * d + j] as number) - (means[j] as number)) ** 2 / n;
  for (let j = 0; j < d; j++) {
    const sd = Math.sqrt(scales[j] as number);
    scales[j] = sd > 1e-9 ? sd : 1;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = ((x[i * d + j] as number) - (means[j] as number)) / (scales[j] as number);
  return { means, scales };
}

/**
 * `size` of `items` chosen by seededMask, kept in their order.
 * @example seededSample([1, 2, 3, 4, 5], 2, 7).length // 2
 */
export function seededSample<T>(items: readonly T[], size: number, seed: number): T[] {
  const mask = seededMask(items.length, size, seed);
  return items.filter((_, i) => mask[i] === 1);
}

/**
 * A mask of `count` entries with `size` ones, chosen by a seeded partial Fisher-Yates shuffle (mulberry32).
 * @example Array.from(seededMask(6, 2, 1)) // [0, 1, 0, 1, 0, 0]
 * @example Array.from(seededMask(6, 2, 2)) // [0, 0, 1, 0, 1, 0] (another seed, another sample)
 * @example seededMask(6, 9, 7).every((m) => m === 1) // true (size above count: all)
 */
export function seededMask(count: number, size: number, seed: number): Uint8Array {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const index = Int32Array.from({ length: count }, (_, i) => i);
  const mask = new Uint8Array(count);
  for (let i = 0; i < Math.min(size, count); i++) {
    const j = i + Math.floor(next() * (count - i));
    const chosen = index[j] as number;
    index[j] = index[i] as number;
    index[i] = chosen;
    mask[chosen] = 1;
  }
  return mask;
}
