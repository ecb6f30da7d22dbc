/**
 * Apply a posting plan, idempotently: run once, or again after any interruption, it leaves the
 * journal lines and the ledger cells of the plan written exactly once. Each step looks at what is
 * there first:
 * - a ledger cell holding its `before` value is set to `after`; one already holding `after` is
 *   left alone; any other value means someone changed it meanwhile, and the plan stops (conflict);
 * - an appended row (table grown by one already, or not yet) and the journal lines (table grown by
 *   their count already, or not yet) are written at their planned rows, over a half-written copy;
 * - a journal table that was to be made is made on its planned sheet; the sheet a run interrupted
 *   before its table was complete is made again.
 */
import { ccError, type CcError, fail, ok, type Result } from "../../domain/errors";
import { writeCells } from "./cells";
import type { CellValue, XlContext, XlRange, XlTable } from "./excel-subset";
import type { JournalWrite, PostingPlan } from "./posting-log";
import { appendRows, writeRowsAt, writeTableAt } from "./write-table";

export interface AppliedPosting {
  readonly sheet: string;
  readonly table: string;
  readonly lines: number;
  readonly created: boolean;
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return a === b || ((a === undefined || a === "") && (b === undefined || b === ""));
}

function conflict(plan: PostingPlan, what: string): CcError {
  return ccError("posting_must_be_completed", { id: plan.id, detail: what }, { table: plan.journal.table });
}

async function tableRows(ctx: XlContext, name: string): Promise<{ table: XlTable; range: XlRange } | undefined> {
  const table = ctx.workbook.tables.getItemOrNullObject(name);
  await ctx.sync();
  if (table.isNullObject) return undefined;
  const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
  await ctx.sync();
  return { table, range };
}

/** Ledger cells: `before` -> `after`. */
async function applyChanges(ctx: XlContext, plan: PostingPlan): Promise<Result<true>> {
  const cells = plan.changes.map((c) => ctx.workbook.worksheets.getItemOrNullObject(c.sheet).getRangeByIndexes(c.row, c.column, 1, 1).load("values"));
  if (cells.length > 0) await ctx.sync();
  for (let i = 0; i < plan.changes.length; i++) {
    const c = plan.changes[i];
    const cell = cells[i];
    if (c === undefined || cell === undefined) continue;
    const now = cell.values[0]?.[0];
    if (same(now, c.after)) continue;
    if (!same(now, c.before)) return fail(conflict(plan, `sheet ${c.sheet} row ${c.row + 1} holds ${String(now)}, neither ${String(c.before)} nor ${String(c.after)}`));
    writeCells(cell, [[c.after]], [[c.format]]);
  }
  return ok(true);
}

/** Appended input rows (a typed payment's ledger line). */
async function applyAppends(ctx: XlContext, plan: PostingPlan): Promise<Result<true>> {
  for (const a of plan.appends) {
    if (a.table !== undefined) {
      const t = await tableRows(ctx, a.table);
      if (t === undefined) return fail(conflict(plan, `table ${a.table} is gone`));
      // Rows are added in order: row i is there when the table has grown past it (later rows of the same plan may be there too).
      const last = Math.max(...plan.appends.filter((x) => x.table === a.table).map((x) => x.rowCountBefore)) + 1;
      if (t.range.rowCount === a.rowCountBefore) t.table.rows.add(null, [a.values.map(() => "")]);
      else if (t.range.rowCount < a.rowCountBefore || t.range.rowCount > last) return fail(conflict(plan, `table ${a.table} has ${t.range.rowCount - 1} rows, expected ${a.rowCountBefore - 1} or ${a.rowCountBefore}`));
    }
    const range = ctx.workbook.worksheets.getItemOrNullObject(a.sheet).getRangeByIndexes(a.row, a.column, 1, a.values.length);
    writeCells(range, [a.values.slice()], [a.formats.slice()]);
  }
  return ok(true);
}

/** The journal lines: appended, made, or rewritten where a run was interrupted. */
async function applyJournal(ctx: XlContext, plan: PostingPlan, j: JournalWrite): Promise<Result<AppliedPosting>> {
  const n = j.lines.rows.length;
  const t = await tableRows(ctx, j.table);
  if (t !== undefined) {
    const sheet = t.table.worksheet.load("name");
    await ctx.sync();
    const before = j.create ? 1 : j.rowCountBefore;
    const at = { rowIndex: t.range.rowIndex, columnIndex: t.range.columnIndex, rowCount: t.range.rowCount };
    const row = at.rowIndex + before;
    if (t.range.rowCount === before) appendRows(ctx, t.table, sheet, at, j.lines);
    else if (t.range.rowCount === before + n) writeRowsAt(sheet, row, at.columnIndex, j.lines);
    else return fail(conflict(plan, `table ${j.table} has ${t.range.rowCount - 1} rows, expected ${before - 1} or ${before - 1 + n}`));
    return ok({ sheet: sheet.name, table: j.table, lines: n, created: j.create });
  }
  if (!j.create) return fail(conflict(plan, `table ${j.table} is gone`));
  // The planned sheet was free when the plan was made: one that exists now was begun by this plan.
  const left = ctx.workbook.worksheets.getItemOrNullObject(j.sheet);
  await ctx.sync();
  if (!left.isNullObject) left.delete();
  const sheet = ctx.workbook.worksheets.add(j.sheet);
  sheet.load("name");
  await ctx.sync();
  const made = await writeTableAt(ctx, sheet, 0, j.table, j.lines);
  sheet.activate();
  return ok({ sheet: sheet.name, table: made.name, lines: n, created: true });
}

/** Queue and sync every write of the plan; the caller marks it done afterwards. */
export async function applyPlan(ctx: XlContext, plan: PostingPlan): Promise<Result<AppliedPosting>> {
  const changes = await applyChanges(ctx, plan);
  if (!changes.ok) return changes;
  const appends = await applyAppends(ctx, plan);
  if (!appends.ok) return appends;
  ctx.application.suspendApiCalculationUntilNextSync();
  // The further journals first: the main one activates its new sheet last, where the user looks.
  for (const j of plan.also ?? []) {
    const also = await applyJournal(ctx, plan, j);
    if (!also.ok) return also;
  }
  const journal = await applyJournal(ctx, plan, plan.journal);
  if (!journal.ok) return journal;
  await ctx.sync();
  return journal;
}
