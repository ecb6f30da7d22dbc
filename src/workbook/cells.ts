/**
 * Cell readers for one row of a matched table. Each reader parses one cell through the engine's
 * single parsers (money, dates) and records an error naming the row and column instead of
 * guessing. A reader returns `undefined` for a blank optional cell or a bad cell.
 */
import { type DateSystem, parseDate } from "../domain/dates";
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import { currencyExponent, NO_CURRENCY, parseMoney } from "../domain/money";
import { isBlank, MAX_ERRORS, type MatchedTable, normalizeHeader, trimBlankRows } from "./table";

export interface ReadOptions {
  readonly dateSystem?: DateSystem;
  /** Round amounts with too many decimals instead of refusing them (option RoundAmounts). */
  readonly roundAmounts?: boolean;
}

export class RowReader {
  row: readonly unknown[] = [];
  rowNumber = 0;
  readonly errors: CcError[] = [];
  private readonly dateSystem: DateSystem;
  private readonly roundAmounts: boolean;

  constructor(
    readonly table: MatchedTable,
    options: ReadOptions = {},
  ) {
    this.dateSystem = options.dateSystem ?? "1900";
    this.roundAmounts = options.roundAmounts ?? false;
  }

  /** Point the reader at data row `i` (0-based below the header). */
  at(i: number): this {
    this.row = this.table.rows[i] ?? [];
    this.rowNumber = this.table.firstDataRow + i;
    return this;
  }

  has(key: string): boolean {
    return this.table.index.has(key);
  }

  cell(key: string): unknown {
    const i = this.table.index.get(key);
    return i === undefined ? undefined : this.row[i];
  }

  blank(key: string): boolean {
    return isBlank(this.cell(key));
  }

  error(key: string, code: string, message: string): undefined {
    this.errors.push(
      ccError(code, message, { table: this.table.name, row: this.rowNumber, column: this.table.headerOf.get(key) ?? key }),
    );
    return undefined;
  }

  /** Text, trimmed; numbers become their digits (customer 2050 -> "2050"). */
  text(key: string, required = false): string | undefined {
    const v = this.cell(key);
    if (isBlank(v)) return required ? this.error(key, `${snake(key)}_must_not_be_blank`, "is blank") : undefined;
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v).trim();
  }

  money(key: string, exponent: number, required = false): number | undefined {
    const v = this.cell(key);
    if (isBlank(v)) return required ? this.error(key, `${snake(key)}_must_not_be_blank`, "is blank") : undefined;
    const parsed = parseMoney(v, exponent, this.roundAmounts);
    if (parsed.ok) return parsed.minor;
    return this.error(key, `${snake(key)}_must_be_an_amount`, parsed.reason);
  }

  date(key: string, required = false): number | undefined {
    const v = this.cell(key);
    if (isBlank(v)) return required ? this.error(key, `${snake(key)}_must_not_be_blank`, "is blank") : undefined;
    const parsed = parseDate(v, this.dateSystem);
    if (parsed.ok) return parsed.serial;
    return this.error(key, `${snake(key)}_must_be_a_date`, parsed.reason);
  }

  /**
   * The row's currency: the code in upper case ("" when blank or when the range has no Currency
   * column: one unnamed 2-decimal currency) and its exponent. An unknown code is an error, and its
   * exponent is undefined: we never guess a precision.
   */
  currency(key = "currency"): { code: string; exponent: number | undefined } {
    const code = (this.text(key) ?? NO_CURRENCY).toUpperCase();
    const exponent = currencyExponent(code);
    if (exponent === undefined) this.unknownCurrency(code, key);
    return { code, exponent };
  }

  /** Record that `code` is not a currency whose precision we know. */
  unknownCurrency(code: string, key = "currency"): undefined {
    return this.error(key, "currency_must_be_known", `'${code}' is not an ISO 4217 currency code with a known precision`);
  }

  /** A plain number (not money): days, months, points. */
  number(key: string, required = false): number | undefined {
    const v = this.cell(key);
    if (isBlank(v)) return required ? this.error(key, `${snake(key)}_must_not_be_blank`, "is blank") : undefined;
    const n = toNumber(v);
    if (n === undefined) return this.error(key, `${snake(key)}_must_be_a_number`, `'${String(v)}' is not a number`);
    return n;
  }

  /** A percent in percent points: 2 and "2%" both mean 2 %. */
  percent(key: string, required = false): number | undefined {
    const v = this.cell(key);
    if (isBlank(v)) return required ? this.error(key, `${snake(key)}_must_not_be_blank`, "is blank") : undefined;
    const n = toNumber(typeof v === "string" ? v.replace(/%\s*$/, "") : v);
    if (n === undefined) return this.error(key, `${snake(key)}_must_be_a_percent`, `'${String(v)}' is not a percent`);
    if (n < 0 || n > 100) return this.error(key, `${snake(key)}_must_be_a_percent`, `${n} is not between 0 and 100`);
    return n;
  }

  /** TRUE/FALSE, Yes/No, Y/N, 1/0, Ja/Nej/Nei; blank is false. */
  bool(key: string): boolean {
    const v = this.cell(key);
    if (isBlank(v)) return false;
    const b = parseBool(v);
    if (b === undefined) {
      this.error(key, `${snake(key)}_must_be_yes_or_no`, `'${String(v)}' is not yes or no`);
      return false;
    }
    return b;
  }

  /** One of `values`, matched like headers (case, spaces); aliases map other words to a value. */
  choice<T extends string>(key: string, values: readonly T[], aliases: Readonly<Record<string, T>> = {}): T | undefined {
    const v = this.cell(key);
    if (isBlank(v)) return undefined;
    const found = matchChoice(String(v), values, aliases);
    if (found === undefined) {
      return this.error(key, `${snake(key)}_must_be_one_of`, `'${String(v)}' is not one of ${values.join(", ")}`);
    }
    return found;
  }

  /** The extra (unknown) columns of this row, by original header. */
  extras(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { header, index } of this.table.extras) out[header] = this.row[index];
    return out;
  }
}

export function matchChoice<T extends string>(
  text: string,
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
): T | undefined {
  const n = normalizeHeader(text);
  for (const value of values) if (normalizeHeader(value) === n) return value;
  for (const [alias, value] of Object.entries(aliases)) if (normalizeHeader(alias) === n) return value;
  return undefined;
}

export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? Number(v.toPrecision(15)) : undefined;
  if (typeof v === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(v)) return Number(v);
  return undefined;
}

export function parseBool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === 1) return true;
  if (v === 0) return false;
  if (typeof v !== "string") return undefined;
  const t = v.trim().toLowerCase();
  if (["true", "yes", "y", "1", "ja", "j", "x", "on"].includes(t)) return true;
  if (["false", "no", "n", "0", "nej", "nei", "off", ""].includes(t)) return false;
  return undefined;
}

function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/**
 * Open a matched table for reading (trailing blank rows dropped) and read every data row with
 * `read`, which pushes what it makes of the row to `out` (or nothing, after recording an error).
 * Reading stops after MAX_ERRORS errors; any error fails the whole table. This is the loop every
 * range reader shares.
 */
export function readEachRow<T>(
  matched: MatchedTable,
  options: ReadOptions,
  read: (r: RowReader, out: T[]) => void,
): Result<T[]> {
  const table = { ...matched, rows: trimBlankRows(matched.rows) };
  const r = new RowReader(table, options);
  const out: T[] = [];
  for (let i = 0; i < table.rows.length && r.errors.length < MAX_ERRORS; i++) read(r.at(i), out);
  return r.errors.length > 0 ? fail(...r.errors) : ok(out);
}
