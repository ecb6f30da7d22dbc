/**
 * Cash application's records: statement lines (what the bank says came in), the open items they
 * may pay, the customers that may have paid, and the match of each line. Amounts are integers of
 * minor units in the currency named beside them; dates are 1900-system serials.
 */
import type { SettlementOptions } from "../settlement/types";
import type { Transaction } from "../types";

/** One line of a bank statement (the `Statement` table). */
export interface StatementLine {
  readonly lineId: string;
  readonly dateSerial: number;
  /** Signed: > 0 money in (a customer payment), < 0 money out. */
  readonly amountMinor: number;
  readonly currency: string;
  /** The payer's name as the bank gives it. */
  readonly counterparty: string;
  /** The payer's IBAN or account number. */
  readonly account: string;
  /** The structured creditor reference (OCR, KID, FI payment ID, RF). */
  readonly reference: string;
  /** The unstructured remittance text. */
  readonly text: string;
  /** The row as the user sees it (the header is row 1), or the entry number in a file. */
  readonly row: number;
}

/** An open item as the matcher sees it: a ledger transaction with its payment reference. */
export interface MatchItem extends Transaction {
  readonly paymentReference?: string;
}

/** A customer as the matcher sees it: number, name and the bank accounts it pays from. */
export interface MatchCustomer {
  readonly customer: string;
  readonly name?: string;
  readonly bankAccounts: readonly string[];
  readonly row?: number;
}

export const CONFIDENCES = ["High", "Medium", "Low", "None"] as const;
/** High: posted without a person; Medium: very likely; Low: a suggestion; None: no match. */
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * Rank for comparisons: High 3 ... None 0.
 * @example confidenceRank("High") > confidenceRank("Low") // true
 */
export function confidenceRank(c: Confidence): number {
  return 3 - CONFIDENCES.indexOf(c);
}

export interface MatchOptions {
  /** The lowest confidence posted without a person (the CLI, the demo, the Bank screen's preselection). */
  readonly autoApply: Confidence;
  /** The settlement engine's options: tolerances, discounts. */
  readonly settlement: Partial<SettlementOptions>;
  /** Most items a combined payment is searched over (the customer's oldest open items first). */
  readonly maxSubsetItems: number;
  /** Most items in one combined payment. */
  readonly maxSubsetSize: number;
  /**
   * Tolerances per statement currency (upper-case code), in that currency's minor units, over
   * those of `settlement` (which are in minor units of every currency alike).
   */
  /**
   * A person's decisions in review, by LineId, applied in statement order instead of the rules:
   * skip a line (it settles and consumes nothing) or assign it a customer and items.
   */
  readonly overrides?: ReadonlyMap<string, LineOverride>;
  readonly tolerancesByCurrency?: ReadonlyMap<string, Pick<Partial<SettlementOptions>, "maxPennyDifferenceMinor" | "maxOverUnderMinor">>;
}

/** Review: leave a line out, or pay the named vouchers of a customer (none: the whole line on account). */
export type LineOverride =
  | { readonly kind: "skip" }
  | { readonly kind: "assign"; readonly customer: string; readonly vouchers: readonly string[] };

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { autoApply: "High", settlement: {}, maxSubsetItems: 24, maxSubsetSize: 4 };

/** What a line settles on one open item. */
export interface MatchSettlement {
  readonly voucher: string;
  /** What the item is closed by, discount and tolerance difference included, in its currency. */
  readonly amountToSettleMinor: number;
  /** The cash of the line used on it (line currency). */
  readonly paidMinor: number;
  readonly discountMinor: number;
}

/** The match of one statement line. */
export interface LineMatch {
  readonly line: StatementLine;
  /** "" when the line matched no customer. */
  readonly customer: string;
  readonly confidence: Confidence;
  /** The rule that decided, in words ("Reference + amount"). */
  readonly rule: string;
  readonly settlements: readonly MatchSettlement[];
  /** What stays on the customer's account (line currency, >= 0); 0 when no customer. */
  readonly onAccountMinor: number;
}
