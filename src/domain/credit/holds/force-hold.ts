import { type Result, ok } from "../../errors";
import { logged, requireReason, requireStatus } from "./_lib";
import type { HoldActionResult, HoldRecord } from "./types";

/**
 * Force a manual hold (also on a released order). It is never released automatically.
 * @example forceHold(hold, { reason: "Dispute", dateSerial: 45001 }).value.hold.reasons // [..., "Manual"]
 */
export function forceHold(hold: HoldRecord, args: { readonly reason: string; readonly dateSerial: number }): Result<HoldActionResult> {
  const reason = requireReason(args.reason, "a forced hold");
  if (!reason.ok) return reason;
  const status = requireStatus(hold, ["Hold", "ReadyToRelease", "Released"], "force a hold");
  if (!status.ok) return status;
  const reasons = hold.status === "Released" ? [] : hold.reasons.filter((r) => r !== "Manual");
  return ok(logged({ ...hold, status: "Hold", forced: true, reasons: [...reasons, "Manual"] }, "ForceHold", reason.value, args.dateSerial));
}
