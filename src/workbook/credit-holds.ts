/**
 * Hold-log entries -> rows of a `Credit hold log` sheet.
 */
import { HOLD_LOG_HEADER, type HoldLogEntry } from "../domain/credit/holds/types";
import { isoFromSerial } from "../domain/dates";

/**
 * @example holdLogTable([entry]) // [["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons"], ["SO1", "C", "Release", "Paid", "Released", "2024-06-30", ""]]
 */
export function holdLogTable(entries: readonly HoldLogEntry[], dates: "iso" | "serial" = "iso"): (string | number)[][] {
  return [
    [...HOLD_LOG_HEADER],
    ...entries.map((e) => [e.order, e.customer, e.action, e.reason, e.status, dates === "iso" ? isoFromSerial(e.dateSerial) : e.dateSerial, e.reasons]),
  ];
}
