/**
 * What the aging header needs from the Customers table: group, agent, pool, currency, credit limit.
 * A thin reader over the shared table matching and cell parsers.
 */
import type { AgingCustomerInfo } from "../../domain/aging/snapshot";
import { fail, ok, type Result } from "../../domain/errors";
import { currencyExponent } from "../../domain/money";
import { RowReader } from "../../workbook/cells";
import { type ColumnSpec, matchTable, trimBlankRows } from "../../workbook/table";

const COLUMNS: readonly ColumnSpec[] = [
  { key: "customer", header: "Customer", aliases: ["Account", "CustomerAccount"], required: true },
  { key: "currency", header: "Currency" },
  { key: "creditLimit", header: "CreditLimit" },
  { key: "customerGroup", header: "CustomerGroup" },
  { key: "agent", header: "Agent", aliases: ["Collector", "CollectionsAgent"] },
  { key: "pool", header: "Pool" },
];

export function readCustomerInfo(values: unknown): Result<AgingCustomerInfo[]> {
  const m = matchTable(values, COLUMNS, "customers");
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  const r = new RowReader(table);
  const out: AgingCustomerInfo[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const customer = r.text("customer", true);
    const currency = r.text("currency");
    const limit = r.has("creditLimit") ? r.money("creditLimit", currencyExponent(currency ?? "") ?? 2) : undefined;
    const group = r.text("customerGroup");
    const agent = r.text("agent");
    const pool = r.text("pool");
    if (customer === undefined) continue;
    out.push({
      customer,
      ...(currency !== undefined ? { currency } : {}),
      ...(limit !== undefined ? { creditLimitMinor: limit } : {}),
      ...(group !== undefined ? { customerGroup: group } : {}),
      ...(agent !== undefined ? { agent } : {}),
      ...(pool !== undefined ? { pool } : {}),
    });
  }
  return r.errors.length > 0 ? fail(...r.errors) : ok(out);
}
