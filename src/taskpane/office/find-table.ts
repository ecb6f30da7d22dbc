/**
 * Finds an input table: an Excel table by name, else a sheet by that name (its used range), else
 * the first table or sheet whose header row has the required columns.
 */
import { ccError, fail, ok, type Result } from "../../domain/errors";
import { type ColumnSpec, normalizeHeader } from "../../workbook/table";
import type { CellValue, XlContext, XlRange } from "./excel-subset";

export interface TableLocation {
  /** The name the user knows it by: the table's name, or the sheet's. */
  readonly name: string;
  readonly sheet: string;
  readonly tableName?: string;
  /** 0-based position of the header row and first column on the sheet. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  /** Header row included. */
  readonly rowCount: number;
  readonly columnCount: number;
}

const GEOMETRY = "address,rowIndex,columnIndex,rowCount,columnCount";

function sheetOf(address: string): string {
  const bang = address.lastIndexOf("!");
  const s = bang < 0 ? address : address.slice(0, bang);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

function locationOf(name: string, range: XlRange, tableName?: string): TableLocation {
  const base = { name, sheet: sheetOf(range.address), rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  return tableName === undefined ? base : { ...base, tableName };
}

/** Do these headers hold every required column of `specs` (by name or alias)? */
export function headersMatch(headers: readonly CellValue[], specs: readonly ColumnSpec[]): boolean {
  const have = new Set(headers.map((h) => normalizeHeader(String(h))));
  return specs.filter((s) => s.required === true).every((s) => [s.header, ...(s.aliases ?? [])].some((h) => have.has(normalizeHeader(h))));
}

/**
 * Locate the table `name`. With `specs`, a table or sheet of another name whose header row has the
 * required columns is taken when nothing is called `name`.
 */
export async function findTable(ctx: XlContext, name: string, specs?: readonly ColumnSpec[]): Promise<Result<TableLocation>> {
  const table = ctx.workbook.tables.getItemOrNullObject(name);
  await ctx.sync();
  if (!table.isNullObject) {
    const range = table.getRange().load(GEOMETRY);
    table.load("name,showTotals");
    await ctx.sync();
    const at = locationOf(table.name, range, table.name);
    // A totals row is not data.
    return ok(table.showTotals ? { ...at, rowCount: at.rowCount - 1 } : at);
  }
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
  await ctx.sync();
  if (!sheet.isNullObject) {
    const used = sheet.getUsedRangeOrNullObject(true);
    await ctx.sync();
    if (!used.isNullObject) {
      used.load(GEOMETRY);
      await ctx.sync();
      return ok(locationOf(name, used));
    }
  }
  if (specs !== undefined) {
    const found = await findByHeaders(ctx, specs);
    if (found !== undefined) return ok(found);
  }
  return fail(ccError("table_must_exist", { case: specs === undefined ? "name" : "columns", name }, { table: name }));
}

async function findByHeaders(ctx: XlContext, specs: readonly ColumnSpec[]): Promise<TableLocation | undefined> {
  const tables = ctx.workbook.tables.load("items/name");
  await ctx.sync();
  const candidates = tables.items.map((t) => ({ name: t.name, table: true, range: t.getRange().load(GEOMETRY) }));
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const used = sheets.items.map((s) => ({ name: s.name, table: false, range: s.getUsedRangeOrNullObject(true) }));
  await ctx.sync();
  for (const u of used) if (!u.range.isNullObject) candidates.push({ ...u, range: u.range.load(GEOMETRY) });
  await ctx.sync();
  const heads = candidates.map((c) => {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(sheetOf(c.range.address));
    return sheet.getRangeByIndexes(c.range.rowIndex, c.range.columnIndex, 1, c.range.columnCount).load("values");
  });
  await ctx.sync();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const h = heads[i]?.values[0];
    if (c !== undefined && h !== undefined && headersMatch(h, specs)) return locationOf(c.name, c.range, c.table ? c.name : undefined);
  }
  return undefined;
}

/** Names of the workbook's tables and sheets, for pickers. */
export async function listTableNames(ctx: XlContext): Promise<{ tables: string[]; sheets: string[] }> {
  const tables = ctx.workbook.tables.load("items/name");
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  // The posting log is the add-in's own bookkeeping, not something to pick.
  const own = (n: string): boolean => n.toLowerCase() === "ccpostinglog" || n.toLowerCase().startsWith("cc posting log");
  return { tables: tables.items.map((t) => t.name).filter((n) => !own(n)), sheets: sheets.items.map((s) => s.name).filter((n) => !own(n)) };
}

/** The table row (header = 1) of the selected cell, when the selection is inside the table's data. */
export async function selectedRowNumber(ctx: XlContext, at: TableLocation): Promise<number | undefined> {
  const sel = ctx.workbook.getSelectedRange().load(GEOMETRY);
  await ctx.sync();
  if (sheetOf(sel.address).toLowerCase() !== at.sheet.toLowerCase()) return undefined;
  const n = sel.rowIndex - at.rowIndex + 1;
  return n >= 2 && n <= at.rowCount ? n : undefined;
}
