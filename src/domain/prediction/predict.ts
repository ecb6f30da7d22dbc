/**
 * Score open invoices with a trained model, and the function the collections worklist ranks by.
 */
import { naturalCompare } from "../_lib/natural-compare";
import { type Result, ok } from "../errors";
import { countAtMost, type CustomerHistory, historyAt } from "./_lib/history";
import { sigmoid } from "./_lib/logistic";
import { stumpValue } from "./_lib/stumps";
import { shrink, writeFeatures } from "./features";
import { isOpenAt, knownAt } from "./known-at";
import { type PaymentModel, trainPaymentModel } from "./train";
import type { CustomerExpectedLate, Factor, InvoicePrediction, LedgerInvoice, PredictionOptions, PredictionResult } from "./types";

/** A customer's own Late-class mean days late starts with this many invoices at the population's mean. */
const DAYS_PRIOR_STRENGTH = 3;
const TOP_FACTORS = 3;
/** A customer's own late days make its late-days distribution once it has this many late invoices; before, the population's do. */
const MIN_OWN_LATE_DAYS = 3;

/**
 * Probabilities, expected days late and top factors of one invoice at the model's as-of date (the
 * README's worked example for CC.PAYPREDICT). Slow's V40 was due 2024-11-14 and is open on the 20th:
 * it cannot be on time any more and is forecast 12 days late, like all of Slow's invoices.
 * @example
 * const p = scoreInvoice(twoCustomersModel, twoCustomers[39]);
 * [p.voucher, p.onTime, p.late, p.veryLate, p.expectedDaysLate, isoFromSerial(p.predictedPaySerial)] // ["V40", 0, 1, 0, 12, "2024-11-26"]
 * @example
 * const p = scoreInvoice(twoCustomersModel, twoCustomers[41]);
 * [p.voucher, ...[p.onTime, p.late, p.veryLate].map((v) => Math.round(v * 10000) / 10000), p.expectedDaysLate, isoFromSerial(p.predictedPaySerial)]
 * // ["V42", 0.0197, 0.9558, 0.0245, 12.9, "2024-12-13"]
 */
export function scoreInvoice(model: PaymentModel, inv: LedgerInvoice): InvoicePrediction {
  const k = model.asOfSerial;
  const h = model.histories.get(inv.customer);
  const s = historyAt(h, k);
  const d = model.spec.names.length;
  const z = new Float64Array(d);
  writeFeatures(inv, h, s, k, model.prior, model.spec, z, 0);
  for (let j = 0; j < d; j++) z[j] = ((z[j] as number) - (model.means[j] as number)) / (model.scales[j] as number);
  const factors: Factor[] = [];
  let eta = model.lateWeights[0] as number;
  for (let j = 0; j < d; j++) {
    const c = (model.lateWeights[j + 1] as number) * (z[j] as number);
    eta += c;
    factors.push({ feature: model.spec.names[j] as string, contribution: c });
  }
  for (const st of model.lateStumps) {
    const c = stumpValue(st, z[st.feature] as number);
    eta += c;
    const f = factors[st.feature];
    if (f !== undefined) factors[st.feature] = { feature: f.feature, contribution: f.contribution + c };
  }
  const pLate = sigmoid(eta);
  let q = model.veryLateGivenLate;
  if (model.veryLateWeights !== null) {
    let e = model.veryLateWeights[0] as number;
    for (let j = 0; j < d; j++) e += (model.veryLateWeights[j + 1] as number) * (z[j] as number);
    q = sigmoid(e);
  }
  factors.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1));
  const base = { customer: inv.customer, voucher: inv.voucher, row: inv.row, dueSerial: inv.dueSerial, amountMinor: inv.amountMinor, currency: inv.currency, topFactors: factors.slice(0, TOP_FACTORS) };
  const pastDue = k - inv.dueSerial;
  if (pastDue > 0) return { ...base, ...pastDueForecast(model, lateDaysOf(model, h, k), pastDue, inv.dueSerial) };
  const veryLate = pLate * q;
  const late = pLate - veryLate;
  const onTime = 1 - pLate;
  const lateDays = shrink(s.lateClassDays, s.lateClassN, model.lateClassMeanDays, DAYS_PRIOR_STRENGTH);
  const expected = round1(late * lateDays + veryLate * model.veryLateClassMeanDays);
  return { ...base, onTime, late, veryLate, expectedDaysLate: expected, predictedPaySerial: inv.dueSerial + medianDaysLate(onTime, lateDaysOf(model, h, k)) };
}

/**
 * An invoice already past due at the as-of date cannot be paid on time: OnTime is 0, and its days
 * late follow the customer's (or the population's) late invoices that were later than it already is.
 * `lateDays` is ascending, so those are a suffix of it.
 */
