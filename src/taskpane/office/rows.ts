/**
 * Row-level checks and updates on an input table, for write-back after a proposal: the rows a
 * proposal was built from must be unchanged when it is posted (no write on a stale proposal).
 */
import { ccError, type CcError, fail, ok, type Result } from "../../domain/errors";
import { normalizeHeader } from "../../workbook/table";
import type { CellValue, XlContext } from "./excel-subset";
import type { TableLocation } from "./find-table";

/** A row as it was read: `rowNumber` counts the header as row 1, as the engine's records do. */
export interface RowSnapshot {
  readonly rowNumber: number;
  readonly values: readonly CellValue[];
}

export interface CellUpdate {
  readonly rowNumber: number;
  readonly header: string;
  readonly value: CellValue;
  /** Number format for the new value, e.g. `#,##0.00`. */
  readonly numberFormat?: string;
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return a === b || ((a === undefined || a === "") && (b === undefined || b === ""));
}

/** Refuse when any row differs from what the proposal was built from. */
export async function checkRowsUnchanged(ctx: XlContext, at: TableLocation, rows: readonly RowSnapshot[]): Promise<Result<true>> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(at.sheet);
  const current = rows.map((r) => sheet.getRangeByIndexes(at.rowIndex + r.rowNumber - 1, at.columnIndex, 1, at.columnCount).load("values"));
  await ctx.sync();
  const errors: CcError[] = [];
  rows.forEach((r, i) => {
    const now = current[i]?.values[0] ?? [];
    const changed = r.rowNumber > at.rowCount || r.values.some((v, j) => !same(v, now[j]));
    if (changed) {
      errors.push(ccError("rows_must_be_unchanged_since_the_proposal", {}, { table: at.name, row: r.rowNumber }));
    }
  });
  return errors.length > 0 ? fail(...errors) : ok(true);
}

/** The table's columns by normalized header. */
export async function headerIndex(ctx: XlContext, at: TableLocation): Promise<Map<string, number>> {
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(at.sheet);
  const head = sheet.getRangeByIndexes(at.rowIndex, at.columnIndex, 1, at.columnCount).load("values");
  await ctx.sync();
  return new Map((head.values[0] ?? []).map((h, i) => [normalizeHeader(String(h)), i]));
}
