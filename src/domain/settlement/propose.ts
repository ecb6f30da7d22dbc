/**
 * Propose a settlement (docs/domain.md §4.1-§4.4): which debit items one credit item closes, by how much,
 * with which discounts and differences, and what stays unapplied. The proposal is what the task
 * pane shows and lets the user edit; `postSettlement` turns it into a journal.
 */
import { assert } from "../_lib/assert";
import { ccError, type CcError, fail, ok, type Result } from "../errors";
import type { RateTable } from "../rates";
import type { TransactionType } from "../types";
import { closeCredit, type LineDraft, type SettleContext, settleOne, untouched } from "./_lib/consume";
import { discountIncluded, discountTiers, type DiscountTier, grantedPct, indexCodes } from "./_lib/discount";
import { compareKeys, dueDateKey, type OrderKey, priorityKey } from "./_lib/order";
import { checkProposal } from "./_lib/check";
import {
  DEFAULT_SETTLEMENT_OPTIONS,
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
}

interface Entry {
  /** The entry's position in the sorted entries (set after sorting). */
  position: number;
  readonly item: SettlementItem;
  readonly tiers: readonly DiscountTier[];
  readonly key: OrderKey;
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
  const options: SettlementOptions = { ...DEFAULT_SETTLEMENT_OPTIONS, ...req.options };
  const errors: CcError[] = [];
  const { credit } = req;
  if (!(credit.amountMinor < 0)) {
    errors.push(ccError("credit_must_be_a_credit_item", { voucher: credit.voucher, amount: credit.amountMinor }, { table: "payment" }));
  }
  const seen = new Set<string>([credit.voucher]);
  for (const it of req.items) {
    if (it.customer !== credit.customer) {
      errors.push(ccError("items_must_belong_to_one_customer", { case: "credit", customer: it.customer, first: credit.customer }, { table: "openItems", row: it.row, column: "Customer" }));
    }
    if (seen.has(it.voucher)) errors.push(ccError("voucher_must_appear_once", { case: "items", voucher: it.voucher }, { table: "openItems", row: it.row, column: "Voucher" }));
    seen.add(it.voucher);
  }
  const codes = indexCodes(options.discountCodes, errors);
  const rank = new Map<TransactionType, number>();
  if (req.method.kind === "priority") req.method.types.forEach((t, i) => { if (!rank.has(t)) rank.set(t, i); });
  const entries: Entry[] = [];
  for (const item of req.items) {
    if (!(item.amountMinor > 0)) continue;
    const tiers = discountTiers(item, codes, errors);
    const key = req.method.kind === "priority" ? priorityKey(item, rank, errors) : dueDateKey(item, grantedPct(tiers, req.dateSerial, options.useCashDiscount), errors);
    entries.push({ position: 0, item, tiers, key });
  }
  const creditTiers = credit.type === "CreditNote" && options.discountOnCreditNotes ? discountTiers(credit, codes, errors) : [];
  if (errors.length > 0) return fail(...errors);
  entries.sort((a, b) => compareKeys(a.key, b.key));
  for (let i = 0; i < entries.length; i++) (entries[i] as Entry).position = i;

  const visit = visitOrder(req.method, entries, credit.currency);
  if (!visit.ok) return visit;
  const ctx: SettleContext = { dateSerial: req.dateSerial, options, creditCurrency: credit.currency, rates: req.rates, tolerances: new Map() };
  const open = -credit.amountMinor;
  const creditPct = grantedPct(creditTiers, req.dateSerial, options.useCashDiscount);
  const creditDiscount = discountIncluded(open, creditPct);
  let run = settleAll(visit.value, open - creditDiscount, ctx, entries.length);
  let cd = creditDiscount;
  // A credit-note discount is granted only when the credit note is used up.
  if (run.ok && cd > 0 && run.value.close.remaining > 0) {
    run = settleAll(visit.value, open, ctx, entries.length);
    cd = 0;
  }
  if (!run.ok) return run;
  const { lines, close, visited } = run.value;
  // Entries no step settled, marked by position (no Set of every voucher).
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    if (visited[i] === 0) lines.push(untouched(e.item, e.item.amountMinor));
  }
  const proposal: Proposal = {
    credit, dateSerial: req.dateSerial, method: req.method, options, lines,
    creditDiscountMinor: cd, creditDifferenceMinor: close.differenceMinor,
    ...(close.role !== undefined ? { creditDifferenceRole: close.role } : {}),
    unappliedMinor: close.remaining,
  };
  // Vouchers were refused above when repeated, and each item gives at most one line (`visited`):
  // the lines' vouchers are distinct without a second Set of them.
  checkProposal(proposal, true);
  return ok(proposal);
}

interface Step {
  readonly entry: Entry;
  readonly mark?: Mark;
}

function visitOrder(method: SettlementMethod, entries: readonly Entry[], creditCurrency: string): Result<Step[]> {
  if (method.kind !== "manual") {
    const cur = creditCurrency.toUpperCase();
    // Codes from the readers are upper case already: compare as they are first, upper-casing only a differing one.
    return ok(entries.filter((e) => e.item.currency === cur || e.item.currency.toUpperCase() === cur).map((entry) => ({ entry })));
  }
  const byVoucher = new Map(entries.map((e) => [e.item.voucher, e]));
  const errors: CcError[] = [];
  const marked = new Set<string>();
  const steps: Step[] = [];
  method.marks.forEach((mark, i) => {
    const entry = byVoucher.get(mark.voucher);
    const where = { table: "marks", row: i + 1, column: "Voucher" };
    if (marked.has(mark.voucher)) errors.push(ccError("mark_must_appear_once", { voucher: mark.voucher }, where));
    else if (entry === undefined) errors.push(ccError("marked_voucher_must_be_an_open_debit_item", { voucher: mark.voucher }, where));
    else steps.push({ entry, mark });
    marked.add(mark.voucher);
  });
  return errors.length > 0 ? fail(...errors) : ok(steps);
}

function settleAll(steps: readonly Step[], capacity: number, ctx: SettleContext, entryCount: number): Result<{ lines: LineDraft[]; visited: Uint8Array; close: { remaining: number; differenceMinor: number; role?: "PennyDifference" | "CashDiscount" } }> {
  const lines: LineDraft[] = [];
  const visited = new Uint8Array(entryCount);
  let remaining = capacity;
  let allClosed = true;
  for (const { entry, mark } of steps) {
    if (remaining <= 0) {
      allClosed = false;
      if (mark?.amountToSettleMinor === undefined) continue;
    }
    const line = settleOne(entry.item, entry.item.amountMinor, entry.tiers, remaining, ctx, mark);
    if (!line.ok) return line;
    lines.push(line.value);
    visited[entry.position] = 1;
    remaining -= line.value.creditUsedMinor;
    assert(remaining >= 0, "a settlement line used more credit than was left");
    if (line.value.balanceMinor !== 0) allClosed = false;
  }
  const close = closeCredit(lines, remaining, allClosed, ctx);
  if (!close.ok) return close;
  return ok({ lines, visited, close: close.value });
}
