/**
 * Propose a settlement (docs/domain.md §4.1-§4.4): which debit items one credit item closes, by how much,
 * with which discounts and differences, and what stays unapplied. The proposal is what the task
 * pane shows and lets the user edit; `postSettlement` turns it into a journal.
 */
import { assert } from "../_lib/assert";
import { ccError, type CcError, fail, ok, type Result } from "../errors";
import type { RateTable } from "../rates";
import type { TransactionType } from "../types";
import { closeCredit, type CreditClose, type LineDraft, type SettleContext, settleOne, untouched } from "./_lib/consume";
import { discountIncluded, discountTiers, type DiscountTier, grantedPct, indexCodes } from "./_lib/discount";
import { dueDateKey, priorityKey, sortOrder } from "./_lib/order";
import { checkProposal } from "./_lib/check";
import {
  DEFAULT_SETTLEMENT_OPTIONS,
  type DiscountCode,
  type Mark,
  type Proposal,
  type SettlementItem,
  type SettlementMethod,
  type SettlementOptions,
} from "./types";

export interface SettlementRequest {
  /** The payment or credit note (open amount < 0). */
  readonly credit: SettlementItem;
  /** The customer's open items; only debit items (open amount > 0) are settled. */
  readonly items: readonly SettlementItem[];
  /** The settlement (payment) date. */
  readonly dateSerial: number;
  readonly method: SettlementMethod;
  readonly options?: Partial<SettlementOptions>;
  /** Needed when an item's currency differs from the credit item's (manual marking only). */
  readonly rates?: RateTable;
  /**
   * The caller has proven the items' vouchers distinct from one another (readOpenItems refuses a
   * repeated one): only the credit's own voucher is looked for among them, without a Set of all.
   */
  readonly vouchersDistinct?: boolean;
}

/**
 * Which debit items one credit item closes, by how much, with which discounts and differences.
 * W1 (docs/domain.md §8), 700.00 on 2015-10-25 by due date: Invoice 3 still offers 2 % and shares
 * the interest note's due date, so it comes first; it is settled partly, without a discount.
 * @example
 * const p = proposeSettlement({ credit: payment700, items: w1Items, dateSerial: 42302, method: { kind: "duedate" } }).value;
 * p.lines.map((l) => [l.item.voucher, l.amountToSettleMinor, l.balanceMinor]) // [["Invoice 1", 10000, 0], ["Invoice 2", 25000, 0], ["Invoice 3", 35000, 15000], ["Interest 1", 0, 700]]
 * @example
 * const p = proposeSettlement({ credit: payment700, items: w1Items, dateSerial: 42302, method: { kind: "priority", types: ["Fee", "CollectionLetter", "InterestNote", "Invoice"] } }).value;
 * p.lines.map((l) => [l.item.voucher, l.amountToSettleMinor, l.balanceMinor]) // [["Interest 1", 700, 0], ["Invoice 1", 10000, 0], ["Invoice 2", 25000, 0], ["Invoice 3", 34300, 15700]] (W1 by priority)
 * @example
 * const invoice = { customer: "C2", voucher: "INV-W2", type: "Invoice", dateSerial: 44007, dueSerial: 44037, cashDiscountSerial: 44021, cashDiscountPct: 1, amountMinor: 100000, currency: "USD", status: "None", row: 2 };
 * const payment = { customer: "C2", voucher: "PAY-W2", type: "Payment", dateSerial: 44013, amountMinor: -50000, currency: "USD", status: "None", row: 3 };
 * const line = proposeSettlement({ credit: payment, items: [invoice], dateSerial: 44013, method: { kind: "duedate" }, options: { partialDiscount: true } }).value.lines[0];
 * [line.paidMinor, line.discountMinor, line.amountToSettleMinor, line.balanceMinor] // [50000, 505, 50505, 49495] (W2: 500.00 earns 500.00 x 1 / 99 = 5.05)
 * @example proposeSettlement({ credit: { ...payment700, amountMinor: 70000 }, items: w1Items, dateSerial: 42302, method: { kind: "duedate" } }).errors[0].code // "credit_must_be_a_credit_item"
 */
