/**
 * Collection status per transaction (docs/domain.md §6.1): None, Disputed, PromiseToPay (with a
 * date and an amount), PromiseToPayBroken and Resolved. A change goes through one transition
 * table; a promise becomes broken only through `markBrokenPromises`, at an as-of date.
 */
import { type CcError, ccError, fail, ok, type Result } from "../errors";
import type { CollectionStatus, Transaction } from "../types";

/** Which statuses a user may move a transaction to, from each status. */
export const STATUS_TRANSITIONS: Readonly<Record<CollectionStatus, readonly CollectionStatus[]>> = {
  None: ["Disputed", "PromiseToPay"],
  Disputed: ["Resolved", "PromiseToPay"],
  PromiseToPay: ["Disputed", "Resolved", "None"],
  PromiseToPayBroken: ["Disputed", "PromiseToPay", "Resolved"],
  Resolved: ["Disputed", "PromiseToPay", "None"],
};

export interface StatusChange {
  readonly to: CollectionStatus;
  /** Required for PromiseToPay. */
  readonly promiseSerial?: number;
  /** Required for PromiseToPay: more than zero and at most the open amount. */
  readonly promiseAmountMinor?: number;
}

/**
 * Move one transaction to another collection status through `STATUS_TRANSITIONS`; a promise to
 * pay needs a date and an amount above zero and at most the open amount.
 * @example changeStatus(inv, { to: "PromiseToPay", promiseSerial: 42320, promiseAmountMinor: 5000 }) // ok({ ...inv, status: "PromiseToPay", promiseSerial: 42320, promiseAmountMinor: 5000 })
 * @example changeStatus({ ...inv, status: "PromiseToPay", promiseSerial: 42320, promiseAmountMinor: 5000 }, { to: "Disputed" }).value // { ...inv, status: "Disputed" } (the promise is dropped)
 * @example changeStatus(inv, { to: "Resolved" }).errors[0].code // "status_transition_must_be_allowed" (None goes only to Disputed or PromiseToPay)
 * @example changeStatus(inv, { to: "PromiseToPay", promiseSerial: 42320, promiseAmountMinor: 10001 }).errors[0].code // "promise_amount_must_be_within_open_amount" (more than the 100.00 open)
 */
export function changeStatus(t: Transaction, change: StatusChange): Result<Transaction> {
  const where = { table: "transactions", row: t.row, column: "Status" };
  if (!STATUS_TRANSITIONS[t.status].includes(change.to)) {
    return fail(ccError("status_transition_must_be_allowed", { voucher: t.voucher || "none", from: t.status, to: change.to }, where));
  }
  if (t.amountMinor <= 0 && change.to !== "None" && change.to !== "Resolved") {
    return fail(ccError("status_must_be_on_a_debit_item", { voucher: t.voucher || "none" }, where));
  }
  const { promiseSerial: _s, promiseAmountMinor: _a, ...rest } = t;
  if (change.to !== "PromiseToPay") return ok({ ...rest, status: change.to });
  const errors: CcError[] = [];
  if (change.promiseSerial === undefined) errors.push(ccError("promise_date_must_not_be_blank", {}, { ...where, column: "PromiseDate" }));
  const amount = change.promiseAmountMinor;
  if (amount === undefined || amount <= 0 || amount > t.amountMinor) {
    errors.push(ccError("promise_amount_must_be_within_open_amount", {}, { ...where, column: "PromiseAmount" }));
  }
  if (errors.length > 0 || change.promiseSerial === undefined || amount === undefined) return fail(...errors);
  return ok({ ...rest, status: "PromiseToPay", promiseSerial: change.promiseSerial, promiseAmountMinor: amount });
}

/** The statuses in the order a collector acts on them: a customer shows the first its open items have. */
const STATUS_ORDER: readonly CollectionStatus[] = ["PromiseToPayBroken", "Disputed", "PromiseToPay", "Resolved", "None"];

/**
 * The status a customer shows when its items differ: the one a collector must act on first.
 * @example customerStatus(["PromiseToPay", "Disputed"]) // "Disputed"
 */
export function customerStatus(statuses: Iterable<CollectionStatus>): CollectionStatus {
  const have = new Set(statuses);
  return STATUS_ORDER.find((s) => have.has(s)) ?? "None";
}

/**
 * A PromiseToPay whose promised date is before the as-of date becomes PromiseToPayBroken
 * (section 3's "update collection status"). Returns new records; the others are the same objects.
 * @example markBrokenPromises([{ ...inv, status: "PromiseToPay", promiseSerial: 100 }], 101)[0].status // "PromiseToPayBroken"
 */
export function markBrokenPromises(transactions: readonly Transaction[], asOfSerial: number): Transaction[] {
  return transactions.map((t) =>
    t.status === "PromiseToPay" && t.promiseSerial !== undefined && t.promiseSerial < asOfSerial ? { ...t, status: "PromiseToPayBroken" } : t,
  );
}
