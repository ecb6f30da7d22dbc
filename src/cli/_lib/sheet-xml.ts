/**
 * The one writer of CLI cell values: every value any command puts into a cell is written as
 * `cellXml` gives it (sheet data by `SheetBytes.cell`, which writes the same bytes without the
 * strings; test/cli/sheet-xml.test.ts holds them to it). Text is always an inline string cell
 * (`t="inlineStr"`), so a ledger value such as `=HYPERLINK(...)`, `+1`, `-5`, `@SUM(1)`, `00123`
 * or `1e5` stays the text it was: never a formula, never a number. Numbers are number cells, booleans boolean cells, and date columns
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

/** ASCII text as bytes. */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

const CHUNK = 1 << 20;
const NUM_CLOSE = ascii("</v></c>");
const TEXT_CLOSE = ascii("</t></is></c>");
const PRESERVE = ascii(' xml:space="preserve">');
const ROW_OPEN = ascii('<row r="');
const ROW_CLOSE = ascii("</row>");

/**
 * A sheet's XML written as UTF-8 straight into 1 MB buffers: the bytes `cellXml` would give, cell by
 * cell, without a string per cell, reference or row. Fixed parts are copied from bytes made once per
 * column and style; clean ASCII text (no `&<>"_`, no control character) and numbers are copied code
 * unit by code unit; any other text goes through `escapeXml` and the UTF-8 encoder, and any other
 * value through `cellXml` itself. Full buffers wait in `ready` for the caller to take.
 */
export class SheetBytes {
  /** Allocated at the first write: a full one is passed on, never reused. */
  private buf = Buffer.alloc(0);
  private used = 0;
  /** Filled buffers, in order. */
  ready: Buffer[] = [];
  private readonly cols: Uint8Array[] = [];
  private readonly numOpen: Uint8Array[] = [];
  private readonly textOpen: Uint8Array[] = [];
  private readonly boolOpen: Uint8Array[] = [];
  /** The current row's number, as digits. */
  private row = "";

  /** Make room for `n` more bytes, passing the filled buffer on when it has not. */
  private room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    if (this.used > 0) this.ready.push(this.buf.subarray(0, this.used));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, n));
    this.used = 0;
  }

  private bytes(b: Uint8Array): void {
    const n = b.length;
    if (n >= 16) {
      this.buf.set(b, this.used);
      this.used += n;
      return;
    }
    const buf = this.buf;
    let u = this.used;
    for (let k = 0; k < n; k++) buf[u++] = b[k] as number;
    this.used = u;
  }

  /**
   * `String(value)` of a finite number, as bytes: integers and numbers of whole cents (below 10^13,
   * where the shortest text that reads back as the number is its cents, trailing zeros dropped) by
   * their digits; any other number by `String`.
   */
  private number(value: number): void {
    const a = value < 0 ? -value : value;
    if (a < 1e13) {
      const cents = Math.round(a * 100);
      if (cents / 100 === a) {
        const buf = this.buf;
        if (value < 0) buf[this.used++] = 45; // -
        let whole = Math.floor(cents / 100);
        const frac = cents - whole * 100;
        let digits = 1;
        for (let p = 10; p <= whole; p *= 10) digits++;
        let u = this.used + digits;
        this.used = u;
        do {
          const q = Math.floor(whole / 10);
          buf[--u] = 48 + whole - q * 10;
          whole = q;
        } while (whole > 0);
        if (frac !== 0) {
          const tens = Math.floor(frac / 10);
          const ones = frac - tens * 10;
          buf[this.used++] = 46; // .
          buf[this.used++] = 48 + tens;
          if (ones !== 0) buf[this.used++] = 48 + ones;
        }
        return;
      }
    }
    this.ascii(String(value));
  }

  /** Text known to be ASCII (digits, references), room already made. */
  private ascii(text: string): void {
    const buf = this.buf;
    let u = this.used;
    for (let k = 0; k < text.length; k++) buf[u++] = text.charCodeAt(k);
    this.used = u;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.room(text.length * 3);
    this.used += this.buf.write(text, this.used, "utf8");
  }

  /** Start row `r`: `<row r="N">`. */
  openRow(r: number): void {
    this.row = String(r);
    this.room(24);
    this.bytes(ROW_OPEN);
    this.ascii(this.row);
    this.buf[this.used++] = 34; // "
    this.buf[this.used++] = 62; // >
  }

  closeRow(): void {
    this.room(8);
    this.bytes(ROW_CLOSE);
  }

  /** `<c r="XN` of column `i` in the current row. */
  private ref(i: number): void {
    const col = (this.cols[i] ??= ascii(`<c r="${columnName(i)}`));
    this.bytes(col);
    this.ascii(this.row);
  }

  /** Exactly `cellXml(ref, value, style)` for column `i` of the current row. */
  cell(i: number, value: OutCell, style: number): void {
    if (typeof value === "number" && Number.isFinite(value)) {
      const open = (this.numOpen[style] ??= ascii(`"${style === 0 ? "" : ` s="${style}"`}><v>`));
      // <c r="XFD1048576 (16), the number (at most 25: "-1.2345678901234567e-100"), </v></c> (8)
      this.room(open.length + 56);
      this.ref(i);
      this.bytes(open);
      this.number(value);
      this.bytes(NUM_CLOSE);
    } else if (typeof value === "string" && value !== "") {
      const n = value.length;
      const open = (this.textOpen[style] ??= ascii(`"${style === 0 ? "" : ` s="${style}"`} t="inlineStr"><is><t`));
      // <c r="XFD1048576 (16), xml:space="preserve"> (22), the text if clean, </t></is></c> (13)
      this.room(open.length + n + 64);
      this.ref(i);
      this.bytes(open);
      if (value.charCodeAt(0) <= 32 || value.charCodeAt(n - 1) <= 32) this.bytes(PRESERVE);
      else this.buf[this.used++] = 62; // >
      const buf = this.buf;
      const mark = this.used;
      let u = mark;
      for (let k = 0; k < n; k++) {
        const c = value.charCodeAt(k);
        if (c > 126 || c < 32 || c === 38 || c === 60 || c === 62 || c === 34 || c === 95) {
          u = -1;
          break;
        }
        buf[u++] = c;
      }
      if (u >= 0) this.used = u;
      else {
        this.used = mark;
        this.text(escapeXml(value));
        this.room(16);
      }
      this.bytes(TEXT_CLOSE);
    } else if (typeof value === "boolean") {
      const open = (this.boolOpen[style] ??= ascii(`"${style === 0 ? "" : ` s="${style}"`} t="b"><v>`));
      this.room(open.length + 32);
      this.ref(i);
      this.bytes(open);
      this.buf[this.used++] = value ? 49 : 48;
      this.bytes(NUM_CLOSE);
    } else this.text(cellXml(columnName(i) + this.row, value, style));
  }

  /** The filled buffers and the one being filled; the writer starts afresh. */
  take(): Buffer[] {
    const out = this.ready;
    if (this.used > 0) out.push(this.buf.subarray(0, this.used));
    this.ready = [];
    this.buf = Buffer.alloc(0);
    this.used = 0;
    return out;
  }
}

