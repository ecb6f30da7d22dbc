/**
 * Ages a Transactions range in one pass, without building a record per row: cells go through the
 * engine's single parsers straight into the aging accumulator. This is what lets `CC.AGING` keep up
 * with a full 1,048,576-row sheet. A cell the fast path cannot take is handed to the RowReader,
 * which produces the same error as everywhere else (row, column, message).
 */
import { type AgingBasis } from "../domain/aging/periods";
import { AgingAccumulator, type AgingOptions, type AgingSnapshot } from "../domain/aging/snapshot";
import { MAX_SERIAL, MIN_SERIAL } from "../domain/dates";
import { fail, ok, type Result } from "../domain/errors";
import { currencyExponent, MAX_MINOR, minorFromNumber, NO_CURRENCY, pow10 } from "../domain/money";
import { type CollectionStatus } from "../domain/types";
import { type ColumnKey } from "../domain/column-codes";
import { type ReadOptions, RowReader } from "./cells";
import { isBlank, isRow, MAX_ERRORS, type MatchedTable, matchTable, notARange, trimBlankRows } from "./table";
import { readCollectionStatus, TRANSACTION_COLUMNS, type TransactionField } from "./transactions";

const BASIS_COLUMN: Record<AgingBasis, TransactionField & ColumnKey<"date">> = { due: "dueDate", transaction: "date", document: "documentDate" };

export function ageRange(range: unknown, options: AgingOptions, read: ReadOptions & { name?: string } = {}): Result<AgingSnapshot> {
  // Each row's shape is checked as the pass reads it (isRow), not in a pass of its own first.
  const matched = matchAgingTable(range, options, read.name, "by caller");
  if (!matched.ok) return matched;
  const rows = trimBlankRows(matched.value.rows);
  const sink = agingRows({ ...matched.value, rows }, options, read);
  const first = matched.value.firstDataRow;
  const n = rows.length;
  let i = 0;
  for (; i < n; i++) {
    if (!isRow(rows, i)) return fail(notARange(matched.value.name));
    // A hole of a sparse range is a blank row, as every reader reads it.
    if (!sink.add((rows[i] ?? NO_CELLS) as readonly unknown[], first + i)) break;
  }
  // Stopped at the most errors: the rest of the rows still decide whether the range is 2-D at all.
  for (; i < n; i++) if (!isRow(rows, i)) return fail(notARange(matched.value.name));
  return sink.finish();
}

const NO_CELLS: readonly unknown[] = [];

/** Match a Transactions header for aging: Customer, Amount and the basis date column are required. */
export function matchAgingTable(range: unknown, options: AgingOptions, name = "transactions", rowsChecked: "all" | "by caller" = "all"): Result<MatchedTable> {
  const basisKey = BASIS_COLUMN[options.basis ?? "due"];
  const required = new Set<string>(["customer", "amount", basisKey]);
  const specs = TRANSACTION_COLUMNS.map((s) => (required.has(s.key) ? { ...s, required: true } : s));
  return matchTable(range, specs, name, 1, rowsChecked);
}

/** Rows fed one at a time into the aging accumulator; the range reader above and the CLI's CSV and Parquet streams share it. */
export interface AgingRows {
  /**
   * Validate one data row (`rowNumber` is what errors name: the sheet row, or the file's line) and
   * add it. False once MAX_ERRORS errors are recorded: stop feeding rows.
   */
  add(row: readonly unknown[], rowNumber: number): boolean;
  /** The snapshot, or every error recorded. */
  finish(): Result<AgingSnapshot>;
}

/**
 * The one-pass aging reader over a matched header. `table.rows` is not read: rows come through
 * `add`, so a caller may stream them (a CSV of ten million lines) without holding them.
 */
