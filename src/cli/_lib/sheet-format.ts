/**
 * How every sheet the CLI writes looks, decided by the writer from the sheet's header and values so
 * that every command's output gets it without asking: each column is a date, an amount, an ID, a
 * count, a rate or text; amounts take the decimals of the row's currency (the currency column that
 * belongs to them: `AccountingAmount` -> `AccountingCurrency`, `OrderAmount` -> `OrderCurrency`, else
 * `Currency`); IDs are text cells with the text format; widths fit the longest value; journals get a
 * totals row for the amount columns whose currency is the same on every row (a balanced journal
 * shows 0 there). Pure: rows in, a plan out.
 */
import { currencyExponent } from "../../domain/money";
import { normalizeHeader } from "../../workbook/table";
import type { OutCell, OutputSheet } from "./sheet-xml";

export type ColumnKind = "text" | "id" | "date" | "money" | "integer" | "rate" | "percent";

export interface ColumnPlan {
  readonly kind: ColumnKind;
  /** For money: the column holding each row's currency, if any. */
  readonly currencyColumn?: number;
  /** For money with no currency column: the decimals to show. */
  readonly decimals?: number;
  /** Width in characters (Excel's column width unit). */
  readonly width: number;
  /** The totals row's value (a sum, in major units) when this column is totalled. */
  readonly total?: number;
  /** The decimals of the totals row's value (its currency's). */
  readonly totalDecimals?: number;
}

export interface SheetPlan {
  readonly columns: readonly ColumnPlan[];
  /** The header is a valid Excel table header (distinct, non-blank text): the sheet becomes a table. */
  readonly table: boolean;
  /** A totals row follows the data ("Total" in the first column, sums below the totalled columns). */
  readonly totals: boolean;
}

const ID = /(^|[^a-z])(id|no|number)$|^(customer|voucher|offsetvoucher|invoice|order|journalid|linkid|lineid|correctsjournalid|account|reference|paymentreference|customerid|taxaccount|taxcode|postingprofile|dimension)$/;
const DATE = /date$|^asof$|^date|serial$/;
const MONEY = /amount|balance|debit|credit|^total|fee|interest|limit|exposure|available|^notdue$|^over\d+$|^\d+$|^open|^paid|writeoff|principal|outstanding|value$|expected|overdue$|forecast/;
const PERCENT = /pct$|percent$|share$|^ontime$|^late$|^verylate$|probability/;
const RATE = /rate$|^rate|score|ratio|dso|days|^line$|count$|^count|items$|^rank$|^week$|^year$/;
const CURRENCY = /currency$/;

/** What a column's numbers are, gathered in one pass over the rows. */
interface NumberStats {
  /** How many of the values are numbers (NaN and infinities included). */
  readonly count: number;
  /** Every number is an integer. */
  readonly integers: boolean;
  /** Every number is an integer serial of a date Excel can show (1 to 2958465). */
  readonly serials: boolean;
}

function classify(header: string, numbers: NumberStats, isDate: boolean): ColumnKind {
  const h = normalizeHeader(header);
  if (isDate) return "date";
  if (ID.test(h)) return "id";
  if (numbers.count === 0) return "text";
  if (DATE.test(h) && numbers.serials) return "date";
  if (PERCENT.test(h)) return "percent";
  if (RATE.test(h)) return numbers.integers ? "integer" : "rate";
  if (MONEY.test(h) || isCurrencyCode(header)) return "money";
  return numbers.integers ? "integer" : "rate";
}

/** A header that is a currency code ("SEK") heads amounts in that currency. */
function isCurrencyCode(header: string): boolean {
  return /^[A-Z]{3}$/.test(header) && currencyExponent(header) !== undefined;
}

/** The currency column that belongs to an amount column: same prefix first, then plain `Currency`. */
function currencyColumnFor(header: string, headers: readonly string[]): number | undefined {
  const h = normalizeHeader(header);
  const normalized = headers.map((x) => normalizeHeader(x));
  for (const prefix of ["accounting", "order", "statement", "payment", "invoice"]) {
    if (h.startsWith(prefix)) {
      const i = normalized.indexOf(`${prefix}currency`);
      if (i >= 0) return i;
    }
  }
  const plain = normalized.indexOf("currency");
  if (plain >= 0) return plain;
  const any = normalized.findIndex((x) => CURRENCY.test(x));
  return any >= 0 ? any : undefined;
}