/** The style and value of a data cell by its column's kind, written to `out`. */
function dataCell(out: SheetBytes, v: OutCell, i: number, row: readonly OutCell[], plan: SheetPlan | undefined, dates: ReadonlySet<number>, styles: SheetStyles, shift: number, decimals: (currency: OutCell) => number): void {
  const col = plan?.columns[i];
  if (typeof v === "number" && Number.isFinite(v)) {
    if (dates.has(i) || col?.kind === "date") return out.cell(i, v - shift, styles.date);
    switch (col?.kind) {
      case "money":
        return out.cell(i, v, styles.money[clampDecimals(col.currencyColumn === undefined ? (col.decimals ?? 2) : decimals(row[col.currencyColumn]))] ?? 0);
      case "integer":
        return out.cell(i, v, styles.integer);
      case "percent":
        return out.cell(i, v, styles.percent);
      case "id":
        return out.cell(i, String(v), styles.text);
      default:
        return out.cell(i, v, 0);
    }
  }
  if (col?.kind === "id" && typeof v === "string") return out.cell(i, v, styles.text);
  return out.cell(i, v, 0);
}

/**
 * A worksheet part, as UTF-8 chunks of about a megabyte. Dates are serials of the 1900 system in the
 * rows and are written in `dateSystem`. With a plan (sheet-format.ts) the header is frozen, the
 * columns get widths and number formats, a totals row follows the data, and the sheet refers to its
 * table (or, without one, gets an autofilter) and drawing. Throws past Excel's 1,048,576 rows.
 */
export function* sheetXml(sheet: OutputSheet, styles: SheetStyles, dateSystem: DateSystem, plan?: SheetPlan, parts: SheetParts = {}): Generator<Buffer> {
  const out = new SheetBytes();
  out.text(HEAD + (plan === undefined ? "" : FIT_TO_WIDTH + FROZEN_HEADER + columnsXml(plan)) + "<sheetData>");
  const dates = new Set(sheet.dateColumns ?? []);
  const shift = dateSystem === "1904" ? OFFSET_1904 : 0;
  const decimals = decimalsCache();
  const last = MAX_ROWS - (plan?.totals === true ? 1 : 0);
  let r = 0;
  let width = 0;
  for (const row of sheet.rows) {
    r++;
    if (r > last) throw new CliError(`cannot write sheet '${sheet.name}': it would have more than Excel's ${MAX_ROWS.toLocaleString("en-US")} rows; nothing was written`);
    if (row.length > width) width = row.length;
    out.openRow(r);
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (r === 1) out.text(cellXml(columnName(i) + r, sheet.header?.[i] ?? v, styles.header));
      else if (v !== null && v !== undefined && v !== "") dataCell(out, v, i, row, plan, dates, styles, shift, decimals);
    }
    out.closeRow();
    if (out.ready.length > 0) {
      yield* out.ready;
      out.ready = [];
    }
  }
  if (plan?.totals === true) {
    r++;
    let xml = `<row r="${r}">${cellXml(`A${r}`, "Total", styles.totalLabel)}`;
    plan.columns.forEach((c, i) => {
      if (c.total !== undefined) xml += cellXml(`${columnName(i)}${r}`, c.total, styles.totalMoney[clampDecimals(c.totalDecimals ?? 2)] ?? 0);
    });
    out.text(`${xml}</row>`);
  }
  let tail = "</sheetData>";
  if (plan !== undefined && parts.tableRelId === undefined && r > 1 && width > 0) tail += `<autoFilter ref="A1:${columnName(width - 1)}${r}"/>`;
  if (plan !== undefined) tail += PRINT_SETUP;
  if (parts.drawingRelId !== undefined) tail += `<drawing r:id="${parts.drawingRelId}"/>`;
  if (parts.tableRelId !== undefined) tail += `<tableParts count="1"><tablePart r:id="${parts.tableRelId}"/></tableParts>`;
  out.text(`${tail}</worksheet>`);
  yield* out.take();
}
