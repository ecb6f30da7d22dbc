import { ok, type Result } from "../../errors";
import type { CheckpointStep, CreditCheckResult } from "../types";
import { logged } from "./_lib";
import type { HoldActionResult } from "./types";

/**
 * Put an order on the hold list from a credit check that held it.
 * @example holdFromCheck({ order: "SO9", customer: "C1", amountMinor: 150000, currency: "USD" }, heldCheck, 45474).value.hold // { order: "SO9", customer: "C1", amountMinor: 150000, currency: "USD", status: "Hold", reasons: ["CreditLimit"], forced: false }
 * @example holdFromCheck({ order: "SO9", customer: "C1", amountMinor: 10000, currency: "USD" }, okCheck, 45474).value // undefined (the check passed)
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