export function proposeSettlement(req: SettlementRequest): Result<Proposal> {
  const core = proposeCore(req);
  if (!core.ok) return core;
  const { lines, untouchedItems } = core.value;
  for (const item of untouchedItems) lines.push(untouched(item, item.amountMinor));
  const proposal = proposalOf(req, core.value);
  // Vouchers were refused above when repeated, and each item gives at most one line (`visited`):
  // the lines' vouchers are distinct without a second Set of them.
  checkProposal(proposal, true);
  return ok(proposal);
}

/**
 * `proposeSettlement` without a line per untouched item: the proposal's lines are the items the
 * credit reached (those a journal is posted from), and `untouched` the other open debit items in
 * the order they would follow (each would be a line settling 0). CC.SETTLE on a million items
 * writes the untouched ones straight to its output instead of making a line for each.
 * @example
 * const r = proposeSettled({ credit: payment700, items: w1Items, dateSerial: 42302, method: { kind: "duedate" } }).value;
 * [r.proposal.lines.map((l) => l.item.voucher), r.untouched.map((i) => i.voucher)] // [["Invoice 1", "Invoice 2", "Invoice 3"], ["Interest 1"]]
 */
export function proposeSettled(req: SettlementRequest): Result<{ proposal: Proposal; untouched: readonly SettlementItem[] }> {
  const core = proposeCore(req);
  if (!core.ok) return core;
  const proposal = proposalOf(req, core.value);
  checkProposal(proposal, true);
  return ok({ proposal, untouched: core.value.untouchedItems });
}

interface Core {
  readonly options: SettlementOptions;
  readonly lines: LineDraft[];
  readonly untouchedItems: SettlementItem[];
  readonly close: CreditClose;
  readonly creditDiscountMinor: number;
}

function proposalOf(req: SettlementRequest, core: Core): Proposal {
  const { close } = core;
  return {
    credit: req.credit, dateSerial: req.dateSerial, method: req.method, options: core.options, lines: core.lines,
    creditDiscountMinor: core.creditDiscountMinor, creditDifferenceMinor: close.differenceMinor,
    ...(close.role !== undefined ? { creditDifferenceRole: close.role } : {}),
    unappliedMinor: close.remaining,
  };
}

/**
 * The debit items (open amount > 0) as columns: their items, sort keys and discount tiers. Tiers
 * are kept only for items with a discount code; an item's own discount date and percent (or none)
 * is read again when it is settled, so an item the credit never reaches costs no object.
 */
interface Entries {
  readonly items: SettlementItem[];
  readonly vouchers: string[];
  readonly coded: Map<number, readonly DiscountTier[]>;
  /** 1 where the item is in the credit's currency (the automatic methods settle only those). */
  readonly inCurrency: Uint8Array;
}

