/**
 * The collector's worklist (docs/domain.md §3.5 and §6): one row per customer with open items,
 * ranked by the amount at risk, with the customer's pool and agent, its collection status and the
 * next action the collections rules call for.
 *
 * Amount at risk = Σ over overdue debit items of open amount × (1 + days overdue ÷ 30): an item 30
 * days overdue weighs twice its amount, 60 days three times. It is computed exactly (BigInt of
 * amount × (30 + days)) and only rounded for display. When a late-payment prediction gives an
 * expected late amount per customer (`expectedLateMinor`), that amount ranks instead, for every
 * customer (absent = 0), and the age-weighted amount breaks ties. Given the ledger's settlement
 * history instead (`history`: invoices with their ClosedDate), the worklist predicts that amount
 * itself (`predictOpenInvoices`) and ranks by it whenever the history is enough to train on (at
 * least MIN_SETTLED settled invoices); with less it ranks by the age-weighted overdue amount.
 *
 * A ledger in several currencies is ranked in one accounting currency (`accounting`): every open
 * amount (and the expected late amount) is converted at the as-of date's rate, so Balance, Overdue
 * and the amount at risk of every row are in that currency; a missing rate is an error naming the
 * currency. Without `accounting` a ledger in several currencies is refused: amounts in different
 * currencies cannot be ranked against each other.
 *
 * Disputed items and items under a live promise to pay are not chased (as for interest and
 * letters): by default a customer whose only overdue items are such is ranked after every customer
 * with something to chase (`disputesLast: false` ranks everyone by all overdue items).
 */
import { naturalCompare } from "../_lib/natural-compare";
import { isoFromSerial } from "../dates";
import { ccError, fail, ok, type Result } from "../errors";
import { predictOpenInvoices } from "../prediction/predict";
import type { LedgerInvoice, PredictionOptions } from "../prediction/types";
import type { RateTable } from "../rates";
import type { CollectionStatus, Transaction } from "../types";
import type { CollectionCase } from "./cases";
import type { LetterDue } from "./letters";
import { customersForAgent, inPool, type Pool } from "./pools";
import { forEachRow, type LedgerColumns, type LedgerRow, STATUS_INDEX } from "../ledger";
import { customerStatus } from "./status";

export interface WorklistCustomer {
  readonly customer: string;
  readonly name?: string;
  readonly pool?: string;
  readonly agent?: string;
  readonly customerGroup?: string;
}

export interface WorklistOptions {
  /** Names, pools and agents (the Customers table); customers only in the ledger are listed too. */
  readonly customers?: readonly WorklistCustomer[];
  /** Pool criteria: a customer with no Pool of its own falls in the first pool whose criteria it meets. */
  readonly pools?: readonly Pool[];
  /** Only the customers of this pool. */
  readonly pool?: string;
  /** Only the customers of this agent (assigned directly or through the agent's pools). */
  readonly agent?: string;
  /** Rank customers with only disputed or promised overdue items after the rest (default true). */
  readonly disputesLast?: boolean;
  /** List customers of the customers table that have no open items too (default false). */
  readonly includeZeroBalance?: boolean;
  /** Late-payment prediction: the expected late amount per customer, in minor units. */
  readonly expectedLateMinor?: ReadonlyMap<string, number>;
  /** The settlement history to predict `expectedLateMinor` from (ignored when that is given). */
  readonly history?: readonly LedgerInvoice[];
  /** Options of the prediction made from `history`. */
  readonly prediction?: PredictionOptions;
  /** Letters due (from `lettersDue`): "Send letter <code>". */
  readonly letters?: readonly LetterDue[];
  /** Cases: an open case of the customer is "Continue case <id>". */
  readonly cases?: readonly CollectionCase[];
  /** Rank in this accounting currency: amounts converted at the as-of date's rate (several currencies need it). */
  readonly accounting?: { readonly currency: string; readonly rates: RateTable };
}

