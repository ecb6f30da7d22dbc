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
  /** The voucher ("" where the range has no Voucher column or the cell is blank). */
  readonly voucher: readonly string[];
  /** The row as the user sees it. */
  readonly row: Int32Array;
}

/** Index of a transaction type in `LedgerColumns.typeOf`. */
export const TYPE_INDEX: Readonly<Record<TransactionType, number>> = Object.fromEntries(TRANSACTION_TYPES.map((t, i) => [t, i])) as Record<TransactionType, number>;

/** Index of a collection status in `LedgerColumns.statusOf`. */
export const STATUS_INDEX: Readonly<Record<CollectionStatus, number>> = Object.fromEntries(COLLECTION_STATUSES.map((s, i) => [s, i])) as Record<CollectionStatus, number>;

/** The index of `customer` in `ledger.customers`, or -1 when the ledger has no row of it. */
export function customerIndex(ledger: LedgerColumns, customer: string): number {
  return ledger.customers.indexOf(customer);
}
