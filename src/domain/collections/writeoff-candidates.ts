/**
 * What a write-off screen lists before the user chooses: each customer's open balance per
 * currency, the number of open items and the oldest due date, optionally only small balances or
 * old debts. One pass over the ledger, grouped with a Map.
 */
import type { Transaction } from "../types";

export interface WriteOffCandidate {
  readonly customer: string;
  readonly currency: string;
  /** Net of the open items (what a whole-customer write-off would credit). */
  readonly balanceMinor: number;
  readonly openItems: number;
  /** The earliest due date of an open item (its date when it has no due date); undefined if none. */
  readonly oldestDueSerial?: number;
}

export interface WriteOffCandidateFilter {
  /** Only balances whose magnitude is at most this (minor units), e.g. small remainders. */
  readonly maxBalanceMinor?: number;
  /** Only customers whose oldest open item is at least this many days past due at `asOfSerial`. */
  readonly minDaysPastDue?: number;
  readonly asOfSerial?: number;
}

/**
 * Each customer's open balance per currency, with its number of open items and oldest due date.
 * @example
 * const ledger = [{ ...inv, customer: "C7", voucher: "I1", dueSerial: 45000, amountMinor: 10003 }, { ...inv, customer: "C7", voucher: "P1", type: "Payment", dueSerial: undefined, dateSerial: 45020, amountMinor: -10000 }, { ...inv, customer: "C8", voucher: "I2", dueSerial: 45010, amountMinor: 90000 }];
 * writeOffCandidates(ledger, { maxBalanceMinor: 500 }) // [{ customer: "C7", currency: "USD", balanceMinor: 3, openItems: 2, oldestDueSerial: 45000 }] (C8's 900.00 is not small)
 * @example
 * const ledger = [{ ...inv, customer: "C7", voucher: "I1", dueSerial: 45000, amountMinor: 10003 }, { ...inv, customer: "C8", voucher: "I2", dueSerial: 45010, amountMinor: 90000 }];
 * writeOffCandidates(ledger, { minDaysPastDue: 60, asOfSerial: 45065 }).map((c) => c.customer) // ["C7"] (65 days past due; C8 only 55)
 */
export function writeOffCandidates(transactions: readonly Transaction[], filter: WriteOffCandidateFilter = {}): WriteOffCandidate[] {
  const groups = new Map<string, { customer: string; currency: string; balanceMinor: number; openItems: number; oldest: number }>();
  for (const t of transactions) {
    if (t.amountMinor === 0) continue;
    const key = `${t.customer}\u0000${t.currency}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { customer: t.customer, currency: t.currency, balanceMinor: 0, openItems: 0, oldest: Infinity };
      groups.set(key, g);
    }
    g.balanceMinor += t.amountMinor;
    g.openItems++;
    const due = t.dueSerial ?? t.dateSerial;
    if (due !== undefined && due < g.oldest) g.oldest = due;
  }
  const out: WriteOffCandidate[] = [];
  for (const g of groups.values()) {
    if (filter.maxBalanceMinor !== undefined && Math.abs(g.balanceMinor) > filter.maxBalanceMinor) continue;
    if (filter.minDaysPastDue !== undefined && (filter.asOfSerial === undefined || !(filter.asOfSerial - g.oldest >= filter.minDaysPastDue))) continue;
    const c: WriteOffCandidate = { customer: g.customer, currency: g.currency, balanceMinor: g.balanceMinor, openItems: g.openItems };
    out.push(Number.isFinite(g.oldest) ? { ...c, oldestDueSerial: g.oldest } : c);
  }
  return out.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
