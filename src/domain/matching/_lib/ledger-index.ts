/**
 * The indexes a statement is matched through, built once in one pass over the open items and the
 * customers: by payment reference, document number (whole and by its number), customer and
 * currency, open amount; customers by account, number and name. Every lookup is a map access, so
 * matching a line costs the same against a thousand items as against a million.
 */
import type { MatchCustomer, MatchItem } from "../types";
import { referenceKey } from "../references";
import { documentCore, documentKey, normalizeAccount, normalizeName } from "./text";

/** Shortest number inside a document number that is looked up without knowing the customer. */
export const MIN_GLOBAL_CORE = 4;

export interface LedgerIndex {
  readonly items: readonly MatchItem[];
  /** Remaining open amount per item (debit items only; credit items stay 0 and are never matched). */
  readonly open: number[];
  readonly byReference: ReadonlyMap<string, number[]>;
  readonly byDocument: ReadonlyMap<string, number[]>;
  readonly byCore: ReadonlyMap<string, number[]>;
  /** `customer \u0000 currency` -> items, oldest due first. */
  readonly byCustomer: ReadonlyMap<string, number[]>;
  /** `currency:amountMinor` -> items with that original open amount. */
  readonly byAmount: ReadonlyMap<string, number[]>;
  readonly customerByAccount: ReadonlyMap<string, string[]>;
  readonly customerIds: ReadonlyMap<string, string>;
  readonly customerByName: ReadonlyMap<string, string[]>;
  /** Name token -> customers whose normalized name has it (for fuzzy names). */
  readonly customerByToken: ReadonlyMap<string, string[]>;
  readonly nameOf: ReadonlyMap<string, string>;
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function pushText(map: Map<string, string[]>, key: string, value: string): void {
  if (key === "") return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function customerKey(customer: string, currency: string): string {
  return `${customer}\u0000${currency}`;
}

export function buildIndex(items: readonly MatchItem[], customers: readonly MatchCustomer[]): LedgerIndex {
  const open = new Array<number>(items.length).fill(0);
  const byReference = new Map<string, number[]>();
  const byDocument = new Map<string, number[]>();
  const byCore = new Map<string, number[]>();
  const byCustomer = new Map<string, number[]>();
  const byAmount = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (!(it.amountMinor > 0)) return;
    open[i] = it.amountMinor;
    if (it.paymentReference !== undefined && it.paymentReference.trim() !== "") push(byReference, referenceKey(it.paymentReference), i);
    for (const doc of [it.invoice, it.voucher]) {
      if (doc === undefined || doc.trim() === "") continue;
      push(byDocument, documentKey(doc), i);
      const core = documentCore(doc);
      if (core !== "") push(byCore, core, i);
    }
    push(byCustomer, customerKey(it.customer, it.currency), i);
    push(byAmount, `${it.currency}:${it.amountMinor}`, i);
  });
  const due = (i: number): number => items[i]?.dueSerial ?? items[i]?.dateSerial ?? 0;
  for (const list of byCustomer.values()) list.sort((a, b) => due(a) - due(b) || a - b);

  const customerByAccount = new Map<string, string[]>();
  const customerIds = new Map<string, string>();
  const customerByName = new Map<string, string[]>();
  const customerByToken = new Map<string, string[]>();
  const nameOf = new Map<string, string>();
  for (const c of customers) {
    customerIds.set(c.customer.toUpperCase(), c.customer);
    for (const a of c.bankAccounts) pushText(customerByAccount, normalizeAccount(a), c.customer);
    const name = normalizeName(c.name ?? "");
    if (name === "") continue;
    nameOf.set(c.customer, name);
    pushText(customerByName, name, c.customer);
    for (const t of name.split(" ")) if (t.length >= 3) pushText(customerByToken, t, c.customer);
  }
  // Customers that appear only in the ledger can still be named by their number.
  for (const it of items) if (!customerIds.has(it.customer.toUpperCase())) customerIds.set(it.customer.toUpperCase(), it.customer);
  return { items, open, byReference, byDocument, byCore, byCustomer, byAmount, customerByAccount, customerIds, customerByName, customerByToken, nameOf };
}
