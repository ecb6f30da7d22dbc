/**
 * The aging snapshot as a 2-D table: `Customer | Currency | Balance | <one column per period>`,
 * one row per customer and currency, then one `Total` row per currency.
 */
import type { AgingRow, AgingSnapshot } from "../domain/aging/snapshot";
import { exponentOf, minorToNumber } from "../domain/money";

export function agingTable(snapshot: AgingSnapshot): (string | number)[][] {
  const header: (string | number)[] = ["Customer", "Currency", "Balance", ...snapshot.labels];
  const exponents = new Map<string, number>();
  const line = (r: AgingRow): (string | number)[] => {
    let e = exponents.get(r.currency);
    if (e === undefined) exponents.set(r.currency, (e = exponentOf(r.currency)));
    return [r.customer, r.currency, minorToNumber(r.balanceMinor, e), ...r.periodsMinor.map((m) => minorToNumber(m, e))];
  };
  return [header, ...snapshot.rows.map(line), ...snapshot.totals.map(line)];
}

/**
 * The snapshot's header table (docs/domain.md §3.4): one row per customer and currency with the
 * balance, past due, credit limit, open orders, packing slips, disputed count and amount, and the
 * as-of date and definition used. Dates are serials (format them as dates when writing a sheet).
 */
export function agingHeaderTable(snapshot: AgingSnapshot): (string | number)[][] {
  const header = [
    "Customer", "Currency", "Balance", "PastDue", "CreditLimit", "OpenOrders", "PackingSlips",
    "DisputedCount", "DisputedAmount", "AsOf", "Definition", "Basis",
  ];
  const rows = snapshot.rows.map((r) => {
    const e = exponentOf(r.currency);
    const m = (v: number): number => minorToNumber(v, e);
    return [
      r.customer, r.currency, m(r.balanceMinor), m(r.pastDueMinor), r.creditLimitMinor === undefined ? "" : m(r.creditLimitMinor),
      m(r.openOrdersMinor), m(r.packingSlipMinor), r.disputedCount, m(r.disputedMinor), snapshot.asOfSerial, snapshot.definitionName, snapshot.basis,
    ];
  });
  return [header, ...rows];
}

/** The snapshot's detail table: one row per period per customer and currency. */
export function agingDetailTable(snapshot: AgingSnapshot): (string | number)[][] {
  const out: (string | number)[][] = [["Customer", "Currency", "Period", "PeriodIndex", "Amount"]];
  for (const r of snapshot.rows) {
    const e = exponentOf(r.currency);
    r.periodsMinor.forEach((v, i) => out.push([r.customer, r.currency, snapshot.labels[i] ?? "", i + 1, minorToNumber(v, e)]));
  }
  return out;
}
