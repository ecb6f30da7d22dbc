import { type Result, ok } from "../../errors";
import type { CreditCheckResult } from "../types";
import { logged } from "./_lib";
import type { HoldActionResult, HoldRecord } from "./types";

export interface ValueChange {
  readonly newAmountMinor: number;
  /** Option "allow edit after release": an increase is not checked again. */
  readonly allowEditAfterRelease: boolean;
  /** The credit check of the order at its new value (called only when a re-check is due). */
  readonly check: (amountMinor: number) => Result<CreditCheckResult>;
  readonly dateSerial: number;
}

/**
 * A released order whose value increases is checked again unless edits after release are allowed;
 * a check that holds puts it back on the hold list with the new reasons.
 * SO1 was released at 500.00 and grows to 1,500.00; the check of the new value holds it.
 * @example
 * const released = { ...heldSO1, status: "Released", reasons: [], releasedAmountMinor: 50000 };
 * orderValueChanged(released, { newAmountMinor: 150000, allowEditAfterRelease: false, check: () => ok(heldCheck), dateSerial: 45474 }).value.hold.status // "Hold"
 * orderValueChanged(released, { newAmountMinor: 150000, allowEditAfterRelease: true, check: () => ok(heldCheck), dateSerial: 45474 }).value.log.action // "Edit"
 */
export function orderValueChanged(hold: HoldRecord, change: ValueChange): Result<HoldActionResult> {
  const updated: HoldRecord = { ...hold, amountMinor: change.newAmountMinor };
  const increased = change.newAmountMinor > (hold.releasedAmountMinor ?? hold.amountMinor);
  if (hold.status !== "Released" || !increased || change.allowEditAfterRelease) {
    return ok(logged(updated, "Edit", "Order value changed", change.dateSerial));
  }
  const fresh = change.check(change.newAmountMinor);
  if (!fresh.ok) return fresh;
  if (fresh.value.status !== "HOLD") {
    return ok(logged({ ...updated, releasedAmountMinor: change.newAmountMinor }, "Recheck", "Value increased after release", change.dateSerial));
  }
  return ok(logged({ ...updated, status: "Hold", reasons: [...fresh.value.reasons] }, "Recheck", "Value increased after release", change.dateSerial));
}
