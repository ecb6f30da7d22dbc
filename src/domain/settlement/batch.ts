/**
 * Automatic settlement of a whole ledger (the CLI's batch): every unapplied payment (a Payment
 * with a negative open amount) is settled against its customer's open debit items of the same
 * currency, payments in date then voucher order, by the rules of `proposeSettlement`. Each
 * customer-currency group is sorted once (n log n); a pointer skips closed items, so the work is
 * linear in the rows plus the sort, without a per-payment scan of the ledger.
 */
import { assert } from "../_lib/assert";
import { ccError, type CcError, fail, ok, type Result } from "../errors";
import type { Journal } from "../journal";
import type { RateTable } from "../rates";
import type { TransactionType } from "../types";
import { closeCredit, type LineDraft, type SettleContext, settleOne } from "./_lib/consume";
import { discountTiers, type DiscountTier, grantedPct, indexCodes } from "./_lib/discount";
import { compareOrder, compareText } from "./_lib/order";
import { postSettlement } from "./post";
import { DEFAULT_SETTLEMENT_OPTIONS, type SettlementItem, type SettlementOptions } from "./types";

export interface BatchSettleOptions {
  readonly accountingCurrency: string;
  readonly rates?: RateTable;
  /** Default due date; "priority" with a list of types in order. */
  readonly method?: { readonly kind: "duedate" } | { readonly kind: "priority"; readonly types: readonly TransactionType[] };
  readonly options?: Partial<SettlementOptions>;
  /**
   * Tolerances per payment currency (upper-case code): minor units are a currency's, so a batch
   * over several currencies carries one pair per currency. Overrides `options` for that currency.
   */
  readonly tolerancesByCurrency?: ReadonlyMap<string, Pick<Partial<SettlementOptions>, "maxPennyDifferenceMinor" | "maxOverUnderMinor">>;
}

export interface BatchSettleResult {
  /** One settlement journal per payment that settled something, in customer, currency, payment order. */
  readonly journals: readonly Journal[];
  /** The new open amount of every input transaction, by input index. */
  readonly openMinor: readonly number[];
}

interface Group {
  readonly debits: number[];
  readonly payments: number[];
}

/**
 * Settle every unapplied payment of a ledger against its customer's open items of its currency.
 * @example
 * const r = autoSettleLedger([...w1Items, payment700], { accountingCurrency: "USD" }).value;
 * [r.journals.length, r.openMinor] // [1, [0, 0, 15000, 700, 0]] (W1's items and its 700.00 payment)
 * @example
 * const r = autoSettleLedger([...w1Items, payment700, { ...payment700, voucher: "PAY2", dateSerial: 42310, amountMinor: -20000, row: 7 }], { accountingCurrency: "USD" }).value;
 * [r.journals.length, r.openMinor] // [2, [0, 0, 0, 0, 0, -4300]] (PAY2 closes Invoice 3 and Interest 1; 43.00 stays unapplied)
 */
