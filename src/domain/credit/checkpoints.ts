/**
 * Checkpoints and grace days (docs/domain.md §5.4). Checkpoints are posting steps (Confirmation,
 * PickingList, PackingSlip, Invoice), each with Posting and ProForma switches and grace days.
 * After an order passes or is released at a step on day d with g grace days, the rules are not
 * checked again until day d + g + 1; at that check the next checkpoint's grace days apply.
 */
import { ccError, type CcError, fail, ok, type Result } from "../errors";
import { isoFromSerial } from "../dates";
import { CHECKPOINT_STEPS, type Checkpoint, type CheckpointStep } from "./types";

/**
 * Grace days are allowed only with Posting, and are all or none across posting checkpoints.
 * @example validateCheckpoints(cps).ok // true
 * @example
 * validateCheckpoints([{ step: "Confirmation", posting: true, proForma: false, graceDays: 2, row: 2 }, { step: "Invoice", posting: true, proForma: false, row: 3 }]).errors
 * // [{ code: "grace_days_must_be_on_all_posting_checkpoints", message: "Invoice has no grace days while another posting checkpoint has; give all or none", params: { step: "Invoice" }, table: "checkpoints", row: 3, column: "GraceDays" }]
 */
export function validateCheckpoints(checkpoints: readonly Checkpoint[]): Result<readonly Checkpoint[]> {
  const errors: CcError[] = [];
  const seen = new Set<CheckpointStep>();
  for (const c of checkpoints) {
    if (seen.has(c.step)) errors.push(ccError("checkpoint_must_appear_once", { step: c.step }, { table: "checkpoints", row: c.row, column: "Checkpoint" }));
    seen.add(c.step);
    if (c.graceDays !== undefined && !c.posting) {
      errors.push(ccError("grace_days_need_posting", { step: c.step }, { table: "checkpoints", row: c.row, column: "GraceDays" }));
    }
  }
  const posting = checkpoints.filter((c) => c.posting);
  if (posting.some((c) => c.graceDays !== undefined)) {
    for (const c of posting) {
      if (c.graceDays === undefined) {
        errors.push(ccError("grace_days_must_be_on_all_posting_checkpoints", { step: c.step }, { table: "checkpoints", row: c.row, column: "GraceDays" }));
      }
    }
  }
  return errors.length > 0 ? fail(...errors) : ok(checkpoints);
}

/** The last time the order's credit was checked and passed (or released). */
export interface LastPass {
  readonly step: CheckpointStep;
  readonly daySerial: number;
}

export interface CheckpointQuestion {
  readonly step: CheckpointStep;
  readonly mode: "Posting" | "ProForma";
  readonly daySerial: number;
  readonly lastPass?: LastPass;
  /** In the order flow credit checks run only when rules are set up too. */
  readonly rulesConfigured: boolean;
}

/**
 * Does the credit check run at this step? W7: confirmed on day 1 with 2 grace days, the packing
 * slip on day 2 or 3 is not checked; the invoice on day 4 is. Without grace days (a blank
 * GraceDays, not 0) every enabled posting step checks, every time, also twice on one day. A
 * posting day before the last pass is an error: the order cannot be posted before it passed.
 * @example shouldCheck(cps, { step: "PackingSlip", mode: "Posting", daySerial: 3, lastPass: { step: "Confirmation", daySerial: 1 }, rulesConfigured: true }) // ok(false)
 */
export function shouldCheck(checkpoints: readonly Checkpoint[], q: CheckpointQuestion): Result<boolean> {
  if (q.lastPass !== undefined && q.daySerial < q.lastPass.daySerial) {
    return fail(ccError("day_must_not_be_before_the_last_pass", { lastPass: isoFromSerial(q.lastPass.daySerial) }, { column: "day" }));
  }
  if (!q.rulesConfigured || checkpoints.length === 0) return ok(false);
  const here = checkpoints.find((c) => c.step === q.step);
  if (here === undefined || !(q.mode === "Posting" ? here.posting : here.proForma)) return ok(false);
  if (q.lastPass === undefined || q.mode === "ProForma") return ok(true);
  const previous = checkpoints.find((c) => c.step === q.lastPass?.step);
  const grace = previous?.posting === true ? previous.graceDays : undefined;
  if (grace === undefined) return ok(true);
  return ok(q.daySerial > q.lastPass.daySerial + grace);
}

/**
 * Steps in flow order, for callers that walk an order through its postings.
 * @example stepIndex("Confirmation") < stepIndex("Invoice") // true
 */
export function stepIndex(step: CheckpointStep): number {
  return CHECKPOINT_STEPS.indexOf(step);
}
