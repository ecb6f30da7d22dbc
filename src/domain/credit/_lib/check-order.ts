/**
 * The credit check of one order on compiled rules, shared by checkCredit and the batch check.
 * What does not depend on the order itself (limit checks without an added amount, the binding
 * check, overdue, days overdue, expiry) can be kept per customer and order currency in a
 * CustomerStates cache: every order already in the book adds nothing to its customer's exposure.
 */
import { ok, type Result } from "../../errors";
import { currencyExponent } from "../../money";
import type { CreditBook } from "../book";
import type { CustomerLimit } from "../limits";
import { evaluateCompiled } from "../rules";
import { type CreditCheckResult, type Customer, type LimitCheck, REASON_CODES, type ReasonCode } from "../types";
import { bindingCheck, limitChecks, type LimitCheckSet } from "./limit-checks";
import type { CompiledRule, Measures } from "./measure";
import { rankReasons } from "./ranks";

export interface CheckOptions {
  readonly checkGroupLimit?: boolean;
  readonly ignoreBlankExpiry?: boolean;
  readonly paymentTermsRanks?: ReadonlyMap<string, number>;
  readonly cashDiscountRanks?: ReadonlyMap<string, number>;
}

export interface OrderFields {
  readonly customer: string;
  readonly amountMinor: number;
  readonly currency?: string | undefined;
  readonly paymentTerms?: string | undefined;
  readonly cashDiscount?: string | undefined;
}

/** The order-independent part of a check, for one customer and order currency. */
interface CustomerState {
  readonly currency: string;
  readonly checks: LimitCheckSet;
  readonly binding: LimitCheck;
  readonly overdueMinor: number;
  readonly daysOverdue: number;
  readonly limitExpiredDays: number | null;
  readonly exponent: number;
}

/** States of orders already in the book (added amount 0), per customer; one cache per batch. */
export type CustomerStates = Map<Customer, CustomerState[]>;

const REASON_BIT = new Map<ReasonCode, number>(REASON_CODES.map((r, i) => [r, 1 << i]));

/** Check one order (`inBook`: already part of the book's exposure); `states` (for orders in the book only) keeps what its customer's orders share. */
export function checkOrder(
  book: CreditBook,
  customer: Customer,
  order: OrderFields,
  inBook: boolean,
  rules: readonly CompiledRule[],
  options: CheckOptions,
  states?: CustomerStates,
): Result<CreditCheckResult> {
  const limit = book.customerLimit(customer);
  if (limit.kind === "Excluded") {
    return ok({ customer: customer.customer, checks: [], rules: [], status: "OK", reasons: [], limitMinor: null, exposureMinor: 0, availableMinor: null, currency: customer.currency });
  }
  const currency = order.currency ?? customer.currency;
  const orderMinor = book.convert(order.amountMinor, currency, customer.currency);
  if (!orderMinor.ok) return orderMinor;
  const s = inBook && states !== undefined ? cachedState(book, customer, limit, currency, options, states) : stateOf(book, customer, limit, order.amountMinor, inBook, currency, options);
  if (!s.ok) return s;
  const state = s.value;
  const b = state.binding;
  const measures: Measures = {
    daysOverdue: state.daysOverdue,
    accountStatus: customer.accountStatus,
    paymentTerms: order.paymentTerms,
    limitExpiredDays: state.limitExpiredDays,
    overdueMinor: state.overdueMinor,
    orderMinor: orderMinor.value,
    limitMinor: b.limitMinor,
    exposureMinor: b.exposureMinor,
    exponent: state.exponent,
    ignoreBlankExpiry: options.ignoreBlankExpiry ?? true,
  };
  let mask = 0;
  for (const r of state.checks.reasons) mask |= REASON_BIT.get(r) as number;
  if (options.paymentTermsRanks !== undefined || options.cashDiscountRanks !== undefined) {
    const ranks = rankReasons(customer, order, options);
    if (!ranks.ok) return ranks;
    for (const r of ranks.value) mask |= REASON_BIT.get(r) as number;
  }
  const evaluation = evaluateCompiled(rules, customer, measures);
  if (evaluation.releasedBy === undefined) for (const r of evaluation.reasons) mask |= REASON_BIT.get(r) as number;
  const reasons: ReasonCode[] = [];
  if (mask !== 0) for (let i = 0; i < REASON_CODES.length; i++) if ((mask & (1 << i)) !== 0) reasons.push(REASON_CODES[i] as ReasonCode);
  const result: CreditCheckResult = {
    customer: customer.customer,
    status: evaluation.releasedBy !== undefined ? "RELEASED" : reasons.length > 0 ? "HOLD" : "OK",
    reasons,
    limitMinor: b.limitMinor,
    exposureMinor: b.exposureMinor,
    availableMinor: b.availableMinor,
    currency: b.currency,
    checks: state.checks.checks,
    rules: evaluation.outcomes,
  };
  return ok(evaluation.releasedBy !== undefined ? { ...result, releasedBy: evaluation.releasedBy } : result);
}

function cachedState(book: CreditBook, customer: Customer, limit: CustomerLimit, currency: string, options: CheckOptions, states: CustomerStates): Result<CustomerState> {
  let list = states.get(customer);
  if (list === undefined) states.set(customer, (list = []));
  for (const s of list) if (s.currency === currency) return ok(s);
  const s = stateOf(book, customer, limit, 0, true, currency, options);
  if (s.ok) list.push(s.value);
  return s;
}

function stateOf(
  book: CreditBook,
  customer: Customer,
  limit: CustomerLimit,
  amountMinor: number,
  inBook: boolean,
  currency: string,
  options: CheckOptions,
): Result<CustomerState> {
  const checks = limitChecks(book, customer, limit, { amountMinor: inBook ? 0 : amountMinor, currency }, options.checkGroupLimit ?? true);
  if (!checks.ok) return checks;
  const binding = bindingCheck(book, customer, checks.value.checks);
  if (!binding.ok) return binding;
  const overdue = book.overdueMinor(customer, customer.currency);
  if (!overdue.ok) return overdue;
  const expiry = limit.kind === "UseGroup" ? book.group(customer.creditGroup ?? "")?.creditLimitExpirySerial : customer.creditLimitExpirySerial;
  return ok({
    currency,
    checks: checks.value,
    binding: binding.value,
    overdueMinor: overdue.value,
    daysOverdue: book.daysOverdue(customer),
    limitExpiredDays: expiry === undefined ? null : book.asOfSerial - expiry,
    exponent: currencyExponent(customer.currency) ?? 2,
  });
}
