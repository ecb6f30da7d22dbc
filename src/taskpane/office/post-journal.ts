/**
 * Posts a journal into its table, idempotently: the table holds each line's journal ID, and a
 * journal whose ID is already there is refused. A guard (e.g. "the settled rows did not change")
 * runs first; cancellation is honoured up to the moment writing starts; then the lines and any
 * updates that go with them are written together in one sync, so there is never half a journal.
 */
import { checkNotPosted } from "../../domain/journal";
import { ccError, fail, ok, type Result } from "../../domain/errors";
import { normalizeHeader } from "../../workbook/table";
import type { XlContext } from "./excel-subset";
import type { TableLocation } from "./find-table";
import type { OutputTable } from "./formats";
import { readColumn } from "./read-table";
import { type TaskControl, throwIfCancelled } from "./task";
import { appendRows, writeTableOnNewSheet } from "./write-table";

export interface JournalTarget {
  /** Sheet name for a new journal table, e.g. `Settlement journal`. */
  readonly sheet: string;
  /** Table name (no spaces in Excel table names), e.g. `SettlementJournal`. */
  readonly table: string;
  /** Header of the column that holds the journal ID; without one (a log), rows are only appended. */
  readonly idHeader?: string;
}

export interface PostRequest {
  readonly target: JournalTarget;
  readonly journalId: string;
  readonly lines: OutputTable;
  /** Checked after the duplicate check, before anything is written. */
  readonly guard?: (ctx: XlContext) => Promise<Result<true>>;
  /**
   * Prepares writes that belong with the journal (it may read), returning a function that queues
   * them without syncing: they are synced together with the journal's lines.
   */
  readonly alongside?: (ctx: XlContext) => Promise<Result<() => void>>;
}

export interface PostResult {
  readonly sheet: string;
  readonly table: string;
  readonly lines: number;
  readonly created: boolean;
}

export async function postJournal(ctx: XlContext, req: PostRequest, control?: TaskControl): Promise<Result<PostResult>> {
  throwIfCancelled(control);
  const { target } = req;
  const table = ctx.workbook.tables.getItemOrNullObject(target.table);
  await ctx.sync();
  let at: TableLocation | undefined;
  if (!table.isNullObject) {
    const range = table.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount");
    const sheet = table.worksheet.load("name");
    await ctx.sync();
    at = { name: target.table, sheet: sheet.name, tableName: target.table, rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
    const head = ctx.workbook.worksheets.getItemOrNullObject(sheet.name).getRangeByIndexes(at.rowIndex, at.columnIndex, 1, at.columnCount).load("values");
    await ctx.sync();
    const have = (head.values[0] ?? []).map((h) => normalizeHeader(String(h)));
    const want = req.lines.columns.map((c) => normalizeHeader(c.header));
    if (have.length !== want.length || have.some((h, i) => h !== want[i])) {
      return fail(ccError("journal_table_must_have_the_journal_columns", `has columns ${have.join(", ")}; expected ${req.lines.columns.map((c) => c.header).join(", ")}. Rename it or remove it to start a new journal table`, { table: target.table }));
    }
    if (target.idHeader !== undefined) {
      const ids = (await readColumn(ctx, at, target.idHeader, control)) ?? [];
      const posted = checkNotPosted(req.journalId, new Set(ids.map((v) => String(v))));
      if (!posted.ok) return posted;
    }
  }
  if (req.guard !== undefined) {
    const guarded = await req.guard(ctx);
    if (!guarded.ok) return guarded;
  }
  const along = req.alongside === undefined ? ok(() => undefined) : await req.alongside(ctx);
  if (!along.ok) return along;
  throwIfCancelled(control);
  if (at === undefined) {
    // A new journal table on a new sheet: the sheet is removed again if writing fails, and the
    // updates that go with the journal are queued only once its lines are in.
    const made = await writeTableOnNewSheet(ctx, target.sheet, target.table, req.lines);
    along.value();
    await ctx.sync();
    return ok({ sheet: made.sheet, table: made.table, lines: req.lines.rows.length, created: true });
  }
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(at.sheet);
  along.value();
  appendRows(ctx, table, sheet, at, req.lines);
  await ctx.sync();
  return ok({ sheet: at.sheet, table: target.table, lines: req.lines.rows.length, created: false });
}