/** Decimals for a currency code cell (2 when unknown or blank). */
export function decimalsOf(currency: OutCell): number {
  return typeof currency === "string" && currency.trim() !== "" ? (currencyExponent(currency.trim()) ?? 2) : 2;
}

/**
 * `decimalsOf`, remembering each currency cell's text: a journal column holds a handful of codes
 * over hundreds of thousands of rows.
 */
export function decimalsCache(): (currency: OutCell) => number {
  const known = new Map<string, number>();
  return (currency) => {
    if (typeof currency !== "string") return 2;
    let d = known.get(currency);
    if (d === undefined) {
      d = decimalsOf(currency);
      known.set(currency, d);
    }
    return d;
  };
}

/** Characters Excel shows two columns wide (CJK, Hangul, full-width forms). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** The longest line of a text (lines end at LF or CRLF), in characters, wide ones counting double. */
function textWidth(v: string): number {
  let longest = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code < 0x1100) {
      if (code === 10) {
        if (i > 0 && v.charCodeAt(i - 1) === 13) n--; // the CR of a CRLF is part of the break
        if (n > longest) longest = n;
        n = 0;
      } else n++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      const prev = i > 0 ? v.charCodeAt(i - 1) : 0;
      if (!(prev >= 0xd800 && prev <= 0xdbff)) n++; // the second half of a pair is the same character
    } else n += isWide(code) ? 2 : 1;
  }
  return n > longest ? n : longest;
}

/** The text a cell shows, for widths: numbers with separators and decimals, dates as yyyy-mm-dd. */
function shownLength(v: OutCell, kind: ColumnKind, decimals: number): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") {
    if (kind === "date") return 10;
    if (kind === "percent") return (v * 100).toFixed(1).length + 1;
    if (kind === "money" || kind === "integer") {
      // Digits counted, not printed: the integer part's digits and the decimals, unless rounding to
      // `places` could carry into one more digit (then toFixed decides, below).
      const a = v < 0 ? -v : v;
      const places = kind === "money" ? decimals : 0;
      if (a < 1e15 && places >= 0 && places <= 20) {
        let digits = 1;
        let next = 10;
        while (next <= a) {
          digits++;
          next *= 10;
        }
        if (next - a > 1 / 10 ** places) return digits + (places > 0 ? places + 1 : 0) + Math.floor((digits - 1) / 3) + (v < 0 ? 1 : 0);
      }
    }
    const places = kind === "money" ? decimals : kind === "integer" ? 0 : Math.min(4, (String(v).split(".")[1] ?? "").length);
    const fixed = Math.abs(v).toFixed(places);
    const dot = fixed.indexOf(".");
    const intDigits = dot < 0 ? fixed.length : dot;
    return fixed.length + Math.floor((intDigits - 1) / 3) + (v < 0 ? 1 : 0);
  }
  if (typeof v === "boolean") return 5;
  return textWidth(v);
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Room for the filter button beside a header. */
const FILTER_BUTTON = 3;

/**
 * The plan of a sheet whose rows are an array (header first).
 * @example planSheet({ name: "S", rows: [["Customer", "Amount", "Currency"], ["C1", 1.5, "JPY"]] }).columns.map((c) => c.kind) // ["id", "money", "text"]
 */
