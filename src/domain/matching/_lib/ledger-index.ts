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

/**
 * A map from text to item indexes that allocates nothing for a key with one item (most keys):
 * a million references cost a million map entries, not a million little arrays.
 * @example
 * const m = new MultiIndex();
 * m.add("INV-1", 0); m.add("INV-2", 1); m.add("INV-1", 5); m.add("INV-1", 5);
 * [m.get("INV-1"), m.get("INV-2"), m.get("INV-3")] // [[0, 5], [1], undefined]
 */
export class MultiIndex {
  private readonly first = new Map<string, number>();
  private readonly more = new Map<string, number[]>();

  add(key: string, i: number): void {
    const f = this.first.get(key);
    if (f === undefined) this.first.set(key, i);
    else if (f !== i) {
      const m = this.more.get(key);
      if (m === undefined) this.more.set(key, [f, i]);
      else if (m[m.length - 1] !== i) m.push(i);
    }
  }

  get(key: string): readonly number[] | undefined {
    const m = this.more.get(key);
    if (m !== undefined) return m;
    const f = this.first.get(key);
    return f === undefined ? undefined : [f];
  }
}

export interface LedgerIndex {
  readonly items: readonly MatchItem[];
  /** Remaining open amount per item (debit items only; credit items stay 0 and are never matched). */
  readonly open: number[];
  readonly byReference: MultiIndex;
  /** Document numbers (the Invoice number, else the voucher) by their whole key; numeric ones are their own number. */
  readonly byDocument: MultiIndex;
  /** Document numbers by their number, where that differs from the whole key ("INV-000123" -> "123"). */
  readonly byCore: MultiIndex;
  /** Customer -> items (all currencies), oldest due first. Keyed by the customer text itself, whose hash the engine computes once. */
  readonly byCustomer: ReadonlyMap<string, number[]>;
  /** `currency:amountMinor` -> items with that original open amount; built on first use. */
  byAmount(key: string): readonly number[] | undefined;
  readonly customerByAccount: ReadonlyMap<string, string[]>;
  readonly customerIds: ReadonlyMap<string, string>;
  readonly customerByName: ReadonlyMap<string, string[]>;
  /** Name token -> customers whose normalized name has it (for fuzzy names). */
  readonly customerByToken: ReadonlyMap<string, string[]>;
  readonly nameOf: ReadonlyMap<string, string>;
}


function pushText(map: Map<string, string[]>, key: string, value: string): void {
  if (key === "") return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  // Callers push each value once per key in a row, so comparing with the last is enough (and linear).
  else if (list[list.length - 1] !== value) list.push(value);
}

const PLAIN_NUMBER = /^[1-9][0-9]*$/;

/** The keys and amounts a statement may look up; without it, every item is indexed. */
export interface Wanted {
  readonly keys: ReadonlySet<string>;
  readonly amounts: ReadonlySet<string>;
  /** Payer accounts (normalized), and payer names (normalized) with their words. */
  readonly accounts?: ReadonlySet<string>;
  readonly names?: ReadonlySet<string>;
}

/**
 * Index `items` and `customers`; with `wanted`, only the keys and amounts a statement may look up.
 * @example
 * const ix = buildIndex(matchItems, matchCustomers);
 * [ix.byReference.get("12345682"), ix.byDocument.get("20452"), ix.byCustomer.get("C0201"), ix.customerByAccount.get("SE3550000000054910000003")] // [[0], [1], [0, 1], ["C0201"]]
 * ix.byAmount("SEK:80000") // [2]
 * @example buildIndex(matchItems, matchCustomers, { keys: new Set(["20452"]), amounts: new Set() }).byReference.get("12345682") // undefined (not wanted)
 */
