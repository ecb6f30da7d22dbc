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

function classify(header: string, values: readonly OutCell[], isDate: boolean): ColumnKind {
  const h = normalizeHeader(header);
  if (isDate) return "date";
  if (ID.test(h)) return "id";
  const numbers = values.filter((v) => typeof v === "number");
  if (numbers.length === 0) return "text";
  if (DATE.test(h) && numbers.every((n) => Number.isInteger(n) && n > 0 && n < 2958466)) return "date";
  if (PERCENT.test(h)) return "percent";
  if (RATE.test(h)) return numbers.every((n) => Number.isInteger(n)) ? "integer" : "rate";
  if (MONEY.test(h) || isCurrencyCode(header)) return "money";
  return numbers.every((n) => Number.isInteger(n)) ? "integer" : "rate";
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

/** The text a cell shows, for widths: numbers with separators and decimals, dates as yyyy-mm-dd. */
function shownLength(v: OutCell, kind: ColumnKind, decimals: number): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") {
    if (kind === "date") return 10;
    if (kind === "percent") return (v * 100).toFixed(1).length + 1;
    const fixed = Math.abs(v).toFixed(kind === "money" ? decimals : kind === "integer" ? 0 : Math.min(4, (String(v).split(".")[1] ?? "").length));
    const intDigits = fixed.split(".")[0]?.length ?? 1;
    return fixed.length + Math.floor((intDigits - 1) / 3) + (v < 0 ? 1 : 0);
  }
  if (typeof v === "boolean") return 5;
  // The longest line of a multi-line text; wide characters count double.
  let longest = 0;
  for (const line of v.split(/\r?\n/)) {
    let n = 0;
    for (const ch of line) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    longest = Math.max(longest, n);
  }
  return longest;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Room for the filter button beside a header. */
const FILTER_BUTTON = 3;

/** Round a sum of major units to `decimals` (the sum of exact minor units, not of floats). */
function sumMajor(values: readonly number[], decimals: number): number {
  const scale = 10 ** decimals;
  let minor = 0;
  for (const v of values) minor += Math.round(v * scale);
  return minor / scale;
}

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
  const columns: ColumnPlan[] = [];
  let totals = false;
  for (let i = 0; i < width; i++) {
    const values = data.map((r) => r[i]);
    const kind = classify(header[i] ?? "", values, dates.has(i));
    const own = kind === "money" && isCurrencyCode(header[i] ?? "") ? decimalsOf(header[i]) : undefined;
    const currencyColumn = kind === "money" && own === undefined ? currencyColumnFor(header[i] ?? "", header) : undefined;
    const decimalsAt = (r: readonly OutCell[]): number => (currencyColumn === undefined ? (own ?? 2) : decimalsOf(r[currencyColumn]));
    let longest = shownLength(header[i] ?? "", "text", 0) + (table || data.length > 0 ? FILTER_BUTTON : 0);
    for (const r of data) longest = Math.max(longest, shownLength(r[i], kind, decimalsAt(r)));
    let total: number | undefined;
    let totalDecimals: number | undefined;
    if (journal && kind === "money") {
      const currencies = new Set(currencyColumn === undefined ? [] : data.map((r) => r[currencyColumn]).filter((c) => c !== null && c !== undefined && c !== ""));
      if (currencies.size <= 1 && data.length > 0) {
        const decimals = currencyColumn === undefined ? (own ?? 2) : decimalsOf([...currencies][0]);
        totalDecimals = decimals;
        total = sumMajor(values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)), decimals);
        longest = Math.max(longest, shownLength(total, kind, decimals));
        totals = true;
      }
    }
    columns.push({
      kind,
      ...(currencyColumn === undefined ? {} : { currencyColumn }),
      ...(kind === "money" && currencyColumn === undefined ? { decimals: own ?? 2 } : {}),
      width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)),
      ...(total === undefined || totalDecimals === undefined ? {} : { total, totalDecimals }),
    });
  }
  if (totals && columns[0] !== undefined && columns[0].total === undefined) columns[0] = { ...columns[0], width: Math.max(columns[0].width, 8) };
  return { columns, table: table && rows.length > 0, totals: totals && table && columns[0]?.total === undefined };
}
