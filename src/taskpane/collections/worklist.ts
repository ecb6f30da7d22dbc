/**
 * The collector's customer list: one row per customer of the Customers table with the figures a
 * collector triages by. Every figure comes from the engine: balance, overdue, exposure and limit
 * from the credit book (src/domain/credit), periods from the aging snapshot (src/domain/aging),
 * broken promises from `markBrokenPromises`, pools from `inPool` / `customersForAgent`.
 */
import { defaultDefinition } from "../../domain/aging/periods";
import { ageTransactions } from "../../domain/aging/snapshot";
import { customerStatus, customersForAgent, inPool, markBrokenPromises, type Pool, type PoolCustomer } from "../../domain/collections";
import { creditBook, type CreditBookInput } from "../../domain/credit/book";
import type { Customer } from "../../domain/credit/types";
import { ok, type Result } from "../../domain/errors";
import type { CollectionStatus, Transaction } from "../../domain/types";
import type { ActivityEntry } from "./logs";

export interface PromiseSummary {
  readonly dateSerial: number;
  readonly amountMinor: number;
  readonly broken: boolean;
}

export interface CustomerRow {
  readonly customer: string;
  readonly name: string;
  readonly currency: string;
  readonly pool: string;
  readonly agent: string;
  readonly customerGroup: string;
  /** In the customer's currency; undefined when a rate is missing. */
  readonly balanceMinor: number | undefined;
  readonly overdueMinor: number | undefined;
  readonly daysOverdue: number;
  /** The label of the oldest aging period with an open debit amount ("" when none). */
  readonly oldestPeriod: string;
  /** Index of that period (0 = not due), -1 when none: sorts the oldest first. */
  readonly oldestPeriodIndex: number;
  /** The most pressing status among the customer's open items. */
  readonly status: CollectionStatus;
  readonly promise: PromiseSummary | undefined;
  readonly disputedCount: number;
  readonly disputedMinor: number;
  readonly lastActivitySerial: number | undefined;
  /** "Unlimited", "Group", "Excluded", "None" or undefined for a plain limit. */
  readonly limitKind: string | undefined;
  readonly limitMinor: number | undefined;
  readonly exposureMinor: number | undefined;
  readonly openItems: number;
}

/** The credit book's input and the activities logged so far. */
export interface WorklistInput extends CreditBookInput {
  readonly activities?: readonly ActivityEntry[];
}

export interface Worklist {
  readonly rows: readonly CustomerRow[];
  readonly periodLabels: readonly string[];
  /** Transactions with promises broken as of the as-of date. */
  readonly transactions: readonly Transaction[];
}

