/**
 * Collection cases (docs/domain.md §6.2): a case groups one customer's transactions and the
 * activities (call, email, letter, note) done about them, with dates, agent and outcome. Cases are
 * values: each operation returns a new case.
 */
import { type CcError, ccError, fail, ok, type Result } from "../errors";
import { contentId } from "../_lib/hash";
import type { Transaction } from "../types";

export const ACTIVITY_KINDS = ["Call", "Email", "Letter", "Note"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface Activity {
  readonly kind: ActivityKind;
  readonly dateSerial: number;
  readonly agent: string;
  readonly outcome: string;
  readonly note?: string;
}

export interface CollectionCase {
  readonly caseId: string;
  readonly customer: string;
  readonly openedSerial: number;
  readonly vouchers: readonly string[];
  readonly activities: readonly Activity[];
  readonly status: "Open" | "Closed";
  readonly closedSerial?: number;
}

/**
 * Open a case on transactions of one customer.
 * @example openCase("2050", [inv1, inv2], 42302).value.vouchers // ["INV1", "INV2"]
 */
export function openCase(customer: string, transactions: readonly Transaction[], openedSerial: number): Result<CollectionCase> {
  const errors: CcError[] = [];
  if (customer.trim() === "") errors.push(ccError("customer_must_not_be_blank", { case: "case" }, { column: "customer" }));
  const seen = new Set<string>();
  for (const t of transactions) {
    if (t.customer !== customer) errors.push(ccError("case_must_have_one_customer", { voucher: t.voucher, customer: t.customer, expected: customer }, { table: "transactions", row: t.row, column: "Customer" }));
    if (seen.has(t.voucher)) errors.push(ccError("voucher_must_be_unique", { voucher: t.voucher }, { table: "transactions", row: t.row, column: "Voucher" }));
    seen.add(t.voucher);
  }
  if (errors.length > 0) return fail(...errors);
  const vouchers = transactions.map((t) => t.voucher);
  return ok({ caseId: contentId("CASE", `${customer}|${openedSerial}|${vouchers.join("|")}`), customer, openedSerial, vouchers, activities: [], status: "Open" });
}

/**
 * Record an activity; activities stay in date order and a closed case takes none.
 * @example addActivity(c, { kind: "Call", dateSerial: 42303, agent: "ana", outcome: "Promised" }).value.activities.length // 1
 */
export function addActivity(c: CollectionCase, activity: Activity): Result<CollectionCase> {
  if (c.status === "Closed") return fail(ccError("case_must_be_open", { case: "closed", id: c.caseId }));
  if (!ACTIVITY_KINDS.includes(activity.kind)) return fail(ccError("activity_kind_must_be_known", { kind: String(activity.kind), kinds: ACTIVITY_KINDS.join(", ") }, { column: "Kind" }));
  if (activity.dateSerial < c.openedSerial) return fail(ccError("activity_must_not_precede_case", {}, { column: "Date" }));
  const activities = [...c.activities, activity].sort((a, b) => a.dateSerial - b.dateSerial);
  return ok({ ...c, activities });
}

/**
 * Close a case.
 * @example closeCase(c, 42330).value.status // "Closed"
 */
export function closeCase(c: CollectionCase, closedSerial: number): Result<CollectionCase> {
  if (c.status === "Closed") return fail(ccError("case_must_be_open", { case: "already", id: c.caseId }));
  if (closedSerial < c.openedSerial) return fail(ccError("close_date_must_not_precede_case", {}, { column: "Date" }));
  return ok({ ...c, status: "Closed", closedSerial });
}
