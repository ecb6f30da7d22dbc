/**
 * The Transactions table read into columns (src/domain/ledger.ts) instead of a record per row: every
 * cell is validated as `readTransactions` validates it, but what is kept of a row is a few numbers
 * in typed arrays. A row whose cells are all plain (clean text, numbers in range, known codes) is
 * read by the fast path below; any other row goes through `transactionReader`, the one rule, so a
 * bad cell is the same error (code, message, table, row, column) in the same order as everywhere.
 * Records are made only for the rows a function asks for (`records`), by that same rule.
 */
import { MAX_SERIAL, MIN_SERIAL, parseDate } from "../domain/dates";
import { fail, ok, type Result } from "../domain/errors";
import { type LedgerColumns, STATUS_INDEX, TYPE_INDEX } from "../domain/ledger";
import { currencyExponent, MAX_MINOR, minorFromNumber, NO_CURRENCY, pow10 } from "../domain/money";
import { type Transaction, TRANSACTION_TYPES } from "../domain/types";
import { float64Column, int32Column, uint8Column } from "./_lib/column-pool";
import { minorFromPlainText } from "./aging-input";
import { matchChoice, RowReader, toNumber } from "./cells";
import { excelErrorOf, isRow, MAX_ERRORS, type MatchedTable, notARange, plainText, trimBlankRows } from "./table";
import { matchTransactions, type ReadTransactionsOptions, transactionReader, TYPE_ALIASES } from "./transactions";

export interface LedgerOptions extends ReadTransactionsOptions {
  /**
   * Keep only this customer's rows (compared as the Customer cell reads, before any interning):
   * every row is still validated, with the same errors in the same order, but the columns hold the
   * one customer's rows (`row` says which), so that a one-customer function neither interns every
   * customer nor allocates columns for the whole range.
   */
  readonly customer?: string;
  /** Keep only these customers' rows (as `customer`, for several: a credit group). */
  readonly customers?: ReadonlySet<string>;
}

export interface Ledger extends LedgerColumns {
  /** The records of the rows `pick` selects (all when absent), exactly as `readTransactions` makes them. */
  records(pick?: (i: number) => boolean): Transaction[];
  /** The index of `customer` in `customers`, or -1. */
  customerIndex(customer: string): number;
}

/** Columns the fast path reads; a range with any other known column (Status, TaxAmount, ...) is read row by row by the rule. */
const FAST_KEYS = new Set([
  "customer", "voucher", "type", "date", "dueDate", "documentDate", "amount", "currency", "cashDiscountDate", "cashDiscountPct",
  "discountCode", "invoice", "dimension", "postingProfile", "taxCode", "legalEntity",
]);

/** What a Currency cell's text stands for. */
interface CurrencyCell {
  readonly id: number;
  readonly exponent: number;
  readonly factor: number;
}

/** Distinct texts of a column compared by identity before its Map is asked. */
const RECENT = 8;

/** Distinct cell texts remembered per column (types, currencies, date texts). */
const MAX_REMEMBERED = 100_000;


const isPlainText = plainText;

const NO_CELLS: readonly unknown[] = [];

/**
 * Read a Transactions range into columns. Same options, same errors and the same records (through
 * `records`) as `readTransactions`.
 */
