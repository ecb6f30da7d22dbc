import { type Result, ok } from "../../errors";
import type { CreditCheckResult } from "../types";
import { logged, requireStatus } from "./_lib";
import type { HoldActionResult, HoldReason, HoldRecord } from "./types";

/**
 * Re-evaluate a held order against a fresh check: reasons that no longer hold are cleared (new
 * reasons are not added: they need a new check at a posting step). All cleared = ready to release;
 * a forced hold keeps its Manual reason and stays held.
 * @example reevaluateHold({ ...heldSO1, reasons: ["CreditLimit", "DaysOverdue"] }, { ...heldCheck, reasons: ["DaysOverdue", "AccountStatus"] }, 45474).value.hold.reasons // ["DaysOverdue"]
 * @example reevaluateHold(heldSO1, okCheck, 45474).value.hold.status // "ReadyToRelease"
 * @example reevaluateHold({ ...heldSO1, forced: true, reasons: ["CreditLimit", "Manual"] }, okCheck, 45474).value.hold.reasons // ["Manual"]
 */
export function reevaluateHold(hold: HoldRecord, fresh: CreditCheckResult, dateSerial: number): Result<HoldActionResult> {
  const status = requireStatus(hold, ["Hold", "ReadyToRelease"], "re-evaluate");
  if (!status.ok) return status;
  const still = new Set<HoldReason>(fresh.status === "RELEASED" ? [] : fresh.reasons);
  if (hold.forced) still.add("Manual");
  const reasons = hold.reasons.filter((r) => still.has(r));
  const next: HoldRecord = { ...hold, reasons, status: reasons.length === 0 ? "ReadyToRelease" : "Hold" };
  return ok(logged(next, "Reevaluate", "Re-evaluated", dateSerial));
}
