/**
 * Sheet tables -> records. A range arrives as a 2-D array whose first row is the header. Headers
 * match case-insensitively, ignoring spaces, underscores, dots and hyphens, through aliases that
 * include the words of Nordic ledger exports. Column order never matters; unknown columns are kept.
 */
import { ccError, type CcError, type Result, fail, ok } from "../domain/errors";

export interface ColumnSpec {
  /** The record field this column fills. */
  readonly key: string;
  /** The canonical header, used in messages. */
  readonly header: string;
  /** Further accepted headers (the canonical one is always accepted). */
  readonly aliases?: readonly string[];
  readonly required?: boolean;
}

export interface MatchedTable {
  /** Table name used in messages ("transactions"). */
  readonly name: string;
  /** key -> column index, for the columns found. */
  readonly index: ReadonlyMap<string, number>;
  /** Canonical header of each matched key. */
  readonly headerOf: ReadonlyMap<string, string>;
  /** Columns not matched by any spec: original header and index. */
  readonly extras: readonly { readonly header: string; readonly index: number }[];
  /** Data rows (the range without its header row). */
  readonly rows: readonly (readonly unknown[])[];
  /** Row number of the first data row as the user sees it (2 when the header is row 1). */
  readonly firstDataRow: number;
}

/**
 * Whether a header row has the column `spec`, by its header, key or an alias (matched as headers are).
 * @example hasColumn(["Customer", "Sent Date"], { key: "date", header: "Date", aliases: ["SentDate"] }) // true
 */
export function hasColumn(header: readonly unknown[], spec: ColumnSpec): boolean {
  const names = new Set([spec.header, spec.key, ...(spec.aliases ?? [])].map(normalizeHeader));
  return header.some((h) => names.has(normalizeHeader(String(h ?? ""))));
}

/** Lower case, no spaces, underscores, dots or hyphens; Nordic letters folded (ø->o, æ->ae, å->a, ä->a, ö->o). */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s_.\-/]+/g, "")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o");
}

/**
 * Excel's error values as they reach us: as text (`range.values` in the task pane, .xlsx readers)
 * or as an error object (`CustomFunctions.Error` and similar, with a `code`, `errorCode`, `error`
 * or `value` field holding the error text or an ErrorCode name).
 */
export const EXCEL_ERRORS: readonly string[] = [
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
  "#BUSY!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#PYTHON!", "#EXTERNAL!",
];
const EXCEL_ERROR_SET = new Set(EXCEL_ERRORS);
const ERROR_CODE_NAMES: Readonly<Record<string, string>> = {
  nullreference: "#NULL!", divisionbyzero: "#DIV/0!", invalidvalue: "#VALUE!", invalidreference: "#REF!",
  invalidname: "#NAME?", invalidnumber: "#NUM!", notavailable: "#N/A", gettingdata: "#GETTING_DATA",
  spill: "#SPILL!", calc: "#CALC!", busy: "#BUSY!",
};

/**
 * The Excel error a cell holds (`"#REF!"`), or undefined for any other value. A cell holding an
 * error is never text, a number or blank: every reader refuses it, naming table, row and column.
 * @example excelErrorOf("#N/A") // "#N/A"
 * @example excelErrorOf({ code: "#DIV/0!" }) // "#DIV/0!"
 * @example excelErrorOf("#1 customer") // undefined
 */
export function excelErrorOf(cell: unknown): string | undefined {
  if (typeof cell === "string") {
    if (cell.length < 3 || cell.length > 20) return undefined;
    // Most text starts with a printable ASCII character other than '#': then it is no error value,
    // decided without trim() and toUpperCase() (every text cell of a range comes through here).
    const first = cell.charCodeAt(0);
    if (first !== 35 && first > 32 && first < 127) return undefined;
    const t = cell.trim().toUpperCase();
    return t.charCodeAt(0) === 35 && EXCEL_ERROR_SET.has(t) ? t : undefined;
  }
  if (typeof cell !== "object" || cell === null || Array.isArray(cell)) return undefined;
  const o = cell as Record<string, unknown>;
  for (const field of ["code", "errorCode", "error", "value", "type"]) {
    const v = o[field];
    if (typeof v !== "string") continue;
    const asText = excelErrorOf(v);
    if (asText !== undefined) return asText;
    const named = ERROR_CODE_NAMES[v.toLowerCase()];
    if (named !== undefined) return named;
  }
  if (o["type"] === "Error" || (cell instanceof Error)) return "#VALUE!";
  return undefined;
}

/** The error a cell with an Excel error value gets, wherever it is read. */
export function excelErrorCc(shown: string, where: { table?: string; row?: number; column?: string }): CcError {
  return ccError("cell_must_not_be_an_excel_error", { value: shown }, where);
}

/**
 * The Excel errors in a list-like range without a header (options, periods, a priority list): one
 * error per cell, named by the range, the row (1-based) and `columns[j]` (or "column j+1").
 */
