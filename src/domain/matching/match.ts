/**
 * Cash application: match each statement line to the customer who paid and the open items it pays,
 * with a confidence and the rule that decided, and settle it through the settlement engine.
 *
 * Rules, in the order they are tried (docs/matching.md has the table):
 * 1. Reference: a structured reference in the line (Reference, or a word of Text) that passes its
 *    check digit (RF, FIK, OCR/KID) and equals items' PaymentReference.
 * 2. Document number: the items' document numbers (the Invoice number, else the voucher: what the
 *    payer saw) in the reference or text, whole ("INV-000123") or by their number ("123", at least
 *    4 digits unless the payer is known), lists included.
 * 3. Party + amount: the payer (account, customer number, name, similar name) and one open item,
 *    or one combination of at most `maxSubsetSize` of its items, that the amount pays.
 * 4. Amount only: exactly one open item in the ledger has the line's amount (Low).
 * An amount "agrees" when it pays the items within the settlement tolerances, with the cash
 * discount the line's date still allows. High needs identified items AND an agreeing amount (from
 * a checked reference or an exact document number), or a strongly known payer with exactly one
 * item or combination that the amount pays exactly (one item: within tolerance).
 * Lines are taken in statement order; each consumes what it settles, so an item paid by several
 * lines is never settled beyond its open amount, and a line never uses more cash than it has.
 */
import { assert } from "../_lib/assert";
import type { CcError } from "../errors";
import { fail, ok, type Result } from "../errors";
import { proposeSettlement } from "../settlement/propose";
import { discountTiers, fullDiscount, grantedPct } from "../settlement/_lib/discount";
import { DEFAULT_SETTLEMENT_OPTIONS, type DiscountCode, type Proposal, type SettlementOptions } from "../settlement/types";
import { referenceKey, referenceScheme } from "./references";
import { buildIndex, type LedgerIndex, MIN_GLOBAL_CORE } from "./_lib/ledger-index";
import { findParty, isStrong, type Party } from "./_lib/party";
import { findSubsets } from "./_lib/subset";
import { documentCore, documentKey, documentTokens, withinOneEdit } from "./_lib/text";
import {
  type Confidence, DEFAULT_MATCH_OPTIONS, type LineMatch, type MatchCustomer, type MatchItem, type MatchOptions, type MatchSettlement, type StatementLine,
} from "./types";

/** A line's match plus the settlement proposal behind it (absent when nothing is settled). */
export interface LineResult extends LineMatch {
  readonly proposal?: Proposal;
}

interface Ctx {
  readonly ix: LedgerIndex;
  readonly options: MatchOptions;
  readonly settlement: SettlementOptions;
  readonly codes: ReadonlyMap<string, DiscountCode>;
}

interface Decision {
  readonly customer: string;
  readonly confidence: Confidence;
  readonly rule: string;
  /** Items to settle, in order. */
  readonly items: readonly number[];
  /** The payer paid in full and took no discount: settle without one. */
  readonly noDiscount?: boolean;
}

/**
 * @example
 * matchStatement([{ lineId: "L1", amountMinor: 125000, currency: "SEK", reference: "12345682", ... }], items, customers)
 * // ok: [{ customer: "C0201", confidence: "High", rule: "Reference + amount", settlements: [{ voucher: "INV-1", amountToSettleMinor: 125000, ... }], onAccountMinor: 0 }]
 */