export function autoSettleLedger(items: readonly SettlementItem[], batch: BatchSettleOptions): Result<BatchSettleResult> {
  const options: SettlementOptions = { ...DEFAULT_SETTLEMENT_OPTIONS, ...batch.options };
  const method = batch.method ?? { kind: "duedate" };
  const errors: CcError[] = [];
  const codes = indexCodes(options.discountCodes, errors);
  const rank = new Map<TransactionType, number>();
  if (method.kind === "priority") method.types.forEach((t, i) => { if (!rank.has(t)) rank.set(t, i); });
  // customer -> currency -> group; voucher -> its customer (a voucher two customers share is rare,
  // so only then is a composite key made): no string is built per row on the common path.
  const groups = new Map<string, Map<string, Group>>();
  const groupList: Group[] = [];
  const voucherCustomer = new Map<string, string>();
  const sharedVouchers = new Set<string>();
  const primary = new Float64Array(items.length);
  const date = new Float64Array(items.length);
  const tiers: (readonly DiscountTier[])[] = new Array<readonly DiscountTier[]>(items.length);
  items.forEach((it, i) => {
    const owner = voucherCustomer.get(it.voucher);
    if (owner === undefined) voucherCustomer.set(it.voucher, it.customer);
    else {
      const vk = `${it.customer}\u0000${it.voucher}`;
      if (owner === it.customer || sharedVouchers.has(vk)) {
        errors.push(ccError("voucher_must_appear_once", { case: "customer", customer: it.customer, voucher: it.voucher }, { table: "transactions", row: it.row, column: "Voucher" }));
      }
      sharedVouchers.add(vk);
    }
    const isDebit = it.amountMinor > 0;
    const isPayment = it.type === "Payment" && it.amountMinor < 0;
    if (!isDebit && !isPayment) return;
    let byCurrency = groups.get(it.customer);
    if (byCurrency === undefined) groups.set(it.customer, (byCurrency = new Map<string, Group>()));
    let g = byCurrency.get(it.currency);
    if (g === undefined) {
      const upper = it.currency.toUpperCase();
      g = upper === it.currency ? undefined : byCurrency.get(upper);
      if (g === undefined) groupList.push((g = { debits: [], payments: [] }));
      byCurrency.set(it.currency, g);
      byCurrency.set(upper, g);
    }
    if (isPayment) {
      if (it.dateSerial === undefined) errors.push(ccError("date_must_not_be_blank", { case: "payment", voucher: it.voucher }, { table: "transactions", row: it.row, column: "Date" }));
      g.payments.push(i);
      return;
    }
    g.debits.push(i);
    tiers[i] = discountTiers(it, codes, errors, "transactions");
    const due = method.kind === "priority" ? (rank.get(it.type) ?? rank.size) : (it.dueSerial ?? it.dateSerial);
    const d = method.kind === "priority" ? (it.dateSerial ?? it.dueSerial) : (it.dateSerial ?? due);
    if (due === undefined || d === undefined) {
      errors.push(ccError("due_date_must_not_be_blank", { case: "order", voucher: it.voucher }, { table: "transactions", row: it.row, column: "DueDate" }));
    }
    primary[i] = due ?? 0;
    date[i] = d ?? 0;
  });
  // At most 50 errors, like the sheet readers: a million bad rows must not make a million messages.
  if (errors.length > 0) return fail(...errors.slice(0, 50));
  const open = items.map((it) => it.amountMinor);
  const taken = new Map<number, number>();
  const journals: Journal[] = [];
  const tolerances = new Map<string, { penny: number; overUnder: number }>();
  const voucherOf = (i: number): string => items[i]?.voucher ?? "";
  for (const g of groupList) {
    if (g.payments.length === 0 || g.debits.length === 0) continue;
    // The discount part of the order depends on each payment's date: runs of one due date are
    // re-sorted by the same comparator with the discount at that date (runOrder).
    const order = g.debits.sort((a, b) => compareOrder(primary[a] ?? 0, 0, date[a] ?? 0, voucherOf(a), primary[b] ?? 0, 0, date[b] ?? 0, voucherOf(b)));
    g.payments.sort((a, b) => (items[a]?.dateSerial ?? 0) - (items[b]?.dateSerial ?? 0) || compareText(voucherOf(a), voucherOf(b)));
    const own = batch.tolerancesByCurrency?.get((items[g.payments[0] ?? 0]?.currency ?? "").toUpperCase());
    const groupOptions = own === undefined ? options : { ...options, ...own };
    let ptr = 0;
    for (const pi of g.payments) {
      while (ptr < order.length && (open[order[ptr] ?? 0] ?? 0) <= 0) ptr++;
      if (ptr >= order.length) break;
      const journal = settlePayment(pi, order, ptr, { items, open, taken, tiers, primary, options: groupOptions, method, batch, tolerances });
      if (!journal.ok) return journal;
      journals.push(journal.value);
    }
  }
  return ok({ journals, openMinor: open });
}

