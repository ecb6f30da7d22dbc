/**
 * The credit check of one order on compiled rules, shared by checkCredit and the batch check.
 * What does not depend on the order itself (limit checks without an added amount, the binding
 * check, overdue, days overdue, expiry) is kept per customer and order currency in a BatchCache:
 * every order already in the book adds nothing to its customer's exposure. When no rule reads the
 * order (PaymentTerms, SalesOrderAmount) and no rank check runs, the rule evaluation is kept too.
 */
import { ccError, fail, ok, type Result } from "../../errors";
import { exponentOf } from "../../money";
import type { CreditBook } from "../book";
import type { CustomerLimit } from "../limits";
import { evaluateCompiled } from "../rules";
import { type BlockingRule, type CreditCheckResult, type CreditStatus, type Customer, type LimitCheck, type Order, REASON_CODES, type ReasonCode, type RuleOutcome } from "../types";
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
  /** The most-used limit checked: what the usage rules measure. */
  readonly mostUsed: LimitCheck;
  readonly overdueMinor: number;
  readonly daysOverdue: number;
  readonly limitExpiredDays: number | null;
  readonly exponent: number;
  /** The result, when the batch shares it (no rule reads the order). */
  shared?: Result<CreditCheckResult>;
}

/** Status, reasons and rule outcomes of one check. */
interface Verdict {
  readonly status: CreditStatus;
  readonly reasons: readonly ReasonCode[];
  readonly outcomes: readonly RuleOutcome[];
  readonly releasedBy: BlockingRule | undefined;
}

interface CustomerEntry {
  readonly customer: Customer | undefined;
  readonly limit: CustomerLimit | undefined;
  /** The result of every order of an excluded customer. */
  readonly excluded: Result<CreditCheckResult> | undefined;
  /** The customer's currency, and the state of orders in it (most orders are). */
  readonly currency: string;
  own: CustomerState | undefined;
  /** The shared result of orders in the customer's currency (read first: most orders take it). */
  ownShared: Result<CreditCheckResult> | undefined;
  /** States of orders in other currencies (rare: made on first use). */
  others: CustomerState[] | undefined;
}

/** What the orders of one customer share, for a batch of orders already in the book. */
export interface BatchCache {
  readonly entries: Map<string, CustomerEntry>;
  /** No rule reads the order and no rank check runs: one verdict per customer state. */
  readonly shareVerdicts: boolean;
}

/**
 * A cache for one batch over `rules` with `options`.
 * @example batchCache([], {}).shareVerdicts // true (no rule reads the order)
 * @example batchCache([], { paymentTermsRanks: new Map() }).shareVerdicts // false (a rank check reads it)
 */
export function batchCache(rules: readonly CompiledRule[], options: CheckOptions): BatchCache {
  const readsOrder = rules.some((r) => r.rule.ruleType === "PaymentTerms" || r.rule.ruleType === "SalesOrderAmount");
  const ranks = options.paymentTermsRanks !== undefined || options.cashDiscountRanks !== undefined;
  return { entries: new Map(), shareVerdicts: !readsOrder && !ranks };
}

const REASON_BIT = new Map<ReasonCode, number>(REASON_CODES.map((r, i) => [r, 1 << i]));

/**
 * Check one order (`inBook`: already part of the book's exposure). C1 has a limit of 10,000.00 and
 * an exposure of 9,500.00: a new order of 1,500.00 makes 11,000.00; the same amount as an order
 * already in the book adds nothing.
 * @example checkOrder(creditBookC1C2, customerWith10000, { customer: "C1", amountMinor: 150000 }, false, [], {}).value.availableMinor // -100000
 * @example checkOrder(creditBookC1C2, customerWith10000, { customer: "C1", amountMinor: 150000 }, true, [], {}).value.status // "OK"
 */
export function checkOrder(
  book: CreditBook,
  customer: Customer,
  order: OrderFields,
  inBook: boolean,
  rules: readonly CompiledRule[],
  options: CheckOptions,
): Result<CreditCheckResult> {
  const limit = book.customerLimit(customer);
  if (limit.kind === "Excluded") return ok(excluded(customer));
  const currency = order.currency ?? customer.currency;
  const orderMinor = book.convert(order.amountMinor, currency, customer.currency);
  if (!orderMinor.ok) return orderMinor;
  const s = stateOf(book, customer, limit, inBook ? 0 : order.amountMinor, currency, options);
  if (!s.ok) return s;
  const verdict = verdictOf(s.value, customer, order, orderMinor.value, rules, options);
  return verdict.ok ? ok(resultOf(customer, s.value, verdict.value)) : verdict;
}

/**
 * Check one of the book's open orders, sharing what its customer's orders share through `cache`.
 * Orders of one customer and currency with a shared verdict get one shared (read-only) result.
 * @example checkBookOrder(creditBookC1C2, creditOrders[1], [], {}, batchCache([], {})).value.reasons // ["CreditLimit"] (SO2 of C2, limit 0: no credit)
 */
