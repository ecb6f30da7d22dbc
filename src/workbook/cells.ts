/**
 * Cell readers for one row of a matched table. Each reader parses one cell through the engine's
 * single parsers (money, dates) and records an error naming the row and column instead of
 * guessing. A reader returns `undefined` for a blank optional cell or a bad cell.
 */
import { type ColumnCheck, type ColumnKey, columnCode } from "../domain/column-codes";
import { type DateSystem, parseDate } from "../domain/dates";
import { ccError, type CcError, type ErrorCode, fail, ok, type Result } from "../domain/errors";
import type { MessageParams, TemplatedCode } from "../domain/messages";
import { currencyExponent, MAX_MINOR, NO_CURRENCY, parseMoney } from "../domain/money";
import { excelErrorCc, excelErrorOf, isBlank, MAX_ERRORS, type MatchedTable, normalizeHeader, trimBlankRows } from "./table";

/** What a reader gets for a cell holding an Excel error: the error is recorded, the value unusable. */
const BAD: unique symbol = Symbol("excel error");

/** A column key with a code for check `C` and one for a blank cell: what a reader that may require the cell takes. */
type Blankable<C extends Exclude<ColumnCheck, "blank">> = ColumnKey<C> & ColumnKey<"blank">;

/** Bounds of a plain number: whole, at least, at most. */
export interface NumberBounds {
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
}

export interface ReadOptions {
  readonly dateSystem?: DateSystem;
  /** Round amounts with too many decimals instead of refusing them (option RoundAmounts). */
  readonly roundAmounts?: boolean;
}

export class RowReader {
  row: readonly unknown[] = [];
  rowNumber = 0;
  readonly errors: CcError[] = [];
  /** Keys whose Excel error was already reported on `reportedRow` (one error per cell). */
  private reported = new Set<string>();
  private reportedRow = -1;
  /** Per money column, the sum of the magnitudes read so far (see `tally`). */
  private readonly magnitudes = new Map<string, number>();
  private readonly dateSystem: DateSystem;
  private readonly roundAmounts: boolean;

  constructor(
    readonly table: MatchedTable,
    options: ReadOptions = {},
  ) {
    this.dateSystem = options.dateSystem ?? "1900";
    this.roundAmounts = options.roundAmounts ?? false;
  }

