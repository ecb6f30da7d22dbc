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
import { DEFAULT_SETTLEMENT_OPTIONS, type Proposal, type SettlementOptions } from "../settlement/types";
import { settlementFor } from "./_lib/amounts";
import type { Ctx, Decision } from "./_lib/context";
import { buildIndex } from "./_lib/ledger-index";
import { decide, lookupKeys, prepare, type Prepared } from "./_lib/rules";
import {
  DEFAULT_MATCH_OPTIONS, type LineMatch, type LineOverride, type MatchCustomer, type MatchItem, type MatchOptions, type MatchSettlement, type StatementLine,
} from "./types";

/** A line's match plus the settlement proposal behind it (absent when nothing is settled). */
export interface LineResult extends LineMatch {
  readonly proposal?: Proposal;
}

/**
 * Match the lines of a statement, in order, and settle each match (lines consume what they settle).
 * @example
 * const [m] = matchStatement([ocrLine], matchItems, matchCustomers).value;
 * [m.customer, m.confidence, m.rule, m.settlements, m.onAccountMinor]
 * // ["C0201", "High", "Reference + amount", [{ voucher: "INV-1", amountToSettleMinor: 125000, paidMinor: 125000, discountMinor: 0 }], 0]
 * @example
 * const second = { ...ocrLine, lineId: "L2", amountMinor: 50000, row: 3 };
 * matchStatement([ocrLine, second], matchItems, matchCustomers).value.map((m) => [m.rule, m.onAccountMinor])
 * // [["Reference + amount", 0], ["Reference of an item already settled: on account", 50000]]
 * @example matchStatement([{ ...ocrLine, amountMinor: -5000 }], matchItems, matchCustomers).value[0].rule // "Money out: not a customer payment"
 */
export function matchStatement(lines: readonly StatementLine[], items: readonly MatchItem[], customers: readonly MatchCustomer[], options: Partial<MatchOptions> = {}): Result<LineResult[]> {
  const opts: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const settlement: SettlementOptions = { ...DEFAULT_SETTLEMENT_OPTIONS, ...opts.settlement };
  const prepared = lines.map(prepare);
  const ctx: Ctx = { ix: buildIndex(items, customers, lookupKeys(lines, prepared)), options: opts, settlement, codes: new Map() };
  const out: LineResult[] = [];
  const errors: CcError[] = [];
  for (const [n, line] of lines.entries()) {
    const r = matchLine(line, ctx, prepared[n]);
    if (r.ok) out.push(r.value);
    else errors.push(...r.errors);
    if (errors.length >= 50) break;
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}

function matchLine(line: StatementLine, ctx: Ctx, prep: Prepared | undefined): Result<LineResult> {
  if (!(line.amountMinor > 0)) return ok(none(line, "Money out: not a customer payment"));
  const override = ctx.options.overrides?.get(line.lineId);
  if (override?.kind === "skip") return ok(none(line, "Left out in review"));
  const d = override === undefined ? decide(line, ctx, prep) : chosen(line, override, ctx);
  if (d === undefined) return ok(none(line, "No reference, document, payer or amount found"));
  return settle(line, d, ctx);
}

/** A person's choice in review: the customer and the items named (those still open in the line's currency). */
function chosen(line: StatementLine, o: Extract<LineOverride, { kind: "assign" }>, ctx: Ctx): Decision {
  const { ix } = ctx;
  const wanted = new Set(o.vouchers);
  const items = (ix.byCustomer.get(o.customer) ?? []).filter((i) => wanted.has(ix.items[i]?.voucher ?? "") && (ix.open[i] ?? 0) > 0 && ix.items[i]?.currency === line.currency);
  return { customer: o.customer, confidence: "High", rule: items.length > 0 ? "Chosen in review" : "Chosen in review: on account", items };
}

function none(line: StatementLine, rule: string): LineResult {
  return { line, customer: "", confidence: "None", rule, settlements: [], onAccountMinor: 0 };
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
