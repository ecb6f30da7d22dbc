/**
 * One pass over the ledger and the orders: per customer, sums by currency (balance, overdue, open
 * orders and packing slips) and the oldest overdue item's days past due. Every credit check reads
 * these Maps; nothing scans the ledger per order.
 */
import type { Transaction } from "../../types";
import { OPEN_ORDER_STATUSES, type Order } from "../types";

export interface CustomerProfile {
  /** Open items by currency (all of them: debit and credit items). */
  readonly balance: Map<string, number>;
  /** Overdue debit items by currency: due date before the as-of date. */
  readonly overdue: Map<string, number>;
  /** Open orders' amount plus packing slips not invoiced, by currency. */
  readonly orders: Map<string, number>;
  /** Days past due of the oldest overdue debit item (0 when nothing is overdue). */
  maxDaysOverdue: number;
}

function emptyProfile(): CustomerProfile {
  return { balance: new Map(), overdue: new Map(), orders: new Map(), maxDaysOverdue: 0 };
}

function add(map: Map<string, number>, currency: string, minor: number): void {
  map.set(currency, (map.get(currency) ?? 0) + minor);
}

/**
 * Aggregate `transactions` and open `orders` per customer (only customers in `wanted`).
 * Items dated after the as-of date are not yet posted and are left out. The due date of an item
 * is its DueDate, else its transaction date.
 */
export function buildProfiles(
  transactions: readonly Transaction[],
  orders: readonly Order[],
  wanted: ReadonlySet<string>,
  asOfSerial: number,
): Map<string, CustomerProfile> {
  const profiles = new Map<string, CustomerProfile>();
  const profileOf = (customer: string): CustomerProfile => {
    let p = profiles.get(customer);
    if (p === undefined) {
      p = emptyProfile();
      profiles.set(customer, p);
    }
    return p;
  };
  for (const t of transactions) {
    if (!wanted.has(t.customer) || t.amountMinor === 0) continue;
    if (t.dateSerial !== undefined && t.dateSerial > asOfSerial) continue;
    const p = profileOf(t.customer);
    add(p.balance, t.currency, t.amountMinor);
    const due = t.dueSerial ?? t.dateSerial;
    if (t.amountMinor > 0 && due !== undefined && due < asOfSerial) {
      add(p.overdue, t.currency, t.amountMinor);
      if (asOfSerial - due > p.maxDaysOverdue) p.maxDaysOverdue = asOfSerial - due;
    }
  }
  for (const o of orders) {
    if (!wanted.has(o.customer) || !OPEN_ORDER_STATUSES.has(o.status)) continue;
    const p = profileOf(o.customer);
    add(p.orders, o.currency, o.amountMinor + o.packingSlipMinor);
  }
  return profiles;
}
