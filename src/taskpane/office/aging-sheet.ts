/**
 * The aging workbook: a new sheet with the snapshot table (customers by period, then a Total row
 * per currency), its header and detail tables, the oldest periods highlighted by conditional
 * formatting, and a native stacked column chart of balances by period; the header row is frozen,
 * amounts take their currency's decimals and columns fit their content. With a forecast it adds
 * each open invoice's predicted pay date (table AgingPredictions) and the expected cash in per
 * ISO week and currency (table CashInForecast) with a clustered column chart.
 */
import type { AgingSnapshot } from "../../domain/aging/snapshot";
import type { DateSystem } from "../../domain/dates";
import { exponentOf } from "../../domain/money";
import { isoFromSerialSafe } from "./_lib/aging-names";
import { agingDetailTable, agingHeaderTable, agingTable } from "../../workbook/aging-output";
import { chartData } from "../aging/chart-data";
import { writeCells } from "./cells";
import type { CellValue, XlContext, XlWorksheet } from "./excel-subset";
import type { CashInForecast } from "../../domain/prediction/forecast";
import type { PredictionResult } from "../../domain/prediction/types";
import { forecastTable } from "../../workbook/forecast-output";
import { payPredictTable } from "../../workbook/prediction-output";
import type { ColumnKind, OutputTable } from "./formats";
import { type TaskControl } from "./task";
import { addUniqueSheet, writeTableAt } from "./write-table";

/** Fill of the oldest periods' non-zero cells. */
export const OLDEST_FILL = "#F4B183";
/** How many of the last periods count as "oldest". */
export const OLDEST_PERIODS = 2;

export interface AgingSheetResult {
  readonly sheet: string;
  readonly tables: readonly string[];
  readonly chart: boolean;
  /** Open invoices in the cash-in forecast, when one was written. */
  readonly forecastInvoices?: number;
}

/** What the payment model predicted, for the forecast tables. */
export interface AgingForecast {
  readonly predictions: PredictionResult;
  readonly forecast: CashInForecast;
}

function asOutput(grid: (string | number)[][], kinds: (header: string) => ColumnKind, dateSystem: DateSystem): OutputTable {
  const [header = [], ...rows] = grid;
  const currencyAt = header.indexOf("Currency");
  return {
    columns: header.map((h) => ({ header: String(h), kind: kinds(String(h)) })),
    rows: rows as CellValue[][],
    exponents: rows.map((r) => exponentOf(String(r[currencyAt] ?? ""))),
    dateSystem,
  };
}

const TEXT = new Set(["Customer", "Currency", "Definition", "Basis", "Period", "Voucher", "Week"]);
const INTEGER = new Set(["DisputedCount", "PeriodIndex"]);
const DATES = new Set(["AsOf", "DueDate", "PredictedPayDate", "WeekStart"]);
const NUMBERS = new Set(["OnTime", "Late", "VeryLate", "ExpectedDaysLate"]);
function kindOf(header: string): ColumnKind {
  if (TEXT.has(header)) return "text";
  if (INTEGER.has(header)) return "integer";
  if (DATES.has(header)) return "date";
  if (NUMBERS.has(header)) return "number";
  return "money";
}

/** The forecast table: each currency column at that currency's decimals. */
function forecastOutput(grid: (string | number)[][], dateSystem: DateSystem): OutputTable {
  const [header = [], ...rows] = grid;
  return {
    columns: header.map((h) => {
      const name = String(h);
      const kind = kindOf(name);
      return kind === "money" ? { header: name, kind, exponent: exponentOf(name) } : { header: name, kind };
    }),
    rows: rows as CellValue[][],
    dateSystem,
  };
}

/** The predicted pay dates and the cash-in forecast under the aging tables, with a clustered chart. */
async function writeForecast(ctx: XlContext, sheet: XlWorksheet, row: number, input: AgingForecast, control: TaskControl | undefined, dateSystem: DateSystem): Promise<string[]> {
  const predicted = asOutput(payPredictTable(input.predictions), kindOf, dateSystem);
  const t1 = await writeTableAt(ctx, sheet, row, "AgingPredictions", predicted, control);
  const forecastRow = row + predicted.rows.length + 3;
  const table = forecastOutput(forecastTable(input.forecast), dateSystem);
  const t2 = await writeTableAt(ctx, sheet, forecastRow, "CashInForecast", table, control);
  const currencies = table.columns.length - 2;
  if (table.rows.length > 0 && currencies > 0) {
    const c = sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(forecastRow, 0, table.rows.length + 1, currencies + 1), "Columns");
    c.title.text = `Expected cash in by week (${isoFromSerialSafe(input.forecast.asOfSerial)})`;
    c.name = "CashInForecastChart";
  }
  return [t1.name, t2.name];
}

export async function writeAgingSheet(ctx: XlContext, snapshot: AgingSnapshot, control?: TaskControl, dateSystem: DateSystem = "1900", forecast?: AgingForecast): Promise<AgingSheetResult> {
  const sheet = await addUniqueSheet(ctx, `Aging ${isoFromSerialSafe(snapshot.asOfSerial)}`);
  try {
    const main = asOutput(agingTable(snapshot), kindOf, dateSystem);
    const head = asOutput(agingHeaderTable(snapshot), kindOf, dateSystem);
    const detail = asOutput(agingDetailTable(snapshot), kindOf, dateSystem);
    const t1 = await writeTableAt(ctx, sheet, 0, "Aging", main, control);
    sheet.freezePanes.freezeRows(1);
    const periods = snapshot.labels.length;
    const dataRows = main.rows.length;
    const oldest = Math.min(OLDEST_PERIODS, periods);
    if (dataRows > 0 && oldest > 0) {
      const firstOldCol = 3 + periods - oldest;
      const cf = sheet.getRangeByIndexes(1, firstOldCol, dataRows, oldest).conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = OLDEST_FILL;
      cf.cellValue.rule = { formula1: "0", operator: "GreaterThan" };
    }
    let chart = false;
    const data = chartData(snapshot);
    const chartCol = main.columns.length + 1;
    if (data !== undefined && (data.rows[0]?.length ?? 0) > 1) {
      const width = data.rows[0]?.length ?? 1;
      const block = sheet.getRangeByIndexes(0, chartCol, data.rows.length, width);
      // The header row (customer names) and the first column (period labels) are text: through the
      // one writer they land in `@` cells, so a customer named `=HYPERLINK(...)` stays a name.
      writeCells(block, data.rows.map((r, i) => r.map((v, j) => (i === 0 || j === 0 ? String(v) : v))));
      const c = sheet.charts.add("ColumnStacked", block, "Columns");
      c.title.text = `Balances by period (${data.currency || "no currency"})`;
      c.name = "AgingChart";
      chart = true;
    }
    await ctx.sync();
    const headRow = dataRows + 3;
    const t2 = await writeTableAt(ctx, sheet, headRow, "AgingHeader", head, control);
    const detailRow = headRow + head.rows.length + 3;
    const t3 = await writeTableAt(ctx, sheet, detailRow, "AgingDetail", detail, control);
    const more = forecast === undefined ? [] : await writeForecast(ctx, sheet, detailRow + detail.rows.length + 3, forecast, control, dateSystem);
    sheet.activate();
    await ctx.sync();
    return { sheet: sheet.name, tables: [t1.name, t2.name, t3.name, ...more], chart, ...(forecast === undefined ? {} : { forecastInvoices: forecast.predictions.invoices.length }) };
  } catch (e) {
    sheet.delete();
    await ctx.sync();
    throw e;
  }
}
