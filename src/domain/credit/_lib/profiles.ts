/**
 * One pass over the ledger and the orders: per customer, sums by currency (balance, overdue, open
 * orders and packing slips) and the oldest overdue item's days past due. Every credit check reads
 * these sums; nothing scans the ledger per order.
 */
import type { LedgerColumns } from "../../ledger";
import type { Transaction } from "../../types";
import { OPEN_ORDER_STATUSES, type Order } from "../types";

/** The sums of one currency. NaN marks a sum with no item at all (not converted, so a missing rate for it is no error). */
export interface CurrencySums {
  readonly currency: string;
  /** Open items (all of them: debit and credit items). */
  balance: number;
  /** Overdue debit items: due date before the as-of date. */
  overdue: number;
  /** Open orders' amount plus packing slips not invoiced. */
  orders: number;
}

/**
 * A customer's sums: most customers deal in one currency, so the first currency met is kept in
 * the profile's own fields (no Map per currency), any other in `more`.
 */
export interface CustomerProfile {
  /** The first currency met; undefined while the customer has no item. */
  currency: string | undefined;
  balance: number;
  overdue: number;
  orders: number;
  more: CurrencySums[] | undefined;
  /** Days past due of the oldest overdue debit item (0 when nothing is overdue). */
  maxDaysOverdue: number;
}

/**
 * The customer's sums per currency, in the order the currencies were met.
 * @example
 * currencySums(buildProfiles([c1Invoice], creditOrders, ["C1"], asOfSerial).get("C1"))
 * // [{ currency: "USD", balance: 900000, overdue: 900000, orders: 50000 }]
 * @example currencySums(undefined) // []
 */
export function currencySums(p: CustomerProfile | undefined): readonly CurrencySums[] {
  if (p?.currency === undefined) return [];
  const first = { currency: p.currency, balance: p.balance, overdue: p.overdue, orders: p.orders };
  return p.more === undefined ? [first] : [first, ...p.more];
}

/** The sums of `currency` for an item of the customer, created when it is the first of that currency. */
function sumsOf(p: CustomerProfile, currency: string): CurrencySums {
  p.more ??= [];
  for (const s of p.more) if (s.currency === currency) return s;
  const s = { currency, balance: NaN, overdue: NaN, orders: NaN };
  p.more.push(s);
  return s;
}

/** `sum + minor`, where a NaN sum (no item yet) counts as 0. */
function plus(sum: number, minor: number): number {
  return sum === sum ? sum + minor : minor;
}

/**
 * Aggregate `transactions` and open `orders` per customer (every customer in `wanted` gets a
 * profile, others are left out). Items dated after the as-of date are not yet posted and are left
 * out. The due date of an item is its DueDate, else its transaction date.
 * C1's invoice due 2024-05-31 is 30 days overdue on 2024-06-30; SO3 is invoiced, so only SO1 counts:
 * @example
 * const p = buildProfiles([c1Invoice], creditOrders, ["C1"], asOfSerial).get("C1");
 * [p.balance, p.overdue, p.orders, p.maxDaysOverdue] // [900000, 900000, 50000, 30]
 * @example buildProfiles([c1Invoice], [], ["C1"], c1Invoice.dateSerial - 1).get("C1").currency // undefined (not yet posted)
 */
export function buildProfiles(
  transactions: readonly Transaction[],
  orders: readonly Order[],
  wanted: Iterable<string>,
  asOfSerial: number,
): Map<string, CustomerProfile> {
  const profiles = emptyProfiles(wanted);
  for (let k = 0; k < transactions.length; k++) {
    const t = transactions[k] as Transaction;
    const minor = t.amountMinor;
    if (minor === 0) continue;
    const p = profiles.get(t.customer);
    if (p === undefined) continue;
    const date = t.dateSerial;
    if (date !== undefined && date > asOfSerial) continue;
    addItem(p, t.currency, minor, t.dueSerial ?? date, asOfSerial);
  }
  addOrders(profiles, orders);
  return profiles;
}

