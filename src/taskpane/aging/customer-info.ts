/**
 * What the aging header needs from the Customers table: group, agent, pool, currency, credit limit.
 * Read by the one customers reader (`src/workbook/customers.ts`), as the credit check reads it:
 * one rule for a customer row, whichever screen reads it (issue #11).
 */
import type { AgingCustomerInfo } from "../../domain/aging/snapshot";
import { ok, type Result } from "../../domain/errors";
import { readCustomers } from "../../workbook/customers";

export function readCustomerInfo(values: unknown): Result<AgingCustomerInfo[]> {
  const read = readCustomers(values);
  if (!read.ok) return read;
  return ok(
    read.value.map((c) => ({
      customer: c.customer,
      ...(c.currency !== "" ? { currency: c.currency } : {}),
      creditLimitMinor: c.creditLimitMinor,
      ...(c.customerGroup !== undefined ? { customerGroup: c.customerGroup } : {}),
      ...(c.agent !== undefined ? { agent: c.agent } : {}),
      ...(c.pool !== undefined ? { pool: c.pool } : {}),
    })),
  );
}