export function buildWorklist(input: WorklistInput): Result<Worklist> {
  const transactions = markBrokenPromises(input.transactions, input.asOfSerial);
  const book = creditBook({ ...input, transactions });
  if (!book.ok) return book;
  const snapshot = ageTransactions(transactions, { asOfSerial: input.asOfSerial, definition: defaultDefinition("due"), includeZeroBalance: false });
  const oldest = new Map<string, number>();
  for (const r of snapshot.rows) {
    let last = -1;
    r.periodsMinor.forEach((p, i) => {
      if (p > 0) last = i;
    });
    oldest.set(r.customer, Math.max(oldest.get(r.customer) ?? -1, last));
  }
  const items = new Map<string, Transaction[]>();
  for (const t of transactions) {
    if (t.amountMinor === 0) continue;
    const list = items.get(t.customer) ?? [];
    list.push(t);
    items.set(t.customer, list);
  }
  const lastActivity = new Map<string, number>();
  for (const a of input.activities ?? []) lastActivity.set(a.customer, Math.max(lastActivity.get(a.customer) ?? 0, a.dateSerial));

  const rows = input.customers.map((c): CustomerRow => {
    const open = items.get(c.customer) ?? [];
    let promise: PromiseSummary | undefined;
    let disputedCount = 0;
    let disputedMinor = 0;
    for (const t of open) {
      if (t.status === "Disputed") {
        disputedCount++;
        disputedMinor += t.amountMinor;
      }
      if ((t.status === "PromiseToPay" || t.status === "PromiseToPayBroken") && t.promiseSerial !== undefined) {
        const broken = t.status === "PromiseToPayBroken";
        if (promise === undefined || t.promiseSerial < promise.dateSerial) promise = { dateSerial: t.promiseSerial, amountMinor: t.promiseAmountMinor ?? 0, broken };
      }
    }
    const status = customerStatus(open.map((t) => t.status));
    const exposure = book.value.exposure(c, c.currency);
    const overdue = book.value.overdueMinor(c, c.currency);
    const limit = book.value.customerLimit(c);
    const oldestIndex = oldest.get(c.customer) ?? -1;
    return {
      customer: c.customer,
      name: c.name ?? "",
      currency: c.currency,
      pool: c.pool ?? "",
      agent: c.agent ?? "",
      customerGroup: c.customerGroup ?? "",
      balanceMinor: exposure.ok ? exposure.value.balanceMinor : undefined,
      overdueMinor: overdue.ok ? overdue.value : undefined,
      daysOverdue: book.value.daysOverdue(c),
      oldestPeriod: oldestIndex >= 0 ? (snapshot.labels[oldestIndex] ?? "") : "",
      oldestPeriodIndex: oldestIndex,
      status,
      promise,
      disputedCount,
      disputedMinor,
      lastActivitySerial: lastActivity.get(c.customer),
      limitKind: limit.kind === "Limit" ? undefined : limit.kind === "UseGroup" ? "Group" : limit.kind === "MandatoryZero" ? "None" : limit.kind,
      limitMinor: limit.kind === "Limit" ? limit.limitMinor : undefined,
      exposureMinor: exposure.ok ? exposure.value.totalMinor : undefined,
      openItems: open.length,
    };
  });
  return ok({ rows, periodLabels: snapshot.labels, transactions });
}

/**
 * The pools a collector can pick: the Pools table when the workbook has one, else one pool per
 * value of the Customers `Pool` column (a pool that names its customers one by one).
 */
export function poolsOf(customers: readonly Customer[], table: readonly Pool[]): Pool[] {
  if (table.length > 0) return [...table];
  const byName = new Map<string, { customers: string[] }>();
  for (const c of customers) {
    if (c.pool === undefined || c.pool === "") continue;
    const p = byName.get(c.pool) ?? { customers: [] };
    p.customers.push(c.customer);
    byName.set(c.pool, p);
  }
  return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([pool, p]) => ({ pool, customers: p.customers }));
}

function poolCustomer(r: CustomerRow): PoolCustomer {
  return { customer: r.customer, customerGroup: r.customerGroup, currency: r.currency, ...(r.balanceMinor !== undefined ? { balanceMinor: r.balanceMinor } : {}), agent: r.agent };
}

/** The rows in a pool ("" = every pool) and of an agent ("" = every agent), through the engine's criteria. */
export function rowsFor(rows: readonly CustomerRow[], pools: readonly Pool[], pool: string, agent: string): CustomerRow[] {
  let out = [...rows];
  const chosen = pools.find((p) => p.pool === pool);
  if (pool !== "" && chosen !== undefined) out = out.filter((r) => inPool(poolCustomer(r), chosen));
  if (agent !== "") {
    const mine = new Set(customersForAgent(agent, pools, out.map(poolCustomer)).map((c) => c.customer));
    out = out.filter((r) => mine.has(r.customer));
  }
  return out;
}

/** Agents named in the Customers table or as pool owners, sorted. */
export function agentsOf(rows: readonly CustomerRow[], pools: readonly Pool[]): string[] {
  const names = new Set<string>();
  for (const r of rows) if (r.agent !== "") names.add(r.agent);
  for (const p of pools) if (p.agent !== undefined && p.agent !== "") names.add(p.agent);
  return [...names].sort((a, b) => a.localeCompare(b));
}
