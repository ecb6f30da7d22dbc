/**
 * Plans the ledger writes that go with a journal: the rows a proposal changed (their cells before
 * and after) and the rows it adds (a typed payment becomes a ledger payment line). Nothing is
 * written here: the plan goes into the posting log first (post-journal.ts).
 */
import { ccError, fail, ok, type Result } from "../../domain/errors";
import type { DateSystem } from "../../domain/dates";
import { normalizeHeader } from "../../workbook/table";
import type { CellValue, XlContext } from "./excel-subset";
import { findTable, type TableLocation } from "./find-table";
import { cellFor, type ColumnKind, numberFormatFor } from "./formats";
import type { CellChange, RowAppend } from "./posting-log";
import type { PlannedWrites } from "./post-journal";
import { readTable } from "./read-table";
import { type CellUpdate, headerIndex, type RowSnapshot } from "./rows";

/** A row to add to the input table, by header; headers the table does not have are left out. */
export interface NewRow {
  readonly cells: readonly { readonly header: string; readonly value: CellValue; readonly kind: ColumnKind; readonly exponent?: number }[];
  /** Headers whose values together must not be in the table yet (e.g. Customer and Voucher). */
  readonly unique?: readonly string[];
}

export interface WriteBack {
  /** The input table whose rows the journal changes. */
  readonly source: TableLocation;
  /** The rows as the proposal saw them: posting is refused if any changed. */
  readonly expected: readonly RowSnapshot[];
  readonly updates: readonly CellUpdate[];
  /** Rows the posting adds to the input table, below its last row. */
  readonly appends?: readonly NewRow[];
}

function missingColumn(at: TableLocation, header: string) {
  return fail(ccError("column_must_exist", { case: "column", column: header }, { table: at.name }));
}

export async function planWriteBack(ctx: XlContext, wb: WriteBack, system: DateSystem): Promise<Result<PlannedWrites>> {
  const at = wb.source;
  const columns = await headerIndex(ctx, at);
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(at.sheet);
  const targets: { u: CellUpdate; column: number }[] = [];
  for (const u of wb.updates) {
    const column = columns.get(normalizeHeader(u.header));
    if (column === undefined) return missingColumn(at, u.header);
    targets.push({ u, column });
  }
  const cells = targets.map((t) => sheet.getRangeByIndexes(at.rowIndex + t.u.rowNumber - 1, at.columnIndex + t.column, 1, 1).load("values"));
  if (cells.length > 0) await ctx.sync();
  const changes: CellChange[] = targets.map((t, i) => ({
    sheet: at.sheet, row: at.rowIndex + t.u.rowNumber - 1, column: at.columnIndex + t.column,
    before: cells[i]?.values[0]?.[0] ?? "", after: t.u.value, format: t.u.numberFormat ?? "General",
  }));
  const appends = await planAppends(ctx, wb, system);
  if (!appends.ok) return appends;
  return ok({ changes, appends: appends.value });
}

/** New rows go below the table as it is now (not as it was read: rows may have been added since). */
async function planAppends(ctx: XlContext, wb: WriteBack, system: DateSystem): Promise<Result<RowAppend[]>> {
  const rows = wb.appends ?? [];
  if (rows.length === 0) return ok([]);
  const now = await findTable(ctx, wb.source.tableName ?? wb.source.name);
  if (!now.ok) return now;
  const at = now.value;
  const values = await readTable(ctx, at);
  const header = (values[0] ?? []).map((h) => normalizeHeader(String(h)));
  const out: RowAppend[] = [];
  for (const [i, r] of rows.entries()) {
    for (const u of r.unique ?? []) if (!header.includes(normalizeHeader(u))) return missingColumn(at, u);
    const key = (row: readonly CellValue[]): string => (r.unique ?? []).map((u) => String(row[header.indexOf(normalizeHeader(u))] ?? "").trim()).join("\u0001");
    const want = key(header.map((h) => r.cells.find((c) => normalizeHeader(c.header) === h)?.value ?? ""));
    const dup = (r.unique ?? []).length === 0 ? -1 : values.findIndex((row, n) => n > 0 && key(row) === want);
    if (dup > 0) {
      return fail(ccError("appended_row_must_be_new", { row: want.split("\u0001").join(" "), table: at.name, at: dup + 1 }, { table: at.name, row: dup + 1 }));
    }
    const cellsOut: CellValue[] = header.map(() => "");
    const formats: string[] = header.map(() => "General");
    for (const c of r.cells) {
      const j = header.indexOf(normalizeHeader(c.header));
      if (j < 0) continue;
      cellsOut[j] = cellFor(c.kind, c.value, system);
      formats[j] = numberFormatFor(c.kind, c.exponent);
    }
    out.push({ sheet: at.sheet, ...(at.tableName !== undefined ? { table: at.tableName } : {}), rowCountBefore: at.rowCount + i, row: at.rowIndex + at.rowCount + i, column: at.columnIndex, values: cellsOut, formats });
  }
  return ok(out);
}
