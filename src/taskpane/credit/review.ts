/**
 * Credit review: run the credit check over the Orders table, list the held orders with their
 * reasons (taking earlier actions from the `Credit hold log`), and act on them; every action is
 * appended to the log. Business rules stay in src/domain/credit; this file wires tables to them.
 */
import { checkOrders, type OrderCheck } from "../../domain/credit/batch";
import { creditBook } from "../../domain/credit/book";
import { forceHold } from "../../domain/credit/holds/force-hold";
import { rejectHold } from "../../domain/credit/holds/reject";
import { releaseHold } from "../../domain/credit/holds/release";
import { HOLD_LOG_HEADER, type HoldActionResult, type HoldLogEntry, type HoldRecord } from "../../domain/credit/holds/types";
import type { BlockingRule, CreditGroup, TemporaryLimit } from "../../domain/credit/types";
import { ok, type Result } from "../../domain/errors";
import type { ExchangeRate } from "../../domain/types";
import { readCreditGroups, readTemporaryLimits } from "../../workbook/credit-groups";
import { readRules } from "../../workbook/credit-rules";
import { readCustomers } from "../../workbook/customers";
import { readLatestHoldActions } from "../../workbook/credit-holds";
import { holdList } from "../../domain/credit/holds/hold-list";
import { readOrders } from "../../workbook/orders";
import { readExchangeRates, readTransactions } from "../../workbook/transactions";
import type { Gateway } from "../office/gateway";
import type { OutputTable } from "../office/formats";
import type { PostResult } from "../office/post-journal";
import type { TaskControl } from "../office/task";

export const HOLD_LOG_TARGET = { sheet: "Credit hold log", table: "CreditHoldLog" } as const;

export interface ReviewInput {
  readonly asOfSerial: number;
  readonly accountingCurrency: string;
}

export interface Review {
  readonly checks: readonly OrderCheck[];
  /** Orders on the hold list (held now, or forced), latest log state applied. */
  readonly holds: readonly HoldRecord[];
  /** Orders that passed and can be force-held. */
  readonly passed: readonly HoldRecord[];
}

async function optional<T>(gateway: Gateway, names: readonly string[], table: string, read: (values: unknown, name: string) => Result<T[]>, control?: TaskControl): Promise<Result<T[]>> {
  if (!names.some((n) => n.toLowerCase() === table.toLowerCase())) return ok([]);
  const r = await gateway.readTable(table, undefined, control);
  if (!r.ok) return r;
  return read(r.value.values, r.value.location.name);
}

async function required<T>(gateway: Gateway, table: string, read: (values: unknown, name: string) => Result<T[]>, control?: TaskControl): Promise<Result<T[]>> {
  const r = await gateway.readTable(table, undefined, control);
  if (!r.ok) return r;
  return read(r.value.values, r.value.location.name);
}

export async function runReview(gateway: Gateway, input: ReviewInput, control?: TaskControl): Promise<Result<Review>> {
  const all = await gateway.listTables();
  const names = [...all.tables, ...all.sheets];
  const customers = await required(gateway, "Customers", (v, name) => readCustomers(v, { name }), control);
  if (!customers.ok) return customers;
  const transactions = await required(gateway, "Transactions", (v, name) => readTransactions(v, { name }), control);
  if (!transactions.ok) return transactions;
  const orders = await required(gateway, "Orders", (v, name) => readOrders(v, { name }), control);
  if (!orders.ok) return orders;
  const rules = await optional<BlockingRule>(gateway, names, "Rules", (v, name) => readRules(v, { name }), control);
  if (!rules.ok) return rules;
  const groups = await optional<CreditGroup>(gateway, names, "CreditGroups", (v, name) => readCreditGroups(v, { name }), control);
  if (!groups.ok) return groups;
  const temporary = await optional<TemporaryLimit>(gateway, names, "TemporaryLimits", (v, name) => readTemporaryLimits(v, { name }), control);
  if (!temporary.ok) return temporary;
  const rates = await optional<ExchangeRate>(gateway, names, "ExchangeRates", (v, name) => readExchangeRates(v, { name }), control);
  if (!rates.ok) return rates;
  const book = creditBook({
    customers: customers.value, transactions: transactions.value, orders: orders.value, groups: groups.value, temporaryLimits: temporary.value,
    rates: rates.value, accountingCurrency: input.accountingCurrency, asOfSerial: input.asOfSerial,
  });
  if (!book.ok) return book;
  const batch = checkOrders(book.value, rules.value);
  if (!batch.ok) return batch;
  const logRead = names.some((n) => n.toLowerCase() === HOLD_LOG_TARGET.table.toLowerCase()) ? await gateway.readTable(HOLD_LOG_TARGET.table, undefined, control) : undefined;
  if (logRead !== undefined && !logRead.ok) return logRead;
  const latest = readLatestHoldActions(logRead?.value.values ?? [], { name: HOLD_LOG_TARGET.sheet });
  if (!latest.ok) return latest;
  const list = holdList(batch.value.checked, latest.value, input.asOfSerial);
  if (!list.ok) return list;
  return ok({ checks: batch.value.checked, holds: list.value.holds, passed: list.value.passed });
}

export type HoldCommand = "Release" | "ReleaseWithPosting" | "Reject" | "ForceHold";

/** Apply one action with the domain rules; the log entry is the result. */
export function act(hold: HoldRecord, command: HoldCommand, reason: string, dateSerial: number): Result<HoldActionResult> {
  switch (command) {
    case "Release":
      return releaseHold(hold, { reason, withPosting: false, dateSerial });
    case "ReleaseWithPosting":
      return releaseHold(hold, { reason, withPosting: true, dateSerial });
    case "Reject":
      return rejectHold(hold, { reason, dateSerial });
    case "ForceHold":
      return forceHold(hold, { reason, dateSerial });
  }
}

export function logOutput(entries: readonly HoldLogEntry[]): OutputTable {
  return {
    columns: HOLD_LOG_HEADER.map((h) => ({ header: h, kind: h === "Date" ? ("date" as const) : ("text" as const) })),
    rows: entries.map((e) => [e.order, e.customer, e.action, e.reason, e.status, e.dateSerial, e.reasons]),
  };
}

/** Append log entries to the `Credit hold log` table (made on its own sheet the first time). */
export function appendLog(gateway: Gateway, entries: readonly HoldLogEntry[], control?: TaskControl): Promise<Result<PostResult>> {
  return gateway.postJournal({ target: HOLD_LOG_TARGET, journalId: "", lines: logOutput(entries) }, undefined, control);
}