export function agingRows(table: MatchedTable, options: AgingOptions, read: ReadOptions = {}): AgingRows {
  const basis = options.basis ?? "due";
  const basisKey = BASIS_COLUMN[basis];
  const r = new RowReader(table, read);
  const col = (k: string): number => table.index.get(k) ?? -1;
  const [cCustomer, cAmount, cCurrency, cBasis, cDate, cDue, cStatus, cDisputed, cPromise, cVoucher] = [
    col("customer"), col("amount"), col("currency"), col(basisKey), col("date"), col("dueDate"), col("status"), col("disputed"), col("promiseDate"), col("voucher"),
  ];
  const system1904 = read.dateSystem === "1904";
  const hasStatusColumns = cStatus >= 0 || cDisputed >= 0 || cPromise >= 0;
  const currencies = new Map<unknown, { code: string; exponent: number; factor: number }>();
  const acc = new AgingAccumulator({ ...options, basis });
  // Dates given as text (a CSV's yyyy-mm-dd): a ledger has a few thousand distinct ones, each parsed once.
  const textDays = new Map<string, number>();

  // Module bindings read once: in the loop they would be property reads on the module object.
  const minSerial = MIN_SERIAL;
  const maxSerial = MAX_SERIAL + 1;
  const fastMinor = minorFromNumber;
  const day = (v: unknown, key: ColumnKey<"date">): number | undefined => {
    if (typeof v === "number" && !system1904 && v >= minSerial && v < maxSerial) return Math.floor(v);
    if (typeof v === "string") {
      const known = textDays.get(v);
      if (known !== undefined) return known;
    }
    if (isBlank(v)) return undefined;
    const errorsBefore = r.errors.length;
    const serial = r.date(key);
    if (typeof v === "string" && serial !== undefined && r.errors.length === errorsBefore && textDays.size < MAX_TEXT_DAYS) textDays.set(v, serial);
    return serial;
  };

  // The column's 2^53 tally (RowReader.tally): a local sum while every amount is fine, the reader's
  // own once any cell was refused (`exact`), so that its errors are the reader's.
  const maxMinor = MAX_MINOR;
  let counted = 0;
  let tallied = 0;
  let exact = false;
  const add = (row: readonly unknown[], rowNumber: number): boolean => {
    const before = r.errors.length;
    r.row = row;
    r.rowNumber = rowNumber;
    const rawCustomer = row[cCustomer];
    // A customer cell that is already clean text (no blank ends) is taken as it is, without trim().
    const customer =
      typeof rawCustomer === "string" && rawCustomer.length > 0 && rawCustomer.charCodeAt(0) > 32 && rawCustomer.charCodeAt(rawCustomer.length - 1) > 32
        ? rawCustomer
        : r.text("customer", true);
    const rawCurrency = cCurrency < 0 ? NO_CURRENCY : row[cCurrency];
    let cur = currencies.get(rawCurrency);
    if (cur === undefined) {
      const code = isBlank(rawCurrency) ? NO_CURRENCY : String(rawCurrency).trim().toUpperCase();
      const exponent = currencyExponent(code);
      if (exponent === undefined) {
        r.unknownCurrency(code);
      } else {
        cur = { code, exponent, factor: pow10(exponent) };
        currencies.set(rawCurrency, cur);
      }
    }
    let amountMinor: number | undefined;
    if (cur !== undefined) {
      const v = row[cAmount];
      const fast = typeof v === "number" ? fastMinor(v, cur.factor) : typeof v === "string" ? minorFromPlainText(v, cur.exponent, cur.factor) : Number.NaN;
      if (Number.isNaN(fast)) {
        // The reader tallies what it reads itself: first give it what was counted here since.
        if (counted > tallied) r.tally("amount", counted - tallied);
        amountMinor = r.money("amount", cur.exponent, true);
        if (amountMinor !== undefined && r.errors.length === 0) counted += Math.abs(amountMinor);
        else exact = true;
        tallied = counted;
      } else if (!exact && counted + Math.abs(fast) <= maxMinor) {
        // Within 2^53 the tally is a local sum (no boxed number per row); past it, the reader refuses the row.
        amountMinor = fast;
        counted += Math.abs(fast);
      } else {
        if (counted > tallied) r.tally("amount", counted - tallied);
        tallied = counted;
        exact = true;
        amountMinor = r.tally("amount", fast);
      }
    }
    const basisSerial = day(row[cBasis], basisKey) ?? (isBlank(row[cBasis]) ? r.date(basisKey, true) : undefined);
    const dateSerial = cDate < 0 ? undefined : basisKey === "date" ? basisSerial : day(row[cDate], "date");
    const dueSerial = cDue < 0 ? undefined : basisKey === "dueDate" ? basisSerial : day(row[cDue], "dueDate");
    let status: CollectionStatus = "None";
    let promiseSerial: number | undefined;
    if (hasStatusColumns) ({ status, promiseSerial } = readCollectionStatus(r));
    // An Excel error in any column (also one this pass does not read) refuses the row.
    r.checkRow();
    if (r.errors.length > before) return r.errors.length < MAX_ERRORS;
    const voucher = status === "PromiseToPay" && cVoucher >= 0 ? String(row[cVoucher] ?? "") : "";
    acc.addValues(customer as string, (cur as { code: string }).code, basisSerial as number, dateSerial, dueSerial, amountMinor as number, status, status === "PromiseToPay" ? promiseSerial : undefined, voucher, rowNumber);
    return true;
  };
  return {
    add,
    finish: () => (r.errors.length > 0 ? fail(...r.errors) : ok(acc.finish())),
  };
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * The minor units of an amount written as plain decimal text ("1234.5", "-95"; a CSV's cells):
 * optional minus, digits, optional point and at most `exponent` decimals, and at most 15 digits in
 * minor units, so the integer arithmetic below is exact. NaN for anything else (spaces, symbols,
 * thousands separators, more decimals), which then goes to `parseMoney` for its answer or its
 * reason. Where it answers, it answers what `parseMoney` does: that exact decimal, in minor units.
 * @example minorFromPlainText("1234.5", 2, 100) // 123450
 * @example minorFromPlainText("1,234.50", 2, 100) // NaN
 */
export function minorFromPlainText(t: string, exponent: number, factor: number): number {
  const n = t.length;
  if (n === 0 || n > 17) return Number.NaN;
  let i = 0;
  const negative = t.charCodeAt(0) === 45;
  if (negative) i = 1;
  let whole = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return Number.NaN;
    whole = whole * 10 + (c - 48);
    digits++;
  }
  if (digits === 0) return Number.NaN;
  let fraction = 0;
  let decimals = 0;
  if (i < n) {
    i++;
    if (i === n) return Number.NaN;
    for (; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) return Number.NaN;
      fraction = fraction * 10 + (c - 48);
      decimals++;
    }
    if (decimals > exponent) return Number.NaN;
  }
  if (digits + exponent > 15) return Number.NaN;
  const minor = whole * factor + fraction * (POW10[exponent - decimals] as number);
  return negative && minor !== 0 ? -minor : minor;
}

/** Distinct date texts remembered per read. */
const MAX_TEXT_DAYS = 100_000;
