/**
 * The aging snapshot (docs/domain.md §3.3-§3.5): one header and one detail row per period for each
 * customer and currency, as of a date. The balance always equals the sum of the periods, exactly.
 */
import { assert } from "../_lib/assert";
import { naturalCompare } from "../_lib/natural-compare";
import { type CollectionStatus, type Transaction } from "../types";
import {
  type AgingBasis,
  type AgingDefinition,
  NOT_DUE_LABEL,
  periodStarts,
} from "./periods";

/** What the snapshot header knows of a customer beyond its transactions. */
export interface AgingCustomerInfo {
  readonly customer: string;
  readonly currency?: string;
  readonly creditLimitMinor?: number;
  readonly openOrdersMinor?: number;
  readonly packingSlipMinor?: number;
  readonly customerGroup?: string;
  readonly agent?: string;
  readonly pool?: string;
}

/** A saved customer filter (section 3): every criterion given must hold. */
export interface AgingPool {
  readonly name: string;
  readonly customerGroups?: readonly string[];
  readonly agents?: readonly string[];
  readonly currencies?: readonly string[];
  readonly minBalanceMinor?: number;
  readonly maxBalanceMinor?: number;
}

export interface AgingOptions {
  readonly asOfSerial: number;
  readonly definition: AgingDefinition;
  readonly basis?: AgingBasis;
  /** Include customers (from `customers`) whose balance is zero. Default false. */
  readonly includeZeroBalance?: boolean;
  readonly customers?: readonly AgingCustomerInfo[];
  readonly pool?: AgingPool;
  /** Report promise-to-pay items whose promised date is before the as-of date as broken. */
  readonly updateCollectionStatus?: boolean;
}

export interface AgingRow {
  readonly customer: string;
  readonly currency: string;
  readonly balanceMinor: number;
  /** Open debit amounts whose due date is before the as-of date. */
  readonly pastDueMinor: number;
  readonly creditLimitMinor?: number;
  readonly openOrdersMinor: number;
  readonly packingSlipMinor: number;
  readonly disputedCount: number;
  readonly disputedMinor: number;
  /** One amount per period, in `labels` order: this is the detail of the snapshot. */
  readonly periodsMinor: readonly number[];
}

export interface StatusUpdate {
  readonly customer: string;
  readonly voucher: string;
  readonly row: number;
  readonly from: CollectionStatus;
  readonly to: CollectionStatus;
}

export interface AgingSnapshot {
  readonly asOfSerial: number;
  readonly definitionName: string;
  readonly basis: AgingBasis;
  readonly labels: readonly string[];
  /** Sorted by customer, then currency. */
  readonly rows: readonly AgingRow[];
  /** One per currency, sorted by currency. */
  readonly totals: readonly AgingRow[];
  readonly statusUpdates: readonly StatusUpdate[];
}


/** One aged item, as the accumulator takes it: plain values, no record object needed. */
export interface AgingItem {
  customer: string;
  currency: string;
  /** The date the basis chose (due, transaction or document date). */
  basisSerial: number;
  /** The transaction date, when the ledger has one. */
  dateSerial: number | undefined;
  dueSerial: number | undefined;
  amountMinor: number;
  status: CollectionStatus;
  promiseSerial: number | undefined;
  voucher: string;
  row: number;
}

interface Acc {
  customer: string;
  currency: string;
  periods: number[];
  pastDue: number;
  disputedCount: number;
  disputed: number;
}

/**
 * Ages items one at a time, so that an adapter can stream a 1,048,576-row range through it without
 * building a record per row. `ageTransactions` is this accumulator over records.
 * @example
 * const acc = new AgingAccumulator({ asOfSerial: 42302, definition: defaultDefinition() });
 * acc.add({ customer: "C1", currency: "USD", basisSerial: 42290, dateSerial: undefined, dueSerial: 42290, amountMinor: 10000, status: "None", promiseSerial: undefined, voucher: "1", row: 2 });
 * acc.add({ customer: "C1", currency: "USD", basisSerial: 42310, dateSerial: undefined, dueSerial: 42310, amountMinor: 2500, status: "None", promiseSerial: undefined, voucher: "2", row: 3 });
 * acc.finish().rows.map((r) => [r.customer, r.balanceMinor, r.pastDueMinor, r.periodsMinor]) // [["C1", 12500, 10000, [2500, 10000, 0, 0, 0, 0]]]
 */
