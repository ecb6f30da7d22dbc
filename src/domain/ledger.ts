/**
 * The customer ledger as columns: what a function over a full sheet needs of every row, in typed
 * arrays, instead of a `Transaction` record per row (docs/performance.md, fix 7). Row `i` of every
 * column is the same ledger row; the record of a row, when a rule needs one, is the reader's to make.
 * Customers and currencies are interned: `customerOf[i]` indexes `customers`.
 */
import { COLLECTION_STATUSES, TRANSACTION_TYPES, type CollectionStatus, type TransactionType } from "./types";

export interface LedgerColumns {
  /** Rows. */
  readonly length: number;
  /** Distinct customers in the order first met; `customerOf[i]` indexes it. */
  readonly customers: readonly string[];
  readonly customerOf: Int32Array;
  /** Distinct currency codes ("" for the range's unnamed one); `currencyOf[i]` indexes it. */
  readonly currencies: readonly string[];
  readonly currencyOf: Int32Array;
  /** Open amount, signed, in minor units of the row's currency. */
  readonly amountMinor: Float64Array;
  /** Index into TRANSACTION_TYPES. */
  readonly typeOf: Uint8Array;
  /** Index into COLLECTION_STATUSES. */
  readonly statusOf: Uint8Array;
  /** Transaction date; NaN where the row has none. */
  readonly dateSerial: Float64Array;
  /** Due date; NaN where the row has none. */
  readonly dueSerial: Float64Array;
  /** Promise-to-pay date; NaN where the row has none. */
  readonly promiseSerial: Float64Array;
  /** The voucher ("" where the range has no Voucher column or the cell is blank). */
  readonly voucher: readonly string[];
  /** The row as the user sees it. */
  readonly row: Int32Array;
}

/** Index of a transaction type in `LedgerColumns.typeOf`. */
export const TYPE_INDEX: Readonly<Record<TransactionType, number>> = Object.fromEntries(TRANSACTION_TYPES.map((t, i) => [t, i])) as Record<TransactionType, number>;

/** Index of a collection status in `LedgerColumns.statusOf`. */
export const STATUS_INDEX: Readonly<Record<CollectionStatus, number>> = Object.fromEntries(COLLECTION_STATUSES.map((s, i) => [s, i])) as Record<CollectionStatus, number>;

/**
 * What a rule that walks the ledger row by row reads of a row: the fields of a `Transaction` that
 * the columns hold. `Transaction` records are rows too, so one loop serves both.
 */
export interface LedgerRow {
  readonly customer: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly type: TransactionType;
  readonly status: CollectionStatus;
  readonly dateSerial?: number | undefined;
  readonly dueSerial?: number | undefined;
  readonly promiseSerial?: number | undefined;
  readonly voucher: string;
  readonly row: number;
}

/**
 * Visit every row of a ledger in order: each record of an array, or each row of the columns through
 * one view object refilled per row (no object per row). `visit` must not keep the view it is given.
 * @example
 * const ledger = { length: 2, customers: ["C1", "C2"], customerOf: Int32Array.of(0, 1), currencies: ["SEK"], currencyOf: Int32Array.of(0, 0), amountMinor: Float64Array.of(150000, 2500), typeOf: Uint8Array.of(0, 0), statusOf: Uint8Array.of(0, 0), dateSerial: Float64Array.of(45000, 45001), dueSerial: Float64Array.of(45030, NaN), promiseSerial: Float64Array.of(NaN, NaN), voucher: ["F1", "F2"], row: Int32Array.of(2, 3) };
 * const seen = [];
 * forEachRow(ledger, (t) => seen.push([t.customer, t.voucher, t.amountMinor, t.dueSerial]));
 * seen // [["C1", "F1", 150000, 45030], ["C2", "F2", 2500, undefined]]
 */
export function forEachRow(ledger: readonly LedgerRow[] | LedgerColumns, visit: (t: LedgerRow) => void): void {
  if (Array.isArray(ledger)) {
    for (let k = 0; k < ledger.length; k++) visit(ledger[k] as LedgerRow);
    return;
  }
  const l = ledger as LedgerColumns;
  const view = { customer: "", currency: "", amountMinor: 0, type: "Invoice" as TransactionType, status: "None" as CollectionStatus, dateSerial: undefined as number | undefined, dueSerial: undefined as number | undefined, promiseSerial: undefined as number | undefined, voucher: "", row: 0 };
  const { customers, customerOf, currencies, currencyOf, amountMinor, typeOf, statusOf, dateSerial, dueSerial, promiseSerial, voucher, row } = l;
  // The code lists read once, not through the module's bindings per row.
  const types = TRANSACTION_TYPES;
  const statuses = COLLECTION_STATUSES;
  for (let k = 0; k < l.length; k++) {
    view.customer = customers[customerOf[k] as number] as string;
    view.currency = currencies[currencyOf[k] as number] as string;
    view.amountMinor = amountMinor[k] as number;
    view.type = types[typeOf[k] as number] as TransactionType;
    view.status = statuses[statusOf[k] as number] as CollectionStatus;
    const d = dateSerial[k] as number;
    view.dateSerial = d === d ? d : undefined;
    const due = dueSerial[k] as number;
    view.dueSerial = due === due ? due : undefined;
    const p = promiseSerial[k] as number;
    view.promiseSerial = p === p ? p : undefined;
    view.voucher = voucher[k] as string;
    view.row = row[k] as number;
    visit(view);
  }
}

/**
 * The index of `customer` in `ledger.customers`, or -1 when the ledger has no row of it.
 * @example customerIndex({ customers: ["C1", "C2"] }, "C2") // 1
 * @example customerIndex({ customers: ["C1", "C2"] }, "C9") // -1
 */
export function customerIndex(ledger: LedgerColumns, customer: string): number {
  return ledger.customers.indexOf(customer);
}
