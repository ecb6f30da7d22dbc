/**
 * Named fixtures the `@example`s of src/domain may use (scripts/doctest.ts puts every export here in
 * scope). Keep each small and typed by the domain's own types.
 */
import type { Transaction } from "../src/domain/types";

/** An open USD invoice of customer 2050, due 2015-10-01 (serial 42278), dated 2015-09-01. */
export const inv: Transaction = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42248, dueSerial: 42278, amountMinor: 10000, currency: "USD", status: "None", row: 2 };
export const inv1: Transaction = inv;
export const inv2: Transaction = { ...inv, voucher: "INV2", amountMinor: 25000, row: 3 };