export function readLedger(range: unknown, options: LedgerOptions = {}): Result<Ledger> {
  // Every row's shape is checked in the loop below, where each row is read anyway (isRow): not in a
  // pass of its own over a million rows first.
  const matched = matchTransactions(range, options, "by caller");
  if (!matched.ok) return matched;
  const { required } = matched.value;
  const table: MatchedTable = { ...matched.value.table, rows: trimBlankRows(matched.value.table.rows) };
  const build = transactionReader(table, required);
  const r = new RowReader(table, options);
  const rows = table.rows;
  const n = rows.length;

  const customers: string[] = [];
  const customerIds = new Map<string, number>();
  const currencies: string[] = [];
  const currencyIds = new Map<string, number>();
  const intern = (ids: Map<string, number>, list: string[], s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = list.length;
      list.push(s);
      ids.set(s, id);
    }
    return id;
  };
  /** The one customer whose rows are kept, or undefined for every row. */
  const only = options.customer ?? (options.customers?.size === 1 ? [...options.customers][0] : undefined);
  /** The customers whose rows are kept, when there are several. */
  const onlyOf = only === undefined ? options.customers : undefined;
  // Columns of `capacity` slots; `kept` rows are stored. Without a customer every row is kept at its
  // own index; with one, the kept rows are packed and the columns grow as needed.
  let capacity = only === undefined && onlyOf === undefined ? n : Math.min(n, 1024);
  let kept = 0;
  let customerOf = int32Column(capacity);
  let currencyOf = int32Column(capacity);
  let amountMinor = float64Column(capacity);
  let typeOf = uint8Column(capacity);
  let statusOf = uint8Column(capacity);
  let dateSerial = float64Column(capacity);
  let dueSerial = float64Column(capacity);
  let promiseSerial = float64Column(capacity);
  let voucher: string[] = new Array<string>(capacity).fill("");
  /** The sheet row of each kept row; less the first data row, its index in `rows`. */
  let rowNumber = int32Column(capacity);
  /** 1 where the fast path read the row: its record is made from the columns and its plain cells. */
  let byFastPath = uint8Column(capacity);
  /** Room for one more kept row (only ever needed with a customer). */
  const grow = (): void => {
    capacity = Math.min(n, capacity * 2);
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (m: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    customerOf = more(customerOf, int32Column);
    currencyOf = more(currencyOf, int32Column);
    amountMinor = more(amountMinor, float64Column);
    typeOf = more(typeOf, uint8Column);
    statusOf = more(statusOf, uint8Column);
    dateSerial = more(dateSerial, float64Column);
    dueSerial = more(dueSerial, float64Column);
    promiseSerial = more(promiseSerial, float64Column);
    rowNumber = more(rowNumber, int32Column);
    byFastPath = more(byFastPath, uint8Column);
    const v = new Array<string>(capacity).fill("");
    for (let k = 0; k < kept; k++) v[k] = voucher[k] as string;
    voucher = v;
  };

  const col = (k: string): number => table.index.get(k) ?? -1;
  const [cCustomer, cVoucher, cType, cDate, cDue, cDocument, cAmount, cCurrency, cDiscountDate, cDiscountPct] = [
    col("customer"), col("voucher"), col("type"), col("date"), col("dueDate"), col("documentDate"), col("amount"), col("currency"), col("cashDiscountDate"), col("cashDiscountPct"),
  ];
  // Optional text columns: only checked to be plain or blank.
  const textColumns = ["discountCode", "invoice", "dimension", "postingProfile", "taxCode", "legalEntity"].map(col).filter((c) => c >= 0);
  const extraColumns = table.extras.map((e) => e.index);
  const voucherRequired = required.has("voucher");
  const dateRequired = required.has("date");
  const dueRequired = required.has("dueDate");
  const documentRequired = required.has("documentDate");
  const fast = [...table.index.keys()].every((k) => FAST_KEYS.has(k)) && options.dateSystem !== "1904";

  const typeIds = new Map<string, number>();
  const currencyCells = new Map<string, CurrencyCell>();
  // The first few distinct texts of the Currency and Type columns, looked up without hashing.
  const recentCurrencyTexts: string[] = [];
  const recentCurrencies: CurrencyCell[] = [];
  const recentTypeTexts: string[] = [];
  const recentTypes: number[] = [];
  const textDays = new Map<string, number>();
  const firstDataRow = table.firstDataRow;
  let lastCustomer: string | undefined;
  let lastCustomerId = -1;
  const noCurrency = { id: -1, exponent: 2, factor: 100 };
  const minSerial = MIN_SERIAL;
  const maxSerial = MAX_SERIAL + 1;
  const invoiceType = TYPE_INDEX.Invoice;
  const paymentType = TYPE_INDEX.Payment;
  const noneStatus = STATUS_INDEX.None;
  // Module bindings read once: in the loop they would be reads through the module object.
  const fastMinor = minorFromNumber;
  const textMinor = minorFromPlainText;
  const isPlain = plainText;
  const maxMinor = MAX_MINOR;
  /** The sum of the magnitudes of the amounts read so far, which the rule's reader also holds (see the loop). */
  let counted = 0;
  const numberOf = toNumber;
  const errorOf = excelErrorOf;

  /** A date cell's serial, NaN for a blank cell, or -1 when the fast path cannot say (the rule decides). */
  const day = (v: unknown): number => {
    if (typeof v === "number") return v >= minSerial && v < maxSerial ? Math.floor(v) : -1;
    if (v === null || v === undefined || v === "") return Number.NaN;
    if (!plainText(v)) return -1;
    const known = textDays.get(v);
    if (known !== undefined) return known;
    const parsed = parseDate(v);
    if (!parsed.ok) return -1;
    if (textDays.size < MAX_REMEMBERED) textDays.set(v, parsed.serial);
    return parsed.serial;
  };

  /** Row `i` by the fast path; false when a cell needs the rule (nothing was stored or recorded then). */
  const fastRow = (i: number): boolean => {
    // A hole of a sparse range reads as a blank row (the rule's reader does the same).
    const row = (rows[i] ?? NO_CELLS) as readonly unknown[];
    const c = row[cCustomer];
    if (!isPlain(c)) return false;
    let cur = noCurrency;
    if (cCurrency >= 0) {
      const v = row[cCurrency];
      if (isPlain(v)) {
        // A currency column holds a few texts: a short list compared by identity first, the Map after.
        let known: CurrencyCell | undefined;
        for (let k = 0; k < recentCurrencyTexts.length; k++) {
          if (recentCurrencyTexts[k] === v) {
            known = recentCurrencies[k];
            break;
          }
        }
        if (known === undefined) {
          known = currencyCells.get(v);
          if (known !== undefined && recentCurrencyTexts.length < RECENT) {
            recentCurrencyTexts.push(v);
            recentCurrencies.push(known);
          }
        }
        if (known === undefined) {
          const code = v.toUpperCase();
          const exponent = currencyExponent(code);
          if (exponent === undefined || currencyCells.size >= MAX_REMEMBERED) return false;
          known = { id: intern(currencyIds, currencies, code), exponent, factor: pow10(exponent) };
          currencyCells.set(v, known);
        }
        cur = known;
      } else if (!(v === null || v === undefined || v === "")) return false;
    }
    const a = row[cAmount];
    let minor: number;
    if (typeof a === "number") {
      // minorFromNumber's answer without its log10 for the common case: a scaled amount within
      // 4e-16 of its nearest whole number is within 0.9 half-digits of it at any magnitude (half a
      // unit of the 15th digit is at least 5e-16 of the value), so minorFromNumber returns `nearest`.
      const scaled = a * cur.factor;
      const nearest = Math.round(scaled);
      const diff = scaled - nearest;
      minor = nearest < 1e15 && nearest > -1e15 && (diff < 0 ? -diff : diff) < (scaled < 0 ? -scaled : scaled) * 4e-16 ? nearest : fastMinor(a, cur.factor);
    } else minor = typeof a === "string" ? textMinor(a, cur.exponent, cur.factor) : Number.NaN;
    if (Number.isNaN(minor)) return false;
    let v: string | undefined;
    if (cVoucher >= 0) {
      const x = row[cVoucher];
      if (isPlain(x)) v = x;
      else if (!((x === null || x === undefined || x === "") && !voucherRequired)) return false;
    }
    let type = minor < 0 ? paymentType : invoiceType;
    if (cType >= 0) {
      const x = row[cType];
      if (isPlain(x)) {
        let t: number | undefined;
        for (let k = 0; k < recentTypeTexts.length; k++) {
          if (recentTypeTexts[k] === x) {
            t = recentTypes[k];
            break;
          }
        }
        if (t === undefined) {
          t = typeIds.get(x);
          if (t !== undefined && recentTypeTexts.length < RECENT) {
            recentTypeTexts.push(x);
            recentTypes.push(t);
          }
        }
        if (t === undefined) {
          const found = matchChoice(x, TRANSACTION_TYPES, TYPE_ALIASES);
          if (found === undefined || typeIds.size >= MAX_REMEMBERED) return false;
          typeIds.set(x, (t = TYPE_INDEX[found]));
        }
        type = t;
      } else if (!(x === null || x === undefined || x === "")) return false;
    }
    let date = Number.NaN;
    if (cDate >= 0) {
      date = day(row[cDate]);
      if (date === -1 || (dateRequired && date !== date)) return false;
    }
    let due = Number.NaN;
    if (cDue >= 0) {
      due = day(row[cDue]);
      if (due === -1 || (dueRequired && due !== due)) return false;
    }
    if (cDocument >= 0) {
      const d = day(row[cDocument]);
      if (d === -1 || (documentRequired && d !== d)) return false;
    }
    if (cDiscountDate >= 0 && day(row[cDiscountDate]) === -1) return false;
    if (cDiscountPct >= 0) {
      const x = row[cDiscountPct];
      if (typeof x === "number") {
        const pct = numberOf(x);
        if (pct === undefined || pct < 0 || pct > 100) return false;
      } else if (!(x === null || x === undefined || x === "")) return false;
    }
    for (let k = 0; k < textColumns.length; k++) {
      const x = row[textColumns[k] as number];
      if (!(x === null || x === undefined || x === "" || isPlain(x))) return false;
    }
    // Columns no reader reads: refused only for an Excel error value, as the rule's checkRow does.
    for (let k = 0; k < extraColumns.length; k++) if (errorOf(row[extraColumns[k] as number]) !== undefined) return false;
    // The row is valid. Its amount counts towards the column's 2^53 limit (RowReader.tally); the row
    // that would pass the limit goes to the rule, which refuses it.
    const magnitude = counted + (minor < 0 ? -minor : minor);
    if (magnitude > maxMinor) return false;
    counted = magnitude;
    // Another customer's row, when one is wanted: validated and counted, nothing kept (the cell is
    // plain text, so it reads as it is and compares as the interned text would).
    if (only !== undefined ? c !== only : onlyOf !== undefined && !onlyOf.has(c)) return true;
    if (kept === capacity) grow();
    const k = kept++;
    // Consecutive rows of one customer (a sorted ledger) skip the Map.
    if (c !== lastCustomer) {
      lastCustomer = c;
      lastCustomerId = intern(customerIds, customers, c);
    }
    customerOf[k] = lastCustomerId;
    currencyOf[k] = cur.id >= 0 ? cur.id : intern(currencyIds, currencies, NO_CURRENCY);
    amountMinor[k] = minor;
    typeOf[k] = type;
    statusOf[k] = noneStatus;
    dateSerial[k] = date;
    dueSerial[k] = due;
    promiseSerial[k] = Number.NaN;
    if (v !== undefined) voucher[k] = v;
    rowNumber[k] = firstDataRow + i;
    byFastPath[k] = 1;
    return true;
  };

  let fastOn = fast;
  let tallied = 0;
  const maxErrors = MAX_ERRORS;
  const errors = r.errors;
  const isRowAt = isRow;
  let i = 0;
  for (; i < n && errors.length < maxErrors; i++) {
    if (!isRowAt(rows, i)) return fail(notARange(table.name));
    if (fastOn && fastRow(i)) continue;
    // The rule's reader tallies amounts itself: first give it what the fast path counted since.
    const before = r.errors.length;
    r.at(i);
    if (counted > tallied) r.tally("amount", counted - tallied);
    const t = build(r);
    if (r.errors.length > before) {
      // After an error the rest is read by the rule alone: its tally is then the only one.
      fastOn = false;
      continue;
    }
    counted += Math.abs(t.amountMinor);
    tallied = counted;
    if (only !== undefined ? t.customer !== only : onlyOf !== undefined && !onlyOf.has(t.customer)) continue;
    if (kept === capacity) grow();
    const k = kept++;
    customerOf[k] = intern(customerIds, customers, t.customer);
    currencyOf[k] = intern(currencyIds, currencies, t.currency);
    amountMinor[k] = t.amountMinor;
    typeOf[k] = TYPE_INDEX[t.type];
    statusOf[k] = STATUS_INDEX[t.status];
    dateSerial[k] = t.dateSerial ?? Number.NaN;
    dueSerial[k] = t.dueSerial ?? Number.NaN;
    promiseSerial[k] = t.promiseSerial ?? Number.NaN;
    voucher[k] = t.voucher;
    rowNumber[k] = firstDataRow + i;
  }
  // Stopped at the most errors: the rest of the rows still decide whether the range is 2-D at all.
  for (; i < n; i++) if (!isRowAt(rows, i)) return fail(notARange(table.name));
  if (r.errors.length > 0) return fail(...r.errors);
  const length = kept;
  // Packed columns are cut to the kept rows (views: no copy).
  if (length < capacity) {
    customerOf = customerOf.subarray(0, length);
    currencyOf = currencyOf.subarray(0, length);
    amountMinor = amountMinor.subarray(0, length);
    typeOf = typeOf.subarray(0, length);
    statusOf = statusOf.subarray(0, length);
    dateSerial = dateSerial.subarray(0, length);
    dueSerial = dueSerial.subarray(0, length);
    promiseSerial = promiseSerial.subarray(0, length);
    rowNumber = rowNumber.subarray(0, length);
    voucher.length = length;
  }

  // Text columns a record carries as they are (plain or blank, on a fast row), before and after Status.
  const textBefore = (["discountCode", "invoice"] as const).map((k) => [k, col(k)] as const).filter(([, c]) => c >= 0);
  const textAfter = (["dimension", "postingProfile", "taxCode", "legalEntity"] as const).map((k) => [k, col(k)] as const).filter(([, c]) => c >= 0);
  /** The record of a fast-path row: what `transactionReader` makes of it, in the same field order. */
  const fastRecord = (i: number): Transaction => {
    const row = rows[(rowNumber[i] as number) - firstDataRow] as readonly unknown[];
    const rec: Record<string, unknown> = {
      customer: customers[customerOf[i] as number],
      currency: currencies[currencyOf[i] as number],
      amountMinor: amountMinor[i],
      row: rowNumber[i],
      voucher: voucher[i],
      type: TRANSACTION_TYPES[typeOf[i] as number],
    };
    const date = dateSerial[i] as number;
    if (date === date) rec["dateSerial"] = date;
    const due = dueSerial[i] as number;
    if (due === due) rec["dueSerial"] = due;
    if (cDocument >= 0) {
      const d = day(row[cDocument]);
      if (d === d) rec["documentSerial"] = d;
    }
    if (cDiscountDate >= 0) {
      const d = day(row[cDiscountDate]);
      if (d === d) rec["cashDiscountSerial"] = d;
    }
    if (cDiscountPct >= 0) {
      const x = row[cDiscountPct];
      if (typeof x === "number") rec["cashDiscountPct"] = toNumber(x);
    }
    for (const [k, c] of textBefore) if (isPlainText(row[c])) rec[k] = row[c];
    rec["status"] = "None";
    for (const [k, c] of textAfter) if (isPlainText(row[c])) rec[k] = row[c];
    return rec as unknown as Transaction;
  };
  const records = (pick?: (i: number) => boolean): Transaction[] => {
    // Other rows by the rule, with a reader of its own: they were validated above, so reading them
    // again records nothing.
    const again = new RowReader(table, options);
    const out: Transaction[] = [];
    for (let i = 0; i < length; i++) if (pick === undefined || pick(i)) out.push(byFastPath[i] === 1 ? fastRecord(i) : build(again.at((rowNumber[i] as number) - firstDataRow)));
    return out;
  };
  return ok({
    length,
    customers,
    customerOf,
    currencies,
    currencyOf,
    amountMinor,
    typeOf,
    statusOf,
    dateSerial,
    dueSerial,
    promiseSerial,
    voucher,
    row: rowNumber,
    records,
    customerIndex: (customer: string) => customerIds.get(customer) ?? -1,
  });
}
