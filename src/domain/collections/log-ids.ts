/**
 * The content-derived IDs of the collections logs (docs/reliability.md): one rule per kind of
 * entry, shared by the task pane and `cc`, so that an entry written by one edge is recognised by
 * the other and never written twice.
 */
import { journalIdFor } from "../journal";
import type { Activity } from "./cases";

/**
 * A collection letter's ID: its customer, currency, code and level, and the date it is sent.
 * @example letterId({ customer: "2050", currency: "USD", code: "L1", level: 1 }, 45000) === letterId({ customer: "2050", currency: "USD", code: "L1", level: 1 }, 45000) // true
 * @example letterId({ customer: "2050", currency: "USD", code: "L1", level: 1 }, 45000) === letterId({ customer: "2050", currency: "USD", code: "L1", level: 1 }, 45001) // false
 */
export function letterId(letter: { readonly customer: string; readonly currency: string; readonly code: string; readonly level: number }, dateSerial: number): string {
  return journalIdFor("Letter", [letter.customer, letter.currency, letter.code, letter.level, dateSerial].join("|"));
}

/**
 * A logged activity's ID: everything the collector entered, so the same entry logged twice is refused.
 * @example activityId("2050", "CASE-1", { kind: "Call", dateSerial: 45000, agent: "AB", outcome: "Promised" }).startsWith("ACT-") // true
 */
export function activityId(customer: string, caseId: string, activity: Activity, vouchers: readonly string[] = []): string {
  const content = [customer, caseId, activity.kind, activity.dateSerial, activity.agent, activity.outcome, activity.note ?? "", vouchers.join(",")].join("|");
  return journalIdFor("Activity", content);
}

/**
 * The ID of closing a case (opening one carries the case's own ID).
 * @example caseCloseId("CASE-1") === caseCloseId("CASE-1") // true
 */
export function caseCloseId(caseId: string): string {
  return journalIdFor("CaseClose", caseId);
}
