/**
 * The ledger as it was known at the end of the as-of date: invoices dated after it are dropped,
 * and a closed date or a dispute date after it is forgotten. Everything the prediction engine does
 * starts from this view, so no later fact can reach a feature, a label or the prior.
 */
import type { LedgerInvoice } from "./types";

/**
 * @example knownAt([{ ...inv, dateSerial: 100, closedSerial: 140 }], 120)[0].closedSerial // undefined
 */
export function knownAt(ledger: readonly LedgerInvoice[], asOfSerial: number): LedgerInvoice[] {
  const out: LedgerInvoice[] = [];
  for (const inv of ledger) {
    if (inv.dateSerial > asOfSerial) continue;
    const closedLater = inv.closedSerial !== undefined && inv.closedSerial > asOfSerial;
    const disputedLater = inv.disputeSerial !== undefined && inv.disputeSerial > asOfSerial;
    if (!closedLater && !disputedLater) {
      out.push(inv);
      continue;
    }
    const copy: { -readonly [K in keyof LedgerInvoice]?: LedgerInvoice[K] } = { ...inv };
    if (closedLater) delete copy.closedSerial;
    if (disputedLater) delete copy.disputeSerial;
    out.push(copy as LedgerInvoice);
  }
  return out;
}

/**
 * Is the invoice open at the end of `asOfSerial` (dated on or before it, not closed by then)?
 * @example isOpenAt({ ...inv, dateSerial: 100, closedSerial: 140 }, 120) // true
 * @example isOpenAt({ ...inv, dateSerial: 100, closedSerial: 140 }, 140) // false (closed that day)
 * @example isOpenAt({ ...inv, dateSerial: 100, closedSerial: 140 }, 99) // false (not yet issued)
 */
export function isOpenAt(inv: LedgerInvoice, asOfSerial: number): boolean {
  return inv.dateSerial <= asOfSerial && (inv.closedSerial === undefined || inv.closedSerial > asOfSerial);
}