export class AgingAccumulator {
  readonly basis: AgingBasis;
  readonly labels: readonly string[];
  private readonly asOf: number;
  private readonly starts: Float64Array;
  private readonly offset: number;
  /** currency -> customer -> accumulator (two levels: no key string per row). */
  private readonly groups = new Map<string, Map<string, Acc>>();
  private readonly statusUpdates: StatusUpdate[] = [];

  constructor(private readonly options: AgingOptions) {
    this.basis = options.basis ?? "due";
    this.asOf = options.asOfSerial;
    this.starts = Float64Array.from(periodStarts(options.definition, this.asOf));
    const dueBasis = this.basis === "due";
    this.offset = dueBasis ? 1 : 0;
    this.labels = [...(dueBasis ? [options.definition.notDueLabel ?? NOT_DUE_LABEL] : []), ...options.definition.periods.map((p) => p.label)];
  }

  /** The index of the period a basis date falls in. */
  periodOf(basisSerial: number): number {
    if (this.offset === 1 && basisSerial >= this.asOf) return 0;
    const starts = this.starts;
    for (let i = 0; i < starts.length; i++) if (basisSerial >= (starts[i] as number)) return i + this.offset;
    return this.labels.length - 1;
  }

  add(item: AgingItem): void {
    this.addValues(item.customer, item.currency, item.basisSerial, item.dateSerial, item.dueSerial, item.amountMinor, item.status, item.promiseSerial, item.voucher, item.row);
  }

  /**
   * `add` with positional values: the hot path of a 1,048,576-row range, which allocates nothing per
   * row but a customer's first accumulator.
   */
  addValues(
    customer: string,
    currency: string,
    basisSerial: number,
    dateSerial: number | undefined,
    dueSerial: number | undefined,
    amountMinor: number,
    status: CollectionStatus,
    promiseSerial: number | undefined,
    voucher: string,
    row: number,
  ): void {
    const asOf = this.asOf;
    // Items dated after the as-of date are not part of the snapshot: by transaction date when the
    // ledger has one, else by the basis date unless that is a due date (a due date after the as-of
    // date is simply Not due).
    if ((dateSerial !== undefined && dateSerial > asOf) || (this.offset === 0 && basisSerial > asOf)) return;
    let byCustomer = this.groups.get(currency);
    if (byCustomer === undefined) {
      byCustomer = new Map<string, Acc>();
      this.groups.set(currency, byCustomer);
    }
    let acc = byCustomer.get(customer);
    if (acc === undefined) {
      acc = { customer, currency, periods: new Array<number>(this.labels.length).fill(0), pastDue: 0, disputedCount: 0, disputed: 0 };
      byCustomer.set(customer, acc);
    }
    const p = this.periodOf(basisSerial);
    acc.periods[p] = (acc.periods[p] as number) + amountMinor;
    if (amountMinor > 0 && dueSerial !== undefined && dueSerial < asOf) acc.pastDue += amountMinor;
    if (status === "Disputed") {
      acc.disputedCount++;
      acc.disputed += amountMinor;
    } else if (status === "PromiseToPay" && this.options.updateCollectionStatus === true && promiseSerial !== undefined && promiseSerial < asOf) {
      this.statusUpdates.push({ customer, voucher, row, from: "PromiseToPay", to: "PromiseToPayBroken" });
    }
  }

  finish(): AgingSnapshot {
    const options = this.options;
    const nPeriods = this.labels.length;
    const accs: Acc[] = [];
    for (const byCustomer of this.groups.values()) for (const a of byCustomer.values()) accs.push(a);
    const info = new Map<string, AgingCustomerInfo>();
    for (const c of options.customers ?? []) info.set(c.customer, c);
    if (options.includeZeroBalance === true) {
      const seen = new Set(accs.map((g) => g.customer));
      for (const c of options.customers ?? []) {
        if (seen.has(c.customer)) continue;
        seen.add(c.customer);
        accs.push({ customer: c.customer, currency: c.currency ?? "", periods: new Array<number>(nPeriods).fill(0), pastDue: 0, disputedCount: 0, disputed: 0 });
      }
    }
    const rows: AgingRow[] = [];
    for (const acc of accs) {
      const balance = acc.periods.reduce((a, b) => a + b, 0);
      if (balance === 0 && options.includeZeroBalance !== true) continue;
      const ci = info.get(acc.customer);
      if (options.pool !== undefined && !inPool(options.pool, acc.currency, balance, ci)) continue;
      rows.push({
        customer: acc.customer,
        currency: acc.currency,
        balanceMinor: balance,
        pastDueMinor: acc.pastDue,
        openOrdersMinor: ci?.openOrdersMinor ?? 0,
        packingSlipMinor: ci?.packingSlipMinor ?? 0,
        disputedCount: acc.disputedCount,
        disputedMinor: acc.disputed,
        periodsMinor: acc.periods,
        ...(ci?.creditLimitMinor !== undefined ? { creditLimitMinor: ci.creditLimitMinor } : {}),
      });
    }
    rows.sort((a, b) => naturalCompare(a.customer, b.customer) || compareCode(a.currency, b.currency));
    const totals = totalsByCurrency(rows, nPeriods);
    for (const list of [rows, totals]) {
      for (const r of list) assert(r.periodsMinor.reduce((a, b) => a + b, 0) === r.balanceMinor, "aging: balance must equal the sum of its periods");
    }
    return {
      asOfSerial: this.asOf,
      definitionName: options.definition.name,
      basis: this.basis,
      labels: this.labels,
      rows,
      totals,
      statusUpdates: this.statusUpdates,
    };
  }
}

