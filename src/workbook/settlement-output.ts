/**
 * A proposal as the table CC.SETTLE spills: one row per open debit item in the order the
 * settlement visited them (untouched items after, AmountToSettle 0), then the Unapplied row.
 */
import { exponentOf, minorToNumber } from "../domain/money";
import type { Proposal } from "../domain/settlement/types";

export const SETTLE_HEADER = ["Voucher", "Type", "DueDate", "Open", "CashDiscount", "AmountToSettle", "Balance", "Currency"] as const;

/**
 * @example settleTable(w1Proposal)[1] // ["Invoice 1", "Invoice", 42261, 100, 0, 100, 0, "USD"]
 */
export function settleTable(p: Proposal): (string | number)[][] {
  const out: (string | number)[][] = [[...SETTLE_HEADER]];
  for (const l of p.lines) {
    const e = exponentOf(l.item.currency);
    const n = (m: number): number => minorToNumber(m, e);
    out.push([l.item.voucher, l.item.type, l.item.dueSerial ?? "", n(l.openMinor), n(l.discountMinor), n(l.amountToSettleMinor), n(l.balanceMinor), l.item.currency]);
  }
  const e = exponentOf(p.credit.currency);
  // The payment's open balance afterwards is signed like the ledger: -0.50 stays open on it.
  out.push(["Unapplied", p.credit.type, "", "", "", minorToNumber(p.unappliedMinor, e), p.unappliedMinor === 0 ? 0 : minorToNumber(-p.unappliedMinor, e), p.credit.currency]);
  return out;
}
