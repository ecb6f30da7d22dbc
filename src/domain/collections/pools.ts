/**
 * Pools and agents (docs/domain.md §3.5 and §6.3): a pool is a saved customer filter; an agent owns pools
 * and sees only the customers of their pools.
 */

export interface PoolCustomer {
  readonly customer: string;
  readonly customerGroup?: string;
  readonly currency?: string;
  /** Open balance in minor units of `currency`. */
  readonly balanceMinor?: number;
  readonly agent?: string;
}

export interface Pool {
  readonly pool: string;
  /** The agent who owns the pool. */
  readonly agent?: string;
  readonly customerGroups?: readonly string[];
  readonly currencies?: readonly string[];
  readonly minBalanceMinor?: number;
  readonly maxBalanceMinor?: number;
  /** Customers named one by one. */
  readonly customers?: readonly string[];
}

/**
 * Does a customer fall in a pool? Every criterion the pool sets must hold; an empty pool takes all.
 * @example inPool({ customer: "2050", customerGroup: "Retail" }, { pool: "P", customerGroups: ["Retail"] }) // true
 */
export function inPool(c: PoolCustomer, pool: Pool): boolean {
  const listed = (values: readonly string[] | undefined, v: string | undefined): boolean =>
    values === undefined || values.length === 0 || (v !== undefined && values.some((x) => x.toUpperCase() === v.toUpperCase()));
  if (!listed(pool.customers, c.customer)) return false;
  if (!listed(pool.customerGroups, c.customerGroup)) return false;
  if (!listed(pool.currencies, c.currency)) return false;
  const balance = c.balanceMinor ?? 0;
  if (pool.minBalanceMinor !== undefined && balance < pool.minBalanceMinor) return false;
  if (pool.maxBalanceMinor !== undefined && balance > pool.maxBalanceMinor) return false;
  return true;
}

/**
 * The customers an agent works on: those in any of the agent's pools, plus those assigned to the
 * agent directly. Linear in customers × the agent's pools.
 * @example customersForAgent("ana", [{ pool: "P", agent: "ana", currencies: ["USD"] }], [{ customer: "1", currency: "USD" }, { customer: "2", currency: "EUR" }, { customer: "3", currency: "EUR", agent: "Ana" }]) // [{ customer: "1", currency: "USD" }, { customer: "3", currency: "EUR", agent: "Ana" }] (1 by the pool, 3 assigned directly)
 */
export function customersForAgent<C extends PoolCustomer>(agent: string, pools: readonly Pool[], customers: readonly C[]): C[] {
  const mine = pools.filter((p) => p.agent !== undefined && p.agent.toUpperCase() === agent.toUpperCase());
  return customers.filter((c) => (c.agent !== undefined && c.agent.toUpperCase() === agent.toUpperCase()) || mine.some((p) => inPool(c, p)));
}