export function buildIndex(items: readonly MatchItem[], customers: readonly MatchCustomer[], wanted?: Wanted): LedgerIndex {
  const open = new Array<number>(items.length).fill(0);
  const byReference = new MultiIndex();
  const byDocument = new MultiIndex();
  const byCore = new MultiIndex();
  const byCustomer = new Map<string, number[]>();
  const want = wanted?.keys;
  const everyCustomer = new Set<string>();
  // Due dates in one typed array: the per-customer sorts below read them without a lookup.
  const dueOf = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as MatchItem;
    everyCustomer.add(it.customer);
    if (!(it.amountMinor > 0)) continue;
    open[i] = it.amountMinor;
    dueOf[i] = it.dueSerial ?? it.dateSerial ?? 0;
    if (it.paymentReference !== undefined && it.paymentReference !== "") {
      const ref = referenceKey(it.paymentReference);
      if (want === undefined || want.has(ref)) byReference.add(ref, i);
    }
    // The document number the payer saw: the Invoice number, else the voucher.
    const doc = it.invoice !== undefined && it.invoice !== "" ? it.invoice : it.voucher;
    const key = documentKey(doc);
    if (key !== "") {
      if (want === undefined || want.has(key)) byDocument.add(key, i);
      // A plain number without leading zeros is its own number: nothing more to index.
      if (doc !== key || !PLAIN_NUMBER.test(doc)) {
        const core = documentCore(doc);
        if (core !== "" && core !== key && (want === undefined || want.has(core))) byCore.add(core, i);
      }
    }
    const list = byCustomer.get(it.customer);
    if (list === undefined) byCustomer.set(it.customer, [i]);
    else list.push(i);
  }
  let amounts: MultiIndex | undefined;
  const byAmount = (key: string): readonly number[] | undefined => {
    if (amounts === undefined) {
      const built = new MultiIndex();
      const only = wanted?.amounts;
      // Amounts a line has, per currency: most items are passed over without making a key.
      const byCurrency = new Map<string, Set<number>>();
      for (const k of only ?? []) {
        const at = k.lastIndexOf(":");
        const set = byCurrency.get(k.slice(0, at)) ?? new Set<number>();
        set.add(Number(k.slice(at + 1)));
        byCurrency.set(k.slice(0, at), set);
      }
      for (let i = 0; i < items.length; i++) {
        const it = items[i] as MatchItem;
        if (!(it.amountMinor > 0)) continue;
        if (only !== undefined && byCurrency.get(it.currency)?.has(it.amountMinor) !== true) continue;
        built.add(`${it.currency}:${it.amountMinor}`, i);
      }
      amounts = built;
    }
    return amounts.get(key);
  };
  for (const list of byCustomer.values()) if (list.length > 1) list.sort((a, b) => (dueOf[a] as number) - (dueOf[b] as number) || a - b);

  const customerByAccount = new Map<string, string[]>();
  const customerIds = new Map<string, string>();
  const customerByName = new Map<string, string[]>();
  const customerByToken = new Map<string, string[]>();
  const nameOf = new Map<string, string>();
  // Only the accounts, names and name words some line has are indexed (each with all its customers).
  const accounts = wanted?.accounts;
  const names = wanted?.names;
  for (const c of customers) {
    customerIds.set(c.customer.toUpperCase(), c.customer);
    for (const a of c.bankAccounts) {
      const key = normalizeAccount(a);
      if (accounts === undefined || accounts.has(key)) pushText(customerByAccount, key, c.customer);
    }
    const name = normalizeName(c.name ?? "");
    if (name === "") continue;
    nameOf.set(c.customer, name);
    if (names === undefined || names.has(name)) pushText(customerByName, name, c.customer);
    for (const t of new Set(name.split(" "))) if (t.length >= 3 && (names === undefined || names.has(t))) pushText(customerByToken, t, c.customer);
  }
  // Customers that appear only in the ledger can still be named by their number.
  // Each distinct customer text once, in order of first appearance (as a pass over every item would).
  for (const customer of everyCustomer) {
    const upper = customer.toUpperCase();
    if (!customerIds.has(upper)) customerIds.set(upper, customer);
  }
  return { items, open, byReference, byDocument, byCore, byCustomer, byAmount, customerByAccount, customerIds, customerByName, customerByToken, nameOf };
}
