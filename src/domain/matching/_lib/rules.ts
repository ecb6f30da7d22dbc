/**
 * The rules of cash application, tried in order (docs/matching.md has the table): 1. checked
 * structured references, 2. document numbers, 3. the payer and what the amount pays of its items,
 * 4. the amount alone. Each returns a Decision: customer, items, confidence and the rule in words.
 */
import { referenceKey, referenceScheme } from "../references";
import type { StatementLine } from "../types";
import { agrees, amountFit, expectedSum, sortByDue, subsetsOf } from "./amounts";
import type { Ctx, Decision } from "./context";
import { type LedgerIndex, MIN_GLOBAL_CORE } from "./ledger-index";
import { findParty, isStrong, type Party } from "./party";
import { documentCore, documentKey, documentTokens, normalizeAccount, normalizeName, withinOneEdit } from "./text";

/** A line's reference keys and document tokens, computed once and used by every rule. */
export interface Prepared {
  readonly refs: ReadonlySet<string>;
  readonly tokens: readonly string[];
}

/**
 * A line's reference keys and document tokens.
 * @example prepare({ ...ocrLine, reference: "", text: "Faktura 20452" }) // { refs: new Set(["FAKTURA", "20452"]), tokens: ["Faktura", "20452"] }
 */
export function prepare(line: StatementLine): Prepared {
  return { refs: referenceKeys(line), tokens: documentTokens(`${line.reference} ${line.text}`) };
}

/**
 * Every key `decide` may look up for these lines (references, document numbers and their numbers,
 * amounts): the index holds only the items under these keys, so a million open items cost a pass
 * of key computations, not a million map entries. Keep in step with the lookups in `decide`.
 * @example
 * const k = lookupKeys([{ ...ocrLine, text: "INV-2" }]);
 * [[...k.keys], [...k.amounts], [...k.accounts], [...k.names]]
 * // [["12345682", "INV-2", "INV2", "2"], ["SEK:125000"], ["SE3550000000054910000003"], ["nordvik bygg", "nordvik", "bygg"]]
 */
export function lookupKeys(lines: readonly StatementLine[], prepared: readonly Prepared[] = lines.map(prepare)): { keys: Set<string>; amounts: Set<string>; accounts: Set<string>; names: Set<string> } {
  const keys = new Set<string>();
  const amounts = new Set<string>();
  // The payer's account, name and name words, as findParty looks them up.
  const accounts = new Set<string>();
  const names = new Set<string>();
  lines.forEach((line, n) => {
    if (!(line.amountMinor > 0)) return;
    const p = prepared[n] ?? prepare(line);
    for (const k of p.refs) keys.add(k);
    for (const t of p.tokens) {
      keys.add(documentKey(t));
      keys.add(documentCore(t));
    }
    amounts.add(`${line.currency}:${line.amountMinor}`);
    accounts.add(normalizeAccount(line.account));
    const name = normalizeName(line.counterparty);
    names.add(name);
    for (const t of name.split(" ")) names.add(t);
  });
  return { keys, amounts, accounts, names };
}

/**
 * The first rule that decides the line: reference, document number, party + amount, amount only.
 * @example decide(ocrLine, matchCtx) // { customer: "C0201", confidence: "High", rule: "Reference + amount", items: [0] }
 * @example decide({ ...ocrLine, reference: "", text: "Faktura 20452", amountMinor: 40000 }, matchCtx) // { customer: "C0201", confidence: "High", rule: "Document number + amount", items: [1] }
 * @example decide({ ...ocrLine, reference: "", amountMinor: 165000 }, matchCtx) // { customer: "C0201", confidence: "High", rule: "Party (account) + combined amount", items: [0, 1] }
 * @example decide({ ...ocrLine, reference: "", account: "", counterparty: "", amountMinor: 80000 }, matchCtx) // { customer: "C0305", confidence: "Low", rule: "Amount only", items: [2] }
 */
