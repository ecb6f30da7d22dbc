import { type Result, ok } from "../../errors";
import { logged, requireReason, requireStatus } from "./_lib";
import type { HoldActionResult, HoldRecord } from "./types";

/**
 * Reject (cancel) a held order with a reason.
 * @example rejectHold(heldSO1, { reason: "Customer insolvent", dateSerial: 45474 }).value.log.action // "Reject"
 * @example rejectHold(heldSO1, { reason: "Customer insolvent", dateSerial: 45474 }).value.hold.status // "Rejected"
 */
export function rejectHold(hold: HoldRecord, args: { readonly reason: string; readonly dateSerial: number }): Result<HoldActionResult> {
  const reason = requireReason(args.reason, "a rejection");
  if (!reason.ok) return reason;
  const status = requireStatus(hold, ["Hold", "ReadyToRelease"], "reject");
  if (!status.ok) return status;
  return ok(logged({ ...hold, status: "Rejected" }, "Reject", reason.value, args.dateSerial));
}
