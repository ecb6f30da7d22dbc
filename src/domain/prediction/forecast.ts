/**
 * The cash-in forecast by ISO week (issue 17, "into the work"): every open invoice the payment
 * model scored is expected in full on its predicted pay date (due date + the median predicted days
 * late), or in the as-of week when that date has already passed and it is still open; the amounts
 * are summed per ISO week and currency. The model is used as it is; this only arranges its answer
 * in time. Amounts are integers of minor units, so each currency's weeks sum exactly to the open
 * amount of its invoices.
 */
import { serialFromYmd, ymdFromSerial } from "../dates";
import { assert } from "../_lib/assert";
import type { InvoicePrediction } from "./types";

export interface ForecastWeek {
  /** The Monday the ISO week starts on. */
  readonly weekStartSerial: number;
  readonly isoYear: number;
  readonly isoWeek: number;
  /** "2026-W02". */
  readonly label: string;
  readonly currency: string;
  readonly expectedMinor: number;
  readonly invoices: number;
}

export interface CashInForecast {
  readonly asOfSerial: number;
  /** By week, then currency; weeks with nothing expected are left out. */
  readonly weeks: readonly ForecastWeek[];
  /** The open amount of the forecast invoices, per currency (= the sum of that currency's weeks). */
  readonly openByCurrency: ReadonlyMap<string, number>;
}

/** Day of the week, 0 = Monday ... 6 = Sunday, of a 1900-system serial (from MIN_SERIAL on). */
function isoWeekday(serial: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/**
 * The ISO week of a date: its Monday, the ISO year (the year of the week's Thursday) and number.
 * @example isoWeekOf(serialFromYmd(2026, 1, 1)) // { weekStartSerial: serialFromYmd(2025, 12, 29), isoYear: 2026, isoWeek: 1, label: "2026-W01" }
 */
export function isoWeekOf(serial: number): { weekStartSerial: number; isoYear: number; isoWeek: number; label: string } {
  const weekStartSerial = serial - isoWeekday(serial);
  const thursday = weekStartSerial + 3;
  const isoYear = ymdFromSerial(thursday).year;
  const isoWeek = Math.floor((thursday - serialFromYmd(isoYear, 1, 1)) / 7) + 1;
  return { weekStartSerial, isoYear, isoWeek, label: `${isoYear}-W${String(isoWeek).padStart(2, "0")}` };
}

/**
 * Expected cash in per ISO week and currency. `openMinor` gives an invoice's open amount when it
 * differs from the amount the model scored (a part-paid invoice); by default the scored amount.
 * Two USD invoices as of Wednesday 2026-01-07: one predicted for Friday 2026-01-09 (week 2), one
 * predicted for 2026-01-02, before the as-of date, so expected in the as-of week (week 2 too); a
 * third predicted for Monday 2026-01-12 falls in week 3.
 * @example
 * const p = { customer: "C1", voucher: "V1", row: 2, dueSerial: serialFromYmd(2026, 1, 9), amountMinor: 10000, currency: "USD",
 *   onTime: 1, late: 0, veryLate: 0, expectedDaysLate: 0, predictedPaySerial: serialFromYmd(2026, 1, 9), topFactors: [] };
 * const predictions = [p, { ...p, voucher: "V2", amountMinor: 2550, predictedPaySerial: serialFromYmd(2026, 1, 2) }, { ...p, voucher: "V3", predictedPaySerial: serialFromYmd(2026, 1, 12) }];
 * forecastCashIn(predictions, serialFromYmd(2026, 1, 7)).weeks.map((w) => [w.label, w.currency, w.expectedMinor, w.invoices]) // [["2026-W02", "USD", 12550, 2], ["2026-W03", "USD", 10000, 1]]
 * forecastCashIn(predictions, serialFromYmd(2026, 1, 7)).openByCurrency // new Map([["USD", 22550]])
 */
export function forecastCashIn(predictions: readonly InvoicePrediction[], asOfSerial: number, openMinor: (p: InvoicePrediction) => number = (p) => p.amountMinor): CashInForecast {
  const byKey = new Map<string, { week: ReturnType<typeof isoWeekOf>; currency: string; minor: number; invoices: number }>();
  const openByCurrency = new Map<string, number>();
  for (const p of predictions) {
    const open = openMinor(p);
    assert(Number.isSafeInteger(open), `open amount of ${p.voucher} must be an integer of minor units`);
    if (open <= 0) continue;
    const week = isoWeekOf(Math.max(p.predictedPaySerial, asOfSerial));
    const key = `${week.weekStartSerial}\u0000${p.currency}`;
    const cell = byKey.get(key) ?? { week, currency: p.currency, minor: 0, invoices: 0 };
    cell.minor += open;
    cell.invoices += 1;
    byKey.set(key, cell);
    openByCurrency.set(p.currency, (openByCurrency.get(p.currency) ?? 0) + open);
  }
  const weeks: ForecastWeek[] = [...byKey.values()]
    .sort((a, b) => a.week.weekStartSerial - b.week.weekStartSerial || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
    .map((c) => ({ ...c.week, currency: c.currency, expectedMinor: c.minor, invoices: c.invoices }));
  // Conservation, checked again before the result leaves: each currency's weeks sum to its open amount.
  for (const [currency, open] of openByCurrency) assert(weeks.filter((w) => w.currency === currency).reduce((s, w) => s + w.expectedMinor, 0) === open, `forecast weeks of ${currency} must sum to the open amount`);
  return { asOfSerial, weeks, openByCurrency };
}
