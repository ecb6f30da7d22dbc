/**
 * The posting log: a write-ahead record of every posting, so that a post interrupted at any step
 * (a failed write, a failed sync, a closed task pane) is completed by the next operation instead
 * of leaving a journal without its ledger change (docs/reliability.md).
 *
 * A posting's plan (the journal lines and every ledger cell it changes, with the value before and
 * after) is written to the hidden table `CCPostingLog` as `Pending` and synced *before* anything
 * else is written; it is marked `Done` (and its data cleared) only after the journal and the
 * ledger were written and synced. A plan is split over rows of at most 30,000 characters (Excel
 * holds 32,767 in a cell); a plan with a missing part was never complete, so nothing of it was
 * applied, and it is marked `Abandoned`.
 */
import type { CellValue, XlContext, XlTable } from "./excel-subset";
import type { TableLocation } from "./find-table";
import type { OutputColumn, OutputTable } from "./formats";
import { readColumn, readTable } from "./read-table";
import { writeCells } from "./cells";
import { uniqueName, writeRowsAt, writeTableAt } from "./write-table";

export const LOG_SHEET = "CC posting log";
export const LOG_TABLE = "CCPostingLog";
const LOG_COLUMNS: readonly OutputColumn[] = [
  { header: "PostingId", kind: "text" },
  { header: "Part", kind: "integer" },
  { header: "Parts", kind: "integer" },
  { header: "Status", kind: "text" },
  { header: "Data", kind: "text" },
];
const CHUNK = 30000;
const STATUS_COL = 3;

/** One ledger cell a posting changes: absolute sheet position, and its value before and after. */
export interface CellChange {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly before: CellValue;
  readonly after: CellValue;
  readonly format: string;
}

/** A row a posting appends to an input table (a typed payment becoming a ledger line). */
export interface RowAppend {
  readonly sheet: string;
  /** The Excel table to extend; absent for a plain sheet range. */
  readonly table?: string;
  /** The table's rows (header included) before the posting: tells whether the row was added. */
  readonly rowCountBefore: number;
  readonly row: number;
  readonly column: number;
  readonly values: readonly CellValue[];
  readonly formats: readonly string[];
}

/** The journal lines and where they go. */
export interface JournalWrite {
  readonly sheet: string;
  readonly table: string;
  /** The table did not exist: it is made on the sheet `sheet` (a name free when planned). */
  readonly create: boolean;
  /** For an append: the table's rows (header included) before the posting. */
  readonly rowCountBefore: number;
  /** 0-based sheet row of the first line, and the table's first column. */
  readonly row: number;
  readonly column: number;
  readonly lines: OutputTable;
}

export interface PostingPlan {
  readonly id: string;
  readonly journal: JournalWrite;
  /**
   * Further journals posted with it, all or nothing (an NSF's fee goes to the `Fee journal` in the
   * same plan as the NSF journal). Absent in plans written before it existed.
   */
  readonly also?: readonly JournalWrite[];
  readonly changes: readonly CellChange[];
  readonly appends: readonly RowAppend[];
}

export interface PendingPosting {
  readonly plan: PostingPlan;
  /** Sheet row of its first log row and how many rows it has. */
  readonly logRow: number;
  readonly logRows: number;
}

interface LogAt {
  readonly table: XlTable;
  readonly at: TableLocation;
}

async function findLog(ctx: XlContext): Promise<LogAt | undefined> {
  const table = ctx.workbook.tables.getItemOrNullObject(LOG_TABLE);
  await ctx.sync();
  if (table.isNullObject) return undefined;
  const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
  const sheet = table.worksheet.load("name");
  await ctx.sync();
  return { table, at: { name: LOG_TABLE, sheet: sheet.name, tableName: LOG_TABLE, rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount } };
}

/** The plan as log rows: `PostingId | Part | Parts | Pending | a slice of the JSON`. */
export function logRowsOf(plan: PostingPlan): CellValue[][] {
  const json = JSON.stringify(plan);
  const parts = Math.max(1, Math.ceil(json.length / CHUNK));
  return Array.from({ length: parts }, (_, i) => [plan.id, i + 1, parts, "Pending", json.slice(i * CHUNK, (i + 1) * CHUNK)]);
}

/**
 * Write the plan as `Pending` and sync. The log table is made (on a hidden sheet) the first time;
 * a log sheet left without its table by an interrupted first write is made again.
 */