function proposeCore(req: SettlementRequest): Result<Core> {
  const options: SettlementOptions = { ...DEFAULT_SETTLEMENT_OPTIONS, ...req.options };
  const errors: CcError[] = [];
  const { credit } = req;
  if (!(credit.amountMinor < 0)) {
    errors.push(ccError("credit_must_be_a_credit_item", { voucher: credit.voucher, amount: credit.amountMinor }, { table: "payment" }));
  }
  // With `vouchersDistinct` the items' vouchers are known to differ from one another: only the
  // credit's own voucher is looked for (the same errors, in the same order, without a Set).
  const seen = req.vouchersDistinct === true ? undefined : new Set<string>([credit.voucher]);
  for (const it of req.items) {
    if (it.customer !== credit.customer) {
      errors.push(ccError("items_must_belong_to_one_customer", { case: "credit", customer: it.customer, first: credit.customer }, { table: "openItems", row: it.row, column: "Customer" }));
    }
    if (seen === undefined) {
      if (it.voucher === credit.voucher) errors.push(ccError("voucher_must_appear_once", { case: "items", voucher: it.voucher }, { table: "openItems", row: it.row, column: "Voucher" }));
      continue;
    }
    if (seen.has(it.voucher)) errors.push(ccError("voucher_must_appear_once", { case: "items", voucher: it.voucher }, { table: "openItems", row: it.row, column: "Voucher" }));
    seen.add(it.voucher);
  }
  const codes = indexCodes(options.discountCodes, errors);
  const rank = new Map<TransactionType, number>();
  if (req.method.kind === "priority") req.method.types.forEach((t, i) => { if (!rank.has(t)) rank.set(t, i); });
  const n = req.items.length;
  const entries: Entries = { items: [], vouchers: [], coded: new Map(), inCurrency: new Uint8Array(n) };
  let primary = new Float64Array(n);
  let pct = new Float64Array(n);
  let date = new Float64Array(n);
  const byPriority = req.method.kind === "priority";
  // Codes from the readers are upper case already: compare as they are first, upper-casing only a differing one.
  const cur = credit.currency.toUpperCase();
  let k = 0;
  for (const item of req.items) {
    if (!(item.amountMinor > 0)) continue;
    // Read here, in row order, rather than later in settlement order (a cache miss per item).
    if (item.currency === cur || item.currency.toUpperCase() === cur) entries.inCurrency[k] = 1;
    let tiers = ownTier(item);
    if (tiers === undefined) entries.coded.set(k, (tiers = discountTiers(item, codes, errors)));
    const key = byPriority ? priorityKey(item, rank, errors) : dueDateKey(item, tiers === NO_TIERS ? 0 : grantedPct(tiers, req.dateSerial, options.useCashDiscount), errors);
    entries.items.push(item);
    entries.vouchers.push(item.voucher);
    primary[k] = key.primary;
    pct[k] = key.pct;
    date[k] = key.date;
    k++;
  }
  primary = primary.subarray(0, k);
  pct = pct.subarray(0, k);
  date = date.subarray(0, k);
  const creditTiers = credit.type === "CreditNote" && options.discountOnCreditNotes ? discountTiers(credit, codes, errors) : [];
  if (errors.length > 0) return fail(...errors);
  const order = sortOrder(primary, pct, date, entries.vouchers);

  const visit = visitOrder(req.method, entries, order);
  if (!visit.ok) return visit;
  const ctx: SettleContext = { dateSerial: req.dateSerial, options, creditCurrency: credit.currency, rates: req.rates, tolerances: new Map() };
  const open = -credit.amountMinor;
  const creditPct = grantedPct(creditTiers, req.dateSerial, options.useCashDiscount);
  const creditDiscount = discountIncluded(open, creditPct);
  let run = settleAll(visit.value, entries, codes, open - creditDiscount, ctx);
  let cd = creditDiscount;
  // A credit-note discount is granted only when the credit note is used up.
  if (run.ok && cd > 0 && run.value.close.remaining > 0) {
    run = settleAll(visit.value, entries, codes, open, ctx);
    cd = 0;
  }
  if (!run.ok) return run;
  const { lines, close, visited } = run.value;
  // Entries no step settled, in order, marked by position (no Set of every voucher).
  const untouchedItems: SettlementItem[] = [];
  for (let p = 0; p < order.length; p++) if (visited[p] === 0) untouchedItems.push(entries.items[order[p] as number] as SettlementItem);
  return ok({ options, lines, untouchedItems, close, creditDiscountMinor: cd });
}

const NO_TIERS: readonly DiscountTier[] = [];

/**
 * The tiers of an item whose own discount date and percent are valid, or none (no percent, no
 * code); undefined when `discountTiers` must read it (a code, or an error to report).
 */
