/**
 * `cc aging --forecast`: the payment model (src/domain/prediction) trained on the ledger's settled
 * invoices predicts each open invoice's pay date (sheet `Predicted payments`, as CC.PAYPREDICT
 * spills it), and the cash-in forecast sums the open amounts by ISO week and currency (sheet
 * `Cash-in forecast`: src/workbook/forecast-output.ts, with a native column chart). With too
 * little history the model says how much it needs and no forecast is written.
 */
import { isoFromSerial } from "../../domain/dates";
import type { CashInForecast } from "../../domain/prediction/forecast";
import { forecastFromLedger, forecastTable } from "../../workbook/forecast-output";
import { payPredictTable } from "../../workbook/prediction-output";
import { inputError } from "./cli-error";
import { formatAmount } from "./format";
import type { OutputSheet } from "./sheet-xml";
import type { ReadTable } from "./xlsx-read";

export const PREDICTED_PAYMENTS_SHEET = "Predicted payments";
export const FORECAST_SHEET = "Cash-in forecast";

/** The forecast as a sheet (forecastTable) with a native column chart of the weeks by currency. */
export function forecastSheet(forecast: CashInForecast): OutputSheet {
  const rows = forecastTable(forecast);
  const currencies = (rows[0] ?? []).length - 2;
  return {
    name: FORECAST_SHEET,
    rows,
    dateColumns: [currencies + 1],
    chart: { title: `Expected cash in by week as of ${isoFromSerial(forecast.asOfSerial)}`, categoryColumn: 0, seriesColumns: Array.from({ length: currencies }, (_v, i) => i + 1), valueAxisTitle: "Amount (currency units)" },
  };
}

/** The sheets and summary line of the forecast, or only a line saying why there is none. */
export function forecastSheets(tx: ReadTable, asOfSerial: number, roundAmounts: boolean): { sheets: OutputSheet[]; summary: string } {
  const result = forecastFromLedger(tx.range, asOfSerial, { name: tx.sheet, dateSystem: tx.dateSystem, roundAmounts });
  if (!result.ok) throw inputError(result.errors, tx.sheet, tx.headerRow);
  if ("skipped" in result.value) return { sheets: [], summary: `Cash-in forecast: not written: ${result.value.skipped}` };
  const { predictions, forecast } = result.value;
  const totals = [...forecast.openByCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, m]) => `${c} ${formatAmount(m, c)}`);
  return {
    sheets: [{ name: PREDICTED_PAYMENTS_SHEET, rows: payPredictTable(predictions), dateColumns: [2, 9] }, forecastSheet(forecast)],
    summary: `Cash-in forecast: ${predictions.invoices.length} open invoices predicted from ${predictions.trainedOn} settled ones; ${totals.join(", ") || "nothing"} expected over ${new Set(forecast.weeks.map((w) => w.label)).size} weeks`,
  };
}
