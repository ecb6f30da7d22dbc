import { ccError, fail, ok, type Result } from "../../errors";
import type { HoldAction, HoldActionResult, HoldRecord, HoldStatus } from "./types";

/**
 * The hold after an action, with the log entry the action writes (reasons `; `-separated).
 * @example
 * logged(heldSO1, "Reevaluate", "Re-evaluated", 45474).log
 * // { order: "SO1", customer: "C1", action: "Reevaluate", reason: "Re-evaluated", status: "Hold", dateSerial: 45474, reasons: "CreditLimit" }
 * @example logged(heldSO1, "ReleaseWithPosting", "Paid", 45474, "PackingSlip").repostStep // "PackingSlip"
 */
export function logged(hold: HoldRecord, action: HoldAction, reason: string, dateSerial: number, repostStep?: HoldActionResult["repostStep"]): HoldActionResult {
  const log = { order: hold.order, customer: hold.customer, action, reason, status: hold.status, dateSerial, reasons: hold.reasons.join("; ") };
  return repostStep === undefined ? { hold, log } : { hold, log, repostStep };
}

const HOLD_ACTIONS: Readonly<Record<string, string>> = { "a forced hold": "forcedHold", "a rejection": "rejection", "a release": "release" };
const STATUS_ACTIONS: Readonly<Record<string, string>> = { "force a hold": "forceHold", "re-evaluate": "reevaluate", reject: "reject", release: "release" };

/**
 * @example requireReason("  ", "Release").ok // false
 * @example requireReason("Paid", "Release") // { ok: true, value: "Paid" }
 */
export function requireReason(reason: string, action: string): Result<string> {
  const r = reason.trim();
  return r === "" ? fail(ccError("reason_must_not_be_blank", { case: "hold", action: HOLD_ACTIONS[action] ?? action }, { column: "Reason" })) : ok(r);
}

/**
 * The action is allowed only on a hold in one of the `allowed` statuses.
 * @example requireStatus(heldSO1, ["Hold", "ReadyToRelease"], "release") // { ok: true, value: true }
 * @example requireStatus({ ...heldSO1, status: "Rejected" }, ["Hold", "ReadyToRelease"], "release").errors[0].message // "order SO1 is Rejected; release needs Hold / ReadyToRelease"
 */
export function requireStatus(hold: HoldRecord, allowed: readonly HoldStatus[], action: string): Result<true> {
  if (allowed.includes(hold.status)) return ok(true);
  return fail(ccError("hold_status_must_allow_action", { order: hold.order, status: hold.status, action: STATUS_ACTIONS[action] ?? action, allowed: allowed.join(" / ") }, { column: "Status" }));
}
