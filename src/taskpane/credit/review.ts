/**
 * Credit review: run the credit check over the Orders table, list the held orders with their
 * reasons (taking earlier actions from the `Credit hold log`), and act on them; every action is
 * appended to the log. Business rules stay in src/domain/credit; this file wires tables to them.
 */
import { checkOrders, type OrderCheck } from "../../domain/credit/batch";
import { forceHold } from "../../domain/credit/holds/force-hold";
import { rejectHold } from "../../domain/credit/holds/reject";
import { releaseHold } from "../../domain/credit/holds/release";
import { HOLD_LOG_HEADER, type HoldActionResult, type HoldLogEntry, type HoldRecord } from "../../domain/credit/holds/types";
import type { Customer } from "../../domain/credit/types";
import type { DateSystem } from "../../domain/dates";
import { ok, type Result } from "../../domain/errors";
import { exponentOf, minorToNumber } from "../../domain/money";
import { normalizeHeader } from "../../workbook/table";
import { readLatestHoldActions } from "../../workbook/credit-holds";
import { type CreditTable, readCreditInputs } from "../../workbook/credit-review";
import { holdList } from "../../domain/credit/holds/hold-list";
import type { Gateway } from "../office/gateway";
import type { CellValue } from "../office/excel-subset";
import type { ColumnKind, OutputTable } from "../office/formats";
import type { PostResult } from "../office/post-journal";
import type { TaskControl } from "../office/task";

/** The tables of the review: key, table name, required. */
const REVIEW_TABLES: readonly (readonly [CreditTable, string, boolean])[] = [
  ["customers", "Customers", true],
  ["transactions", "Transactions", true],
  ["orders", "Orders", true],
  ["rules", "Rules", false],
  ["groups", "CreditGroups", false],
  ["temporaryLimits", "TemporaryLimits", false],
  ["rates", "ExchangeRates", false],
];

export const HOLD_LOG_TARGET = { sheet: "Credit hold log", table: "CreditHoldLog" } as const;

export interface ReviewInput {
  readonly asOfSerial: number;
  /** Default: the first customer's currency. */
  readonly accountingCurrency?: string;
}

export interface Review {
  readonly checks: readonly OrderCheck[];
  /** Orders on the hold list (held now, or forced), latest log state applied. */
  readonly holds: readonly HoldRecord[];
  /** Orders that passed and can be force-held. */
  readonly passed: readonly HoldRecord[];
}

/** The values of a table when the workbook has it (by table or sheet name), else undefined. */
async function tableValues(gateway: Gateway, names: readonly string[] | undefined, table: string, control?: TaskControl): Promise<Result<{ values: unknown; name: string; dateSystem?: DateSystem } | undefined>> {
  if (names !== undefined && !names.some((n) => n.toLowerCase() === table.toLowerCase())) return ok(undefined);
  const r = await gateway.readTable(table, undefined, control);
  if (!r.ok) return r;
  return ok({ values: r.value.values, name: r.value.location.name, ...(r.value.dateSystem !== undefined ? { dateSystem: r.value.dateSystem } : {}) });
}

/**
 * Check every open order and list the holds. `customers`, when given, replaces the Customers
 * table's records (the Credit limits screen checks the orders with the proposed limits).
 */
export async function runReview(gateway: Gateway, input: ReviewInput, control?: TaskControl, customers?: readonly Customer[]): Promise<Result<Review>> {
  const all = await gateway.listTables();
  const names = [...all.tables, ...all.sheets];
  // The same reading as CC.CREDITCHECK and `cc creditcheck` (src/workbook/credit-review.ts).
  const read: Partial<Record<CreditTable, { values: unknown; name: string; dateSystem?: DateSystem }>> = {};
  for (const [key, table, isRequired] of REVIEW_TABLES) {
    const r = await tableValues(gateway, isRequired ? undefined : names, table, control);
    if (!r.ok) return r;
    if (r.value !== undefined) read[key] = r.value;
  }
  // Every table of one workbook shares its date system (1900 or 1904).
  const dateSystem = read.customers?.dateSystem;
  const inputs = readCreditInputs(
    {
      customers: customers !== undefined ? { records: customers } : read.customers?.values,
      transactions: read.transactions?.values,
      orders: read.orders?.values ?? null,
      rules: read.rules?.values,
      groups: read.groups?.values,
      temporaryLimits: read.temporaryLimits?.values,
      rates: read.rates?.values,
      names: Object.fromEntries(Object.entries(read).map(([k, v]) => [k, v.name])),
    },
    { asOfSerial: input.asOfSerial, ...(input.accountingCurrency !== undefined ? { accountingCurrency: input.accountingCurrency } : {}), ...(dateSystem !== undefined ? { dateSystem } : {}) },
  );
  if (!inputs.ok) return inputs;
  const batch = checkOrders(inputs.value.book, inputs.value.rules);
  if (!batch.ok) return batch;
  const logRead = names.some((n) => n.toLowerCase() === HOLD_LOG_TARGET.table.toLowerCase()) ? await gateway.readTable(HOLD_LOG_TARGET.table, undefined, control) : undefined;
  if (logRead !== undefined && !logRead.ok) return logRead;
  const latest = readLatestHoldActions(logRead?.value.values ?? [], { name: HOLD_LOG_TARGET.sheet, ...(dateSystem !== undefined ? { dateSystem } : {}) });
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

/** An order's amount at the time of an action, logged so that a later increase is checked again. */
export interface LoggedAmount {
  readonly amountMinor: number;
  readonly currency: string;
}

/**
 * The log rows: `Order | Customer | Action | Reason | Status | Date | Reasons`, and `Amount` (the
 * order's amount when logged) when `amounts` is given; a log made before that column keeps its seven.
 */
export function logOutput(entries: readonly HoldLogEntry[], amounts?: ReadonlyMap<string, LoggedAmount>): OutputTable {
  const header = amounts === undefined ? [...HOLD_LOG_HEADER] : [...HOLD_LOG_HEADER, "Amount"];
  const kind = (h: string): ColumnKind => (h === "Date" ? "date" : h === "Amount" ? "money" : "text");
  return {
    columns: header.map((h) => ({ header: h, kind: kind(h) })),
    rows: entries.map((e) => {
      const row: CellValue[] = [e.order, e.customer, e.action, e.reason, e.status, e.dateSerial, e.reasons];
      if (amounts === undefined) return row;
      const a = amounts.get(e.order);
      return [...row, a === undefined ? "" : minorToNumber(a.amountMinor, exponentOf(a.currency))];
    }),
    exponents: entries.map((e) => exponentOf(amounts?.get(e.order)?.currency ?? "")),
  };
}

/**
 * Append log entries to the `Credit hold log` table (made on its own sheet the first time, with
 * the Amount column; an older log without it is appended to as it is).
 */
export async function appendLog(gateway: Gateway, entries: readonly HoldLogEntry[], control?: TaskControl, amounts: ReadonlyMap<string, LoggedAmount> = new Map()): Promise<Result<PostResult>> {
  const all = await gateway.listTables();
  let withAmount = true;
  if (all.tables.some((n) => n.toLowerCase() === HOLD_LOG_TARGET.table.toLowerCase())) {
    const log = await gateway.readTable(HOLD_LOG_TARGET.table, undefined, control);
    if (!log.ok) return log;
    withAmount = (log.value.values[0] ?? []).some((h) => normalizeHeader(String(h)) === "amount");
  }
  return gateway.postJournal({ target: HOLD_LOG_TARGET, journalId: "", lines: logOutput(entries, withAmount ? amounts : undefined) }, undefined, control);
}
