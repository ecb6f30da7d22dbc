/**
 * The one writer of CLI cell values: every value any command puts into a cell goes through
 * `cellXml`. Text is always an inline string cell (`t="inlineStr"`), so a ledger value such as
 * `=HYPERLINK(...)`, `+1`, `-5`, `@SUM(1)`, `00123` or `1e5` stays the text it was: never a
 * formula, never a number. Numbers are number cells, booleans boolean cells, and date columns
 * number cells with a date style, in the workbook's date system.
 */
import { OFFSET_1904, type DateSystem } from "../../domain/dates";
import { CliError } from "./cli-error";
import { decimalsCache, type SheetPlan } from "./sheet-format";

export type OutCell = string | number | boolean | null | undefined;

export interface OutputSheet {
  readonly name: string;
  /** Header row first. */
  readonly rows: Iterable<readonly OutCell[]>;
  /** 0-based indexes of the columns whose numbers are date serials (written as dates). */
  readonly dateColumns?: readonly number[];
  readonly chart?: ChartSpec;
  /**
   * The header row as shown, when it differs from `rows[0]` (e.g. in Swedish): formats, totals and
   * checks are decided from `rows[0]`, the names people read are these.
   */
  readonly header?: readonly OutCell[];
}

/**
 * A native chart of the sheet's own table (DrawingML, a clustered column chart): categories are the
 * values of `categoryColumn` on the data rows, and each of `seriesColumns` is a series named by its
 * header. It is drawn to the right of the table.
 */
export interface ChartSpec {
  readonly title: string;
  readonly categoryColumn: number;
  readonly seriesColumns: readonly number[];
  /** The value axis' title, e.g. "Amount (currency units)". */
  readonly valueAxisTitle?: string;
}

/** Style indexes (cellXfs); 0 = the workbook's default style. */
export interface SheetStyles {
  readonly header: number;
  readonly date: number;
  /** Text format (@): IDs stay text when edited. */
  readonly text: number;
  readonly integer: number;
  readonly percent: number;
  /** Amounts with 0, 1, 2, 3 and 4 decimals and thousands separators. */
  readonly money: readonly number[];
  readonly totalLabel: number;
  readonly totalMoney: readonly number[];
}

export const PLAIN_STYLES: SheetStyles = { header: 0, date: 0, text: 0, integer: 0, percent: 0, money: [0, 0, 0, 0, 0], totalLabel: 0, totalMoney: [0, 0, 0, 0, 0] };

export const MAX_ROWS = 1048576;

export function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

// XML 1.0 cannot hold most control characters; Excel writes them as _xHHHH_ (and a literal
// "_xHHHH_" as "_x005F_xHHHH_"). Tab, LF and CR are legal but CR and tab would be normalized away
// by XML parsers in some places, so they are written as character references.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;

