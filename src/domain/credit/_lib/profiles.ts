/**
 * One pass over the ledger and the orders: per customer, sums by currency (balance, overdue, open
 * orders and packing slips) and the oldest overdue item's days past due. Every credit check reads
 * these sums; nothing scans the ledger per order.
 */
import type { Transaction } from "../../types";
import { OPEN_ORDER_STATUSES, type Order } from "../types";

/**
 * A customer's sums, one slot per currency met (most customers have one, so a short list beats a
 * Map per currency): `currencies[i]` names the slot of `balance[i]`, `overdue[i]`, `orders[i]`.
 * NaN marks a sum with no item at all (not converted, so a missing rate for it is no error).
 */
export interface CustomerProfile {
  readonly currencies: string[];
  /** Open items (all of them: debit and credit items). */
  readonly balance: number[];
  /** Overdue debit items: due date before the as-of date. */
  readonly overdue: number[];
  /** Open orders' amount plus packing slips not invoiced. */
  readonly orders: number[];
  /** Days past due of the oldest overdue debit item (0 when nothing is overdue). */
  maxDaysOverdue: number;
}

function slotOf(p: CustomerProfile, currency: string): number {
  const cs = p.currencies;
  for (let i = 0; i < cs.length; i++) if (cs[i] === currency) return i;
  cs.push(currency);
  p.balance.push(NaN);
  p.overdue.push(NaN);
  p.orders.push(NaN);
  return cs.length - 1;
}

/** `sum + minor`, where a NaN sum (no item yet) counts as 0. */
function plus(sum: number, minor: number): number {
  return sum === sum ? sum + minor : minor;
}

/**
 * Aggregate `transactions` and open `orders` per customer (every customer in `wanted` gets a
 * profile, others are left out). Items dated after the as-of date are not yet posted and are left
 * out. The due date of an item is its DueDate, else its transaction date.
 */
export function buildProfiles(
  transactions: readonly Transaction[],
  orders: readonly Order[],
  wanted: Iterable<string>,
  asOfSerial: number,
): Map<string, CustomerProfile> {
  const profiles = new Map<string, CustomerProfile>();
  for (const c of wanted) profiles.set(c, { currencies: [], balance: [], overdue: [], orders: [], maxDaysOverdue: 0 });
  for (let k = 0; k < transactions.length; k++) {
    const t = transactions[k] as Transaction;
    const minor = t.amountMinor;
    if (minor === 0) continue;
    const p = profiles.get(t.customer);
    if (p === undefined) continue;
    const date = t.dateSerial;
    if (date !== undefined && date > asOfSerial) continue;
    const i = slotOf(p, t.currency);
    p.balance[i] = plus(p.balance[i] as number, minor);
    const due = t.dueSerial ?? date;
    if (minor > 0 && due !== undefined && due < asOfSerial) {
      p.overdue[i] = plus(p.overdue[i] as number, minor);
      if (asOfSerial - due > p.maxDaysOverdue) p.maxDaysOverdue = asOfSerial - due;
    }
  }
  for (let k = 0; k < orders.length; k++) {
    const o = orders[k] as Order;
    if (!OPEN_ORDER_STATUSES.has(o.status)) continue;
    const p = profiles.get(o.customer);
    if (p === undefined) continue;
    const i = slotOf(p, o.currency);
    p.orders[i] = plus(p.orders[i] as number, o.amountMinor + o.packingSlipMinor);
  }
  return profiles;
}
