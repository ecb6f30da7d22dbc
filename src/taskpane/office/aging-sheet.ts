/**
 * The aging workbook: a new sheet with the snapshot table (customers by period, then a Total row
 * per currency), its header and detail tables, the oldest periods highlighted by conditional
 * formatting, and a native stacked column chart of balances by period.
 */
import type { AgingSnapshot } from "../../domain/aging/snapshot";
import type { DateSystem } from "../../domain/dates";
import { currencyExponent, isoFromSerialSafe } from "./_lib/aging-names";
import { agingDetailTable, agingHeaderTable, agingTable } from "../../workbook/aging-output";
import { chartData } from "../aging/chart-data";
import { writeCells } from "./cells";
import type { CellValue, XlContext } from "./excel-subset";
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
}

function asOutput(grid: (string | number)[][], kinds: (header: string) => ColumnKind, dateSystem: DateSystem): OutputTable {
  const [header = [], ...rows] = grid;
  const currencyAt = header.indexOf("Currency");
  return {
    columns: header.map((h) => ({ header: String(h), kind: kinds(String(h)) })),
    rows: rows as CellValue[][],
    exponents: rows.map((r) => currencyExponent(String(r[currencyAt] ?? ""))),
    dateSystem,
  };
}

const TEXT = new Set(["Customer", "Currency", "Definition", "Basis", "Period"]);
const INTEGER = new Set(["DisputedCount", "PeriodIndex"]);
function kindOf(header: string): ColumnKind {
  if (TEXT.has(header)) return "text";
  if (INTEGER.has(header)) return "integer";
  if (header === "AsOf") return "date";
  return "money";
}

export async function writeAgingSheet(ctx: XlContext, snapshot: AgingSnapshot, control?: TaskControl, dateSystem: DateSystem = "1900"): Promise<AgingSheetResult> {
  const sheet = await addUniqueSheet(ctx, `Aging ${isoFromSerialSafe(snapshot.asOfSerial)}`);
  try {
    const main = asOutput(agingTable(snapshot), kindOf, dateSystem);
    const head = asOutput(agingHeaderTable(snapshot), kindOf, dateSystem);
    const detail = asOutput(agingDetailTable(snapshot), kindOf, dateSystem);
    const t1 = await writeTableAt(ctx, sheet, 0, "Aging", main, control);
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
    const t3 = await writeTableAt(ctx, sheet, headRow + head.rows.length + 3, "AgingDetail", detail, control);
    sheet.activate();
    await ctx.sync();
    return { sheet: sheet.name, tables: [t1.name, t2.name, t3.name], chart };
  } catch (e) {
    sheet.delete();
    await ctx.sync();
    throw e;
  }
}