function pastDueForecast(
  model: PaymentModel,
  lateDays: readonly number[],
  pastDue: number,
  dueSerial: number,
): { onTime: number; late: number; veryLate: number; expectedDaysLate: number; predictedPaySerial: number } {
  const from = countAtMost(lateDays, pastDue);
  const count = lateDays.length - from;
  if (count === 0) {
    const veryLate = pastDue >= model.veryLateDays ? 1 : 0;
    return { onTime: 0, late: 1 - veryLate, veryLate, expectedDaysLate: pastDue + 1, predictedPaySerial: dueSerial + pastDue + 1 };
  }
  let sum = 0;
  for (let i = from; i < lateDays.length; i++) sum += lateDays[i] as number;
  const beyond = lateDays.length - Math.max(from, countAtMost(lateDays, model.veryLateDays));
  const veryLate = pastDue >= model.veryLateDays ? 1 : beyond / count;
  const median = lateDays[from + Math.ceil(count / 2) - 1] as number;
  return { onTime: 0, late: 1 - veryLate, veryLate, expectedDaysLate: round1(sum / count), predictedPaySerial: dueSerial + median };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
/**
 * Predict every open invoice at the as-of date (dated on or before it, not closed on or before
 * it) from what was known then, and sum the expected late amount per customer and currency.
 * This is the entry point for the collections worklist: rank customers by
 * `customers[i].expectedLateMinor` (amount x P(late or very late), in minor units of the currency)
 * and invoices by `amountMinor * (late + veryLate)`.
 * Fails with `prediction_needs_settled_invoices` when fewer than MIN_SETTLED invoices were settled.
 * @example predictOpenInvoices(twoCustomers, serialFromYmd(2024, 11, 20)).value.customers[0] // { customer: "Slow", currency: "", openMinor: 30000, expectedLateMinor: 29608, invoices: 3 } (the README's worked example for CC.PAYPREDICT)
 */
export function predictOpenInvoices(ledger: readonly LedgerInvoice[], asOfSerial: number, options: PredictionOptions = {}): Result<PredictionResult> {
  const model = trainPaymentModel(ledger, asOfSerial, options);
  if (!model.ok) return model;
  const open = knownAt(ledger, asOfSerial).filter((i) => isOpenAt(i, asOfSerial));
  open.sort((a, b) => naturalCompare(a.customer, b.customer) || a.dueSerial - b.dueSerial || naturalCompare(a.voucher, b.voucher) || a.row - b.row);
  const invoices = open.map((inv) => scoreInvoice(model.value, inv));
  return ok({ asOfSerial, trainedOn: model.value.trainedOn, invoices, customers: expectedLateByCustomer(invoices) });
}

/**
 * Sum amount x P(late or very late) per customer and currency, rounded once per customer to minor
 * units, largest first. A: 100.00 x 0.3 + 50.00 x 0.5 = 55.00; B: 200.00 x 0.1 = 20.00.
 * @example
 * const p = { customer: "A", voucher: "V1", row: 2, dueSerial: 45000, amountMinor: 10000, currency: "USD", onTime: 0.7, late: 0.2, veryLate: 0.1, expectedDaysLate: 3, predictedPaySerial: 45000, topFactors: [] };
 * expectedLateByCustomer([{ ...p, customer: "B", voucher: "V3", amountMinor: 20000, onTime: 0.9, late: 0.1, veryLate: 0 }, p, { ...p, voucher: "V2", amountMinor: 5000, onTime: 0.5, late: 0.5, veryLate: 0 }])
 * // [{ customer: "A", currency: "USD", openMinor: 15000, expectedLateMinor: 5500, invoices: 2 }, { customer: "B", currency: "USD", openMinor: 20000, expectedLateMinor: 2000, invoices: 1 }]
 */
export function expectedLateByCustomer(invoices: readonly InvoicePrediction[]): CustomerExpectedLate[] {
  const byKey = new Map<string, { customer: string; currency: string; open: number; expected: number; count: number }>();
  for (const p of invoices) {
    const key = `${p.customer}\u0000${p.currency}`;
    let e = byKey.get(key);
    if (e === undefined) byKey.set(key, (e = { customer: p.customer, currency: p.currency, open: 0, expected: 0, count: 0 }));
    e.open += p.amountMinor;
    e.expected += p.amountMinor * (p.late + p.veryLate);
    e.count++;
  }
  return [...byKey.values()]
    .map((e) => ({ customer: e.customer, currency: e.currency, openMinor: e.open, expectedLateMinor: Math.round(e.expected), invoices: e.count }))
    .sort((a, b) => b.expectedLateMinor - a.expectedLateMinor || naturalCompare(a.customer, b.customer) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

/** The late-days distribution for an invoice of this customer: its own once it has MIN_OWN_LATE_DAYS late invoices, else the population's. */
function lateDaysOf(model: PaymentModel, h: CustomerHistory | undefined, k: number): readonly number[] {
  if (h === undefined) return model.lateDaysSorted;
  const own = h.daysLate.slice(0, countAtMost(h.closed, k)).filter((d) => d > 0);
  return own.length >= MIN_OWN_LATE_DAYS ? own.sort((a, b) => a - b) : model.lateDaysSorted;
}

/**
 * The median of the predicted days late: 0 (on time) when P(on time) >= 1/2, else the quantile
 * (1/2 - P(on time)) / P(late or very late) of the late-days distribution (nearest rank). The
 * median, not the mean, is the forecast that the mean absolute error (MAEDays) rewards.
 * @example medianDaysLate(0.3, [2, 4, 6, 8]) // 4 (the quantile 2/7 of the late days, nearest rank)
 * @example medianDaysLate(0.6, [2, 4, 6, 8]) // 0 (on time is more likely than not)
 */
export function medianDaysLate(onTime: number, lateDaysSorted: readonly number[]): number {
  if (onTime >= 0.5 || lateDaysSorted.length === 0) return 0;
  const q = (0.5 - onTime) / (1 - onTime);
  const i = Math.min(lateDaysSorted.length - 1, Math.max(0, Math.ceil(q * lateDaysSorted.length) - 1));
  return lateDaysSorted[i] as number;
}