function escapeChar(ch: string, offset: number, text: string): string {
  switch (ch) {
    case "&":
      return "&amp;";
    case "<":
      return "&lt;";
    case ">":
      return "&gt;";
    case '"':
      return "&quot;";
    case "\t":
      return "&#9;";
    case "\n":
      return "&#10;";
    case "\r":
      return "&#13;";
    case "_":
      return "_x005F_";
    default: {
      const code = ch.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(offset + 1);
        if (next >= 0xdc00 && next <= 0xdfff) return ch; // the first half of a valid pair
        return "\ufffd";
      }
      if (code >= 0xdc00 && code <= 0xdfff) {
        const prev = text.charCodeAt(offset - 1);
        return prev >= 0xd800 && prev <= 0xdbff ? ch : "\ufffd";
      }
      if (code === 0xfffe || code === 0xffff) return "\ufffd";
      return `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
    }
  }
}

/** Text for XML content or a double-quoted attribute. @example escapeXml("a<b") // "a&lt;b" */
export function escapeXml(text: string): string {
  // Most texts need no escape: one pass over the code units decides it.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 38 || c === 60 || c === 62 || c === 34 || c === 95 || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe) return text.replace(SPECIAL, escapeChar);
  }
  return text;
}

/**
 * One cell as SpreadsheetML. Blank values give no cell.
 * @example cellXml("A2", "=1+1", 0) // '<c r="A2" t="inlineStr"><is><t>=1+1</t></is></c>'
 */
export function cellXml(ref: string, value: OutCell, style: number): string {
  const s = style === 0 ? "" : (STYLE_ATTRS[style] ??= ` s="${style}"`);
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") {
    if (Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
    value = String(value);
  }
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  // xml:space="preserve" only where it matters (leading or trailing blanks): it is a fifth of a short cell.
  const space = value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/** ` s="N"` for each style index used, made once. */
const STYLE_ATTRS: string[] = [];

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
const FROZEN_HEADER = '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';

/** Printed (and converted to PDF) landscape, as wide as one page, as many pages down as it takes. */
const FIT_TO_WIDTH = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
const PRINT_SETUP = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

/** Relationship IDs of the sheet's table and drawing parts, when it has them. */
export interface SheetParts {
  readonly tableRelId?: string;
  readonly drawingRelId?: string;
}

function columnsXml(plan: SheetPlan): string {
  if (plan.columns.length === 0) return "";
  return `<cols>${plan.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("")}</cols>`;
}

function clampDecimals(d: number): number {
  return Math.max(0, Math.min(4, d));
}

/** The style and value of a data cell by its column's kind. */
function dataCell(ref: string, v: OutCell, i: number, row: readonly OutCell[], plan: SheetPlan | undefined, dates: ReadonlySet<number>, styles: SheetStyles, shift: number, decimals: (currency: OutCell) => number): string {
  const col = plan?.columns[i];
  if (typeof v === "number" && Number.isFinite(v)) {
    if (dates.has(i) || col?.kind === "date") return cellXml(ref, v - shift, styles.date);
    switch (col?.kind) {
      case "money":
        return cellXml(ref, v, styles.money[clampDecimals(col.currencyColumn === undefined ? (col.decimals ?? 2) : decimals(row[col.currencyColumn]))] ?? 0);
      case "integer":
        return cellXml(ref, v, styles.integer);
      case "percent":
        return cellXml(ref, v, styles.percent);
      case "id":
        return cellXml(ref, String(v), styles.text);
      default:
        return cellXml(ref, v, 0);
    }
  }
  if (col?.kind === "id" && typeof v === "string") return cellXml(ref, v, styles.text);
  return cellXml(ref, v, 0);
}

/**
 * A worksheet part, as text chunks (one per row). Dates are serials of the 1900 system in the
 * rows and are written in `dateSystem`. With a plan (sheet-format.ts) the header is frozen, the
 * columns get widths and number formats, a totals row follows the data, and the sheet refers to its
 * table (or, without one, gets an autofilter) and drawing. Throws past Excel's 1,048,576 rows.
 */
export function* sheetXml(sheet: OutputSheet, styles: SheetStyles, dateSystem: DateSystem, plan?: SheetPlan, parts: SheetParts = {}): Generator<string> {
  yield HEAD + (plan === undefined ? "" : FIT_TO_WIDTH + FROZEN_HEADER + columnsXml(plan)) + "<sheetData>";
  const dates = new Set(sheet.dateColumns ?? []);
  const shift = dateSystem === "1904" ? OFFSET_1904 : 0;
  const refs: string[] = [];
  const decimals = decimalsCache();
  let r = 0;
  let width = 0;
  for (const row of sheet.rows) {
    r++;
    if (r > MAX_ROWS - (plan?.totals === true ? 1 : 0)) throw new CliError(`cannot write sheet '${sheet.name}': it would have more than Excel's ${MAX_ROWS.toLocaleString("en-US")} rows; nothing was written`);
    width = Math.max(width, row.length);
    let xml = `<row r="${r}">`;
    for (let i = 0; i < row.length; i++) {
      const ref = (refs[i] ??= columnName(i)) + r;
      const v = row[i];
      if (r === 1) xml += cellXml(ref, sheet.header?.[i] ?? v, styles.header);
      else if (v !== null && v !== undefined && v !== "") xml += dataCell(ref, v, i, row, plan, dates, styles, shift, decimals);
    }
    yield `${xml}</row>`;
  }
  if (plan?.totals === true) {
    r++;
    let xml = `<row r="${r}">${cellXml(`A${r}`, "Total", styles.totalLabel)}`;
    plan.columns.forEach((c, i) => {
      if (c.total !== undefined) xml += cellXml(`${columnName(i)}${r}`, c.total, styles.totalMoney[clampDecimals(c.totalDecimals ?? 2)] ?? 0);
    });
    yield `${xml}</row>`;
  }
  let tail = "</sheetData>";
  if (plan !== undefined && parts.tableRelId === undefined && r > 1 && width > 0) tail += `<autoFilter ref="A1:${columnName(width - 1)}${r}"/>`;
  if (plan !== undefined) tail += PRINT_SETUP;
  if (parts.drawingRelId !== undefined) tail += `<drawing r:id="${parts.drawingRelId}"/>`;
  if (parts.tableRelId !== undefined) tail += `<tableParts count="1"><tablePart r:id="${parts.tableRelId}"/></tableParts>`;
  yield `${tail}</worksheet>`;
}