function ownTier(item: SettlementItem): readonly DiscountTier[] | undefined {
  const pct = item.cashDiscountPct;
  if (pct === undefined || pct === 0) {
    return item.discountCode === undefined || item.discountCode.trim() === "" ? NO_TIERS : undefined;
  }
  if (!(pct > 0 && pct < 100) || item.cashDiscountSerial === undefined) return undefined;
  return [{ untilSerial: item.cashDiscountSerial, pct }];
}

/** An entry's tiers when it is settled: its code's chain (kept) or its own date and percent. */
function tiersOf(entries: Entries, k: number, codes: ReadonlyMap<string, DiscountCode>): readonly DiscountTier[] {
  return entries.coded.get(k) ?? ownTier(entries.items[k] as SettlementItem) ?? discountTiers(entries.items[k] as SettlementItem, codes, []);
}

/**
 * The entries a method visits: manual, the marked ones by position in `order`, each with its mark;
 * automatic, every entry in `order` of the credit's currency (`positions` undefined: settleAll walks
 * `order` itself and stops when the credit is used up).
 */
interface Visit {
  /** Entry indexes in the settlement order. */
  readonly order: Int32Array;
  readonly positions?: Int32Array;
  readonly marks?: readonly Mark[];
}

function visitOrder(method: SettlementMethod, entries: Entries, order: Int32Array): Result<Visit> {
  if (method.kind !== "manual") return ok({ order });
  const byVoucher = new Map<string, number>();
  for (let p = 0; p < order.length; p++) byVoucher.set(entries.vouchers[order[p] as number] as string, p);
  const errors: CcError[] = [];
  const marked = new Set<string>();
  const positions: number[] = [];
  const marks: Mark[] = [];
  method.marks.forEach((mark, i) => {
    const p = byVoucher.get(mark.voucher);
    const where = { table: "marks", row: i + 1, column: "Voucher" };
    if (marked.has(mark.voucher)) errors.push(ccError("mark_must_appear_once", { voucher: mark.voucher }, where));
    else if (p === undefined) errors.push(ccError("marked_voucher_must_be_an_open_debit_item", { voucher: mark.voucher }, where));
    else {
      positions.push(p);
      marks.push(mark);
    }
    marked.add(mark.voucher);
  });
  return errors.length > 0 ? fail(...errors) : ok({ order, positions: Int32Array.from(positions), marks });
}

function settleAll(
  visit: Visit, entries: Entries, codes: ReadonlyMap<string, DiscountCode>, capacity: number, ctx: SettleContext,
): Result<{ lines: LineDraft[]; visited: Uint8Array; close: CreditClose }> {
  const lines: LineDraft[] = [];
  const visited = new Uint8Array(entries.items.length);
  const { order, positions, marks } = visit;
  const { inCurrency } = entries;
  let remaining = capacity;
  let allClosed = true;
  const steps = positions === undefined ? order.length : positions.length;
  for (let s = 0; s < steps; s++) {
    const p = positions === undefined ? s : (positions[s] as number);
    const k = order[p] as number;
    // Automatic: only the credit's currency is visited.
    if (positions === undefined && inCurrency[k] === 0) continue;
    const mark = marks?.[s];
    if (remaining <= 0) {
      allClosed = false;
      if (mark?.amountToSettleMinor === undefined) {
        // Without marks no later step settles anything either.
        if (marks === undefined) break;
        continue;
      }
    }
    const item = entries.items[k] as SettlementItem;
    const line = settleOne(item, item.amountMinor, tiersOf(entries, k, codes), remaining, ctx, mark);
    if (!line.ok) return line;
    lines.push(line.value);
    visited[p] = 1;
    remaining -= line.value.creditUsedMinor;
    assert(remaining >= 0, "a settlement line used more credit than was left");
    if (line.value.balanceMinor !== 0) allClosed = false;
  }
  const close = closeCredit(lines, remaining, allClosed, ctx);
  if (!close.ok) return close;
  return ok({ lines, visited, close: close.value });
}