/**
 * Age open items as of a date. Items dated after the as-of date are left out; an item without a
 * basis date is a programmer error (the adapter requires the column).
 * @example
 * ageTransactions([{ customer: "C1", voucher: "1", type: "Invoice", dueSerial: 42290, amountMinor: 10000, currency: "USD", status: "None", row: 2 }],
 *   { asOfSerial: 42302, definition: defaultDefinition() }).rows[0].periodsMinor // [0, 10000, 0, 0, 0, 0]
 */
export function ageTransactions(transactions: readonly Transaction[], options: AgingOptions): AgingSnapshot {
  const acc = new AgingAccumulator(options);
  const basis = acc.basis;
  for (const t of transactions) {
    const basisSerial = basis === "due" ? t.dueSerial : basis === "transaction" ? t.dateSerial : t.documentSerial;
    assert(basisSerial !== undefined, `aging: transaction on row ${t.row} has no ${basis} date`);
    acc.add({
      customer: t.customer,
      currency: t.currency,
      basisSerial,
      dateSerial: t.dateSerial,
      dueSerial: t.dueSerial,
      amountMinor: t.amountMinor,
      status: t.status,
      promiseSerial: t.promiseSerial,
      voucher: t.voucher,
      row: t.row,
    });
  }
  return acc.finish();
}

function compareCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inPool(pool: AgingPool, currency: string, balance: number, ci: AgingCustomerInfo | undefined): boolean {
  if (pool.currencies !== undefined && !pool.currencies.includes(currency)) return false;
  if (pool.customerGroups !== undefined && (ci?.customerGroup === undefined || !pool.customerGroups.includes(ci.customerGroup))) return false;
  if (pool.agents !== undefined && (ci?.agent === undefined || !pool.agents.includes(ci.agent))) return false;
  if (pool.minBalanceMinor !== undefined && balance < pool.minBalanceMinor) return false;
  if (pool.maxBalanceMinor !== undefined && balance > pool.maxBalanceMinor) return false;
  return true;
}

function totalsByCurrency(rows: readonly AgingRow[], nPeriods: number): AgingRow[] {
  const byCurrency = new Map<string, { periods: number[]; pastDue: number; orders: number; slips: number; dc: number; dm: number; limit: number }>();
  for (const r of rows) {
    let t = byCurrency.get(r.currency);
    if (t === undefined) {
      t = { periods: new Array<number>(nPeriods).fill(0), pastDue: 0, orders: 0, slips: 0, dc: 0, dm: 0, limit: 0 };
      byCurrency.set(r.currency, t);
    }
    r.periodsMinor.forEach((v, i) => {
      t.periods[i] = (t.periods[i] ?? 0) + v;
    });
    t.pastDue += r.pastDueMinor;
    t.orders += r.openOrdersMinor;
    t.slips += r.packingSlipMinor;
    t.dc += r.disputedCount;
    t.dm += r.disputedMinor;
    t.limit += r.creditLimitMinor ?? 0;
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => compareCode(a, b))
    .map(([currency, t]) => ({
      customer: "Total",
      currency,
      balanceMinor: t.periods.reduce((a, b) => a + b, 0),
      pastDueMinor: t.pastDue,
      openOrdersMinor: t.orders,
      packingSlipMinor: t.slips,
      disputedCount: t.dc,
      disputedMinor: t.dm,
      periodsMinor: t.periods,
    }));
}
