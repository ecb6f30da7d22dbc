/**
 * Writes outputs as Excel tables, never over a user's data: a new table goes on a new sheet with a
 * unique name; an existing output table is only appended to. Text columns are formatted as text
 * (`@`) before any value is written, so ledger text is never taken as a formula. Values go in
 * blocks with calculation suspended, then the table is made, then the final formats are set.
 */
import type { CellValue, XlContext, XlTable, XlWorksheet } from "./excel-subset";
import { writeCells } from "./cells";
import { cellFor, finalFormats, type OutputTable } from "./formats";
import { blockRows, report, type TaskControl, throwIfCancelled } from "./task";

/** `base`, else `base (2)`, `base (3)`, … : the first name not in `taken` (case-insensitive, 31 characters). */
export function uniqueName(base: string, taken: readonly string[], maxLength = 31): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const clean = base.replace(/[\\/?*[\]:]/g, " ").trim().slice(0, maxLength) || "Sheet";
  if (!used.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${clean.slice(0, maxLength - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A table name: letters, digits and underscores, unique in the workbook (`Aging`, `Aging_2`, …). */
export function uniqueTableName(base: string, taken: readonly string[]): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([^A-Za-z_])/, "_$1") || "Table";
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}_${i}`.toLowerCase())) return `${clean}_${i}`;
}

function rowsOf(table: OutputTable, from: number, count: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let i = from; i < from + count; i++) {
    const row = table.rows[i] ?? [];
    out.push(table.columns.map((c, j) => cellFor(c.kind, row[j], table.dateSystem)));
  }
  return out;
}

/** Write values with their final formats (strings as text first), block by block, starting at a sheet row. */
async function writeBlocks(ctx: XlContext, sheet: XlWorksheet, firstRow: number, firstCol: number, table: OutputTable, control?: TaskControl): Promise<void> {
  const width = table.columns.length;
  const step = blockRows(width);
  const total = table.rows.length;
  for (let start = 0; start < total; start += step) {
    const n = Math.min(step, total - start);
    const range = sheet.getRangeByIndexes(firstRow + start, firstCol, n, width);
    ctx.application.suspendApiCalculationUntilNextSync();
    writeCells(range, rowsOf(table, start, n), finalFormats(table, start, n));
    await ctx.sync();
    report(control, start + n, total, "Writing");
  }
}

export interface NewSheetResult {
  readonly sheet: string;
  readonly table: string;
  /** 0-based sheet row of the header. */
  readonly rowIndex: number;
}

/** Take a unique sheet name and add the sheet. */
export async function addUniqueSheet(ctx: XlContext, base: string): Promise<XlWorksheet> {
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const name = uniqueName(base, sheets.items.map((s) => s.name));
  const sheet = ctx.workbook.worksheets.add(name);
  sheet.load("name");
  await ctx.sync();
  return sheet;
}

/**
 * Write `table` as an Excel table at `row` (0-based) of `sheet`. Cancelled between blocks, the
 * caller removes the new sheet; nothing else was touched.
 */
export async function writeTableAt(ctx: XlContext, sheet: XlWorksheet, row: number, tableBase: string, table: OutputTable, control?: TaskControl): Promise<XlTable> {
  const width = table.columns.length;
  writeCells(sheet.getRangeByIndexes(row, 0, 1, width), [table.columns.map((c) => c.header)], [table.columns.map(() => "@")]);
  await writeBlocks(ctx, sheet, row + 1, 0, table, control);
  throwIfCancelled(control);
  const tables = ctx.workbook.tables.load("items/name");
  await ctx.sync();
  const xlTable = sheet.tables.add(sheet.getRangeByIndexes(row, 0, table.rows.length + 1, width), true);
  xlTable.name = uniqueTableName(tableBase, tables.items.map((t) => t.name));
  sheet.getRangeByIndexes(row, 0, table.rows.length + 1, width).format.autofitColumns();
  xlTable.load("name");
  await ctx.sync();
  return xlTable;
}

/** Write `table` on a new, uniquely named sheet; a cancelled write removes the sheet it made. */
export async function writeTableOnNewSheet(ctx: XlContext, sheetBase: string, tableBase: string, table: OutputTable, control?: TaskControl): Promise<NewSheetResult> {
  throwIfCancelled(control);
  const sheet = await addUniqueSheet(ctx, sheetBase);
  try {
    const xlTable = await writeTableAt(ctx, sheet, 0, tableBase, table, control);
    sheet.activate();
    await ctx.sync();
    return { sheet: sheet.name, table: xlTable.name, rowIndex: 0 };
  } catch (e) {
    sheet.delete();
    await ctx.sync();
    throw e;
  }
}

/**
 * Append rows to an existing table (the caller checked its header). Blank rows are added first,
 * then filled through the one writer, so text is never taken as a formula. No sync: the caller syncs once, so
 * the rows and whatever goes with them are written together.
 */
export function appendRows(ctx: XlContext, xlTable: XlTable, sheet: XlWorksheet, at: { rowIndex: number; columnIndex: number; rowCount: number }, table: OutputTable): void {
  const n = table.rows.length;
  if (n === 0) return;
  ctx.application.suspendApiCalculationUntilNextSync();
  xlTable.rows.add(null, Array.from({ length: n }, () => table.columns.map(() => "")));
  writeRowsAt(sheet, at.rowIndex + at.rowCount, at.columnIndex, table);
}

/** Queue (no sync) the rows of `table` at a sheet position, over whatever is there (a re-run writes the same cells). */
export function writeRowsAt(sheet: XlWorksheet, row: number, column: number, table: OutputTable): void {
  const n = table.rows.length;
  if (n === 0) return;
  writeCells(sheet.getRangeByIndexes(row, column, n, table.columns.length), rowsOf(table, 0, n), finalFormats(table, 0, n));
}