export interface WorklistRow {
  readonly rank: number;
  readonly customer: string;
  readonly name: string;
  readonly pool: string;
  readonly agent: string;
  readonly currency: string;
  readonly balanceMinor: number;
  /** Open debit items due before the as-of date. */
  readonly overdueMinor: number;
  /** The oldest due date of the open debit items. */
  readonly oldestDueSerial?: number;
  readonly status: CollectionStatus;
  readonly nextAction: string;
  /** The ranked amount: age-weighted overdue (or the expected late amount), rounded to minor units. */
  readonly atRiskMinor: number;
  /** Ranked after the rest: only disputed or promised items are overdue. */
  readonly heldBack: boolean;
}

interface Acc {
  customer: string;
  currency: string;
  balance: number;
  overdue: number;
  oldestDue: number | undefined;
  chase: bigint;
  held: bigint;
  /** The part of `chase` / `held` summed as a safe integer. */
  chaseSmall: number;
  heldSmall: number;
  statuses: Set<CollectionStatus>;
  /** Bits (by STATUS_INDEX) of the statuses in `statuses`. */
  statusSeen: number;
  brokenSerial: number | undefined;
  promiseSerial: number | undefined;
  disputedOverdue: boolean;
}

/**
 * Rank the customers with open items by the amount at risk. C1 owes 100.00 due 45 days ago, C2
 * 300.00 due 10 days ago: 100.00 x (1 + 45/30) = 250.00 < 300.00 x (1 + 10/30) = 400.00.
 * @example
 * const ledger = [{ ...inv, customer: "C1", voucher: "I1", dueSerial: 42257 }, { ...inv, customer: "C2", voucher: "I2", dueSerial: 42292, amountMinor: 30000 }];
 * worklist(ledger, 42302).value.map((r) => [r.rank, r.customer, r.overdueMinor, r.atRiskMinor, r.nextAction]) // [[1, "C2", 30000, 40000, "Call about overdue items"], [2, "C1", 10000, 25000, "Call about overdue items"]]
 * @example
 * const ledger = [{ ...inv, customer: "C1", voucher: "I1", dueSerial: 42257 }, { ...inv, customer: "C3", voucher: "I3", dueSerial: 42200, amountMinor: 90000, status: "Disputed" }];
 * worklist(ledger, 42302).value.map((r) => [r.customer, r.status, r.heldBack, r.nextAction]) // [["C1", "None", false, "Call about overdue items"], ["C3", "Disputed", true, "Resolve dispute"]] (only a dispute overdue: ranked last)
 * @example worklist([inv, { ...inv, voucher: "INV9", currency: "EUR", row: 3 }], 42302).errors[0].code // "worklist_must_have_one_currency"
 */
