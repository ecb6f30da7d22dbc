/**
 * `cc aging --forecast`: the payment model (src/domain/prediction) trained on the ledger's settled
 * invoices predicts each open invoice's pay date (sheet `Predicted payments`, as CC.PAYPREDICT
 * spills it), and the cash-in forecast sums the open amounts by ISO week and currency (sheet
 * `Cash-in forecast`, every week from the first to the last, with a native column chart). With too
 * little history the model says how much it needs and no forecast is written.
 */
import { isoFromSerial } from "../../domain/dates";
import { currencyExponent, minorToNumber } from "../../domain/money";
import { forecastCashIn, type CashInForecast, isoWeekOf } from "../../domain/prediction/forecast";
import { predictOpenInvoices } from "../../domain/prediction/predict";
import { readPredictionLedger } from "../../workbook/prediction-input";
import { payPredictTable } from "../../workbook/prediction-output";
import { readTransactions } from "../../workbook/transactions";
import { inputError } from "./cli-error";
import { formatAmount } from "./format";
import type { OutCell, OutputSheet } from "./sheet-xml";
import type { ReadTable } from "./xlsx-read";

export const PREDICTED_PAYMENTS_SHEET = "Predicted payments";
export const FORECAST_SHEET = "Cash-in forecast";

/** The forecast as a sheet: Week | WeekStart | one column per currency, gap weeks as 0. */
export function forecastSheet(forecast: CashInForecast): OutputSheet {
  const currencies = [...forecast.openByCurrency.keys()].sort();
  const rows: OutCell[][] = [["Week", "WeekStart", ...currencies]];
  const first = forecast.weeks[0];
  const last = forecast.weeks[forecast.weeks.length - 1];
  if (first !== undefined && last !== undefined) {
    const byWeek = new Map<number, Map<string, number>>();
    for (const w of forecast.weeks) byWeek.set(w.weekStartSerial, (byWeek.get(w.weekStartSerial) ?? new Map<string, number>()).set(w.currency, w.expectedMinor));
    const labels = new Map(forecast.weeks.map((w) => [w.weekStartSerial, w.label]));
    for (let monday = first.weekStartSerial; monday <= last.weekStartSerial; monday += 7) {
      const cells = byWeek.get(monday);
      rows.push([labels.get(monday) ?? isoWeekOf(monday).label, monday, ...currencies.map((c) => minorToNumber(cells?.get(c) ?? 0, currencyExponent(c) ?? 2))]);
    }
  }
  return {
    name: FORECAST_SHEET,
    rows,
    dateColumns: [1],
    chart: { title: `Expected cash in by week as of ${isoFromSerial(forecast.asOfSerial)}`, categoryColumn: 0, seriesColumns: currencies.map((_c, i) => i + 2), valueAxisTitle: "Amount (currency units)" },
  };
}

/** The sheets and summary line of the forecast, or only a line saying why there is none. */
export function forecastSheets(tx: ReadTable, asOfSerial: number, roundAmounts: boolean): { sheets: OutputSheet[]; summary: string } {
  const options = { name: tx.sheet, dateSystem: tx.dateSystem, roundAmounts };
  const ledger = readPredictionLedger(tx.range, options);
  if (!ledger.ok) throw inputError(ledger.errors, tx.sheet, tx.headerRow);
  const predicted = predictOpenInvoices(ledger.value, asOfSerial);
  if (!predicted.ok) {
    const short = predicted.errors.find((e) => e.code === "prediction_needs_settled_invoices");
    if (short !== undefined) return { sheets: [], summary: `Cash-in forecast: not written: ${short.message}` };
    throw inputError(predicted.errors, tx.sheet, tx.headerRow);
  }
  // The open amount of each invoice is its Amount (the model scores the amount as issued).
  const records = readTransactions(tx.range, options);
  const openByRow = new Map(records.ok ? records.value.map((t) => [t.row, t.amountMinor]) : []);
  const forecast = forecastCashIn(predicted.value.invoices, asOfSerial, (p) => openByRow.get(p.row) ?? p.amountMinor);
  const totals = [...forecast.openByCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, m]) => `${c} ${formatAmount(m, c)}`);
  return {
    sheets: [{ name: PREDICTED_PAYMENTS_SHEET, rows: payPredictTable(predicted.value), dateColumns: [2, 9] }, forecastSheet(forecast)],
    summary: `Cash-in forecast: ${predicted.value.invoices.length} open invoices predicted from ${predicted.value.trainedOn} settled ones; ${totals.join(", ") || "nothing"} expected over ${forecast.weeks.length === 0 ? 0 : new Set(forecast.weeks.map((w) => w.label)).size} weeks`,
  };
}
