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

/**
 * The sort key of one item, or an error when the date the order needs is blank.
 * @example dueDateKey({ customer: "2050", voucher: "Invoice 3", type: "Invoice", dateSerial: 42292, dueSerial: 42322, amountMinor: 50000, currency: "USD", status: "None", row: 4 }, 2, []) // { primary: 42322, pct: 2, date: 42292, voucher: "Invoice 3" }
 * @example
 * const errors = [];
 * dueDateKey({ customer: "2050", voucher: "X", type: "Invoice", amountMinor: 100, currency: "USD", status: "None", row: 7 }, 0, errors);
 * errors.map((e) => e.code) // ["due_date_must_not_be_blank"]
 */
export function dueDateKey(item: SettlementItem, pct: number, errors: CcError[]): OrderKey {
  const due = item.dueSerial ?? item.dateSerial;
  if (due === undefined) {
    errors.push(ccError("due_date_must_not_be_blank", { case: "neither", voucher: item.voucher }, { table: "openItems", row: item.row, column: "DueDate" }));
  }
  return { primary: due ?? 0, pct, date: item.dateSerial ?? due ?? 0, voucher: item.voucher };
}

/**
 * The priority sort key of one item: the rank of its type in the user's list (unlisted types
 * rank after every listed one), then its date; an error when it has no date.
 * @example priorityKey({ customer: "2050", voucher: "Interest 1", type: "InterestNote", dateSerial: 42292, amountMinor: 700, currency: "USD", status: "None", row: 5 }, new Map([["Fee", 0], ["CollectionLetter", 1], ["InterestNote", 2], ["Invoice", 3]]), []) // { primary: 2, pct: 0, date: 42292, voucher: "Interest 1" }
 * @example priorityKey({ customer: "2050", voucher: "F1", type: "Fee", dateSerial: 42292, amountMinor: 500, currency: "USD", status: "None", row: 6 }, new Map([["Invoice", 0]]), []).primary // 1 (not listed: after the one listed type)
 */
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

/**
 * `compareOrder` on two keys.
 * @example compareKeys({ primary: 42322, pct: 2, date: 42292, voucher: "Invoice 3" }, { primary: 42322, pct: 0, date: 42292, voucher: "Interest 1" }) < 0 // true (same due date: Invoice 3 still offers 2 %)
 * @example compareKeys({ primary: 42278, pct: 0, date: 42248, voucher: "B" }, { primary: 42278, pct: 0, date: 42248, voucher: "A" }) // 1 (all else equal: by voucher)
 */
export function compareKeys(a: OrderKey, b: OrderKey): number {
  return compareOrder(a.primary, a.pct, a.date, a.voucher, b.primary, b.pct, b.date, b.voucher);
}