export function worklist(transactions: readonly Transaction[] | LedgerColumns, asOfSerial: number, options: WorklistOptions = {}): Result<WorklistRow[]> {
  if (options.expectedLateMinor === undefined && options.history !== undefined) {
    const expected = expectedLateFromHistory(options.history, asOfSerial, options.prediction ?? {}, options.accounting);
    if (!expected.ok) return expected;
    const { history: _history, ...rest } = options;
    return worklist(transactions, asOfSerial, expected.value === undefined ? rest : { ...rest, expectedLateMinor: expected.value });
  }
  if (options.accounting !== undefined) {
    // Columns carry no promised amounts: converting them, their rows are enough.
    const records: readonly Transaction[] = Array.isArray(transactions) ? transactions : rowsOf(transactions as LedgerColumns);
    const converted = inAccountingCurrency(records, asOfSerial, options.accounting);
    if (!converted.ok) return converted;
    const { accounting: _accounting, ...rest } = options;
    return worklist(converted.value, asOfSerial, rest);
  }
  const accs = new Map<string, Acc>();
  let currency: { code: string; row: number } | undefined;
  let mixed: { currency: string; row: number } | undefined;
  // Records or columns: the same rule, row by row in order; a customer's account found by its text
  // (records) or its interned index (columns).
  const byId: (Acc | undefined)[] = Array.isArray(transactions) ? [] : new Array<Acc | undefined>((transactions as LedgerColumns).customers.length).fill(undefined);
  const customerOf = Array.isArray(transactions) ? undefined : (transactions as LedgerColumns).customerOf;
  let k = 0;
  forEachRow(transactions, (t) => {
    const i = k++;
    if (mixed !== undefined) return;
    if (t.amountMinor === 0 || (t.dateSerial !== undefined && t.dateSerial > asOfSerial)) return;
    if (currency === undefined) currency = { code: t.currency, row: t.row };
    else if (t.currency !== currency.code) {
      mixed = { currency: t.currency, row: t.row };
      return;
    }
    let a: Acc | undefined;
    if (customerOf === undefined) {
      a = accs.get(t.customer);
      if (a === undefined) accs.set(t.customer, (a = newAcc(t.customer, t.currency)));
    } else {
      const id = customerOf[i] as number;
      a = byId[id];
      if (a === undefined) accs.set(t.customer, (byId[id] = a = newAcc(t.customer, t.currency)));
    }
    // A promise whose date has passed is broken (markBrokenPromises' rule).
    add(a, t, t.status === "PromiseToPay" && t.promiseSerial !== undefined && t.promiseSerial < asOfSerial ? "PromiseToPayBroken" : t.status, asOfSerial);
  });
  if (mixed !== undefined && currency !== undefined) {
    return fail(ccError("worklist_must_have_one_currency", { currency: mixed.currency, first: currency.code, row: currency.row }, { table: "transactions", row: mixed.row, column: "Currency" }));
  }
  for (const a of accs.values()) {
    a.chase += BigInt(a.chaseSmall);
    a.held += BigInt(a.heldSmall);
    a.chaseSmall = 0;
    a.heldSmall = 0;
  }
  const info = new Map((options.customers ?? []).map((c) => [c.customer, c]));
  if (options.includeZeroBalance === true) for (const c of info.values()) if (!accs.has(c.customer)) accs.set(c.customer, newAcc(c.customer, currency?.code ?? ""));

  const disputesLast = options.disputesLast !== false;
  const pools = options.pools ?? [];
  const openCase = new Map<string, string>();
  for (const c of options.cases ?? []) if (c.status === "Open" && !openCase.has(c.customer)) openCase.set(c.customer, c.caseId);
  const letter = new Map<string, string>();
  for (const l of options.letters ?? []) if (!letter.has(l.customer)) letter.set(l.customer, l.code);

  let rows = [...accs.values()].map((a) => {
    const c = info.get(a.customer);
    const pooled = c?.pool ?? pools.find((p) => inPool({ customer: a.customer, balanceMinor: a.balance, currency: a.currency, ...(c?.customerGroup !== undefined ? { customerGroup: c.customerGroup } : {}) }, p));
    const pool = typeof pooled === "string" ? pooled : (pooled?.pool ?? "");
    const agent = c?.agent ?? (typeof pooled === "object" ? (pooled.agent ?? "") : (pools.find((p) => p.pool === pool)?.agent ?? ""));
    const heldBack = disputesLast && a.chase === 0n && a.held > 0n;
    const weighted = disputesLast ? (heldBack ? a.held : a.chase) : a.chase + a.held;
    const expected = options.expectedLateMinor === undefined ? undefined : BigInt(options.expectedLateMinor.get(a.customer) ?? 0) * 30n;
    const status = customerStatus(a.statuses);
    return {
      key: expected ?? weighted,
      weighted,
      row: {
        rank: 0,
        customer: a.customer,
        name: c?.name ?? "",
        pool,
        agent,
        currency: a.currency,
        balanceMinor: a.balance,
        overdueMinor: a.overdue,
        ...(a.oldestDue !== undefined ? { oldestDueSerial: a.oldestDue } : {}),
        status,
        nextAction: nextAction(a, openCase.get(a.customer), letter.get(a.customer)),
        atRiskMinor: Number(((expected ?? weighted) * 2n + 30n) / 60n),
        heldBack,
      } as WorklistRow,
    };
  });
  if (options.pool !== undefined) rows = rows.filter((r) => r.row.pool.toUpperCase() === (options.pool ?? "").toUpperCase());
  if (options.agent !== undefined) {
    const mine = new Set(customersForAgent(options.agent, pools, rows.map((r) => ({ customer: r.row.customer, currency: r.row.currency, balanceMinor: r.row.balanceMinor, agent: r.row.agent }))).map((c) => c.customer));
    rows = rows.filter((r) => mine.has(r.row.customer));
  }
  rows.sort((x, y) => compareRows(x, y));
  return ok(rows.map((r, i) => ({ ...r.row, rank: i + 1 })));
}

