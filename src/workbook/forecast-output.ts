/**
 * The cash-in forecast as a 2-D table, the same for the CLI and the task pane:
 * `Week | <one column per currency> | WeekStart`, one row per ISO week from the first week with an
 * expected amount to the last (weeks in between with nothing expected show 0), amounts in major
 * units, WeekStart the Monday as a serial (format it as a date when writing a sheet).
 */
import type { DateSystem } from "../domain/dates";
import { ok, type Result } from "../domain/errors";
import { exponentOf, minorToNumber } from "../domain/money";
import { type CashInForecast, forecastCashIn, isoWeekOf } from "../domain/prediction/forecast";
import { predictOpenInvoices } from "../domain/prediction/predict";
import type { PredictionResult } from "../domain/prediction/types";
import { readPredictionLedger } from "./prediction-input";
import { readTransactions } from "./transactions";

export interface LedgerForecast {
  readonly predictions: PredictionResult;
  readonly forecast: CashInForecast;
}

/**
 * The payment model's predictions for a ledger range's open invoices and the cash-in forecast by
 * week (each invoice's open amount from the Amount column: the model scores the amount as issued).
 * With too little settled history (no ClosedDate column, or fewer settled invoices than the model
 * needs) the reason instead, for the caller to show; any other bad cell is an error.
 */
export function forecastFromLedger(values: unknown, asOfSerial: number, options: { readonly name?: string; readonly dateSystem?: DateSystem; readonly roundAmounts?: boolean } = {}): Result<LedgerForecast | { readonly skipped: string }> {
  const ledger = readPredictionLedger(values, options);
  if (!ledger.ok) {
    const noHistory = ledger.errors.find((e) => e.code === "required_column_missing" && e.column === "ClosedDate");
    return noHistory === undefined ? ledger : ok({ skipped: "the ledger has no ClosedDate column (SettledDate, PaidDate): the model learns from when settled invoices were paid" });
  }
  const predicted = predictOpenInvoices(ledger.value, asOfSerial);
  if (!predicted.ok) {
    const short = predicted.errors.find((e) => e.code === "prediction_needs_settled_invoices");
    return short === undefined ? predicted : ok({ skipped: short.message });
  }
  const records = readTransactions(values, options);
  const openByRow = new Map(records.ok ? records.value.map((t) => [t.row, t.amountMinor]) : []);
  return ok({ predictions: predicted.value, forecast: forecastCashIn(predicted.value.invoices, asOfSerial, (p) => openByRow.get(p.row) ?? p.amountMinor) });
}

/**
 * @example forecastTable(forecastCashIn(predictions, asOf))[0] // ["Week", "SEK", "USD", "WeekStart"]
 */
export function forecastTable(forecast: CashInForecast): (string | number)[][] {
  const currencies = [...forecast.openByCurrency.keys()].sort();
  const rows: (string | number)[][] = [["Week", ...currencies, "WeekStart"]];
  const first = forecast.weeks[0];
  const last = forecast.weeks[forecast.weeks.length - 1];
  if (first === undefined || last === undefined) return rows;
  const byWeek = new Map<number, Map<string, number>>();
  for (const w of forecast.weeks) byWeek.set(w.weekStartSerial, (byWeek.get(w.weekStartSerial) ?? new Map<string, number>()).set(w.currency, w.expectedMinor));
  for (let monday = first.weekStartSerial; monday <= last.weekStartSerial; monday += 7) {
    const cells = byWeek.get(monday);
    rows.push([isoWeekOf(monday).label, ...currencies.map((c) => minorToNumber(cells?.get(c) ?? 0, exponentOf(c))), monday]);
  }
  return rows;
}
