/**
 * Reads tables from an .xlsx with exceljs's streaming reader: rows arrive one at a time and become
 * the plain 2-D arrays the src/workbook readers take (Excel's own cell values: numbers, text,
 * booleans, date serials). Only the columns a command asks for are kept, so a 1,048,576-row ledger
 * costs a few numbers and shared strings per row, not a workbook model.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { DateSystem } from "../../domain/dates";
import { normalizeHeader } from "../../workbook/table";
import { CliError } from "./cli-error";
import { openWorkbook, totalsRowsOf, type WorkbookPackage } from "./workbook-package";

/** A wanted table: the sheet names tried in order, and the headers that identify it when no sheet name matches. */
export interface TableRequest {
  /** Key in the result, e.g. "transactions". */
  readonly key: string;
  /** Sheet names to try, e.g. ["Transactions", "Ledger"]; the user's --sheet override goes first. */
  readonly sheets: readonly string[];
  /** Normalized headers that identify the table by its header row (all must be present). */
  readonly identifyBy: readonly string[];
  /** Headers (any spelling the readers accept) whose columns are kept; undefined keeps every column. */
  readonly keep?: (normalizedHeader: string) => boolean;
  readonly required?: boolean;
}

export interface ReadTable {
  readonly sheet: string;
  /** Sheet row number of the header row (rows above it were blank). */
  readonly headerRow: number;
  /** Header row first; row i of the array is sheet row headerRow + i. */
  readonly range: unknown[][];
  /** The workbook's date system: pass it to the src/workbook readers (`{ dateSystem }`). */
  readonly dateSystem: DateSystem;
}

/** What one pass over a workbook found: the tables asked for, and what every posting must know. */
export interface WorkbookRead {
  readonly tables: Map<string, ReadTable>;
  /** The package as read (checked), for --in-place to append to exactly these bytes. */
  readonly package: WorkbookPackage;
  /** Journal IDs already in the workbook (every sheet whose header has a JournalId column) -> the sheet. */
  readonly journalIds: ReadonlyMap<string, string>;
}

export interface ReadProgress {
  (sheet: string, rows: number): void;
}

/** An exceljs cell value as Excel holds it: Date -> serial, rich text -> text, formula -> its result. */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") return v;
  if (v instanceof Date) return 25569 + v.getTime() / 86400000;
  const o = v as Record<string, unknown>;
  if ("result" in o || "formula" in o || "sharedFormula" in o) return plainValue(o["result"]);
  if (Array.isArray(o["richText"])) return (o["richText"] as { text?: string }[]).map((t) => t.text ?? "").join("");
  if ("text" in o) return plainValue(o["text"]);
  if ("error" in o) return String(o["error"]);
  return String(v);
}

interface Pending {
  req: TableRequest;
  table?: ReadTable;
  /** 1 = matched by a sheet name (earlier names rank better), 1000 = by headers. */
  rank: number;
}

function sheetRank(req: TableRequest, sheet: string): number | undefined {
  const n = normalizeHeader(sheet);
  const i = req.sheets.findIndex((s) => normalizeHeader(s) === n);
  return i < 0 ? undefined : i;
}

/**
 * Read the requested tables from `path` in one streaming pass over the workbook.
 * A required table that is not found is a CliError naming the sheets tried.
 * @example const t = await readTables("samples/sample-ledger.xlsx", [{ key: "transactions", sheets: ["Transactions"], identifyBy: ["customer", "amount"] }])
 */
export async function readTables(path: string, requests: readonly TableRequest[], progress?: ReadProgress): Promise<Map<string, ReadTable>> {
  return (await readWorkbook(path, requests, progress)).tables;
}

/**
 * Check the package (openWorkbook: a damaged, truncated, macro-enabled or non-xlsx file is a
 * CliError `cannot read FILE: reason`), then read the requested tables in one streaming pass, and
 * the journal IDs of every sheet with a JournalId column.
 */