export async function writeIntent(ctx: XlContext, plan: PostingPlan): Promise<{ sheet: string; row: number; rows: number }> {
  const table: OutputTable = { columns: LOG_COLUMNS, rows: logRowsOf(plan) };
  const log = await findLog(ctx);
  if (log !== undefined) {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(log.at.sheet);
    // Rows an interrupted append added but never filled are used first, so none is left blank.
    const ids = (await readColumn(ctx, log.at, LOG_COLUMNS[0]?.header ?? "PostingId")) ?? [];
    let blank = 0;
    while (blank < ids.length && String(ids[ids.length - 1 - blank] ?? "") === "") blank++;
    const first = log.at.rowIndex + log.at.rowCount - blank;
    const extra = table.rows.length - blank;
    if (extra > 0) log.table.rows.add(null, Array.from({ length: extra }, () => LOG_COLUMNS.map(() => "")));
    writeRowsAt(sheet, first, log.at.columnIndex, table);
    await ctx.sync();
    return { sheet: log.at.sheet, row: first, rows: table.rows.length };
  }
  const left = ctx.workbook.worksheets.getItemOrNullObject(LOG_SHEET);
  await ctx.sync();
  if (!left.isNullObject) {
    const used = left.getUsedRangeOrNullObject(true);
    await ctx.sync();
    if (!used.isNullObject) used.load("values");
    await ctx.sync();
    const values = used.isNullObject ? [] : used.values;
    // Our own half-made log sheet (blank, or its first header is ours) is made again; a user's sheet of that name is kept.
    const ours = values.every((r) => r.every((v) => v === "")) || values[0]?.[0] === LOG_COLUMNS[0]?.header;
    if (ours) left.delete();
  }
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const sheet = ctx.workbook.worksheets.add(uniqueName(LOG_SHEET, sheets.items.map((s) => s.name)));
  sheet.visibility = "Hidden";
  sheet.load("name");
  await writeTableAt(ctx, sheet, 0, LOG_TABLE, table);
  return { sheet: sheet.name, row: 1, rows: table.rows.length };
}

/** Plans still pending (complete ones), and the log rows of incomplete ones (never applied). */
export async function readPending(ctx: XlContext): Promise<{ pending: PendingPosting[]; abandoned: { row: number; rows: number }[]; sheet?: string }> {
  const log = await findLog(ctx);
  if (log === undefined) return { pending: [], abandoned: [] };
  // Usually nothing is pending: the status column alone says so, without reading the plans.
  const status = (await readColumn(ctx, log.at, LOG_COLUMNS[STATUS_COL]?.header ?? "Status")) ?? [];
  if (!status.includes("Pending")) return { pending: [], abandoned: [], sheet: log.at.sheet };
  const values = await readTable(ctx, log.at);
  const pending: PendingPosting[] = [];
  const abandoned: { row: number; rows: number }[] = [];
  for (let i = 1; i < values.length; i++) {
    const r = values[i] ?? [];
    if (r[STATUS_COL] !== "Pending") continue;
    const id = String(r[0]);
    const parts = Number(r[2]);
    let json = "";
    let n = 0;
    while (n < parts && i + n < values.length) {
      const p = values[i + n] ?? [];
      if (String(p[0]) !== id || Number(p[1]) !== n + 1 || p[STATUS_COL] !== "Pending") break;
      json += String(p[4] ?? "");
      n++;
    }
    const plan = n === parts && parts >= 1 ? parsePlan(json, id) : undefined;
    const row = log.at.rowIndex + i;
    if (plan === undefined) abandoned.push({ row, rows: Math.max(1, n) });
    else pending.push({ plan, logRow: row, logRows: n });
    i += Math.max(1, n) - 1;
  }
  return { pending, abandoned, sheet: log.at.sheet };
}

function parsePlan(json: string, id: string): PostingPlan | undefined {
  try {
    const plan = JSON.parse(json) as PostingPlan;
    return plan.id === id ? plan : undefined;
  } catch {
    return undefined;
  }
}

/** Queue (no sync) the new status of log rows; their data is cleared (the journal now holds it). */
export function markLogRows(ctx: XlContext, sheet: string, row: number, rows: number, status: "Done" | "Abandoned"): void {
  const range = ctx.workbook.worksheets.getItemOrNullObject(sheet).getRangeByIndexes(row, STATUS_COL, rows, 2);
  writeCells(range, Array.from({ length: rows }, () => [status, ""]), Array.from({ length: rows }, () => ["@", "@"]));
}

/** The log's sheet, when there is a log. */
export async function logSheet(ctx: XlContext): Promise<string | undefined> {
  return (await findLog(ctx))?.at.sheet;
}
