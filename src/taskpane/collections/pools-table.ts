/**
 * The optional Pools table (docs/domain.md §3.5 and §6.3: saved customer filters owned by agents):
 * Pool | Agent | CustomerGroups | Currencies | MinBalance | MaxBalance | Customers, lists separated
 * by commas or semicolons. Without it the Customers `Pool` column defines the pools.
 */
import type { Pool } from "../../domain/collections";
import { ok, type Result } from "../../domain/errors";
import { readPools as readPoolsTable } from "../../workbook/pools";

/**
 * The workbook's one Pools reader (also `cc worklist`'s); a workbook without the table has no pools.
 * @example readPools([["Pool", "Agent", "CustomerGroups"], ["Retail", "Ana", "Retail; Web"]])
 * // ok([{ pool: "Retail", agent: "Ana", customerGroups: ["Retail", "Web"] }])
 */
export function readPools(values: unknown): Result<Pool[]> {
  if (!Array.isArray(values) || values.length === 0) return ok([]);
  return readPoolsTable(values, { name: "Pools" });
}
