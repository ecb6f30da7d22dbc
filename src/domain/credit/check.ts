/**
 * The credit check of one order (DOMAIN.md 5.1-5.3). The limits are always checked: the credit
 * group first (sum of the members' exposure against the group limit), then the customer's own;
 * then the blocking rules and the payment-terms and cash-discount rank checks add their holds.
 */
import { Decimal } from "../_lib/decimal";
import { ccError, fail, ok, type Result } from "../errors";
import { currencyExponent } from "../money";
import type { CreditBook } from "./book";
import { rankReasons } from "./_lib/ranks";
import { bindingCheck, limitChecks } from "./_lib/limit-checks";
import { evaluateRules } from "./rules";
import { type BlockingRule, type CreditCheckResult, REASON_CODES, type ReasonCode } from "./types";

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
 * Check one order.
 * @example
 * // limit 10,000.00, open balance 9,000.00, order 1,500.00:
 * checkCredit(book, { customer: "C1", amountMinor: 150000 }, []).value
 * // { status: "HOLD", reasons: ["CreditLimit"], limitMinor: 1000000, exposureMinor: 1050000, availableMinor: -50000, ... }
 */
export function checkCredit(
  book: CreditBook,
  order: OrderToCheck,
  rules: readonly BlockingRule[],
  options: CreditCheckOptions = {},
): Result<CreditCheckResult> {
  const customer = book.customer(order.customer);
  if (customer === undefined) {
    return fail(ccError("customer_must_exist", `customer '${order.customer}' is not in the customers range`, { column: "customer" }));
  }
  const limit = book.customerLimit(customer);
  const empty = { customer: customer.customer, checks: [], rules: [] };
  if (limit.kind === "Excluded") {
    return ok({ ...empty, status: "OK", reasons: [], limitMinor: null, exposureMinor: 0, availableMinor: null, currency: customer.currency });
  }
  const currency = order.currency ?? customer.currency;
  const orderMinor = book.convert(order.amountMinor, currency, customer.currency);
  if (!orderMinor.ok) return orderMinor;
  const checks = limitChecks(book, customer, limit, { amountMinor: order.inBook === true ? 0 : order.amountMinor, currency }, options.checkGroupLimit ?? true);
  if (!checks.ok) return checks;
  const binding = bindingCheck(book, customer, checks.value.checks);
  if (!binding.ok) return binding;
  const b = binding.value;
  const overdue = book.overdueMinor(customer, customer.currency);
  if (!overdue.ok) return overdue;
  const expiry = limit.kind === "UseGroup" ? book.group(customer.creditGroup ?? "")?.creditLimitExpirySerial : customer.creditLimitExpirySerial;
  const measures = {
    daysOverdue: book.daysOverdue(customer),
    ...(customer.accountStatus !== undefined ? { accountStatus: customer.accountStatus } : {}),
    ...(order.paymentTerms !== undefined ? { paymentTerms: order.paymentTerms } : {}),
    limitExpiredDays: expiry === undefined ? null : book.asOfSerial - expiry,
    overdueMinor: overdue.value,
    orderMinor: orderMinor.value,
    usagePct: usage(b.limitMinor, b.exposureMinor),
    exponent: currencyExponent(customer.currency) ?? 2,
    ignoreBlankExpiry: options.ignoreBlankExpiry ?? true,
  };
  const ranks = rankReasons(customer, order, options);
  if (!ranks.ok) return ranks;
  const evaluation = evaluateRules(rules, customer, measures);
  const reasons = new Set<ReasonCode>([...checks.value.reasons, ...ranks.value]);
  if (evaluation.releasedBy === undefined) for (const r of evaluation.reasons) reasons.add(r);
  const ordered = REASON_CODES.filter((r) => reasons.has(r));
  const status = evaluation.releasedBy !== undefined ? "RELEASED" : ordered.length > 0 ? "HOLD" : "OK";
  return ok({
    customer: customer.customer,
    status,
    reasons: ordered,
    limitMinor: b.limitMinor,
    exposureMinor: b.exposureMinor,
    availableMinor: b.availableMinor,
    currency: b.currency,
    checks: checks.value.checks,
    rules: evaluation.outcomes,
    ...(evaluation.releasedBy !== undefined ? { releasedBy: evaluation.releasedBy } : {}),
  });
}

/** Exposure x 100 / limit; a zero limit with positive exposure is infinitely used. */
function usage(limitMinor: number | null, exposureMinor: number): Decimal | null {
  if (limitMinor === null) return null;
  if (limitMinor === 0) return exposureMinor > 0 ? new Decimal(Infinity) : new Decimal(0);
  return new Decimal(exposureMinor).mul(100).div(limitMinor);
}

/** "CreditLimit", or "Multiple" when there are several reasons, as hold lists show them. */
export function reasonSummary(reasons: readonly ReasonCode[]): string {
  if (reasons.length === 0) return "";
  return reasons.length === 1 ? (reasons[0] ?? "") : "Multiple";
}
