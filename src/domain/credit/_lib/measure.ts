/**
 * What each rule type measures for one order, and whether a rule's condition holds on it.
 * A blocking rule holds when the measured value is above the rule's value; an exclusion when it is
 * at or below it. Text rules (AccountStatus, PaymentTerms) hold, either kind, when the text equals.
 *
 * Rules are compiled once per rules array (normalized keys, values as exact integer ratios), so
 * that checking an order compares integers; decimal.js is the fallback only where an integer
 * product could pass 2^53.
 */
import { Decimal } from "../../_lib/decimal";
import { HALF_AWAY_FROM_ZERO, mulDivRound, mulDivRoundBig, pow10, ratio } from "../../money";
import { cachedKey, normalizeKey } from "./keys";
import type { BlockingRule, Customer } from "../types";

export interface Measures {
  readonly daysOverdue: number;
  readonly accountStatus?: string | undefined;
  readonly paymentTerms?: string | undefined;
  /** Days since the limit expired (negative before expiry); null = blank expiry. */
  readonly limitExpiredDays: number | null;
  readonly overdueMinor: number;
  readonly orderMinor: number;
  /**
   * The binding limit and exposure (with this order): usage is exposure x 100 / limit; a null limit
   * is unlimited (0 % used), a zero limit with positive exposure is infinitely used ("no credit").
   */
  readonly limitMinor: number | null;
  readonly exposureMinor: number;
  /** The minor-unit exponent of the customer's currency (rule amounts are in it). */
  readonly exponent: number;
  readonly ignoreBlankExpiry: boolean;
}

export interface Measured {
  readonly measured: string;
  /** The rule's condition holds (above for Blocking, at or below for Exclusion). */
  readonly holds: boolean;
}

/** A rule's number (days, percent) as the exact ratio units / scale, with its decimal for fallbacks. */
interface RuleNumber {
  readonly units: number;
  readonly scale: number;
  readonly exact: Decimal;
  /** -1, 0 or 1: the sign of the value. */
  readonly sign: number;
}

export interface CompiledRule {
  readonly rule: BlockingRule;
  readonly blocking: boolean;
  readonly riskGroupKey: string | undefined;
  /** The normalized customer group of a Group rule. */
  readonly groupKey: string;
  /** The normalized text of a Text rule. */
  readonly textKey: string;
  /** Days or percent value (undefined for Text and Amount rules). */
  readonly number: RuleNumber | undefined;
  /** OverdueAmount's credit-used threshold. */
  readonly threshold: RuleNumber | undefined;
  /** Amount in minor units by currency exponent (computed on first use). */
  readonly amounts: (number | undefined)[];
}

const compiled = new WeakMap<readonly BlockingRule[], readonly CompiledRule[]>();

/**
 * Compile `rules` (memoized per array).
 * @example compileRules([block60All])[0].number.units // 60
 * @example
 * const rules = [block60All, exclude90C1];
 * compileRules(rules) === compileRules(rules) // true
 */
export function compileRules(rules: readonly BlockingRule[]): readonly CompiledRule[] {
  let c = compiled.get(rules);
  if (c === undefined) {
    c = rules.map(compileRule);
    compiled.set(rules, c);
  }
  return c;
}

function compileRule(rule: BlockingRule): CompiledRule {
  const numeric = rule.valueType === "Days" || rule.valueType === "Percent";
  return {
    rule,
    blocking: rule.kind === "Blocking",
    riskGroupKey: rule.riskGroup === undefined ? undefined : normalizeKey(rule.riskGroup),
    groupKey: normalizeKey(rule.account ?? ""),
    textKey: rule.valueType === "Text" ? normalizeKey(rule.value) : "",
    number: numeric ? ruleNumber(new Decimal(rule.value)) : undefined,
    threshold: rule.thresholdPct === undefined ? undefined : ruleNumber(new Decimal(rule.thresholdPct)),
    amounts: [],
  };
}

function ruleNumber(exact: Decimal): RuleNumber {
  const places = exact.decimalPlaces();
  const scale = places <= 15 ? pow10Exact(places) : NaN;
  const units = exact.mul(scale).toNumber();
  // NaN units (too many places or digits) send every comparison to the decimal fallback.
  return { units: Number.isSafeInteger(units) ? units : NaN, scale, exact, sign: exact.comparedTo(0) };
}

function pow10Exact(places: number): number {
  let p = 1;
  for (let i = 0; i < places; i++) p *= 10;
  return p;
}

/**
 * Does `rule` apply to `customer` (level, account, risk-group filter)?
 * @example ruleApplies(compileRules([exclude90C1])[0], customerWith10000) // true
 * @example ruleApplies(compileRules([exclude90C1])[0], customerNoCredit) // false (the exclusion is C1's)
 * @example ruleApplies(compileRules([{ ...block60All, riskGroup: "High" }])[0], customerWith10000) // false (C1 has no risk group)
 */
export function ruleApplies(r: CompiledRule, customer: Customer): boolean {
  if (r.riskGroupKey !== undefined && r.riskGroupKey !== cachedKey(customer.riskGroup ?? "")) return false;
  switch (r.rule.validFor) {
    case "All":
      return true;
    case "Customer":
      return r.rule.account === customer.customer;
    case "Group":
      return customer.customerGroup !== undefined && r.groupKey === cachedKey(customer.customerGroup);
  }
}

