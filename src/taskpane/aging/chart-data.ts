/**
 * The data behind the aging chart: balances by period (the categories), stacked by the largest
 * customers of the snapshot's main currency (the series), the rest summed as "Other customers".
 * Amounts are major units for the chart; customers of other currencies are not mixed in.
 */
import type { AgingSnapshot } from "../../domain/aging/snapshot";
import { exponentOf, minorToNumber } from "../../domain/money";

export interface ChartData {
  readonly currency: string;
  /** Header row `Period | customer… | Other customers`, then one row per period. */
  readonly rows: (string | number)[][];
}

/**
 * @example chartData(snapshot, 2) // { currency: "USD", rows: [["Period","2050","3000"],["Not due",350,0],…] }
 */
export function chartData(snapshot: AgingSnapshot, top = 6): ChartData | undefined {
  const counts = new Map<string, number>();
  for (const r of snapshot.rows) counts.set(r.currency, (counts.get(r.currency) ?? 0) + Math.abs(r.balanceMinor));
  const currency = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (currency === undefined) return undefined;
  const e = exponentOf(currency);
  const rows = snapshot.rows.filter((r) => r.currency === currency).sort((a, b) => b.balanceMinor - a.balanceMinor || a.customer.localeCompare(b.customer));
  const shown = rows.slice(0, top);
  const rest = rows.slice(top);
  const header: (string | number)[] = ["Period", ...shown.map((r) => r.customer), ...(rest.length > 0 ? ["Other customers"] : [])];
  const body = snapshot.labels.map((label, p) => {
    const other = rest.reduce((a, r) => a + (r.periodsMinor[p] ?? 0), 0);
    return [label, ...shown.map((r) => minorToNumber(r.periodsMinor[p] ?? 0, e)), ...(rest.length > 0 ? [minorToNumber(other, e)] : [])];
  });
  return { currency, rows: [header, ...body] };
}
