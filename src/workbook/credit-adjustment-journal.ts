/**
 * The `Credit limit adjustments` sheet: a credit-limit adjustment journal as rows
 * `JournalId | Date | Target | Account | Type | NewLimit | Currency | From | To | Expiry | Reason`
 * (the review table of `adjustmentLinesTable` with the journal's ID and date in front, so that
 * `postedJournalIds` recognises a journal already on the sheet and `readAdjustments` still reads it).
 */
import type { CreditLimits } from "../domain/credit/adjustments/apply";
import type { CreditLimitAdjustmentJournal } from "../domain/credit/adjustments/types";
import type { Customer } from "../domain/credit/types";
import { exponentOf, minorToNumber } from "../domain/money";
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

export const LIMITS_AFTER_SHEET = "Credit limits after";
export const LIMITS_AFTER_HEADER = ["Account", "Currency", "Type", "Limit", "NewLimit", "From", "To", "Expiry"] as const;

/**
 * What posting the journal would make of each customer it touches (from `postAdjustments`): the
 * limit before and after, and the new temporary limits with their periods. Dates are serials.
 * @example limitsAfterTable(customers, posted, journal)[1] // ["C1", "USD", "Normal", 10000, 12000, "", "", 46387]
 */
export function limitsAfterTable(before: readonly Customer[], after: CreditLimits, journal: CreditLimitAdjustmentJournal): (string | number)[][] {
  const was = new Map(before.map((c) => [c.customer, c]));
  const now = new Map(after.customers.map((c) => [c.customer, c]));
  const added = after.temporaryLimits.slice(after.temporaryLimits.length - journal.lines.filter((l) => l.type === "Temporary").length);
  const rows: (string | number)[][] = [[...LIMITS_AFTER_HEADER]];
  let temporary = 0;
  for (const l of journal.lines) {
    if (l.target !== "Customer") continue;
    const exp = exponentOf(l.currency);
    const limit = minorToNumber(was.get(l.account)?.creditLimitMinor ?? 0, exp);
    if (l.type === "Temporary") {
      const t = added[temporary++];
      rows.push([l.account, l.currency, "Temporary", limit, minorToNumber(t?.creditLimitMinor ?? l.newLimitMinor, exp), t?.fromSerial ?? "", t?.toSerial ?? "", ""]);
    } else {
      const c = now.get(l.account);
      rows.push([l.account, l.currency, "Normal", limit, minorToNumber(c?.creditLimitMinor ?? 0, exp), "", "", c?.creditLimitExpirySerial ?? ""]);
    }
  }
  return rows;
}