export function decide(line: StatementLine, ctx: Ctx, prep: Prepared = prepare(line)): Decision | undefined {
  const { ix } = ctx;
  const party = findParty(line, ix, prep.tokens);
  const usable = (i: number): boolean => (ix.open[i] ?? 0) > 0 && ix.items[i]?.currency === line.currency;

  // 1. Structured references with a check digit that holds.
  const checked = new Set<number>();
  const unchecked = new Set<number>();
  for (const key of prep.refs) {
    const hits = ix.byReference.get(key);
    if (hits === undefined) continue;
    const target = referenceScheme(key) !== undefined ? checked : unchecked;
    for (const i of hits) if (ix.items[i]?.currency === line.currency) target.add(i);
  }
  if (checked.size > 0) return byItems(line, ctx, "Reference", [...checked], party);

  // 2. Document numbers (and references without a check digit, which are only as good as one).
  const docs = new Set<number>(unchecked);
  const { tokens } = prep;
  for (const t of tokens) {
    const key = documentKey(t);
    const global = key.length >= MIN_GLOBAL_CORE || (/[A-Z]/.test(key) && /\d/.test(key));
    for (const i of ix.byDocument.get(key) ?? []) {
      const it = ix.items[i];
      if (it?.currency === line.currency && (global || (party !== undefined && it.customer === party.customer))) docs.add(i);
    }
    const core = documentCore(t);
    // A bare number names a document only when it is long enough not to be a day or an amount,
    // or when the payer is known and it is one of the payer's documents.
    if (core === "" || !/^[A-Za-z]*[-.]?\d+$/.test(t)) continue;
    const byNumber = [...(ix.byCore.get(core) ?? []), ...(core === documentKey(t) ? [] : (ix.byDocument.get(core) ?? []))];
    for (const i of byNumber) {
      const it = ix.items[i];
      if (it?.currency !== line.currency) continue;
      if (core.length >= MIN_GLOBAL_CORE || (party !== undefined && it.customer === party.customer)) docs.add(i);
    }
  }
  if (docs.size > 0) {
    const named = [...docs];
    // A number that is only some other customer's document, with an amount that does not pay it,
    // is more likely a typo than a payment for another customer: the known payer decides.
    const others = party !== undefined && isStrong(party) && !named.some((i) => ix.items[i]?.customer === party.customer);
    if (!others || agrees(amountFit(line, ctx, named.filter(usable)))) return byItems(line, ctx, "Document number", named, party);
  }

  // 3. The payer, and what the amount pays of its open items.
  if (party !== undefined) return byParty(line, ctx, party, tokens, usable);

  // 4. The amount alone, when exactly one open item in the ledger has it.
  const same = (ix.byAmount(`${line.currency}:${line.amountMinor}`) ?? []).filter(usable);
  const only = same[0];
  if (same.length === 1 && only !== undefined) return { customer: ix.items[only]?.customer ?? "", confidence: "Low", rule: "Amount only", items: [only] };
  return undefined;
}

/** The keys a line's reference and text words are looked up by. */
function referenceKeys(line: StatementLine): Set<string> {
  const keys = new Set<string>();
  if (line.reference.trim() !== "") keys.add(referenceKey(line.reference));
  for (const w of `${line.reference} ${line.text}`.split(/\s+/)) {
    const t = w.replace(/^[^0-9A-Za-z+]+|[^0-9A-Za-z<-]+$/g, "");
    if (t.length >= 2) keys.add(referenceKey(t));
  }
  return keys;
}