function emptyProfiles(wanted: Iterable<string>): Map<string, CustomerProfile> {
  const profiles = new Map<string, CustomerProfile>();
  for (const c of wanted) profiles.set(c, { currency: undefined, balance: NaN, overdue: NaN, orders: NaN, more: undefined, maxDaysOverdue: 0 });
  return profiles;
}

/** One posted, non-zero item into its customer's profile: balance, overdue (a debit due before the as-of date) and the days of the oldest. */
function addItem(p: CustomerProfile, currency: string, minor: number, due: number | undefined, asOfSerial: number): void {
  const overdue = minor > 0 && due !== undefined && due < asOfSerial;
  p.currency ??= currency;
  if (p.currency === currency) {
    p.balance = plus(p.balance, minor);
    if (overdue) p.overdue = plus(p.overdue, minor);
  } else {
    const s = sumsOf(p, currency);
    s.balance = plus(s.balance, minor);
    if (overdue) s.overdue = plus(s.overdue, minor);
  }
  if (overdue && asOfSerial - due > p.maxDaysOverdue) p.maxDaysOverdue = asOfSerial - due;
}

/**
 * `buildProfiles` over a ledger in columns (src/domain/ledger.ts): the same rule, row by row in the
 * same order, without a record per row.
 * @example
 * const ledger = { length: 2, customers: ["C1"], customerOf: Int32Array.of(0, 0), currencies: ["USD"], currencyOf: Int32Array.of(0, 0), amountMinor: Float64Array.of(900000, -100000), typeOf: Uint8Array.of(0, 1), statusOf: Uint8Array.of(0, 0), dateSerial: Float64Array.of(45000, 45040), dueSerial: Float64Array.of(45030, 45040), promiseSerial: Float64Array.of(NaN, NaN), voucher: ["INV1", "CN1"], row: Int32Array.of(2, 3) };
 * const p = buildProfilesFromColumns(ledger, [], ["C1"], 45060).get("C1");
 * [p.currency, p.balance, p.overdue, p.maxDaysOverdue] // ["USD", 800000, 900000, 30] (the 9,000.00 invoice 30 days overdue, less a 1,000.00 credit note)
 */
export function buildProfilesFromColumns(
  ledger: LedgerColumns,
  orders: readonly Order[],
  wanted: Iterable<string>,
  asOfSerial: number,
): Map<string, CustomerProfile> {
  const profiles = emptyProfiles(wanted);
  // The profile of each interned customer, looked up once per customer instead of once per row.
  const byId = ledger.customers.map((c) => profiles.get(c));
  const { customerOf, currencyOf, currencies, amountMinor, dateSerial, dueSerial } = ledger;
  for (let k = 0; k < ledger.length; k++) {
    const minor = amountMinor[k] as number;
    if (minor === 0) continue;
    const p = byId[customerOf[k] as number];
    if (p === undefined) continue;
    const date = dateSerial[k] as number;
    if (date > asOfSerial) continue;
    const dueCell = dueSerial[k] as number;
    // NaN is "no date": the due date is the DueDate, else the transaction date (NaN when neither).
    const due = dueCell === dueCell ? dueCell : date;
    addItem(p, currencies[currencyOf[k] as number] as string, minor, due === due ? due : undefined, asOfSerial);
  }
  addOrders(profiles, orders);
  return profiles;
}

/** Add the open orders to the profiles of their customers. */
function addOrders(profiles: Map<string, CustomerProfile>, orders: readonly Order[]): void {
  for (let k = 0; k < orders.length; k++) {
    const o = orders[k] as Order;
    if (!OPEN_ORDER_STATUSES.has(o.status)) continue;
    const p = profiles.get(o.customer);
    if (p === undefined) continue;
    p.currency ??= o.currency;
    const minor = o.amountMinor + o.packingSlipMinor;
    if (p.currency === o.currency) p.orders = plus(p.orders, minor);
    else {
      const s = sumsOf(p, o.currency);
      s.orders = plus(s.orders, minor);
    }
  }
}
