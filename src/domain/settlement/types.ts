/**
 * The settlement engine's records (docs/domain.md §4). A settlement closes debit items (open
 * amount > 0) against one credit item (a payment or a credit note, open amount < 0). Amounts are
 * integers of minor units in the currency named beside them.
 */
import type { Transaction, TransactionType } from "../types";

export const USE_CASH_DISCOUNT = ["Normal", "Always", "Never"] as const;
/** Normal: only on or before the discount date; Always: the first tier regardless of date; Never. */
export type UseCashDiscount = (typeof USE_CASH_DISCOUNT)[number];

export const DISCOUNT_ADMINISTRATION = ["Specific", "Unspecific"] as const;
/** Specific: the full discount is taken and an overpayment goes to the tolerances; Unspecific: an overpayment reduces the discount. */
export type DiscountAdministration = (typeof DISCOUNT_ADMINISTRATION)[number];

/** The default user-defined priority of docs/domain.md W1 (§8). */
export const DEFAULT_PRIORITY: readonly TransactionType[] = ["Fee", "CollectionLetter", "InterestNote", "Invoice"];

/**
 * One row of a discount-code table: `pct` percent if paid within `days` of the item's document
 * date (else transaction date), or on or before the fixed `dateSerial`; else the `next` code.
 */
export interface DiscountCode {
  readonly code: string;
  readonly days?: number;
  readonly dateSerial?: number;
  /** Percent points, 0 <= pct < 100. */
  readonly pct: number;
  readonly next?: string;
  readonly row?: number;
}

/**
 * An open item as the engine settles it: a transaction, optionally with what an earlier partial
 * settlement already took as discount (so that partial discounts never exceed the full discount).
 */
export interface SettlementItem extends Transaction {
  /** The amount the full discount is computed on (the original invoice amount); default the open amount. */
  readonly originalAmountMinor?: number;
  /** Discount already granted on this item by earlier partial settlements, in its currency. */
  readonly discountTakenMinor?: number;
}

export interface SettlementOptions {
  /** Discount on partial payments: P / (1 - pct) x pct, capped at the full discount. Default false. */
  readonly partialDiscount: boolean;
  /** A credit note used as the credit item may carry a discount of its own. Default false. */
  readonly discountOnCreditNotes: boolean;
  readonly useCashDiscount: UseCashDiscount;
  /**
   * Minor units of the credit item's (payment's) currency (5 = five cents in USD). A difference in
   * another currency is compared with this tolerance converted at the settlement date. Default 0.
   */
  readonly maxPennyDifferenceMinor: number;
  /** Minor units of the credit item's currency, as `maxPennyDifferenceMinor`. Default 0. */
  readonly maxOverUnderMinor: number;
  readonly discountAdministration: DiscountAdministration;
  /** Codes named by items' CashDiscountCode. */
  readonly discountCodes: readonly DiscountCode[];
}

export const DEFAULT_SETTLEMENT_OPTIONS: SettlementOptions = {
  partialDiscount: false,
  discountOnCreditNotes: false,
  useCashDiscount: "Normal",
  maxPennyDifferenceMinor: 0,
  maxOverUnderMinor: 0,
  discountAdministration: "Specific",
  discountCodes: [],
};

/** Mark a debit item for manual settlement; a missing amount settles the maximum possible. */
export interface Mark {
  readonly voucher: string;
  /** What the item is closed by, discount included, in the item's currency (> 0). */
  readonly amountToSettleMinor?: number;
  readonly useCashDiscount?: UseCashDiscount;
}

/** The automatic method when none is given (CC.SETTLE, cc settle, the wizard): by due date. */
export const DEFAULT_SETTLEMENT_METHOD = "duedate" as const;

export type SettlementMethod =
  | { readonly kind: "duedate" }
  | { readonly kind: "priority"; readonly types: readonly TransactionType[] }
  | { readonly kind: "manual"; readonly marks: readonly Mark[] };

/** Where a difference closed by a tolerance goes. */
export type DifferenceRole = "PennyDifference" | "CashDiscount";

/** What the settlement does to one debit item. */
export interface ProposalLine {
  readonly item: SettlementItem;
  readonly openMinor: number;
  /** Percent points of the discount tier granted at the settlement date (0 = none). */
  readonly discountPct: number;
  /** The full discount the item offers at the settlement date (0 when none is granted). */
  readonly discountAvailableMinor: number;
  /** Discount taken by this settlement, item currency, >= 0. */
  readonly discountMinor: number;
  /** Under-payment closed by a tolerance, item currency, >= 0. */
  readonly differenceMinor: number;
  readonly differenceRole?: DifferenceRole;
  /** What the item is closed by: paid + discount + difference; item currency. */
  readonly amountToSettleMinor: number;
  /** Paid from the credit item, item currency. */
  readonly paidMinor: number;
  /** The same payment in the credit item's currency. */
  readonly creditUsedMinor: number;
  readonly balanceMinor: number;
}

export interface Proposal {
  readonly credit: SettlementItem;
  readonly dateSerial: number;
  readonly method: SettlementMethod;
  readonly options: SettlementOptions;
  /** Debit items in the order visited, then the untouched ones (amount to settle 0). */
  readonly lines: readonly ProposalLine[];
  /** Credit-note discount (credit currency, >= 0). */
  readonly creditDiscountMinor: number;
  /** Over-payment closed by a tolerance (credit currency, >= 0). */
  readonly creditDifferenceMinor: number;
  readonly creditDifferenceRole?: DifferenceRole;
  /** What remains open on the credit item (credit currency, >= 0). */
  readonly unappliedMinor: number;
}

/** A change of one item's open amount caused by posting or unapplying. */
export interface OpenChange {
  readonly customer: string;
  readonly voucher: string;
  readonly currency: string;
  readonly deltaMinor: number;
  /** The open amount afterwards, when the engine knew the amount before. */
  readonly openMinor?: number;
}
