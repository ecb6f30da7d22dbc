/**
 * The aging snapshot as a 2-D table: `Customer | Currency | Balance | <one column per period>`,
 * one row per customer and currency, then one `Total` row per currency.
 */
import type { AgingRow, AgingSnapshot } from "../domain/aging/snapshot";
import { currencyExponent, minorToNumber } from "../domain/money";

export function agingTable(snapshot: AgingSnapshot): (string | number)[][] {
  const header: (string | number)[] = ["Customer", "Currency", "Balance", ...snapshot.labels];
  const line = (r: AgingRow): (string | number)[] => {
    const e = currencyExponent(r.currency) ?? 2;
    return [r.customer, r.currency, minorToNumber(r.balanceMinor, e), ...r.periodsMinor.map((m) => minorToNumber(m, e))];
  };
  return [header, ...snapshot.rows.map(line), ...snapshot.totals.map(line)];
}
