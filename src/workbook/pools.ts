/**
 * The Pools table: saved customer filters (docs/domain.md §3.5 and §6.3), one row per pool:
 * `Pool | Agent | CustomerGroups | Currencies | MinBalance | MaxBalance | Customers`. Lists are
 * separated by commas, semicolons or line breaks; a blank criterion does not filter.
 */
import type { Pool } from "../domain/collections";
import { type Result } from "../domain/errors";
import { readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";
import { dropUndefined } from "./transactions";
import { splitList } from "./writeoff";

const POOL_COLUMNS: readonly ColumnSpec[] = [
  { key: "pool", header: "Pool", aliases: ["PoolId", "CollectionsPool", "Name"], required: true },
  { key: "agent", header: "Agent", aliases: ["Collector", "Owner"] },
  { key: "customerGroups", header: "CustomerGroups", aliases: ["CustomerGroup", "Groups"] },
  { key: "currencies", header: "Currencies", aliases: ["Currency"] },
  { key: "minBalance", header: "MinBalance", aliases: ["BalanceFrom", "FromBalance"] },
  { key: "maxBalance", header: "MaxBalance", aliases: ["BalanceTo", "ToBalance"] },
  { key: "customers", header: "Customers", aliases: ["Accounts"] },
];

/**
 * Balances are read in the currency given by `exponent` (the ledger's). A pool named twice, or a
 * MinBalance above MaxBalance, is an error.
 * @example readPools([["Pool", "Agent", "MinBalance"], ["Big", "ana", 10000]]).value[0] // { pool: "Big", agent: "ana", minBalanceMinor: 1000000 }
 */
export function readPools(range: unknown, options: ReadOptions & { name?: string; exponent?: number } = {}): Result<Pool[]> {
  const matched = matchTable(range, POOL_COLUMNS, options.name ?? "pools");
  if (!matched.ok) return matched;
  const seen = new Map<string, number>();
  const exp = options.exponent ?? 2;
  return readEachRow<Pool>(matched.value, options, (r, out) => {
    const pool = r.text("pool", true);
    if (pool !== undefined) {
      const first = seen.get(pool.toUpperCase());
      if (first !== undefined) r.error("pool", "pool_must_appear_once", { pool, first });
      else seen.set(pool.toUpperCase(), r.rowNumber);
    }
    const list = (k: "currencies" | "customerGroups" | "customers"): string[] | undefined => {
      const t = r.text(k);
      return t === undefined ? undefined : splitList(t);
    };
    const minBalanceMinor = r.money("minBalance", exp);
    const maxBalanceMinor = r.money("maxBalance", exp);
    if (minBalanceMinor !== undefined && maxBalanceMinor !== undefined && minBalanceMinor > maxBalanceMinor) {
      r.error("maxBalance", "max_balance_must_not_be_below_min", {});
    }
    const currencies = list("currencies")?.map((c) => c.toUpperCase());
    const rec = { pool, agent: r.text("agent"), customerGroups: list("customerGroups"), currencies, minBalanceMinor, maxBalanceMinor, customers: list("customers") };
    if (pool !== undefined) out.push(dropUndefined(rec) as unknown as Pool);
  });
}
