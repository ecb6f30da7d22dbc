/**
 * Posts a journal into its table exactly once and all or nothing (docs/reliability.md):
 * 1. postings an earlier run left pending in the posting log are completed first;
 * 2. the journal's ID (content-derived) is checked against the table: a journal table holds each
 *    line's ID, a log without an ID column is checked row by row (an identical entry is a repeat);
 * 3. the guard runs (e.g. "the settled rows did not change") and the ledger writes are planned;
 * 4. the plan (lines, ledger cells before and after, appended rows) is written to the posting log
 *    as Pending and synced; then the journal and the ledger are written and synced; then the plan
 *    is marked Done. An interruption at any step leaves either nothing or a Pending plan that the
 *    next operation completes.
 */
import { checkNotPosted, logEntryId } from "../../domain/journal";
import { ccError, fail, ok, type Result } from "../../domain/errors";
import { normalizeHeader } from "../../workbook/table";
import { type AppliedPosting, applyPlan } from "./apply-plan";
import { dateSystemOf } from "./date-system";
import type { XlContext } from "./excel-subset";
import type { TableLocation } from "./find-table";
import { cellFor, type OutputTable } from "./formats";
import { type CellChange, type JournalWrite, markLogRows, type PostingPlan, readPending, type RowAppend, writeIntent } from "./posting-log";
import { readColumn, readTable } from "./read-table";
import { type TaskControl, throwIfCancelled } from "./task";
import { uniqueName } from "./write-table";

export interface JournalTarget {
  /** Sheet name for a new journal table, e.g. `Settlement journal`. */
  readonly sheet: string;
  /** Table name (no spaces in Excel table names), e.g. `SettlementJournal`. */
  readonly table: string;
  /** Header of the column that holds the journal ID; without one (a log), a row identical to one already there is a repeat. */
  readonly idHeader?: string;
}

/** Ledger writes that belong with a journal, planned with their values before and after. */
export interface PlannedWrites {
  readonly changes: readonly CellChange[];
  readonly appends: readonly RowAppend[];
}

/** A further journal posted in the same plan (exactly once by its own ID, all or nothing with the first). */
export interface AlsoPost {
  readonly target: JournalTarget & { readonly idHeader: string };
  readonly journalId: string;
  readonly lines: OutputTable;
}

export interface PostRequest {
  readonly target: JournalTarget;
  /** The content-derived journal ID; blank for a log without an ID column (one is derived from the rows). */
  readonly journalId: string;
  readonly lines: OutputTable;
  /** Checked after the duplicate check, before anything is written. */
  readonly guard?: (ctx: XlContext) => Promise<Result<true>>;
  /** Plans the ledger writes that go with the journal (it may read; it must not write). */
  readonly plan?: (ctx: XlContext) => Promise<Result<PlannedWrites>>;
  /** Further journals written in the same plan: all of them or none, each checked against its own table. */
  readonly also?: readonly AlsoPost[];
  /**
   * @deprecated Writes queued here are not in the posting log, so they are not recovered after an
   * interruption; use `plan`. Kept for callers written before the posting log.
   */
  readonly alongside?: (ctx: XlContext) => Promise<Result<() => void>>;
}

export interface PostResult {
  readonly sheet: string;
  readonly table: string;
  readonly lines: number;
  readonly created: boolean;
  /** The journal was written by completing an earlier, interrupted post of the same journal. */
  readonly recovered?: boolean;
}

/**
 * Complete every pending posting (oldest first) and abandon incomplete plans. Returns the IDs
 * completed; a conflict (a planned cell changed meanwhile) stops and is returned as an error.
 */
export async function recoverPostings(ctx: XlContext): Promise<Result<Map<string, AppliedPosting>>> {
  const { pending, abandoned, sheet } = await readPending(ctx);
  const done = new Map<string, AppliedPosting>();
  if (sheet === undefined || (pending.length === 0 && abandoned.length === 0)) return ok(done);
  for (const a of abandoned) markLogRows(ctx, sheet, a.row, a.rows, "Abandoned");
  if (abandoned.length > 0) await ctx.sync();
  for (const p of pending) {
    const applied = await applyPlan(ctx, p.plan);
    if (!applied.ok) return applied;
    markLogRows(ctx, sheet, p.logRow, p.logRows, "Done");
    await ctx.sync();
    done.set(p.plan.id, applied.value);
  }
  return ok(done);
}

interface JournalAt {
  readonly at: TableLocation | undefined;
}

