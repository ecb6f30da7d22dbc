/**
 * The credit check of one order (docs/domain.md §5.1-§5.3; the result: §5.9). The limits are always checked: the credit
 * group first (sum of the members' exposure against the group limit), then the customer's own;
 * then the blocking rules and the payment-terms and cash-discount rank checks add their holds.
 */
import { ccError, fail, type Result } from "../errors";
import type { CreditBook } from "./book";
import { checkOrder } from "./_lib/check-order";
import { compileRules } from "./_lib/measure";
import type { BlockingRule, CreditCheckResult, ReasonCode } from "./types";

export interface CreditCheckOptions {
  /** Check the credit group's limit (default true). */
  readonly checkGroupLimit?: boolean;
  /** CreditLimitExpired: a blank expiry never expires (default true) or always blocks (false). */
  readonly ignoreBlankExpiry?: boolean;
  /** Ranks of payment terms (normalized key -> rank); the check runs when given. */
  readonly paymentTermsRanks?: ReadonlyMap<string, number>;
  /** Ranks of cash-discount codes; the check runs when given. */
  readonly cashDiscountRanks?: ReadonlyMap<string, number>;
}

export interface OrderToCheck {
  readonly customer: string;
  /** The order's amount in `currency` (minor units). */
  readonly amountMinor: number;
  /** Default: the customer's currency. */
  readonly currency?: string;
  readonly paymentTerms?: string;
  readonly cashDiscount?: string;
  /** True when the order is already one of the book's open orders (then it is not added again). */
  readonly inBook?: boolean;
}

/**
 * Check one order. C1 has a limit of 10,000.00, an open balance of 9,000.00 (30 days overdue) and
 * order SO1 of 500.00: a new order of 1,500.00 is held for the limit; one of 100.00 fits it, but a
 * rule blocking above 20 days overdue holds it.
 * @example
 * const r = checkCredit(creditBookC1C2, { customer: "C1", amountMinor: 150000 }, []).value;
 * [r.status, r.reasons, r.limitMinor, r.exposureMinor, r.availableMinor] // ["HOLD", ["CreditLimit"], 1000000, 1100000, -100000]
 * @example
 * checkCredit(creditBookC1C2, { customer: "C1", amountMinor: 10000 }, [{ ...block60All, value: "20" }]).value.reasons // ["DaysOverdue"]
 * @example checkCredit(creditBookC1C2, { customer: "C9", amountMinor: 100 }, []).errors[0].code // "customer_must_exist"
 */
export function checkCredit(
  book: CreditBook,
  order: OrderToCheck,
  rules: readonly BlockingRule[],
  options: CreditCheckOptions = {},
): Result<CreditCheckResult> {
  const customer = book.customer(order.customer);
  if (customer === undefined) {
    return fail(ccError("customer_must_exist", { case: "range", customer: order.customer }, { column: "customer" }));
  }
  return checkOrder(book, customer, order, order.inBook === true, compileRules(rules), options);
}

/**
 * "CreditLimit", or "Multiple" when there are several reasons, as hold lists show them.
 * @example reasonSummary(["CreditLimit", "DaysOverdue"]) // "Multiple"
 * @example reasonSummary(["CreditLimit"]) // "CreditLimit"
 */
export function reasonSummary(reasons: readonly ReasonCode[]): string {
  if (reasons.length === 0) return "";
  return reasons.length === 1 ? (reasons[0] ?? "") : "Multiple";
}