function newAcc(customer: string, currency: string): Acc {
  return { customer, currency, balance: 0, overdue: 0, oldestDue: undefined, chase: 0n, held: 0n, chaseSmall: 0, heldSmall: 0, statuses: new Set(), statusSeen: 0, brokenSerial: undefined, promiseSerial: undefined, disputedOverdue: false };
}

/** Add row `t` (its status `status`, a passed promise already broken) to its customer's account. */
function add(a: Acc, t: LedgerRow, status: CollectionStatus, asOfSerial: number): void {
  a.balance += t.amountMinor;
  if (t.amountMinor <= 0) return;
  // A bit per status: the Set is asked only for a status the account has not had yet.
  const bit = 1 << (STATUS_INDEX[status] as number);
  if ((a.statusSeen & bit) === 0) {
    a.statusSeen |= bit;
    a.statuses.add(status);
  }
  if (status === "PromiseToPayBroken" && t.promiseSerial !== undefined) a.brokenSerial = Math.min(a.brokenSerial ?? t.promiseSerial, t.promiseSerial);
  if (status === "PromiseToPay" && t.promiseSerial !== undefined) a.promiseSerial = Math.min(a.promiseSerial ?? t.promiseSerial, t.promiseSerial);
  if (t.dueSerial === undefined) return;
  a.oldestDue = Math.min(a.oldestDue ?? t.dueSerial, t.dueSerial);
  const days = asOfSerial - t.dueSerial;
  if (days <= 0) return;
  a.overdue += t.amountMinor;
  // amount x (30 + days), exactly: summed as a number while every sum stays a safe integer, in
  // BigInt past that (the total is `chase + chaseSmall`, `held + heldSmall`).
  const weight = t.amountMinor * (30 + days);
  const held = status === "Disputed" || status === "PromiseToPay";
  if (Number.isSafeInteger(weight)) {
    if (held) {
      const sum = a.heldSmall + weight;
      if (Number.isSafeInteger(sum)) a.heldSmall = sum;
      else {
        a.held += BigInt(a.heldSmall) + BigInt(weight);
        a.heldSmall = 0;
      }
    } else {
      const sum = a.chaseSmall + weight;
      if (Number.isSafeInteger(sum)) a.chaseSmall = sum;
      else {
        a.chase += BigInt(a.chaseSmall) + BigInt(weight);
        a.chaseSmall = 0;
      }
    }
  } else if (held) a.held += BigInt(t.amountMinor) * BigInt(30 + days);
  else a.chase += BigInt(t.amountMinor) * BigInt(30 + days);
  if (status === "Disputed") a.disputedOverdue = true;
}

/** The rows of a columnar ledger as records of the fields the columns hold. */
function rowsOf(ledger: LedgerColumns): Transaction[] {
  const out: Transaction[] = [];
  forEachRow(ledger, (t) => {
    const { dateSerial, dueSerial, promiseSerial, ...rest } = t;
    out.push({ ...rest, ...(dateSerial !== undefined ? { dateSerial } : {}), ...(dueSerial !== undefined ? { dueSerial } : {}), ...(promiseSerial !== undefined ? { promiseSerial } : {}) } as Transaction);
  });
  return out;
}