async function locateJournal(ctx: XlContext, req: Pick<PostRequest, "target" | "lines">): Promise<Result<JournalAt>> {
  const { target } = req;
  const table = ctx.workbook.tables.getItemOrNullObject(target.table);
  await ctx.sync();
  if (table.isNullObject) return ok({ at: undefined });
  const range = table.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount");
  const sheet = table.worksheet.load("name");
  await ctx.sync();
  const at: TableLocation = { name: target.table, sheet: sheet.name, tableName: target.table, rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
  const head = ctx.workbook.worksheets.getItemOrNullObject(sheet.name).getRangeByIndexes(at.rowIndex, at.columnIndex, 1, at.columnCount).load("values");
  await ctx.sync();
  const have = (head.values[0] ?? []).map((h) => normalizeHeader(String(h)));
  const want = req.lines.columns.map((c) => normalizeHeader(c.header));
  if (have.length !== want.length || have.some((h, i) => h !== want[i])) {
    return fail(ccError("journal_table_must_have_the_journal_columns", { have: have.join(", "), expected: req.lines.columns.map((c) => c.header).join(", ") }, { table: target.table }));
  }
  return ok({ at });
}

/** A row as its cells hold it, for comparing a log entry with the rows already there. */
function rowKey(row: readonly unknown[]): string {
  return row.map((v) => (v === undefined || v === null ? "" : String(v))).join("\u0001");
}

async function checkNotLogged(ctx: XlContext, at: TableLocation, lines: OutputTable, control?: TaskControl): Promise<Result<true>> {
  const values = await readTable(ctx, at, control);
  const have = new Map(values.slice(1).map((r, i) => [rowKey(r), i + 2]));
  for (const r of lines.rows) {
    const key = rowKey(lines.columns.map((c, j) => cellFor(c.kind, r[j], lines.dateSystem)));
    const row = have.get(key);
    if (row !== undefined) return fail(ccError("journal_must_not_be_posted_twice", { case: "row", table: at.name, row }, { table: at.name, row }));
  }
  return ok(true);
}

export async function postJournal(ctx: XlContext, req: PostRequest, control?: TaskControl): Promise<Result<PostResult>> {
  throwIfCancelled(control);
  const { target } = req;
  const recovered = await recoverPostings(ctx);
  if (!recovered.ok) return recovered;
  const dateSystem = await dateSystemOf(ctx);
  const lines: OutputTable = { ...req.lines, dateSystem };
  const id = target.idHeader !== undefined || req.journalId !== "" ? req.journalId : logEntryId(target.table, lines.rows);
  const finished = recovered.value.get(id);
  if (finished !== undefined) return ok({ ...finished, recovered: true });
  const located = await locateJournal(ctx, req);
  if (!located.ok) return located;
  const { at } = located.value;
  if (at !== undefined) {
    if (target.idHeader !== undefined) {
      const ids = (await readColumn(ctx, at, target.idHeader, control)) ?? [];
      const posted = checkNotPosted(id, new Set(ids.map((v) => String(v))));
      if (!posted.ok) return posted;
    } else {
      const logged = await checkNotLogged(ctx, at, lines, control);
      if (!logged.ok) return logged;
    }
  }
  const alsoAt: { readonly post: AlsoPost; readonly at: TableLocation | undefined }[] = [];
  for (const post of req.also ?? []) {
    const found = await locateJournal(ctx, post);
    if (!found.ok) return found;
    const there = found.value.at;
    if (there !== undefined) {
      const ids = (await readColumn(ctx, there, post.target.idHeader, control)) ?? [];
      const posted = checkNotPosted(post.journalId, new Set(ids.map((v) => String(v))));
      if (!posted.ok) return posted;
    }
    alsoAt.push({ post, at: there });
  }
  if (req.guard !== undefined) {
    const guarded = await req.guard(ctx);
    if (!guarded.ok) return guarded;
  }
  const planned = req.plan === undefined ? ok<PlannedWrites>({ changes: [], appends: [] }) : await req.plan(ctx);
  if (!planned.ok) return planned;
  const along = req.alongside === undefined ? undefined : await req.alongside(ctx);
  if (along !== undefined && !along.ok) return along;
  throwIfCancelled(control);
  const taken: string[] = [];
  if (at === undefined || alsoAt.some((a) => a.at === undefined)) {
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    taken.push(...sheets.items.map((s) => s.name));
  }
  /** Where a journal's lines go: after its table's last row, or on a new sheet whose name is free (and not planned for another). */
  const writeFor = (t: JournalTarget, there: TableLocation | undefined, rows: OutputTable): JournalWrite => {
    const sheet = there?.sheet ?? uniqueName(t.sheet, taken);
    if (there === undefined) taken.push(sheet);
    return { sheet, table: t.table, create: there === undefined, rowCountBefore: there?.rowCount ?? 0, row: there === undefined ? 1 : there.rowIndex + there.rowCount, column: there?.columnIndex ?? 0, lines: rows };
  };
  const journal = writeFor(target, at, lines);
  const also = alsoAt.map((a) => writeFor(a.post.target, a.at, { ...a.post.lines, dateSystem }));
  const plan: PostingPlan = {
    id,
    journal,
    ...(also.length > 0 ? { also } : {}),
    changes: planned.value.changes,
    appends: planned.value.appends,
  };
  const logged = await writeIntent(ctx, plan);
  along?.value();
  const applied = await applyPlan(ctx, plan);
  // A conflict cannot happen here (the guard just read the same cells); if it does, the plan stays pending.
  if (!applied.ok) return applied;
  markLogRows(ctx, logged.sheet, logged.row, logged.rows, "Done");
  await ctx.sync();
  return ok(applied.value);
}
