import { ok, type Result } from "../../errors";
import type { CheckpointStep, CreditCheckResult } from "../types";
import { logged } from "./_lib";
import type { HoldActionResult } from "./types";

/**
 * Put an order on the hold list from a credit check that held it.
 * @example holdFromCheck({ order: "SO1", customer: "C", amountMinor: 100, currency: "USD" }, heldResult, 45000).value.hold.status // "Hold"
 */
export function holdFromCheck(
  order: { readonly order: string; readonly customer: string; readonly amountMinor: number; readonly currency: string; readonly step?: CheckpointStep },
  check: CreditCheckResult,
  dateSerial: number,
): Result<HoldActionResult | undefined> {
  if (check.status !== "HOLD") return ok(undefined);
  const hold = { ...order, status: "Hold" as const, reasons: [...check.reasons], forced: false };
  return ok(logged(hold, "Hold", "Credit check", dateSerial));
}