/** The collections rules in precedence order: the first that applies is the next action. */
function nextAction(a: Acc, caseId: string | undefined, letterCode: string | undefined): string {
  if (a.statuses.has("PromiseToPayBroken")) return a.brokenSerial === undefined ? "Follow up broken promise" : `Follow up broken promise of ${isoFromSerial(a.brokenSerial)}`;
  if (caseId !== undefined) return `Continue case ${caseId}`;
  if (letterCode !== undefined) return `Send letter ${letterCode}`;
  if (a.chase > 0n) return "Call about overdue items";
  if (a.disputedOverdue || a.statuses.has("Disputed")) return "Resolve dispute";
  if (a.promiseSerial !== undefined) return `Await promise of ${isoFromSerial(a.promiseSerial)}`;
  if (a.balance < 0) return "Apply or refund credit";
  return "None";
}

interface Ranked {
  readonly key: bigint;
  readonly weighted: bigint;
  readonly row: WorklistRow;
}

/** A total order: held back last, then larger key, weighted, overdue, balance; older due date; customer. */
function compareRows(x: Ranked, y: Ranked): number {
  const big = (a: bigint, b: bigint): number => (a > b ? -1 : a < b ? 1 : 0);
  return (
    Number(x.row.heldBack) - Number(y.row.heldBack) ||
    big(x.key, y.key) ||
    big(x.weighted, y.weighted) ||
    y.row.overdueMinor - x.row.overdueMinor ||
    y.row.balanceMinor - x.row.balanceMinor ||
    (x.row.oldestDueSerial ?? Infinity) - (y.row.oldestDueSerial ?? Infinity) ||
    naturalCompare(x.row.customer, y.row.customer) ||
    (x.row.customer < y.row.customer ? -1 : x.row.customer > y.row.customer ? 1 : 0)
  );
}

/**
 * The expected late amount per customer (amount × P(late or very late), summed over its open
 * invoices, in minor units; converted to the accounting currency when one is given), or undefined
 * when the history is too short to train on.
 */
function expectedLateFromHistory(history: readonly LedgerInvoice[], asOfSerial: number, prediction: PredictionOptions, accounting: WorklistOptions["accounting"]): Result<ReadonlyMap<string, number> | undefined> {
  const predicted = predictOpenInvoices(history, asOfSerial, prediction);
  if (!predicted.ok) return predicted.errors.every((e) => e.code === "prediction_needs_settled_invoices") ? ok(undefined) : predicted;
  const byCustomer = new Map<string, number>();
  for (const c of predicted.value.customers) {
    const minor = accounting === undefined ? ok(c.expectedLateMinor) : accounting.rates.convert(c.expectedLateMinor, c.currency, accounting.currency, asOfSerial);
    if (!minor.ok) return minor;
    byCustomer.set(c.customer, (byCustomer.get(c.customer) ?? 0) + minor.value);
  }
  return ok(byCustomer);
}

/** Every open amount (and promised amount) in the accounting currency at the as-of date's rate. */
function inAccountingCurrency(transactions: readonly Transaction[], asOfSerial: number, accounting: NonNullable<WorklistOptions["accounting"]>): Result<Transaction[]> {
  const currency = accounting.currency.toUpperCase();
  const out: Transaction[] = [];
  for (const t of transactions) {
    if (t.currency.toUpperCase() === currency || t.amountMinor === 0) {
      out.push(t.amountMinor === 0 ? { ...t, currency } : t);
      continue;
    }
    const amount = accounting.rates.convert(t.amountMinor, t.currency, currency, asOfSerial);
    if (!amount.ok) return fail(...amount.errors.map((e) => ({ ...e, message: `${e.message}, for transactions row ${t.row}` })));
    const promise = t.promiseAmountMinor === undefined ? undefined : accounting.rates.convert(t.promiseAmountMinor, t.currency, currency, asOfSerial);
    if (promise !== undefined && !promise.ok) return promise;
    const { promiseAmountMinor: _p, ...rest } = t;
    out.push({ ...rest, currency, amountMinor: amount.value, ...(promise !== undefined ? { promiseAmountMinor: promise.value } : {}) });
  }
  return ok(out);
}