/**
 * Measure `rule` on `m`; undefined when the rule has nothing to measure (no terms on the order, a blank expiry ignored).
 * @example measureRule(compileRules([block60All])[0], { ...quietMeasures, daysOverdue: 75 }) // { measured: "75", holds: true }
 * @example
 * const used80 = { ...block60All, ruleType: "CreditLimitUsed", valueType: "Percent", value: "80" };
 * measureRule(compileRules([used80])[0], quietMeasures) // { measured: "50%", holds: false }
 * @example measureRule(compileRules([{ ...block60All, ruleType: "CreditLimitExpired" }])[0], quietMeasures) // undefined (a blank expiry, ignored)
 */
export function measureRule(r: CompiledRule, m: Measures): Measured | undefined {
  const { rule, blocking } = r;
  switch (rule.ruleType) {
    case "DaysOverdue":
      return { measured: String(m.daysOverdue), holds: compareNumber(m.daysOverdue, r.number as RuleNumber, blocking) };
    case "CreditLimitExpired":
      if (m.limitExpiredDays === null) return m.ignoreBlankExpiry ? undefined : { measured: "no expiry", holds: blocking };
      return { measured: String(m.limitExpiredDays), holds: compareNumber(m.limitExpiredDays, r.number as RuleNumber, blocking) };
    case "AccountStatus":
    case "PaymentTerms": {
      const text = rule.ruleType === "AccountStatus" ? m.accountStatus : m.paymentTerms;
      if (text === undefined) return undefined;
      return { measured: text, holds: cachedKey(text) === r.textKey };
    }
    case "SalesOrderAmount":
      return { measured: major(m.orderMinor, m.exponent), holds: compareAmount(m.orderMinor, r, m.exponent) };
    case "OverdueAmount": {
      const amountHolds = compareAmount(m.overdueMinor, r, m.exponent);
      const usageHolds = r.threshold === undefined ? true : compareUsage(m, r.threshold, blocking);
      return { measured: `${major(m.overdueMinor, m.exponent)} at ${usageText(m)}`, holds: amountHolds && usageHolds };
    }
    case "CreditLimitUsed":
      return { measured: usageText(m), holds: compareUsage(m, r.number as RuleNumber, blocking) };
  }
}

/** An integer measure against the rule's number: value > n (Blocking) or value <= n (Exclusion). */
function compareNumber(value: number, n: RuleNumber, blocking: boolean): boolean {
  // value > units / scale  <=>  value x scale > units, exact while the product is a safe integer.
  const left = value * n.scale;
  if (Number.isSafeInteger(left) && n.units === n.units) return blocking ? left > n.units : left <= n.units;
  const v = new Decimal(value);
  return blocking ? v.gt(n.exact) : v.lte(n.exact);
}

function compareAmount(valueMinor: number, r: CompiledRule, exponent: number): boolean {
  let limit = r.amounts[exponent];
  if (limit === undefined) {
    const value = ratio(r.rule.value);
    limit = mulDivRound(pow10(exponent), value.num, value.den, HALF_AWAY_FROM_ZERO);
    r.amounts[exponent] = limit;
  }
  return r.blocking ? valueMinor > limit : valueMinor <= limit;
}

/** Usage (exposure x 100 / limit) against a percent; an unlimited customer uses 0 %. */
function compareUsage(m: Measures, pct: RuleNumber, blocking: boolean): boolean {
  const limit = m.limitMinor;
  if (limit === null || (limit === 0 && !(m.exposureMinor > 0))) return blocking ? pct.sign < 0 : pct.sign >= 0;
  if (limit === 0) return blocking; // infinitely used: above every percent, never at or below one
  if (limit > 0 && pct.units === pct.units) {
    // exposure x 100 / limit > units / scale  <=>  exposure x 100 x scale > units x limit (limit > 0).
    const left = m.exposureMinor * 100 * pct.scale;
    const right = pct.units * limit;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return blocking ? left > right : left <= right;
  }
  const u = new Decimal(m.exposureMinor).mul(100).div(limit);
  return blocking ? u.gt(pct.exact) : u.lte(pct.exact);
}

/**
 * Minor units as major-unit text with `exponent` decimals ("-12.30").
 * @example major(-1230, 2) // "-12.30"
 * @example major(5, 0) // "5"
 */
export function major(minor: number, exponent: number): string {
  if (!Number.isSafeInteger(minor)) return new Decimal(minor).div(pow10(exponent)).toFixed(exponent);
  const abs = Math.abs(minor);
  const sign = minor < 0 ? "-" : "";
  if (exponent === 0) return `${sign}${abs}`;
  const p = pow10(exponent);
  const whole = Math.floor(abs / p);
  const fraction = String(abs - whole * p).padStart(exponent, "0");
  return `${sign}${whole}.${fraction}`;
}

/** Usage as text: "unlimited", "no credit", or the percent rounded to 2 places half away from zero ("95.5%"). */
function usageText(m: Pick<Measures, "limitMinor" | "exposureMinor">): string {
  const limit = m.limitMinor;
  if (limit === null) return "unlimited";
  if (limit === 0) return m.exposureMinor > 0 ? "no credit" : "0%";
  // Hundredths of a percent: exposure x 10000 / limit, one exact rounding (BigInt: a tiny limit can
  // make the percentage past 2^53 hundredths, and it is still shown).
  const t = mulDivRoundBig(BigInt(m.exposureMinor), 10000n, BigInt(limit), HALF_AWAY_FROM_ZERO);
  const a = t < 0n ? -t : t;
  const whole = a / 100n;
  const hundredths = Number(a - whole * 100n);
  const sign = t < 0n ? "-" : "";
  const fraction = hundredths === 0 ? "" : hundredths % 10 === 0 ? `.${hundredths / 10}` : `.${String(hundredths).padStart(2, "0")}`;
  return `${sign}${whole}${fraction}%`;
}
