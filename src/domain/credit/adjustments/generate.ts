import { Decimal, CEIL, FLOOR, HALF_AWAY_FROM_ZERO } from "../../_lib/decimal";
import { addMonths } from "../../dates";
import { ccError, fail, ok, type Result } from "../../errors";
import { exponentOf, pow10, roundMinor } from "../../money";
import type { Customer } from "../types";
import type { CreditLimitAdjustmentLine } from "./types";

export interface AdjustmentGenerator {
  /** Fixed: add `value` (major units of each customer's currency, may be negative); Percent: change by `value` percent points. */
  readonly method: "Fixed" | "Percent";
  readonly value: string;
  /** Round the new limit to a multiple of this many major units (e.g. "10"), in `direction`. */
  readonly roundingValue?: string;
  readonly direction?: "Up" | "Down" | "Nearest";
  readonly type: "Normal" | "Temporary";
  /** Normal lines: an absolute expiry, or months after the as-of date. */
  readonly expiry?: { readonly serial: number } | { readonly months: number };
  /** Temporary lines. */
  readonly fromSerial?: number;
  readonly toSerial?: number;
  readonly asOfSerial: number;
  readonly reason: string;
}

/**
 * Propose adjustment lines for many customers (Unlimited and excluded customers are skipped).
 * @example generateAdjustments([customerWith10000], { method: "Percent", value: "15", roundingValue: "1000", direction: "Up", type: "Normal", expiry: { months: 12 }, asOfSerial, reason: "Annual" }).value[0].newLimitMinor // 1200000
 */
export function generateAdjustments(customers: readonly Customer[], spec: AdjustmentGenerator): Result<CreditLimitAdjustmentLine[]> {
  if (!/^[+-]?\d+(\.\d+)?$/.test(spec.value.trim())) return fail(ccError("adjustment_value_must_be_a_number", { value: spec.value }, { column: "Value" }));
  if (spec.roundingValue !== undefined && !/^\d+(\.\d+)?$/.test(spec.roundingValue.trim())) {
    return fail(ccError("rounding_value_must_be_positive", { value: spec.roundingValue }, { column: "RoundingValue" }));
  }
  const value = new Decimal(spec.value.trim());
  const lines: CreditLimitAdjustmentLine[] = [];
  for (const c of customers) {
    if (c.unlimited || c.excludeFromCreditManagement) continue;
    const exp = exponentOf(c.currency);
    let next =
      spec.method === "Fixed"
        ? new Decimal(c.creditLimitMinor).add(value.mul(pow10(exp)))
        : new Decimal(c.creditLimitMinor).mul(value.add(100)).div(100);
    if (spec.roundingValue !== undefined && !new Decimal(spec.roundingValue).isZero()) {
      const step = new Decimal(spec.roundingValue).mul(pow10(exp));
      const mode = spec.direction === "Up" ? CEIL : spec.direction === "Down" ? FLOOR : HALF_AWAY_FROM_ZERO;
      next = next.div(step).toDecimalPlaces(0, mode).mul(step);
    }
    const newLimitMinor = Math.max(0, roundMinor(next, HALF_AWAY_FROM_ZERO));
    const line: Record<string, unknown> = { target: "Customer", account: c.customer, type: spec.type, newLimitMinor, currency: c.currency, reason: spec.reason };
    if (spec.type === "Temporary") {
      if (spec.fromSerial !== undefined) line["fromSerial"] = spec.fromSerial;
      if (spec.toSerial !== undefined) line["toSerial"] = spec.toSerial;
    } else if (spec.expiry !== undefined) {
      line["expirySerial"] = "serial" in spec.expiry ? spec.expiry.serial : addMonths(spec.asOfSerial, spec.expiry.months);
    }
    lines.push(line as unknown as CreditLimitAdjustmentLine);
  }
  return ok(lines);
}
