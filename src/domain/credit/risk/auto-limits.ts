/**
 * Automatic credit limits (docs/domain.md §5.7): risk group (+ currency, maximum revenue) -> a suggested
 * limit, proposed as an adjustment-journal line, never a silent change.
 */
import { normalizeKey } from "../_lib/keys";
import type { CreditLimitAdjustmentLine } from "../adjustments/types";
import type { Customer } from "../types";

/** The reason code of automatic-limit lines when none is given (cc risk, the Credit limits screen). */
export const AUTOMATIC_LIMIT_REASON = "RISK";

export interface AutomaticLimitRule {
  readonly riskGroup: string;
  readonly currency: string;
  /** The rule applies to customers whose revenue is at most this (minor units); absent = any revenue. */
  readonly maxRevenueMinor?: number;
  readonly limitMinor: number;
}

export interface AutoLimitCandidate {
  readonly customer: Customer;
  /** The risk group from scoring (or the customer's own). */
  readonly riskGroup: string;
  readonly revenueMinor?: number;
}

/**
 * For each candidate, the rule of its risk group and currency with the smallest maximum revenue
 * that covers its revenue; a line is proposed when the suggestion differs from the current limit.
 * @example proposeAutomaticLimits([{ customer: customerWith10000, riskGroup: "Low", revenueMinor: 100 }], [{ riskGroup: "Low", currency: "USD", limitMinor: 2000000 }], { reason: "Risk review" })[0].newLimitMinor // 2000000
 */
export function proposeAutomaticLimits(
  candidates: readonly AutoLimitCandidate[],
  rules: readonly AutomaticLimitRule[],
  options: { readonly reason: string; readonly expirySerial?: number },
): CreditLimitAdjustmentLine[] {
  const lines: CreditLimitAdjustmentLine[] = [];
  for (const { customer, riskGroup, revenueMinor } of candidates) {
    if (customer.unlimited || customer.excludeFromCreditManagement) continue;
    let best: AutomaticLimitRule | undefined;
    for (const r of rules) {
      if (normalizeKey(r.riskGroup) !== normalizeKey(riskGroup) || r.currency !== customer.currency) continue;
      if (r.maxRevenueMinor !== undefined && (revenueMinor ?? 0) > r.maxRevenueMinor) continue;
      if (best === undefined || (r.maxRevenueMinor ?? Infinity) < (best.maxRevenueMinor ?? Infinity)) best = r;
    }
    if (best === undefined || best.limitMinor === customer.creditLimitMinor) continue;
    lines.push({
      target: "Customer",
      account: customer.customer,
      type: "Normal",
      newLimitMinor: best.limitMinor,
      currency: customer.currency,
      ...(options.expirySerial !== undefined ? { expirySerial: options.expirySerial } : {}),
      reason: options.reason,
    });
  }
  return lines;
}