export function excelErrorsIn(range: unknown, table: string, columns: readonly string[] = []): CcError[] {
  const rows = Array.isArray(range) ? (range as unknown[]) : [range];
  const out: CcError[] = [];
  rows.forEach((row, i) => {
    (Array.isArray(row) ? (row as unknown[]) : [row]).forEach((cell, j) => {
      const shown = excelErrorOf(cell);
      if (shown !== undefined && out.length < MAX_ERRORS) out.push(excelErrorCc(shown, { table, row: i + 1, column: columns[j] ?? `column ${j + 1}` }));
    });
  });
  return out;
}

/**
 * Text that every reader keeps as it is and none refuses: it starts and ends with a printable ASCII
 * character (so `trim()` changes nothing) and does not start with `#` (never an Excel error value).
 * The fast paths of the columnar readers take such a cell without the general reader.
 * @example plainText("C-1001") // true
 * @example plainText(" C-1001") // false
 * @example plainText("#N/A") // false
 */
export function plainText(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const n = v.length;
  if (n === 0) return false;
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(n - 1);
  return first > 32 && first < 127 && first !== 35 && last > 32 && last < 127;
}

export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Is this value a 2-D array (a range)? */
export function isRange(value: unknown): value is unknown[][] {
  if (!Array.isArray(value)) return false;
  // A plain loop over a full sheet's rows; `every` (which skips the holes of a sparse array) decides
  // only when some element is not an array.
  for (let i = 0; i < value.length; i++) if (!Array.isArray(value[i])) return value.every((row) => Array.isArray(row));
  return true;
}

/**
 * Match the header row of `range` against `specs`.
 * Errors: a range that is not 2-D or has no header, a required column missing, two headers that
 * both match one column.
 */
export function matchTable(range: unknown, specs: readonly ColumnSpec[], name: string, headerRow = 1, rowsChecked: "all" | "by caller" = "all"): Result<MatchedTable> {
  // "by caller": only the header row's shape is checked here; the caller walks every row anyway and
  // checks each is an array as it goes (`isRow`), returning `notARange` for the first that is not,
  // which is what this check would have returned. A header error is only returned once the whole
  // range is proved 2-D, as here.
  const shapeOk = rowsChecked === "all" ? isRange(range) : Array.isArray(range) && (range.length === 0 || isRow(range, 0));
  if (!shapeOk || (range as unknown[]).length === 0) {
    return fail(notARange(name));
  }
  const checked = matchHeader(range as unknown[][], specs, name, headerRow);
  if (!checked.ok && rowsChecked === "by caller" && !isRange(range)) return fail(notARange(name));
  return checked;
}

/** The error of a range that is not 2-D (a row that is not an array) or has no header row. */
export function notARange(name: string): CcError {
  return ccError("range_must_have_a_header_row", { case: "range" }, { table: name });
}

/**
 * Is `rows[i]` a row as `isRange` accepts it: an array, or a hole of a sparse array (which
 * `isRange`'s `every` skips and a reader reads as blank)?
 * @example isRow([["a"], "b"], 1) // false
 */
export function isRow(rows: readonly unknown[], i: number): boolean {
  const row = rows[i];
  return Array.isArray(row) || (row === undefined && !(i in rows));
}

function matchHeader(range: unknown[][], specs: readonly ColumnSpec[], name: string, headerRow: number): Result<MatchedTable> {
  const header = range[0] ?? [];
  const lookup = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    for (const alias of [spec.header, spec.key, ...(spec.aliases ?? [])]) lookup.set(normalizeHeader(alias), spec);
  }
  const index = new Map<string, number>();
  const headerOf = new Map<string, string>();
  const extras: { header: string; index: number }[] = [];
  const errors: CcError[] = [];
  header.forEach((cell, i) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    const spec = lookup.get(normalizeHeader(text));
    if (spec === undefined) {
      extras.push({ header: text, index: i });
      return;
    }
    const previous = index.get(spec.key);
    if (previous !== undefined) {
      errors.push(
        ccError(
          "column_must_appear_once",
          { first: String(header[previous]), second: text, column: spec.header },
          { table: name, row: headerRow, column: spec.header },
        ),
      );
      return;
    }
    index.set(spec.key, i);
    headerOf.set(spec.key, spec.header);
  });
  for (const spec of specs) {
    if (spec.required === true && !index.has(spec.key)) {
      const accepted = [spec.header, ...(spec.aliases ?? []).slice(0, 3)].join(", ");
      errors.push(
        ccError("required_column_missing", { column: spec.header, accepted }, {
          table: name,
          row: headerRow,
          column: spec.header,
        }),
      );
    }
  }
  if (errors.length > 0) return fail(...errors);
  return ok({ name, index, headerOf, extras, rows: range.slice(1), firstDataRow: headerRow + 1 });
}

/** Most errors an adapter collects before it stops reading: enough to fix a sheet, not a flood. */
export const MAX_ERRORS = 50;

/**
 * Drop trailing rows that are entirely blank (a range selected past the data). A trailing element
 * that is not a row (matchTable's "by caller" ranges are not yet checked) is kept, for the reader
 * to refuse.
 */
export function trimBlankRows(rows: readonly (readonly unknown[])[]): readonly (readonly unknown[])[] {
  let end = rows.length;
  while (end > 0 && isRow(rows, end - 1) && (rows[end - 1] ?? []).every(isBlank)) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}
