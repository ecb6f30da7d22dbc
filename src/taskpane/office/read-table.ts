/**
 * Reads a located table in blocks of rows (OFFICE.md: one request is limited to 5 MB on the web),
 * reporting progress and honouring cancellation between blocks.
 */
import type { CellValue, XlContext } from "./excel-subset";
import type { TableLocation } from "./find-table";
import { blockRows, report, type TaskControl, throwIfCancelled } from "./task";

/** The table's values, header row first. */
export async function readTable(ctx: XlContext, at: TableLocation, control?: TaskControl, maxBlock?: number): Promise<CellValue[][]> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(at.sheet);
  const step = blockRows(at.columnCount, maxBlock);
  const out: CellValue[][] = [];
  for (let start = 0; start < at.rowCount; start += step) {
    throwIfCancelled(control);
    const n = Math.min(step, at.rowCount - start);
    const range = sheet.getRangeByIndexes(at.rowIndex + start, at.columnIndex, n, at.columnCount).load("values");
    await ctx.sync();
    for (const row of range.values) out.push(row);
    report(control, start + n, at.rowCount, `Reading ${at.name}`);
  }
  return out;
}

/** One column of the table (header excluded), by header text; undefined when there is no such column. */
export async function readColumn(ctx: XlContext, at: TableLocation, header: string, control?: TaskControl): Promise<CellValue[] | undefined> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(at.sheet);
  const head = sheet.getRangeByIndexes(at.rowIndex, at.columnIndex, 1, at.columnCount).load("values");
  await ctx.sync();
  const col = (head.values[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === header.toLowerCase());
  if (col < 0) return undefined;
  const out: CellValue[] = [];
  const step = blockRows(1);
  for (let start = 1; start < at.rowCount; start += step) {
    throwIfCancelled(control);
    const n = Math.min(step, at.rowCount - start);
    const range = sheet.getRangeByIndexes(at.rowIndex + start, at.columnIndex + col, n, 1).load("values");
    await ctx.sync();
    for (const row of range.values) out.push(row[0] ?? "");
  }
  return out;
}
