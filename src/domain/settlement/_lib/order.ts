/**
 * The orders of automatic settlement (docs/domain.md §4.2). Default: due date; on the same due date the
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
    errors.push(ccError("due_date_must_not_be_blank", { case: "neither", voucher: item.voucher }, { table: "openItems", row: item.row, column: "DueDate" }));
  }
  return { primary: due ?? 0, pct, date: item.dateSerial ?? due ?? 0, voucher: item.voucher };
}

export function priorityKey(item: SettlementItem, rank: ReadonlyMap<TransactionType, number>, errors: CcError[]): OrderKey {
  const date = item.dateSerial ?? item.dueSerial;
  if (date === undefined) {
    errors.push(ccError("date_must_not_be_blank", { case: "order", voucher: item.voucher }, { table: "openItems", row: item.row, column: "Date" }));
  }
  return { primary: rank.get(item.type) ?? rank.size, pct: 0, date: date ?? 0, voucher: item.voucher };
}

/**
 * Plain code-unit order, so the same vouchers sort the same on every machine and locale.
 * @example compareText("INV-10", "INV-9") // -1
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The one settlement order, for proposals and the ledger-wide batch alike: primary (due date or
 * type rank) ascending, then the better discount first, then date, then voucher. Takes the parts
 * as scalars so the batch can sort a million rows without building a key object per comparison.
 * @example compareOrder(42278, 2, 42248, "B", 42278, 0, 42200, "A") < 0 // true (same due date: the better discount first)
 */
export function compareOrder(aPrimary: number, aPct: number, aDate: number, aVoucher: string, bPrimary: number, bPct: number, bDate: number, bVoucher: string): number {
  return aPrimary - bPrimary || bPct - aPct || aDate - bDate || compareText(aVoucher, bVoucher);
}

export function compareKeys(a: OrderKey, b: OrderKey): number {
  return compareOrder(a.primary, a.pct, a.date, a.voucher, b.primary, b.pct, b.date, b.voucher);
}