export function matchStatement(lines: readonly StatementLine[], items: readonly MatchItem[], customers: readonly MatchCustomer[], options: Partial<MatchOptions> = {}): Result<LineResult[]> {
  const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const settlement: SettlementOptions = { ...DEFAULT_SETTLEMENT_OPTIONS, ...opts.settlement };
  const ctx: Ctx = { ix: buildIndex(items, customers), options: opts, settlement, codes: new Map() };
  const out: LineResult[] = [];
  const errors: CcError[] = [];
  for (const line of lines) {
    const r = matchLine(line, ctx);
    if (r.ok) out.push(r.value);
    else errors.push(...r.errors);
    if (errors.length >= 50) break;
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}

function matchLine(line: StatementLine, ctx: Ctx): Result<LineResult> {
  if (!(line.amountMinor > 0)) return ok(none(line, "Money out: not a customer payment"));
  const d = decide(line, ctx);
  if (d === undefined) return ok(none(line, "No reference, document, payer or amount found"));
  return settle(line, d, ctx);
}

function none(line: StatementLine, rule: string): LineResult {
  return { line, customer: "", confidence: "None", rule, settlements: [], onAccountMinor: 0 };
}

function decide(line: StatementLine, ctx: Ctx): Decision | undefined {
  const { ix } = ctx;
  const party = findParty(line, ix);
  const usable = (i: number): boolean => (ix.open[i] ?? 0) > 0 && ix.items[i]?.currency === line.currency;

  // 1. Structured references with a check digit that holds.
  const checked = new Set<number>();
  const unchecked = new Set<number>();
  for (const key of referenceKeys(line)) {
    const hits = ix.byReference.get(key);
    if (hits === undefined) continue;
    const target = referenceScheme(key) !== undefined ? checked : unchecked;
    for (const i of hits) if (ix.items[i]?.currency === line.currency) target.add(i);
  }
  if (checked.size > 0) return byItems(line, ctx, "Reference", [...checked], party);

  // 2. Document numbers (and references without a check digit, which are only as good as one).
  const docs = new Set<number>(unchecked);
  const tokens = documentTokens(`${line.reference} ${line.text}`);
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

function sortByDue(ix: LedgerIndex, list: number[]): number[] {
  const due = (i: number): number => ix.items[i]?.dueSerial ?? ix.items[i]?.dateSerial ?? 0;
  return [...new Set(list)].sort((a, b) => due(a) - due(b) || a - b);
}

/** What paying an item in full costs at the line's date: open less the cash discount still granted. */
function expected(line: StatementLine, ctx: Ctx, i: number, withDiscount = true): number {
  const it = ctx.ix.items[i];
  const open = ctx.ix.open[i] ?? 0;
  if (it === undefined || !withDiscount) return open;
  const errors: CcError[] = [];
  const tiers = discountTiers(it, ctx.codes, errors);
  const pct = grantedPct(tiers, line.dateSerial, ctx.settlement.useCashDiscount);
  return open - fullDiscount(it, open, pct);
}

function expectedSum(line: StatementLine, ctx: Ctx, list: readonly number[], withDiscount = true): number {
  return list.reduce((s, i) => s + expected(line, ctx, i, withDiscount), 0);
}

/** The settlement options for a line: the tolerances of its currency over the common ones. */
function settlementFor(line: StatementLine, ctx: Ctx): SettlementOptions {
  const own = ctx.options.tolerancesByCurrency?.get(line.currency.toUpperCase());
  return own === undefined ? ctx.settlement : { ...ctx.settlement, ...own };
}

/** The largest short payment and overpayment the tolerances close, in minor units of the line's currency. */
function window(line: StatementLine, ctx: Ctx): { under: number; over: number } {
  const s = settlementFor(line, ctx);
  const m = Math.max(s.maxPennyDifferenceMinor, s.maxOverUnderMinor);
  return { under: m, over: m };
}

type Fit = "agrees" | "agrees in full" | "short" | "over";

const agrees = (f: Fit): boolean => f === "agrees" || f === "agrees in full";

/**
 * Does the line pay `list`? With the discounts the line's date allows ("agrees"), or, when the
 * payer ignored an available discount and paid the full open amount, without them ("agrees in
 * full": settled without discount rather than leaving the discount on account).
 */
function amountFit(line: StatementLine, ctx: Ctx, list: readonly number[]): Fit {
  const w = window(line, ctx);
  const diff = line.amountMinor - expectedSum(line, ctx, list);
  if (diff >= -w.under && diff <= w.over) return "agrees";
  if (diff > w.over) {
    const full = line.amountMinor - expectedSum(line, ctx, list, false);
    if (full >= -w.under && full <= w.over) return "agrees in full";
    return "over";
  }
  return "short";
}

/** Combinations (2..maxSize items) of `cand` that the amount pays; at most 2 (enough to know one is unique). */
function subsetsOf(line: StatementLine, ctx: Ctx, cand: readonly number[], maxSize: number): number[][] {
  if (cand.length < 2 || maxSize < 2) return [];
  const w = window(line, ctx);
  const amounts = cand.map((i) => expected(line, ctx, i));
  const r = findSubsets({ amounts, low: line.amountMinor - w.over, high: line.amountMinor + w.under, maxSize, maxSolutions: 2, budget: 20000 });
  // An exhausted search cannot vouch that a solution is the only one: report it twice (several).
  const sols = r.solutions.map((s) => s.map((k) => cand[k] as number));
  return r.exhausted && sols.length === 1 ? [sols[0] as number[], sols[0] as number[]] : sols;
}

/** Settle the decided items through the settlement engine and consume their open amounts. */
function settle(line: StatementLine, d: Decision, ctx: Ctx): Result<LineResult> {
  const { ix } = ctx;
  const base = { line, customer: d.customer, confidence: d.confidence, rule: d.rule };
  if (d.items.length === 0) return ok({ ...base, settlements: [], onAccountMinor: line.amountMinor });
  const items = d.items.map((i) => ({ ...(ix.items[i] as MatchItem), amountMinor: ix.open[i] ?? 0 }));
  const proposed = proposeSettlement({
    credit: { customer: d.customer, voucher: line.lineId, type: "Payment", amountMinor: -line.amountMinor, currency: line.currency, dateSerial: line.dateSerial, status: "None", row: line.row },
    items,
    dateSerial: line.dateSerial,
    method: { kind: "manual", marks: items.map((it) => ({ voucher: it.voucher, ...(d.noDiscount === true ? { useCashDiscount: "Never" as const } : {}) })) },
    options: settlementFor(line, ctx),
  });
  if (!proposed.ok) return proposed;
  const p = proposed.value;
  const settlements: MatchSettlement[] = [];
  let cash = 0;
  const byVoucher = new Map(d.items.map((i) => [ix.items[i]?.voucher ?? "", i]));
  p.lines.forEach((l) => {
    if (l.amountToSettleMinor <= 0) return;
    const i = byVoucher.get(l.item.voucher) as number;
    assert(l.item.voucher === ix.items[i]?.voucher && l.amountToSettleMinor <= (ix.open[i] ?? 0), "a match settled more than an item's open amount");
    ix.open[i] = (ix.open[i] ?? 0) - l.amountToSettleMinor;
    cash += l.creditUsedMinor;
    settlements.push({ voucher: l.item.voucher, amountToSettleMinor: l.amountToSettleMinor, paidMinor: l.creditUsedMinor, discountMinor: l.discountMinor });
  });
  assert(cash + p.unappliedMinor + p.creditDifferenceMinor === line.amountMinor, "a match used more cash than the line has");
  if (settlements.length === 0) return ok({ ...base, settlements, onAccountMinor: line.amountMinor });
  return ok({ ...base, settlements, onAccountMinor: p.unappliedMinor, proposal: p });
}
