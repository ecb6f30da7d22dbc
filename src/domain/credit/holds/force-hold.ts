import { type Result, ok } from "../../errors";
import { logged, requireReason, requireStatus } from "./_lib";
import type { HoldActionResult, HoldRecord } from "./types";

/**
 * Force a manual hold (also on a released order). It is never released automatically.
 * @example forceHold(heldSO1, { reason: "Dispute", dateSerial: 45474 }).value.hold.reasons // ["CreditLimit", "Manual"]
 * @example forceHold({ ...heldSO1, status: "Released", reasons: [] }, { reason: "Dispute", dateSerial: 45474 }).value.hold // { ...heldSO1, status: "Hold", reasons: ["Manual"], forced: true }
 * @example forceHold(heldSO1, { reason: " ", dateSerial: 45474 }).errors[0].code // "reason_must_not_be_blank"
 */
export function forceHold(hold: HoldRecord, args: { readonly reason: string; readonly dateSerial: number }): Result<HoldActionResult> {
  const reason = requireReason(args.reason, "a forced hold");
  if (!reason.ok) return reason;
  const status = requireStatus(hold, ["Hold", "ReadyToRelease", "Released"], "force a hold");
  if (!status.ok) return status;
  const reasons = hold.status === "Released" ? [] : hold.reasons.filter((r) => r !== "Manual");
  return ok(logged({ ...hold, status: "Hold", forced: true, reasons: [...reasons, "Manual"] }, "ForceHold", reason.value, args.dateSerial));
}
