/**
 * Credit-limit adjustment journals (docs/domain.md §5.8): limits change only through these lines.
 */
export type AdjustmentTarget = "Customer" | "Group";
export type AdjustmentType = "Normal" | "Temporary";

export interface CreditLimitAdjustmentLine {
  readonly target: AdjustmentTarget;
  readonly account: string;
  readonly type: AdjustmentType;
  /** Minor units of the owner's currency. */
  readonly newLimitMinor: number;
  readonly currency: string;
  /** Temporary lines: the period the limit covers. */
  readonly fromSerial?: number;
  readonly toSerial?: number;
  /** Normal lines: the new limit's expiry (absent = never expires). */
  readonly expirySerial?: number;
  readonly reason: string;
}

export interface CreditLimitAdjustmentJournal {
  readonly journalId: string;
  readonly dateSerial: number;
  readonly lines: readonly CreditLimitAdjustmentLine[];
}
