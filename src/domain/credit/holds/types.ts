/**
 * The hold list (docs/domain.md §5.5): held orders with their reasons, and a log entry per action for a
 * `Credit hold log` sheet (Order, Customer, Action, Reason, Status, Date, Reasons).
 */
import type { CheckpointStep, ReasonCode } from "../types";

export type HoldStatus = "Hold" | "ReadyToRelease" | "Released" | "Rejected";
/** A hold reason: a credit-check reason code, or Manual for a forced hold. */
export type HoldReason = ReasonCode | "Manual";
export type HoldAction = "Hold" | "Release" | "ReleaseWithPosting" | "Reject" | "Reevaluate" | "ForceHold" | "Recheck" | "Edit";

export interface HoldRecord {
  readonly order: string;
  readonly customer: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: HoldStatus;
  readonly reasons: readonly HoldReason[];
  /** A manual hold: never released automatically. */
  readonly forced: boolean;
  /** The posting step the order was held at (re-run by a release with posting). */
  readonly step?: CheckpointStep;
  /** The amount that was released (a later increase is checked again). */
  readonly releasedAmountMinor?: number;
}

export interface HoldLogEntry {
  readonly order: string;
  readonly customer: string;
  readonly action: HoldAction;
  readonly reason: string;
  readonly status: HoldStatus;
  readonly dateSerial: number;
  /** The hold reasons after the action, `; `-separated. */
  readonly reasons: string;
}

export interface HoldActionResult {
  readonly hold: HoldRecord;
  readonly log: HoldLogEntry;
  /** Set by a release with posting: the held step to post again. */
  readonly repostStep?: CheckpointStep;
}

export const HOLD_LOG_HEADER = ["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons"] as const;