export async function readWorkbook(path: string, requests: readonly TableRequest[], progress?: ReadProgress): Promise<WorkbookRead> {
  const pkg = openWorkbook(path);
  const pending: Pending[] = requests.map((req) => ({ req, rank: Number.POSITIVE_INFINITY }));
  const sheetNames: string[] = [];
  const journalIds = new Map<string, string>();
  const totals = totalsRowsOf(pkg);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([pkg.zip.bytes]), { sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      sheetNames.push(name);
      await readSheet(ws, name, pending, pkg.dateSystem, journalIds, progress, totals.get(name));
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const out = new Map<string, ReadTable>();
  for (const p of pending) {
    if (p.table !== undefined) out.set(p.req.key, p.table);
    else if (p.req.required !== false) {
      throw new CliError(
        `${path}: no ${p.req.key} table: no sheet named ${p.req.sheets.map((s) => `'${s}'`).join(" or ")}, and no sheet whose first row has the headers ${p.req.identifyBy.join(", ")} (sheets: ${sheetNames.join(", ")})`,
      );
    }
  }
  return { tables: out, package: pkg, journalIds };
}

async function readSheet(ws: AsyncIterable<ExcelJS.Row>, name: string, pending: Pending[], dateSystem: DateSystem, journalIds: Map<string, string>, progress?: ReadProgress, totalsRows?: ReadonlySet<number>): Promise<void> {
  // Candidates by name are decided before the rows; by headers once the header row is seen.
  const byName = pending.filter((p) => {
    const r = sheetRank(p.req, name);
    return r !== undefined && r < p.rank;
  });
  const takers: { p: Pending; cols: number[]; range: unknown[][]; rank: number }[] = [];
  let headerRow = 0;
  let next = 0;
  let count = 0;
  let journalCol = -1;
  for await (const row of ws) {
    if (headerRow === 0) {
      const values = row.values as unknown[];
      if (values.every((v) => v === null || v === undefined || v === "")) continue;
      headerRow = row.number;
      next = row.number + 1;
      const header = values.slice(1).map((v) => plainValue(v));
      const normalized = header.map((h) => normalizeHeader(String(h ?? "")));
      const set = new Set(normalized);
      journalCol = normalized.indexOf("journalid");
      for (const p of pending) {
        const nameRank = byName.includes(p) ? (sheetRank(p.req, name) as number) : undefined;
        const headerMatch = p.req.identifyBy.every((h) => set.has(h));
        const rank = nameRank ?? (headerMatch ? 1000 : undefined);
        if (rank === undefined || rank >= p.rank) continue;
        const cols = normalized.map((h, i) => (h !== "" && (p.req.keep === undefined || p.req.keep(h)) ? i : -1)).filter((i) => i >= 0);
        takers.push({ p, cols, range: [cols.map((i) => header[i])], rank });
      }
      // A sheet nobody wants is still read through: the reader is one stream, and leaving the
      // loop early would abort it.
      continue;
    }
    // A table's totals row is a summary of the rows above it, not a row of the table.
    if (totalsRows?.has(row.number) === true) continue;
    if (journalCol >= 0) {
      const id = plainValue((row.values as unknown[])[journalCol + 1]);
      if (id !== null && String(id).trim() !== "" && !journalIds.has(String(id).trim())) journalIds.set(String(id).trim(), name);
    }
    // Rows of a sheet nobody wants are not even turned into values.
    if (takers.length === 0) continue;
    const values = row.values as unknown[];
    // Blank rows are not emitted by the reader: keep the numbering the user sees.
    while (next < row.number) {
      for (const t of takers) t.range.push([]);
      next++;
    }
    for (const t of takers) {
      const out = new Array<unknown>(t.cols.length);
      for (let k = 0; k < t.cols.length; k++) out[k] = plainValue(values[(t.cols[k] as number) + 1]);
      t.range.push(out);
    }
    next++;
    if (progress !== undefined && ++count % 100000 === 0) progress(name, count);
  }
  for (const t of takers) {
    t.p.rank = t.rank;
    t.p.table = { sheet: name, headerRow, range: t.range, dateSystem };
  }
}