  /** Point the reader at data row `i` (0-based below the header); an Excel error anywhere in it is recorded. */
  at(i: number): this {
    this.row = this.table.rows[i] ?? [];
    this.rowNumber = this.table.firstDataRow + i;
    this.checkRow();
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

  /**
   * The cell of `key` for a reader: its value, or BAD when it holds an Excel error (recorded
   * once, naming the row and column). Every reader below starts here: one rule for every kind.
   */
  private value(key: string): unknown {
    const v = this.cell(key);
    const shown = excelErrorOf(v);
    if (shown === undefined) return v;
    this.reportExcelError(key, shown);
    return BAD;
  }

  private reportExcelError(key: string, shown: string): void {
    if (this.reportedRow !== this.rowNumber) {
      this.reported = new Set();
      this.reportedRow = this.rowNumber;
    }
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.errors.push(excelErrorCc(shown, { table: this.table.name, row: this.rowNumber, column: this.table.headerOf.get(key) ?? key }));
  }

  /**
   * Refuse an Excel error in any column of the row, also in columns the operation does not read
   * (carried-through extras): a #REF! anywhere means the row is not what the user meant.
   * Returns true when the row is free of Excel errors.
   */
  checkRow(): boolean {
    const before = this.errors.length;
    // The columns to check, as two flat lists made once per reader (not a Map walk per row).
    let keys = this.checkKeys;
    let columns = this.checkColumns;
    if (keys === undefined || columns === undefined) {
      keys = [...this.table.index.keys(), ...this.table.extras.map((e) => e.header)];
      columns = [...this.table.index.values(), ...this.table.extras.map((e) => e.index)];
      this.checkKeys = keys;
      this.checkColumns = columns;
    }
    const row = this.row;
    for (let k = 0; k < columns.length; k++) {
      const v = row[columns[k] as number];
      // Numbers and blanks are never errors: decided here without a call per cell.
      if (typeof v === "number" || v === null || v === undefined) continue;
      const shown = excelErrorOf(v);
      if (shown !== undefined) this.reportExcelError(keys[k] as string, shown);
    }
    return this.errors.length === before;
  }

  private checkKeys: string[] | undefined;
  private checkColumns: number[] | undefined;

  /** Record an error of the cell of `key`: a code with the params of its message (or, until its code has one, an English sentence). */
  error(key: string, code: TemplatedCode, params: MessageParams): undefined;
  error(key: string, code: ErrorCode, message: string): undefined;
  error(key: string, code: ErrorCode, message: string | MessageParams): undefined {
    const where = { table: this.table.name, row: this.rowNumber, column: this.table.headerOf.get(key) ?? key };
    this.errors.push(typeof message === "string" ? ccError(code, message, where) : ccError(code as TemplatedCode, message, where));
    return undefined;
  }

  /** Text, trimmed; numbers become their digits (customer 2050 -> "2050"). */
  text(key: ColumnKey<"text">, required?: false): string | undefined;
  text(key: Blankable<"text">, required: boolean): string | undefined;
  text(key: ColumnKey<"text">, required = false): string | undefined {
    const v = this.value(key);
    if (v === BAD) return undefined;
    if (isBlank(v)) return required ? this.error(key, columnCode(key, "blank"), "is blank") : undefined;
    const t = textOf(v);
    if (t === undefined) return this.error(key, columnCode(key, "text"), "is not text, a number or TRUE/FALSE");
    return t;
  }

  money(key: ColumnKey<"amount">, exponent: number, required?: false): number | undefined;
  money(key: Blankable<"amount">, exponent: number, required: boolean): number | undefined;
  money(key: ColumnKey<"amount">, exponent: number, required = false): number | undefined {
    const v = this.value(key);
    if (v === BAD) return undefined;
    if (isBlank(v)) return required ? this.error(key, columnCode(key, "blank"), "is blank") : undefined;
    const currency = typeof v === "string" && this.has("currency") ? (textOf(this.cell("currency")) ?? NO_CURRENCY) : undefined;
    const parsed = parseMoney(v, exponent, this.roundAmounts, currency);
    if (parsed.ok) return this.tally(key, parsed.minor);
    return this.error(key, columnCode(key, "amount"), parsed.reason);
  }

  /**
   * Count `minor` into its column's sum of magnitudes. While that sum stays within 2^53 minor units
   * every sum the engine makes of the column's amounts (balances, exposure, totals) is exact; the
   * row where it passes the limit is an error instead of a wrong total.
   */
  tally(key: string, minor: number): number | undefined {
    const sum = (this.magnitudes.get(key) ?? 0) + Math.abs(minor);
    this.magnitudes.set(key, sum);
    if (sum > MAX_MINOR) {
      return this.error(key, "amounts_must_sum_within_2_53_minor_units", {});
    }
    return minor;
  }

  date(key: ColumnKey<"date">, required?: false): number | undefined;
  date(key: Blankable<"date">, required: boolean): number | undefined;
  date(key: ColumnKey<"date">, required = false): number | undefined {
    const v = this.value(key);
    if (v === BAD) return undefined;
    if (isBlank(v)) return required ? this.error(key, columnCode(key, "blank"), "is blank") : undefined;
    const parsed = parseDate(v, this.dateSystem);
    if (parsed.ok) return parsed.serial;
    return this.error(key, columnCode(key, "date"), parsed.reason);
  }

  /**
   * The row's currency: the code in upper case ("" when blank or when the range has no Currency
   * column: one unnamed 2-decimal currency) and its exponent. An unknown code is an error, and its
   * exponent is undefined: we never guess a precision.
   */
  currency(key: ColumnKey<"text"> = "currency"): { code: string; exponent: number | undefined } {
    const text = this.text(key) ?? NO_CURRENCY;
    // A currency column holds a handful of codes: each text is looked up once per reader.
    let known = this.currencies.get(text);
    if (known === undefined) {
      const code = text.toUpperCase();
      known = { code, exponent: currencyExponent(code) };
      if (this.currencies.size < 1000) this.currencies.set(text, known);
    }
    if (known.exponent === undefined) this.unknownCurrency(known.code, key);
    return { code: known.code, exponent: known.exponent };
  }

  private readonly currencies = new Map<string, { code: string; exponent: number | undefined }>();

  /** Record that `code` is not a currency whose precision we know. */
  unknownCurrency(code: string, key = "currency"): undefined {
    return this.error(key, "currency_must_be_known", { case: "precision", currency: code });
  }

  /**
   * A plain number (not money): days, months, points. Past 15 significant digits (what Excel holds
   * exactly) it is refused, and so is a value outside `bounds`.
   */
  number(key: ColumnKey<"number">, required?: false, bounds?: NumberBounds): number | undefined;
  number(key: Blankable<"number">, required: boolean, bounds?: NumberBounds): number | undefined;
  number(key: ColumnKey<"number">, required = false, bounds: NumberBounds = {}): number | undefined {
    const v = this.value(key);
    if (v === BAD) return undefined;
    if (isBlank(v)) return required ? this.error(key, columnCode(key, "blank"), "is blank") : undefined;
    const n = toNumber(v);
    if (n === undefined) return this.error(key, columnCode(key, "number"), `'${String(v)}' is not a number (or has more than 15 digits)`);
    const out = outOfBounds(n, bounds);
    if (out !== undefined) return this.error(key, columnCode(key, "number"), out);
    return n;
  }

  /** A percent in percent points: 2 and "2%" both mean 2 %. */
  percent(key: ColumnKey<"percent">, required?: false): number | undefined;
  percent(key: Blankable<"percent">, required: boolean): number | undefined;
  percent(key: ColumnKey<"percent">, required = false): number | undefined {
    const v = this.value(key);
    if (v === BAD) return undefined;
    if (isBlank(v)) return required ? this.error(key, columnCode(key, "blank"), "is blank") : undefined;
    const n = toNumber(typeof v === "string" ? v.replace(/%\s*$/, "") : v);
    if (n === undefined) return this.error(key, columnCode(key, "percent"), `'${String(v)}' is not a percent`);
    if (n < 0 || n > 100) return this.error(key, columnCode(key, "percent"), `${n} is not between 0 and 100`);
    return n;
  }

  /**
   * A number read by the plain-number rule, with `%` allowed at the end of text; for readers whose
   * unit depends on another column (a rule's Value). `label` names what was expected.
   */
  numberOrPercent(key: Blankable<"number">, label: string): number | undefined {
    const v = this.value(key);
    if (v === BAD) return undefined;
    if (isBlank(v)) return this.error(key, columnCode(key, "blank"), "is blank");
    const n = toNumber(typeof v === "string" ? v.replace(/%\s*$/, "") : v);
    if (n === undefined) return this.error(key, columnCode(key, "number"), `'${String(v)}' is not a number of ${label}`);
    return n;
  }

  /**
   * An exchange rate: a positive number of at most 15 significant digits, no larger than
   * MAX_RATE (no currency is worth a billion of another; past that a conversion overflows).
   */
  rate(key: Blankable<"positive">): string | undefined {
    const v = this.value(key);
    if (v === BAD) return undefined;
    if (isBlank(v)) return this.error(key, columnCode(key, "blank"), "is blank");
    const n = toNumber(v);
    if (n === undefined || n <= 0 || n > MAX_RATE || n < 1 / MAX_RATE) {
      return this.error(key, columnCode(key, "positive"), `'${String(v)}' is not a positive rate between 1e-9 and 1e9`);
    }
    return String(n);
  }

  /** TRUE/FALSE, Yes/No, Y/N, 1/0, Ja/Nej/Nei; blank is false. */
  bool(key: ColumnKey<"yesNo">): boolean {
    const v = this.value(key);
    if (v === BAD) return false;
    if (isBlank(v)) return false;
    const b = parseBool(v);
    if (b === undefined) {
      this.error(key, columnCode(key, "yesNo"), `'${String(v)}' is not yes or no`);
      return false;
    }
    return b;
  }

  /** One of `values`, matched like headers (case, spaces); aliases map other words to a value. */
  choice<T extends string>(key: ColumnKey<"oneOf">, values: readonly T[], aliases: Readonly<Record<string, T>> = NO_ALIASES): T | undefined {
    const v = this.value(key);
    if (v === BAD || isBlank(v)) return undefined;
    const text = textOf(v);
    const found = text === undefined ? undefined : matchChoice(text, values, aliases);
    if (found === undefined) {
      return this.error(key, columnCode(key, "oneOf"), `'${String(v)}' is not one of ${values.join(", ")}`);
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

const NO_ALIASES: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Per (values, aliases) pair: normalized text -> value (values first, then aliases, the first match
 * winning, as a linear search would), and the answer for each raw cell text seen (null when nothing
 * matched). A Type or Status column has a handful of distinct texts, so the normalization runs a few
 * times per range instead of once per candidate per row.
 */
interface ChoiceIndex {
  readonly normalized: Map<string, string>;
  readonly raw: Map<string, string | null>;
}
const choiceIndexes = new WeakMap<readonly string[], WeakMap<object, ChoiceIndex>>();
/** Raw texts remembered per index: bounds the memory a column of many distinct (bad) texts takes. */
const MAX_REMEMBERED_TEXTS = 1000;

export function matchChoice<T extends string>(
  text: string,
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = NO_ALIASES,
): T | undefined {
  let byAliases = choiceIndexes.get(values);
  if (byAliases === undefined) choiceIndexes.set(values, (byAliases = new WeakMap()));
  let index = byAliases.get(aliases);
  if (index === undefined) {
    const normalized = new Map<string, string>();
    for (const value of values) {
      const n = normalizeHeader(value);
      if (!normalized.has(n)) normalized.set(n, value);
    }
    for (const [alias, value] of Object.entries(aliases)) {
      const n = normalizeHeader(alias);
      if (!normalized.has(n)) normalized.set(n, value);
    }
    index = { normalized, raw: new Map() };
    byAliases.set(aliases, index);
  }
  const seen = index.raw.get(text);
  if (seen !== undefined) return (seen ?? undefined) as T | undefined;
  const found = index.normalized.get(normalizeHeader(text)) ?? null;
  if (index.raw.size < MAX_REMEMBERED_TEXTS) index.raw.set(text, found);
  return (found ?? undefined) as T | undefined;
}

/** Most days a count of days may hold: the span of Excel's dates (1900-01-01 to 9999-12-31). */
export const MAX_DAYS = 2_958_465;

/** Largest exchange rate (and smallest, as 1 / MAX_RATE) a rate cell may hold. */
export const MAX_RATE = 1e9;

/** Largest magnitude of a plain number Excel holds exactly to the unit: 15 significant digits. */
export const MAX_PLAIN_NUMBER = 999_999_999_999_999;

/**
 * A number cell or plain decimal text as a number at Excel's 15 significant digits; undefined for
 * anything else, for non-finite values and for magnitudes past 15 digits (not exact).
 * @example toNumber("2.5") // 2.5
 * @example toNumber(1e300) // undefined
 */
export function toNumber(v: unknown): number | undefined {
  let n: number;
  // An integer under 10^15 has at most 15 digits: it is its own 15-digit value, no text round trip.
  if (typeof v === "number") n = Number.isInteger(v) && Math.abs(v) < 1e15 ? v : Number.isFinite(v) ? Number(v.toPrecision(15)) : Number.NaN;
  else if (typeof v === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(v)) n = Number(v);
  else return undefined;
  if (!Number.isFinite(n) || Math.abs(n) > MAX_PLAIN_NUMBER) return undefined;
  return n === 0 ? 0 : n;
}

/** Why `n` is outside `bounds`, or undefined when it is inside. */
export function outOfBounds(n: number, bounds: NumberBounds): string | undefined {
  if (bounds.integer === true && !Number.isInteger(n)) return `${n} is not a whole number`;
  if (bounds.min !== undefined && n < bounds.min) return `${n} is below ${bounds.min}`;
  if (bounds.max !== undefined && n > bounds.max) return `${n} is above ${bounds.max}`;
  return undefined;
}

/** A cell as text: text trimmed, a number as its 15 digits, TRUE/FALSE; undefined for anything else. */
export function textOf(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)))) : undefined;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
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
