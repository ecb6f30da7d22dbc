/**
 * The ledger as the task pane holds it: the Transactions table's raw rows (to detect changes before
 * posting), its records, and where it sits in the workbook.
 */
import type { DateSystem } from "../../domain/dates";
import { ccError, fail, ok, type Result } from "../../domain/errors";
import type { Transaction } from "../../domain/types";
import { normalizeHeader } from "../../workbook/table";
import { readTransactions, TRANSACTION_COLUMNS } from "../../workbook/transactions";
import type { CellValue } from "../office/excel-subset";
import type { TableLocation } from "../office/find-table";
import type { Gateway } from "../office/gateway";
import type { RowSnapshot } from "../office/rows";
import type { TaskControl } from "../office/task";

export interface Ledger {
  readonly location: TableLocation;
  readonly values: readonly (readonly CellValue[])[];
  readonly transactions: readonly Transaction[];
  /** The header of the open-amount column as the sheet spells it. */
  readonly amountHeader: string;
  /** customer -> voucher -> transaction, built once. */
  readonly byVoucher: ReadonlyMap<string, ReadonlyMap<string, Transaction>>;
  /** The workbook's date system; `transactions` hold 1900-system serials whatever it is. */
  readonly dateSystem?: DateSystem;
}

export async function loadLedger(gateway: Gateway, table: string, control?: TaskControl): Promise<Result<Ledger>> {
  const read = await gateway.readTable(table, TRANSACTION_COLUMNS.map((c) => (c.key === "customer" || c.key === "amount" ? { ...c, required: true } : c)), control);
  if (!read.ok) return read;
  const dateSystem = read.value.dateSystem ?? "1900";
  const tx = readTransactions(read.value.values, { name: read.value.location.name, require: ["voucher"], dateSystem });
  if (!tx.ok) return tx;
  const header = (read.value.values[0] ?? []).map((h) => normalizeHeader(String(h)));
  const amountSpec = TRANSACTION_COLUMNS.find((c) => c.key === "amount");
  const names = new Set([amountSpec?.header ?? "Amount", ...(amountSpec?.aliases ?? [])].map(normalizeHeader));
  const amountAt = header.findIndex((h) => names.has(h));
  if (amountAt < 0) return fail(ccError("amount_column_must_exist", {}, { table: read.value.location.name }));
  const byVoucher = new Map<string, Map<string, Transaction>>();
  for (const t of tx.value) {
    const m = byVoucher.get(t.customer) ?? new Map<string, Transaction>();
    m.set(t.voucher, t);
    byVoucher.set(t.customer, m);
  }
  return ok({ location: read.value.location, values: read.value.values, transactions: tx.value, amountHeader: String(read.value.values[0]?.[amountAt] ?? "Amount"), byVoucher, dateSystem });
}

/** The ledger's own header for a Transactions field (`Cust` for customer, …), when it has that column. */
export function headerOf(ledger: Ledger, key: string): string | undefined {
  const spec = TRANSACTION_COLUMNS.find((c) => c.key === key);
  if (spec === undefined) return undefined;
  const names = new Set([spec.header, ...(spec.aliases ?? [])].map(normalizeHeader));
  const found = (ledger.values[0] ?? []).find((h) => names.has(normalizeHeader(String(h))));
  return found === undefined ? undefined : String(found);
}

/** Customers with at least one open item, sorted. */
export function openCustomers(ledger: Ledger): string[] {
  const out = new Set<string>();
  for (const t of ledger.transactions) if (t.amountMinor !== 0) out.add(t.customer);
  return [...out].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

/** A customer's open credit items (payments, credit notes) and debit items. */
export function openItems(ledger: Ledger, customer: string): { credits: Transaction[]; debits: Transaction[] } {
  const items = [...(ledger.byVoucher.get(customer)?.values() ?? [])];
  return { credits: items.filter((t) => t.amountMinor < 0), debits: items.filter((t) => t.amountMinor > 0) };
}

/** The raw row of a record, as read: what must be unchanged when posting. */
export function snapshotOf(ledger: Ledger, t: Transaction): RowSnapshot {
  return { rowNumber: t.row, values: ledger.values[t.row - 1] ?? [] };
}