interface LedgerState {
  readonly items: readonly SettlementItem[];
  readonly open: number[];
  readonly taken: Map<number, number>;
  readonly tiers: readonly (readonly DiscountTier[])[];
  readonly primary: Float64Array;
  readonly options: SettlementOptions;
  readonly method: NonNullable<BatchSettleOptions["method"]>;
  readonly batch: BatchSettleOptions;
  readonly tolerances: SettleContext["tolerances"];
}

/** Settle payment `pi` from the group's sorted debits, starting at the first open one; update the open amounts. */
function settlePayment(pi: number, order: readonly number[], ptr: number, s: LedgerState): Result<Journal> {
  const { items, open, taken, tiers, primary, options, method, batch } = s;
  const pay = items[pi];
  assert(pay !== undefined, "payment index out of range");
  const ctx: SettleContext = { dateSerial: pay.dateSerial ?? 0, options, creditCurrency: pay.currency, rates: batch.rates, tolerances: s.tolerances };
  const lines: LineDraft[] = [];
  const settled: number[] = [];
  let remaining = -pay.amountMinor;
  for (let i = ptr; i < order.length && remaining > 0; ) {
    let j = i + 1;
    if (method.kind === "duedate") while (j < order.length && primary[order[j] ?? 0] === primary[order[i] ?? 0]) j++;
    for (const idx of runOrder(order, i, j, s, ctx, method.kind === "duedate")) {
      if (remaining <= 0) break;
      const it = items[idx];
      if (it === undefined) continue;
      const t = tiers[idx] ?? [];
      // Track the discount taken by earlier payments of this batch, so partial discounts stay capped.
      const current: SettlementItem = t.length > 0 && open[idx] !== it.amountMinor
        ? { ...it, amountMinor: open[idx] ?? 0, originalAmountMinor: it.originalAmountMinor ?? it.amountMinor, discountTakenMinor: (it.discountTakenMinor ?? 0) + (taken.get(idx) ?? 0) }
        : it;
      const line = settleOne(current, open[idx] ?? 0, t, remaining, ctx);
      if (!line.ok) return line;
      lines.push(line.value);
      settled.push(idx);
      remaining -= line.value.creditUsedMinor;
    }
    i = j;
  }
  const close = closeCredit(lines, remaining, remaining > 0, ctx);
  if (!close.ok) return close;
  const posted = postSettlement({
    credit: pay, dateSerial: ctx.dateSerial, method, options, lines,
    creditDiscountMinor: 0, creditDifferenceMinor: close.value.differenceMinor,
    ...(close.value.role !== undefined ? { creditDifferenceRole: close.value.role } : {}),
    unappliedMinor: close.value.remaining,
  }, { accountingCurrency: batch.accountingCurrency, ...(batch.rates !== undefined ? { rates: batch.rates } : {}) });
  if (!posted.ok) return posted;
  lines.forEach((l, k) => {
    const idx = settled[k] ?? -1;
    open[idx] = l.balanceMinor;
    if (l.discountMinor > 0) taken.set(idx, (taken.get(idx) ?? 0) + l.discountMinor);
  });
  open[pi] = close.value.remaining === 0 ? 0 : -close.value.remaining;
  return ok(posted.value.journal);
}

/** The open items of one run of equal due dates, the better discount at the payment date first. */
function runOrder(order: readonly number[], from: number, to: number, s: Pick<LedgerState, "open" | "tiers">, ctx: SettleContext, byDiscount: boolean): number[] {
  const { open, tiers } = s;
  const run: number[] = [];
  for (let k = from; k < to; k++) {
    const idx = order[k] ?? -1;
    if ((open[idx] ?? 0) > 0) run.push(idx);
  }
  if (!byDiscount || run.length < 2) return run;
  // `order` is already sorted by the same comparator without the discount, so an item's position
  // in the run stands for its (date, voucher) tie-break; the primary is equal within a run.
  const pct = run.map((idx) => grantedPct(tiers[idx] ?? [], ctx.dateSerial, ctx.options.useCashDiscount));
  const positions = run.map((_, k) => k);
  positions.sort((a, b) => compareOrder(0, pct[a] ?? 0, a, "", 0, pct[b] ?? 0, b, ""));
  return positions.map((k) => run[k] ?? -1);
}
