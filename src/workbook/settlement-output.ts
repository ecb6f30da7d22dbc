/**
 * A proposal as the table CC.SETTLE spills: one row per open debit item in the order the
 * settlement visited them (untouched items after, AmountToSettle 0), then the Unapplied row.
 */
import { exponentOf, minorToNumber } from "../domain/money";
import type { Proposal, SettlementItem } from "../domain/settlement/types";

export const SETTLE_HEADER = ["Voucher", "Type", "DueDate", "Open", "CashDiscount", "AmountToSettle", "Balance", "Currency"] as const;

/**
 * @example settleTable(w1Proposal)[1] // ["Invoice 1", "Invoice", 42261, 100, 0, 100, 0, "USD"]
 * `untouched`: open debit items the proposal has no line for (`proposeSettled`), written after its
 * lines as their untouched lines would be (AmountToSettle 0).
 */
export function settleTable(p: Proposal, untouched: readonly SettlementItem[] = []): (string | number)[][] {
  const out: (string | number)[][] = new Array(p.lines.length + untouched.length + 2);
  out[0] = [...SETTLE_HEADER];
  let r = 1;
  // Items share a currency or a few: its exponent is looked up once per change of currency, not per line.
  let currency: string | undefined;
  let e = 2;
  for (const l of p.lines) {
    const item = l.item;
    if (item.currency !== currency) {
      currency = item.currency;
      e = exponentOf(currency);
    }
    out[r++] = [item.voucher, item.type, item.dueSerial ?? "", minorToNumber(l.openMinor, e), minorToNumber(l.discountMinor, e), minorToNumber(l.amountToSettleMinor, e), minorToNumber(l.balanceMinor, e), item.currency];
  }
  // The items the credit never reached, as their untouched lines would show them (nothing settled).
  let zero = 0;
  for (const item of untouched) {
    if (item.currency !== currency) {
      currency = item.currency;
      e = exponentOf(currency);
      zero = minorToNumber(0, e);
    }
    const open = minorToNumber(item.amountMinor, e);
    out[r++] = [item.voucher, item.type, item.dueSerial ?? "", open, zero, zero, open, item.currency];
  }
  const ce = exponentOf(p.credit.currency);
  // The payment's open balance afterwards is signed like the ledger: -0.50 stays open on it.
  out[r] = ["Unapplied", p.credit.type, "", "", "", minorToNumber(p.unappliedMinor, ce), p.unappliedMinor === 0 ? 0 : minorToNumber(-p.unappliedMinor, ce), p.credit.currency];
  return out;
}
