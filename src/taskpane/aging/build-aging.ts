/**
 * The Aging workbook action: read the Transactions (and, to filter by group or agent, Customers)
 * tables through the gateway, age them with the engine, and write the aging sheet.
 */
import { AGING_BASES, type AgingBasis } from "../../domain/aging/periods";
import type { AgingOptions, AgingPool } from "../../domain/aging/snapshot";
import { ccError, fail, ok, type Result } from "../../domain/errors";
import { ageRange } from "../../workbook/aging-input";
import { readPeriods } from "../../workbook/periods";
import type { AgingSheetResult } from "../office/aging-sheet";
import { forecastFromLedger } from "../../workbook/forecast-output";
import type { Gateway } from "../office/gateway";
import type { TaskControl } from "../office/task";
import { readCustomerInfo } from "./customer-info";

export interface AgingForm {
  readonly transactions: string;
  readonly customers: string;
  readonly asOfSerial: number | undefined;
  readonly basis: AgingBasis;
  /** Upper bounds in days, e.g. "30, 60, 90, 120"; blank = the default definition. */
  readonly bounds: string;
  readonly customerGroup: string;
  readonly agent: string;
  readonly includeZeroBalance: boolean;
  /** Add each open invoice's predicted pay date and the cash-in forecast by week (needs a ClosedDate history). */
  readonly forecast?: boolean;
}

export interface AgingBuilt extends AgingSheetResult {
  /** Why no forecast was written although one was asked for (too little history). */
  readonly forecastSkipped?: string;
}

export const BASIS_LABELS: Record<AgingBasis, string> = { due: "Due date", transaction: "Transaction date", document: "Document date" };
export { AGING_BASES };

/** Parse "30, 60, 90" into bounds; errors name the field. */
export function parseBounds(text: string): Result<number[] | undefined> {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== "");
  if (parts.length === 0) return ok(undefined);
  // Digits only: Number() would also take "1e2", "0x1E" and "30.0" as whole days.
  const nums = parts.map((p) => (/^\d{1,6}$/.test(p) ? Number(p) : Number.NaN));
  const bad = parts.find((p, i) => !Number.isInteger(nums[i]) || (nums[i] ?? 0) <= 0);
  if (bad !== undefined) return fail(ccError("period_bounds_must_be_whole_days", { value: bad }, { column: "Periods" }));
  return ok(nums);
}

export async function buildAgingSheet(gateway: Gateway, form: AgingForm, control?: TaskControl): Promise<Result<AgingBuilt>> {
  if (form.asOfSerial === undefined) return fail(ccError("asof_must_be_a_date", { case: "form" }, { column: "As-of date" }));
  const bounds = parseBounds(form.bounds);
  if (!bounds.ok) return bounds;
  const definition = readPeriods(bounds.value === undefined ? null : [bounds.value], form.basis);
  if (!definition.ok) return definition;
  const pool: { -readonly [K in keyof AgingPool]: AgingPool[K] } = { name: "Task pane" };
  if (form.customerGroup.trim() !== "") pool.customerGroups = [form.customerGroup.trim()];
  if (form.agent.trim() !== "") pool.agents = [form.agent.trim()];
  const filtered = pool.customerGroups !== undefined || pool.agents !== undefined;
  let options: AgingOptions = { asOfSerial: form.asOfSerial, definition: definition.value, basis: form.basis, includeZeroBalance: form.includeZeroBalance, ...(filtered ? { pool } : {}) };
  if (filtered || form.includeZeroBalance) {
    const customers = await gateway.readTable(form.customers, undefined, control);
    if (!customers.ok) return customers;
    const info = readCustomerInfo(customers.value.values);
    if (!info.ok) return info;
    options = { ...options, customers: info.value };
  }
  const tx = await gateway.readTable(form.transactions, undefined, control);
  if (!tx.ok) return tx;
  const snapshot = ageRange(tx.value.values, options, { name: tx.value.location.name, ...(tx.value.dateSystem !== undefined ? { dateSystem: tx.value.dateSystem } : {}) });
  if (!snapshot.ok) return snapshot;
  if (snapshot.value.rows.length === 0) return fail(ccError("snapshot_must_have_customers", {}, { table: tx.value.location.name }));
  if (form.forecast !== true) return ok(await gateway.writeAgingSheet(snapshot.value, control));
  const readOptions = { name: tx.value.location.name, ...(tx.value.dateSystem !== undefined ? { dateSystem: tx.value.dateSystem } : {}) };
  const forecast = forecastFromLedger(tx.value.values, form.asOfSerial, readOptions);
  if (!forecast.ok) return forecast;
  if ("skipped" in forecast.value) return ok({ ...(await gateway.writeAgingSheet(snapshot.value, control)), forecastSkipped: forecast.value.skipped });
  return ok(await gateway.writeAgingSheet(snapshot.value, control, forecast.value));
}
