/**
 * The optional Pools table (docs/domain.md §3.5 and §6.3: saved customer filters owned by agents):
 * Pool | Agent | CustomerGroups | Currencies | MinBalance | MaxBalance | Customers, lists separated
 * by commas or semicolons. Without it the Customers `Pool` column defines the pools.
 */
import type { Pool } from "../../domain/collections";
import { ok, type Result } from "../../domain/errors";
import { RowReader } from "../../workbook/cells";
import { type ColumnSpec, matchTable, trimBlankRows } from "../../workbook/table";
import { splitList } from "../../workbook/writeoff";

const POOL_COLUMNS: readonly ColumnSpec[] = [
  { key: "pool", header: "Pool", aliases: ["Name", "PoolId"], required: true },
  { key: "agent", header: "Agent", aliases: ["Collector", "Owner"] },
  { key: "customerGroups", header: "CustomerGroups", aliases: ["CustomerGroup", "Groups"] },
  { key: "currencies", header: "Currencies", aliases: ["Currency"] },
  { key: "minBalance", header: "MinBalance", aliases: ["MinimumBalance"] },
  { key: "maxBalance", header: "MaxBalance", aliases: ["MaximumBalance"] },
  { key: "customers", header: "Customers", aliases: ["Accounts"] },
];

/**
 * @example readPools([["Pool", "Agent", "CustomerGroups"], ["Retail", "Ana", "Retail; Web"]])
 * // ok([{ pool: "Retail", agent: "Ana", customerGroups: ["Retail", "Web"] }])
 */
export function readPools(values: unknown): Result<Pool[]> {
  if (!Array.isArray(values) || values.length === 0) return ok([]);
  const m = matchTable(values, POOL_COLUMNS, "Pools");
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  const r = new RowReader(table);
  const out: Pool[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const pool = r.text("pool", true);
    if (pool === undefined) continue;
    const list = (key: string): readonly string[] | undefined => {
      const v = r.text(key);
      return v === undefined || v === "" ? undefined : splitList(v);
    };
    const agent = r.text("agent");
    const customerGroups = list("customerGroups");
    const currencies = list("currencies");
    const customers = list("customers");
    const min = r.money("minBalance", 2);
    const max = r.money("maxBalance", 2);
    out.push({
      pool,
      ...(agent !== undefined && agent !== "" ? { agent } : {}),
      ...(customerGroups !== undefined ? { customerGroups } : {}),
      ...(currencies !== undefined ? { currencies } : {}),
      ...(customers !== undefined ? { customers } : {}),
      ...(min !== undefined ? { minBalanceMinor: min } : {}),
      ...(max !== undefined ? { maxBalanceMinor: max } : {}),
    });
  }
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : ok(out);
}
