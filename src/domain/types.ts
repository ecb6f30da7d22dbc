/**
 * The engine's records (docs/domain.md §2). Amounts are integers of minor units in the record's
 * own currency; dates are 1900-system serials; percents are percent points (2 means 2 %).
 * Every record remembers the sheet row it came from so that a rule can point at it.
 */

export const TRANSACTION_TYPES = [
  "Invoice",
  "CreditNote",
  "Payment",
  "Refund",
  "InterestNote",
  "Fee",
  "CollectionLetter",
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const COLLECTION_STATUSES = ["None", "Disputed", "PromiseToPay", "PromiseToPayBroken", "Resolved"] as const;
export type CollectionStatus = (typeof COLLECTION_STATUSES)[number];

/** Extra columns of a row that the engine does not know, carried through untouched. */
export type ExtraCells = Readonly<Record<string, unknown>>;

export interface Transaction {
  readonly customer: string;
  readonly voucher: string;
  readonly type: TransactionType;
  /** Transaction (posting) date. */
  readonly dateSerial?: number;
  readonly dueSerial?: number;
  readonly documentSerial?: number;
  /** Open amount, signed: debit items > 0, credit items < 0. */
  readonly amountMinor: number;
  /** ISO 4217 code, or "" when the range has no currency. */
  readonly currency: string;
  readonly cashDiscountSerial?: number;
  /** Percent points, e.g. 2 for 2 %. */
  readonly cashDiscountPct?: number;
  /** A cash-discount code (resolved through a discount-code table by the settlement engine). */
  readonly discountCode?: string;
  readonly invoice?: string;
  readonly status: CollectionStatus;
  readonly promiseSerial?: number;
  readonly promiseAmountMinor?: number;
  readonly dimension?: string;
  readonly postingProfile?: string;
  readonly taxCode?: string;
  readonly taxAmountMinor?: number;
  readonly legalEntity?: string;
  /** The row as the user sees it (the header is row 1 of its range). */
  readonly row: number;
}

export interface ExchangeRate {
  readonly currency: string;
  readonly dateSerial: number;
  /** Units of accounting currency per 1 unit of `currency`, as exact decimal text. */
  readonly rate: string;
  readonly row: number;
}
