/**
 * Worklist I/O: CC.WORKLIST's Name/Value options and the table it spills,
 * `Rank | Customer | Name | Pool | Agent | Balance | Overdue | OldestDueDate | Status | NextAction`.
 */
import type { WorklistOptions, WorklistRow } from "../domain/collections";
import { type Result } from "../domain/errors";
import { currencyExponent, minorToNumber } from "../domain/money";
import { readOptions } from "./options";

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
