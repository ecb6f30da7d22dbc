/**
 * The `Credit limit adjustments` sheet: a credit-limit adjustment journal as rows
 * `JournalId | Date | Target | Account | Type | NewLimit | Currency | From | To | Expiry | Reason`
 * (the review table of `adjustmentLinesTable` with the journal's ID and date in front, so that
 * `postedJournalIds` recognises a journal already on the sheet and `readAdjustments` still reads it).
 */
import type { CreditLimitAdjustmentJournal } from "../domain/credit/adjustments/types";
import { adjustmentLinesTable, ADJUSTMENT_HEADER } from "./credit-adjustments";

export const ADJUSTMENT_JOURNAL_SHEET = "Credit limit adjustments";
export const ADJUSTMENT_JOURNAL_HEADER = ["JournalId", "Date", ...ADJUSTMENT_HEADER] as const;

/**
 * @example adjustmentJournalTable(journal)[1].slice(0, 4) // ["CRE-…", 45657, "Customer", "C1"]
 */
export function adjustmentJournalTable(journal: CreditLimitAdjustmentJournal, withHeader = true): (string | number)[][] {
  const rows = adjustmentLinesTable(journal.lines).slice(1).map((r) => [journal.journalId, journal.dateSerial, ...r]);
  return withHeader ? [[...ADJUSTMENT_JOURNAL_HEADER], ...rows] : rows;
}