export function planSheet(sheet: OutputSheet & { readonly rows: readonly (readonly OutCell[])[] }): SheetPlan {
  const rows = sheet.rows;
  const header = (rows[0] ?? []).map((h) => (typeof h === "string" ? h : h === null || h === undefined ? "" : String(h)));
  const data = rows.slice(1);
  let width = header.length;
  for (const r of data) if (r.length > width) width = r.length;
  const dates = new Set(sheet.dateColumns ?? []);
  const normalized = new Set<string>();
  let table = header.length > 0 && header.length === width;
  for (let i = 0; i < width; i++) {
    const raw = rows[0]?.[i];
    const name = (header[i] ?? "").trim().toLowerCase();
    if (typeof raw !== "string" || name === "" || normalized.has(name)) table = false;
    normalized.add(name);
  }
  const journal = header.some((h) => normalizeHeader(h) === "journalid");
  const decimals = decimalsCache();
  // Every pass goes over the rows, each row's cells together (a pass per column over hundreds of
  // thousands of rows was cache misses, not work), and allocates nothing per row.
  // First: what each column's numbers are, for its kind.
  const counts = new Float64Array(width);
  const fractional = new Uint8Array(width);
  const notSerial = new Uint8Array(width);
  for (let k = 0; k < data.length; k++) {
    const r = data[k] as readonly OutCell[];
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (typeof v !== "number") continue;
      counts[i] = (counts[i] as number) + 1;
      if (!Number.isInteger(v)) fractional[i] = notSerial[i] = 1;
      else if (!(v > 0 && v < 2958466)) notSerial[i] = 1;
    }
  }
  const kinds: ColumnKind[] = [];
  const owns: (number | undefined)[] = [];
  const currencyColumns: (number | undefined)[] = [];
  /** The widest shown value so far, by column; past MAX_WIDTH - 2 a column is done. */
  const longest = new Float64Array(width);
  for (let i = 0; i < width; i++) {
    const kind = classify(header[i] ?? "", { count: counts[i] as number, integers: fractional[i] === 0, serials: notSerial[i] === 0 }, dates.has(i));
    const own = kind === "money" && isCurrencyCode(header[i] ?? "") ? decimalsOf(header[i]) : undefined;
    kinds.push(kind);
    owns.push(own);
    currencyColumns.push(kind === "money" && own === undefined ? currencyColumnFor(header[i] ?? "", header) : undefined);
    longest[i] = shownLength(header[i] ?? "", "text", 0) + (table || data.length > 0 ? FILTER_BUTTON : 0);
  }
  // Second: widths, and the currencies of the amount columns a journal may total.
  const totalled = kinds.map((kind) => journal && kind === "money");
  const anyTotalled = totalled.includes(true);
  /** The one currency seen so far in an amount column's currency column (undefined: none yet). */
  const currencyOf: OutCell[] = new Array<OutCell>(width);
  const mixed = new Uint8Array(width);
  for (let k = 0; k < data.length; k++) {
    const r = data[k] as readonly OutCell[];
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      const wide = longest[i] as number;
      // Past the widest a column gets, no value can widen it; a text cannot show wider than twice its length.
      if (wide + 2 >= MAX_WIDTH || v === null || v === undefined || (typeof v === "string" && v.length * 2 <= wide)) continue;
      const kind = kinds[i] as ColumnKind;
      const cc = currencyColumns[i];
      const n = shownLength(v, kind, kind !== "money" ? 0 : cc === undefined ? (owns[i] ?? 2) : decimals(r[cc]));
      if (n > wide) longest[i] = n;
    }
    if (anyTotalled) for (let i = 0; i < width; i++) {
      if (totalled[i] !== true || mixed[i] === 1) continue;
      const cc = currencyColumns[i];
      const c = cc === undefined ? undefined : r[cc];
      if (c === null || c === undefined || c === "") continue;
      const seen = currencyOf[i];
      if (seen === undefined) currencyOf[i] = c;
      else if (seen !== c && !(seen !== seen && c !== c)) mixed[i] = 1; // as a Set compares (NaN is NaN)
    }
  }
  const columns: ColumnPlan[] = [];
  let totals = false;
  for (let i = 0; i < width; i++) {
    const kind = kinds[i] as ColumnKind;
    const own = owns[i];
    const currencyColumn = currencyColumns[i];
    let wide = longest[i] as number;
    let total: number | undefined;
    let totalDecimals: number | undefined;
    if (totalled[i] === true && mixed[i] === 0 && data.length > 0) {
      const places = currencyColumn === undefined ? (own ?? 2) : decimalsOf(currencyOf[i]);
      totalDecimals = places;
      // The sum of exact minor units, in row order.
      const scale = 10 ** places;
      let minor = 0;
      for (let k = 0; k < data.length; k++) {
        const v = (data[k] as readonly OutCell[])[i];
        if (typeof v === "number" && Number.isFinite(v)) minor += Math.round(v * scale);
      }
      total = minor / scale;
      wide = Math.max(wide, shownLength(total, kind, places));
      totals = true;
    }
    columns.push({
      kind,
      ...(currencyColumn === undefined ? {} : { currencyColumn }),
      ...(kind === "money" && currencyColumn === undefined ? { decimals: own ?? 2 } : {}),
      width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, wide + 2)),
      ...(total === undefined || totalDecimals === undefined ? {} : { total, totalDecimals }),
    });
  }
  if (totals && columns[0] !== undefined && columns[0].total === undefined) columns[0] = { ...columns[0], width: Math.max(columns[0].width, 8) };
  return { columns, table: table && rows.length > 0, totals: totals && table && columns[0]?.total === undefined };
}
