/**
 * What each rule type measures for one order, and whether a rule's condition holds on it.
 * A blocking rule holds when the measured value is above the rule's value; an exclusion when it is
 * at or below it. Text rules (AccountStatus, PaymentTerms) hold, either kind, when the text equals.
 */
import { Decimal, HALF_AWAY_FROM_ZERO } from "../../_lib/decimal";
import { pow10, roundMinor } from "../../money";
import { normalizeKey } from "./keys";
import type { BlockingRule, Customer } from "../types";

export interface Measures {
  readonly daysOverdue: number;
  readonly accountStatus?: string;
  readonly paymentTerms?: string;
  /** Days since the limit expired (negative before expiry); null = blank expiry. */
  readonly limitExpiredDays: number | null;
  readonly overdueMinor: number;
  readonly orderMinor: number;
  /** Exposure (with this order) x 100 / limit; null when the limit is unlimited. */
  readonly usagePct: Decimal | null;
  /** The minor-unit exponent of the customer's currency (rule amounts are in it). */
  readonly exponent: number;
  readonly ignoreBlankExpiry: boolean;
}

export interface Measured {
  readonly measured: string;
  /** The rule's condition holds (above for Blocking, at or below for Exclusion). */
  readonly holds: boolean;
}

/** Does `rule` apply to `customer` (level, account, risk-group filter)? */
export function ruleApplies(rule: BlockingRule, customer: Customer): boolean {
  if (rule.riskGroup !== undefined && normalizeKey(rule.riskGroup) !== normalizeKey(customer.riskGroup ?? "")) return false;
  switch (rule.validFor) {
    case "All":
      return true;
    case "Customer":
      return rule.account === customer.customer;
    case "Group":
      return customer.customerGroup !== undefined && normalizeKey(rule.account ?? "") === normalizeKey(customer.customerGroup);
  }
}

/** Measure `rule` on `m`; undefined when the rule has nothing to measure (no terms on the order, a blank expiry ignored). */
export function measureRule(rule: BlockingRule, m: Measures): Measured | undefined {
  const blocking = rule.kind === "Blocking";
  const compare = (value: Decimal, limit: Decimal): boolean => (blocking ? value.gt(limit) : value.lte(limit));
  switch (rule.ruleType) {
    case "DaysOverdue":
      return { measured: String(m.daysOverdue), holds: compare(new Decimal(m.daysOverdue), new Decimal(rule.value)) };
    case "CreditLimitExpired":
      if (m.limitExpiredDays === null) return m.ignoreBlankExpiry ? undefined : { measured: "no expiry", holds: blocking };
      return { measured: String(m.limitExpiredDays), holds: compare(new Decimal(m.limitExpiredDays), new Decimal(rule.value)) };
    case "AccountStatus":
    case "PaymentTerms": {
      const text = rule.ruleType === "AccountStatus" ? m.accountStatus : m.paymentTerms;
      if (text === undefined) return undefined;
      return { measured: text, holds: normalizeKey(text) === normalizeKey(rule.value) };
    }
    case "SalesOrderAmount":
      return { measured: major(m.orderMinor, m.exponent), holds: compare(new Decimal(m.orderMinor), amountMinor(rule, m)) };
    case "OverdueAmount": {
      const amountHolds = compare(new Decimal(m.overdueMinor), amountMinor(rule, m));
      const usageHolds = rule.thresholdPct === undefined ? true : compareUsage(m.usagePct, new Decimal(rule.thresholdPct), blocking);
      return { measured: `${major(m.overdueMinor, m.exponent)} at ${usageText(m.usagePct)}`, holds: amountHolds && usageHolds };
    }
    case "CreditLimitUsed":
      return { measured: usageText(m.usagePct), holds: compareUsage(m.usagePct, new Decimal(rule.value), blocking) };
  }
}

function compareUsage(usage: Decimal | null, limit: Decimal, blocking: boolean): boolean {
  // An unlimited customer uses 0 % of its limit.
  const u = usage ?? new Decimal(0);
  return blocking ? u.gt(limit) : u.lte(limit);
}

function amountMinor(rule: BlockingRule, m: Measures): Decimal {
  return new Decimal(roundMinor(new Decimal(rule.value).mul(pow10(m.exponent))));
}

function major(minor: number, exponent: number): string {
  return new Decimal(minor).div(pow10(exponent)).toFixed(exponent);
}

function usageText(usage: Decimal | null): string {
  if (usage === null) return "unlimited";
  return usage.isFinite() ? `${usage.toDecimalPlaces(2, HALF_AWAY_FROM_ZERO).toString()}%` : "no credit";
}