export function checkBookOrder(book: CreditBook, order: Order, rules: readonly CompiledRule[], options: CheckOptions, cache: BatchCache): Result<CreditCheckResult> {
  let entry = cache.entries.get(order.customer);
  if (entry === undefined) {
    const c = book.customer(order.customer);
    const limit = c === undefined ? undefined : book.customerLimit(c);
    const excludedResult = c !== undefined && limit?.kind === "Excluded" ? ok(excluded(c)) : undefined;
    entry = { customer: c, limit, excluded: excludedResult, currency: c?.currency ?? "", own: undefined, ownShared: undefined, others: undefined };
    cache.entries.set(order.customer, entry);
  }
  const { customer, limit } = entry;
  if (customer === undefined || limit === undefined) {
    return fail(ccError("customer_must_exist", { case: "range", customer: order.customer }, { column: "customer" }));
  }
  if (entry.excluded !== undefined) return entry.excluded;
  const currency = order.currency;
  const own = currency === entry.currency;
  if (own && entry.ownShared !== undefined) return entry.ownShared;
  let orderMinor = order.amountMinor;
  let state = entry.own;
  if (!own) {
    const c = book.convert(order.amountMinor, currency, customer.currency);
    if (!c.ok) return c;
    orderMinor = c.value;
    state = undefined;
    for (const s of entry.others ?? []) if (s.currency === currency) state = s;
  }
  if (state?.shared !== undefined) return state.shared;
  if (state === undefined) {
    const s = stateOf(book, customer, limit, 0, currency, options);
    if (!s.ok) return s;
    state = s.value;
    if (own) entry.own = state;
    else (entry.others ??= []).push(state);
  }
  const v = verdictOf(state, customer, order, orderMinor, rules, options);
  if (!v.ok) return v;
  const result = ok(resultOf(customer, state, v.value));
  if (cache.shareVerdicts) {
    state.shared = result;
    if (own) entry.ownShared = result;
  }
  return result;
}

function excluded(customer: Customer): CreditCheckResult {
  return { customer: customer.customer, checks: [], rules: [], status: "OK", reasons: [], limitMinor: null, exposureMinor: 0, availableMinor: null, currency: customer.currency };
}

function verdictOf(state: CustomerState, customer: Customer, order: OrderFields, orderMinor: number, rules: readonly CompiledRule[], options: CheckOptions): Result<Verdict> {
  const measures: Measures = {
    daysOverdue: state.daysOverdue,
    accountStatus: customer.accountStatus,
    paymentTerms: order.paymentTerms,
    limitExpiredDays: state.limitExpiredDays,
    overdueMinor: state.overdueMinor,
    orderMinor,
    limitMinor: state.mostUsed.limitMinor,
    exposureMinor: state.mostUsed.exposureMinor,
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
  const status = evaluation.releasedBy !== undefined ? "RELEASED" : reasons.length > 0 ? "HOLD" : "OK";
  return ok({ status, reasons, outcomes: evaluation.outcomes, releasedBy: evaluation.releasedBy });
}

function resultOf(customer: Customer, state: CustomerState, v: Verdict): CreditCheckResult {
  const b = state.binding;
  const result: CreditCheckResult = {
    customer: customer.customer,
    status: v.status,
    reasons: v.reasons,
    limitMinor: b.limitMinor,
    exposureMinor: b.exposureMinor,
    availableMinor: b.availableMinor,
    currency: b.currency,
    checks: state.checks.checks,
    rules: v.outcomes,
  };
  return v.releasedBy !== undefined ? { ...result, releasedBy: v.releasedBy } : result;
}

function stateOf(book: CreditBook, customer: Customer, limit: CustomerLimit, addedMinor: number, currency: string, options: CheckOptions): Result<CustomerState> {
  const checks = limitChecks(book, customer, limit, { amountMinor: addedMinor, currency }, options.checkGroupLimit ?? true);
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
    mostUsed: mostUsed(checks.value.checks, binding.value),
    overdueMinor: overdue.value,
    daysOverdue: book.daysOverdue(customer),
    limitExpiredDays: expiry === undefined ? null : book.asOfSerial - expiry,
    exponent: exponentOf(customer.currency),
  });
}

/**
 * The limit check with the highest usage (exposure / limit), compared exactly by cross
 * multiplication; unlimited checks use nothing. Usage rules (CreditLimitUsed, the threshold of
 * OverdueAmount) measure this one, so that raising any one limit never raises the measured usage.
 */
function mostUsed(checks: readonly LimitCheck[], fallback: LimitCheck): LimitCheck {
  let best: LimitCheck | undefined;
  for (const c of checks) {
    if (c.limitMinor === null) continue;
    if (best === undefined || compareUsage(c, best) > 0) best = c;
  }
  return best ?? fallback;
}

/** Sign of usage(a) - usage(b) for checks with limits; a zero limit with positive exposure is infinite. */
function compareUsage(a: LimitCheck, b: LimitCheck): number {
  const la = a.limitMinor as number;
  const lb = b.limitMinor as number;
  const inf = (c: LimitCheck, l: number): boolean => l <= 0 && c.exposureMinor > 0;
  if (inf(a, la) || inf(b, lb)) return (inf(a, la) ? 1 : 0) - (inf(b, lb) ? 1 : 0);
  if (la <= 0 || lb <= 0) return (la <= 0 ? 0 : Math.sign(a.exposureMinor)) - (lb <= 0 ? 0 : Math.sign(b.exposureMinor));
  const left = BigInt(a.exposureMinor) * BigInt(lb);
  const right = BigInt(b.exposureMinor) * BigInt(la);
  return left > right ? 1 : left < right ? -1 : 0;
}