/** Rules 1 and 2: items named by reference or document number; does the amount pay them? */
function byItems(line: StatementLine, ctx: Ctx, base: string, named: number[], party: Party | undefined): Decision {
  const { ix } = ctx;
  let hits = named;
  const owners = new Set(hits.map((i) => ix.items[i]?.customer ?? ""));
  if (owners.size > 1) {
    if (party === undefined || !owners.has(party.customer)) {
      return { customer: ix.items[hits[0] as number]?.customer ?? "", confidence: "Low", rule: `${base} of several customers`, items: [] };
    }
    hits = hits.filter((i) => ix.items[i]?.customer === party.customer);
  }
  const customer = ix.items[hits[0] as number]?.customer ?? "";
  const open = sortByDue(ix, hits.filter((i) => (ix.open[i] ?? 0) > 0));
  if (open.length === 0) return { customer, confidence: "Medium", rule: `${base} of an item already settled: on account`, items: [] };
  const conflict = isStrong(party) && party?.customer !== customer ? `; the payer's ${party?.evidence ?? ""} is customer ${party?.customer ?? ""}` : "";
  const fit = amountFit(line, ctx, open);
  if (fit === "agrees" || fit === "agrees in full") {
    return { customer, confidence: conflict === "" ? "High" : "Medium", rule: `${base} + amount${conflict}`, items: open, ...(fit === "agrees in full" ? { noDiscount: true } : {}) };
  }
  // Some of the named items, when the text lists more than were paid.
  if (open.length > 1 && open.length <= 12) {
    const s = subsetsOf(line, ctx, open, open.length);
    if (s.length === 1) return { customer, confidence: "Medium", rule: `${base} + amount of some of the items named${conflict}`, items: s[0] as number[] };
  }
  const way = fit === "short" ? "part-payment" : "overpayment: the rest on account";
  return { customer, confidence: "Medium", rule: `${base}, amount differs (${way})${conflict}`, items: open };
}

/** Rule 3: the payer is known; which of its items does the amount pay? */
function byParty(line: StatementLine, ctx: Ctx, party: Party, tokens: readonly string[], usable: (i: number) => boolean): Decision {
  const { ix, options } = ctx;
  const all = (ix.byCustomer.get(party.customer) ?? []).filter(usable);
  const cand = all.slice(0, options.maxSubsetItems);
  const who = `Party (${party.evidence})`;
  const strong = isStrong(party);
  const near = nearDocument(tokens, all, ix);
  const singles = cand.filter((i) => agrees(amountFit(line, ctx, [i])));
  const single = singles[0];
  if (singles.length === 1 && single !== undefined) {
    const full = amountFit(line, ctx, [single]) === "agrees in full" ? { noDiscount: true } : {};
    if (near !== undefined && near !== single) return { customer: party.customer, confidence: "Medium", rule: `${who} + amount; the text names another item`, items: [single], ...full };
    return { customer: party.customer, confidence: strong ? "High" : "Medium", rule: `${who} + amount`, items: [single], ...full };
  }
  if (singles.length > 1 && single !== undefined) {
    const pick = near !== undefined && singles.includes(near) ? near : single;
    return { customer: party.customer, confidence: "Medium", rule: `${who} + amount (${singles.length} items of that amount)`, items: [pick] };
  }
  const combos = subsetsOf(line, ctx, cand, options.maxSubsetSize);
  const combo = combos[0];
  if (combo !== undefined) {
    if (combos.length > 1) return { customer: party.customer, confidence: "Low", rule: `${who} + amount (several combinations)`, items: combo };
    const exact = expectedSum(line, ctx, combo) === line.amountMinor;
    return { customer: party.customer, confidence: strong && exact ? "High" : "Medium", rule: `${who} + combined amount`, items: combo };
  }
  if (near !== undefined) {
    const fit = amountFit(line, ctx, [near]);
    const ok = agrees(fit);
    return { customer: party.customer, confidence: ok ? "Medium" : "Low", rule: `${who} + document number (near)${ok ? " + amount" : ""}`, items: [near], ...(fit === "agrees in full" ? { noDiscount: true } : {}) };
  }
  return { customer: party.customer, confidence: "Low", rule: `${who} only: on account`, items: [] };
}

/** The one item of `within` whose document number is one typo away from a word of the text. */
function nearDocument(tokens: readonly string[], within: readonly number[], ix: LedgerIndex): number | undefined {
  const words = tokens.map(documentKey).filter((t) => t.length >= 4 && /\d/.test(t));
  if (words.length === 0) return undefined;
  const found = new Set<number>();
  for (const i of within) {
    const it = ix.items[i];
    if (it === undefined) continue;
    for (const doc of [it.invoice ?? it.voucher]) {
      const key = documentKey(doc);
      const core = documentCore(doc);
      if (words.some((w) => (key.length >= 5 && withinOneEdit(w, key)) || (core.length >= 4 && withinOneEdit(w, core)))) found.add(i);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

