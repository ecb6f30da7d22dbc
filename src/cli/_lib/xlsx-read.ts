/**
 * Reads tables from an .xlsx with the CLI's own streaming sheet reader (sheet-reader.ts): each
 * worksheet part is inflated and scanned chunk by chunk, rows become the plain 2-D arrays the
 * src/workbook readers take (Excel's own cell values: numbers, text, booleans, date serials), and
 * only the columns a command asks for are decoded and kept, so a 1,048,576-row ledger costs a few
 * numbers and strings per row, not a workbook model.
 */
import type { DateSystem } from "../../domain/dates";
import { normalizeHeader } from "../../workbook/table";
import { CliError } from "./cli-error";
import { readSharedStrings, readSheetRows, SheetError, type SheetReadOptions } from "./sheet-reader";
import { openWorkbook, sheetPartsOf, totalsRowsOf, type WorkbookPackage } from "./workbook-package";
import { entryData, ZipError } from "./zip";

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
  /** Every sheet that matches (by name or headers), in workbook order, in `WorkbookRead.every` (a log written once per run). */
  readonly all?: boolean;
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
  /** Journal IDs already in the workbook (every sheet whose header has a JournalId or LetterId column) -> the sheet. */
  readonly journalIds: ReadonlyMap<string, string>;
  /** For requests with `all`: every matching sheet, in workbook order. */
  readonly every: ReadonlyMap<string, readonly ReadTable[]>;
}

export interface ReadProgress {
  (sheet: string, rows: number): void;
}

interface Pending {
  req: TableRequest;
  table?: ReadTable;
  /** 1 = matched by a sheet name (earlier names rank better), 1000 = by headers. */
  rank: number;
  /** With `req.all`: every sheet that matched. */
  every: ReadTable[];
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
  // Worksheet parts are checked as they are streamed (one inflate each, never held whole).
  const pkg = openWorkbook(path, { verifyLater: (part) => /^xl\/worksheets\/[^/]+\.xml$/.test(part) });
  const pending: Pending[] = requests.map((req) => ({ req, rank: Number.POSITIVE_INFINITY, every: [] }));
  const sheetNames: string[] = [];
  const journalIds = new Map<string, string>();
  const totals = totalsRowsOf(pkg);
  try {
    const parts = sheetPartsOf(pkg);
    const sharedStrings = readSharedStrings(pkg.zip, parts.sharedStrings);
    for (const { name, part } of parts.sheets) {
      sheetNames.push(name);
      const entry = pkg.zip.byName.get(part);
      if (entry === undefined) throw new CliError(`cannot read ${path}: sheet '${name}' has no part ${part}`);
      await readSheet(pkg, entry, { sharedStrings, dateSystem: pkg.dateSystem, sheet: name }, pending, journalIds, progress, totals.get(name));
    }
    // Worksheet parts no sheet refers to are checked too: a damaged byte anywhere is an error.
    const read = new Set(parts.sheets.map((s) => s.part));
    for (const part of pkg.unverified ?? []) {
      const entry = pkg.zip.byName.get(part);
      if (!read.has(part) && entry !== undefined) entryData(pkg.zip, entry);
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (e instanceof SheetError || e instanceof ZipError) throw new CliError(`cannot read ${path}: ${e.message}`);
    throw e;
  }
  const out = new Map<string, ReadTable>();
  for (const p of pending) {
    if (p.table !== undefined) out.set(p.req.key, p.table);
    else if (p.req.required !== false && p.req.all !== true) {
      throw new CliError(
        `${path}: no ${p.req.key} table: no sheet named ${p.req.sheets.map((s) => `'${s}'`).join(" or ")}, and no sheet whose first row has the headers ${p.req.identifyBy.join(", ")} (sheets: ${sheetNames.join(", ")})`,
      );
    }
  }
  const every = new Map(pending.filter((p) => p.req.all === true).map((p) => [p.req.key, p.every]));
  return { tables: out, package: pkg, journalIds, every };
}

async function readSheet(
  pkg: WorkbookPackage,
  entry: Parameters<typeof readSheetRows>[1],
  options: SheetReadOptions,
  pending: Pending[],
  journalIds: Map<string, string>,
  progress?: ReadProgress,
  totalsRows?: ReadonlySet<number>,
): Promise<void> {
  const name = options.sheet;
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
  await readSheetRows(pkg.zip, entry, options, (rowNumber, values) => {
    if (headerRow === 0) {
      let blank = true;
      for (const v of values) if (v !== undefined && v !== null && v !== "") blank = false;
      if (blank) return true;
      headerRow = rowNumber;
      next = rowNumber + 1;
      const header = Array.from(values, (v) => (v === undefined ? null : v));
      const normalized = header.map((h) => normalizeHeader(String(h ?? "")));
      const set = new Set(normalized);
      // The task pane's letter log keys its rows by LetterId: the same content-derived IDs.
      journalCol = normalized.indexOf("journalid");
      if (journalCol < 0) journalCol = normalized.indexOf("letterid");
      for (const p of pending) {
        const nameRank = p.req.all === true ? sheetRank(p.req, name) : byName.includes(p) ? (sheetRank(p.req, name) as number) : undefined;
        const headerMatch = p.req.identifyBy.every((h) => set.has(h));
        const rank = nameRank ?? (headerMatch ? 1000 : undefined);
        if (rank === undefined || (p.req.all !== true && rank >= p.rank)) continue;
        const cols = normalized.map((h, i) => (h !== "" && (p.req.keep === undefined || p.req.keep(h)) ? i : -1)).filter((i) => i >= 0);
        takers.push({ p, cols, range: [cols.map((i) => header[i])], rank });
      }
      // A sheet nobody wants and without journal IDs is not read further.
      if (takers.length === 0 && journalCol < 0) return false;
      // Only the kept columns (and the journal IDs) are decoded from here on.
      const wanted = new Uint8Array(16384);
      for (const t of takers) for (const c of t.cols) wanted[c] = 1;
      if (journalCol >= 0) wanted[journalCol] = 1;
      options.wanted = wanted;
      return true;
    }
    // A table's totals row is a summary of the rows above it, not a row of the table.
    if (totalsRows?.has(rowNumber) === true) return true;
    if (journalCol >= 0) {
      const id = values[journalCol];
      if (id !== null && id !== undefined && String(id).trim() !== "" && !journalIds.has(String(id).trim())) journalIds.set(String(id).trim(), name);
    }
    if (takers.length === 0) return true;
    // Rows the sheet does not hold (blank rows) keep the numbering the user sees.
    while (next < rowNumber) {
      for (const t of takers) t.range.push([]);
      next++;
    }
    for (const t of takers) {
      const cols = t.cols;
      const out = new Array<unknown>(cols.length);
      for (let k = 0; k < cols.length; k++) out[k] = values[cols[k] as number] ?? null;
      t.range.push(out);
    }
    next++;
    if (progress !== undefined && ++count % 100000 === 0) progress(name, count);
    return true;
  });
  for (const t of takers) {
    const table = { sheet: name, headerRow, range: t.range, dateSystem: options.dateSystem };
    if (t.p.req.all === true) {
      t.p.every.push(table);
      continue;
    }
    t.p.rank = t.rank;
    t.p.table = table;
  }
}
