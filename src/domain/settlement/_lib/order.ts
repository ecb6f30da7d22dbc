/**
 * The orders of automatic settlement (DOMAIN.md 4.2). Default: due date; on the same due date the
 * better discount still available at the settlement date; then transaction date; then voucher.
 * Priority: the rank of the transaction type in the user's list (unlisted types after all listed
 * ones); then transaction date; then voucher. Vouchers are unique per customer, so both orders are
 * total and do not depend on row order.
 */
import { ccError, type CcError } from "../../errors";
import type { TransactionType } from "../../types";
import type { SettlementItem } from "../types";

export interface OrderKey {
  readonly primary: number;
  readonly pct: number;
  readonly date: number;
  readonly voucher: string;
}

/** The sort key of one item, or an error when the date the order needs is blank. */
export function dueDateKey(item: SettlementItem, pct: number, errors: CcError[]): OrderKey {
  const due = item.dueSerial ?? item.dateSerial;
  if (due === undefined) {
    errors.push(ccError("due_date_must_not_be_blank", `voucher ${item.voucher} has neither a DueDate nor a Date to order it by`, { table: "openItems", row: item.row, column: "DueDate" }));
  }
  return { primary: due ?? 0, pct, date: item.dateSerial ?? due ?? 0, voucher: item.voucher };
}

export function priorityKey(item: SettlementItem, rank: ReadonlyMap<TransactionType, number>, errors: CcError[]): OrderKey {
  const date = item.dateSerial ?? item.dueSerial;
  if (date === undefined) {
    errors.push(ccError("date_must_not_be_blank", `voucher ${item.voucher} has no Date to order it by`, { table: "openItems", row: item.row, column: "Date" }));
  }
  return { primary: rank.get(item.type) ?? rank.size, pct: 0, date: date ?? 0, voucher: item.voucher };
}

/** Plain code-unit order, so the same vouchers sort the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: OrderKey, b: OrderKey): number {
  return a.primary - b.primary || b.pct - a.pct || a.date - b.date || compareText(a.voucher, b.voucher);
}
