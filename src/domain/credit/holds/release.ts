import { type Result, ok } from "../../errors";
import { logged, requireReason, requireStatus } from "./_lib";
import type { HoldActionResult, HoldRecord } from "./types";

/**
 * Release a held order with a release reason. With posting, the held step is posted again
 * (`repostStep`); without, it is not. Forced holds are released only by this manual action.
 * @example releaseHold(heldSO1, { reason: "Paid by phone", withPosting: true, dateSerial: 45474 }).value.repostStep // "PackingSlip"
 * @example releaseHold(heldSO1, { reason: "Paid by phone", withPosting: false, dateSerial: 45474 }).value.hold // { ...heldSO1, status: "Released", reasons: [], releasedAmountMinor: 50000 }
 */
export function releaseHold(hold: HoldRecord, args: { readonly reason: string; readonly withPosting: boolean; readonly dateSerial: number }): Result<HoldActionResult> {
  const reason = requireReason(args.reason, "a release");
  if (!reason.ok) return reason;
  const status = requireStatus(hold, ["Hold", "ReadyToRelease"], "release");
  if (!status.ok) return status;
  const released: HoldRecord = { ...hold, status: "Released", reasons: [], forced: false, releasedAmountMinor: hold.amountMinor };
  return ok(logged(released, args.withPosting ? "ReleaseWithPosting" : "Release", reason.value, args.dateSerial, args.withPosting ? hold.step : undefined));
}
