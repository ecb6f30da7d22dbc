/**
 * Worklist I/O: CC.WORKLIST's Name/Value options and the table it spills,
 * `Rank | Customer | Name | Pool | Agent | Balance | Overdue | OldestDueDate | Status | NextAction`.
 */
import type { WorklistOptions, WorklistRow } from "../domain/collections";
import { type Result } from "../domain/errors";
import { currencyExponent, minorToNumber } from "../domain/money";
import type { LedgerInvoice } from "../domain/prediction/types";
import { readOptions } from "./options";
import { PREDICTION_COLUMNS, readPredictionLedger } from "./prediction-input";
import { isRange, normalizeHeader } from "./table";

export const WORKLIST_HEADER = ["Rank", "Customer", "Name", "Pool", "Agent", "Balance", "Overdue", "OldestDueDate", "Status", "NextAction"] as const;

/**
 * DisputesLast (default TRUE), IncludeZeroBalance (default FALSE), Pool and Agent (filters).
 * @example readWorklistOptions([["Agent", "ana"], ["DisputesLast", false]]) // ok({ agent: "ana", disputesLast: false })
 */
export function readWorklistOptions(range: unknown): Result<Pick<WorklistOptions, "pool" | "agent" | "disputesLast" | "includeZeroBalance">> {
  const read = readOptions(range, { DisputesLast: { kind: "bool" }, IncludeZeroBalance: { kind: "bool" }, Pool: { kind: "text" }, Agent: { kind: "text" } });
  if (!read.ok) return read;
  const v = read.value;
  const text = (k: string): string | undefined => (typeof v[k] === "string" && v[k] !== "" ? (v[k] as string) : undefined);
  const pool = text("Pool");
  const agent = text("Agent");
  return {
    ok: true,
    value: {
      ...(pool !== undefined ? { pool } : {}),
      ...(agent !== undefined ? { agent } : {}),
      ...(typeof v["DisputesLast"] === "boolean" ? { disputesLast: v["DisputesLast"] } : {}),
      ...(typeof v["IncludeZeroBalance"] === "boolean" ? { includeZeroBalance: v["IncludeZeroBalance"] } : {}),
    },
  };
}

/**
 * The settlement history in a worklist's ledger: its invoices with their ClosedDate when the range
 * has a ClosedDate column (or an alias such as SettledDate, PaidDate), else undefined (the
 * worklist then ranks by the age-weighted overdue amount).
 * @example readWorklistHistory([["Customer", "Amount", "DueDate"], ["C1", 100, 45000]]) // ok(undefined)
 */
export function readWorklistHistory(range: unknown): Result<LedgerInvoice[] | undefined> {
  const closed = PREDICTION_COLUMNS.find((c) => c.key === "closed");
  const names = new Set([closed?.header ?? "ClosedDate", ...(closed?.aliases ?? [])].map(normalizeHeader));
  const header = isRange(range) ? (range[0] ?? []) : [];
  if (!header.some((h) => typeof h === "string" && names.has(normalizeHeader(h)))) return { ok: true, value: undefined };
  return readPredictionLedger(range);
}

/**
 * The header and one row per customer, amounts in major units, OldestDueDate a serial ("" when none).
 * @example worklistTable(rows)[1] // [1, "C2", "Beta", "P1", "ana", 300, 300, 45378, "None", "Call about overdue items"]
 */
export function worklistTable(rows: readonly WorklistRow[]): (string | number)[][] {
  return [
    [...WORKLIST_HEADER],
    ...rows.map((r) => {
      const exp = currencyExponent(r.currency) ?? 2;
      return [r.rank, r.customer, r.name, r.pool, r.agent, minorToNumber(r.balanceMinor, exp), minorToNumber(r.overdueMinor, exp), r.oldestDueSerial ?? "", r.status, r.nextAction];
    }),
  ];
}
