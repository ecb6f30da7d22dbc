/**
 * The limit checks of one order: the group's (first) and the customer's own, and which of them binds.
 */
import { ok, type Result } from "../../errors";
import type { CreditBook } from "../book";
import type { CustomerLimit } from "../limits";
import type { Customer, LimitCheck, ReasonCode } from "../types";

export interface LimitCheckSet {
  readonly checks: readonly LimitCheck[];
  readonly reasons: readonly ReasonCode[];
}

/**
 * `added` is the order being checked (amount 0 when it is already in the book).
 * @example
 * const b = creditBookC1C2;
 * limitChecks(b, customerWith10000, b.customerLimit(customerWith10000), { amountMinor: 150000, currency: "USD" }, true).value
 * // { checks: [{ scope: "Customer", account: "C1", limitMinor: 1000000, exposureMinor: 1100000, availableMinor: -100000, currency: "USD", held: true }], reasons: ["CreditLimit"] }
 */
export function limitChecks(
  book: CreditBook,
  customer: Customer,
  limit: CustomerLimit,
  added: { readonly amountMinor: number; readonly currency: string },
  checkGroupLimit: boolean,
): Result<LimitCheckSet> {
  const checks: LimitCheck[] = [];
  const reasons: ReasonCode[] = [];
  const own = book.exposure(customer, customer.currency);
  if (!own.ok) return own;
  const addedOwn = book.convert(added.amountMinor, added.currency, customer.currency);
  if (!addedOwn.ok) return addedOwn;
  const exposureMinor = own.value.totalMinor + addedOwn.value;
  if (limit.kind === "Unlimited" || limit.kind === "Excluded") {
    checks.push({ scope: "Customer", account: customer.customer, limitMinor: null, exposureMinor, availableMinor: null, currency: customer.currency, held: false });
    return ok({ checks, reasons });
  }
  const group = customer.creditGroup === undefined ? undefined : book.group(customer.creditGroup);
  const groupChecked = group !== undefined && checkGroupLimit;
  if (groupChecked) {
    const members = book.groupExposure(group);
    if (!members.ok) return members;
    const addedGroup = book.convert(added.amountMinor, added.currency, group.currency);
    if (!addedGroup.ok) return addedGroup;
    const limitMinor = book.groupLimitMinor(group);
    const groupExposure = members.value + addedGroup.value;
    const held = groupExposure > limitMinor;
    checks.push({ scope: "Group", account: group.creditGroup, limitMinor, exposureMinor: groupExposure, availableMinor: limitMinor - groupExposure, currency: group.currency, held });
    if (held) reasons.push("CreditGroupLimit");
  }
  if (limit.kind === "UseGroup" && groupChecked) return ok({ checks, reasons });
  const limitMinor = limit.kind === "Limit" ? limit.limitMinor : 0;
  const held = limit.kind === "MandatoryZero" || exposureMinor > limitMinor;
  checks.push({ scope: "Customer", account: customer.customer, limitMinor, exposureMinor, availableMinor: limitMinor - exposureMinor, currency: customer.currency, held });
  if (held) reasons.push(limit.kind === "MandatoryZero" ? "Mandatory" : "CreditLimit");
  return ok({ checks, reasons });
}

/**
 * The check whose numbers a result shows: the first held one (the group is checked first), else
 * the one with the least room left, compared in the customer's currency (ties: the customer's own).
 * @example
 * const group = { scope: "Group", account: "G1", limitMinor: 2000000, exposureMinor: 1500000, availableMinor: 500000, currency: "USD", held: false };
 * const own = { scope: "Customer", account: "C1", limitMinor: 1000000, exposureMinor: 950000, availableMinor: 50000, currency: "USD", held: false };
 * bindingCheck(creditBookC1C2, customerWith10000, [group, own]).value.account // "C1" (50.00 left, the group 5,000.00)
 * bindingCheck(creditBookC1C2, customerWith10000, [{ ...group, held: true }, own]).value.account // "G1" (the first held check)
 */
export function bindingCheck(book: CreditBook, customer: Customer, checks: readonly LimitCheck[]): Result<LimitCheck> {
  const held = checks.find((c) => c.held);
  if (held !== undefined) return ok(held);
  let best: LimitCheck | undefined;
  let bestRoom = Number.POSITIVE_INFINITY;
  for (const c of checks) {
    if (c.availableMinor === null) {
      best ??= c;
      continue;
    }
    const room = book.convert(c.availableMinor, c.currency, customer.currency);
    if (!room.ok) return room;
    if (room.value < bestRoom || (room.value === bestRoom && c.scope === "Customer")) {
      best = c;
      bestRoom = room.value;
    }
  }
  if (best === undefined) {
    return ok({ scope: "Customer", account: customer.customer, limitMinor: null, exposureMinor: 0, availableMinor: null, currency: customer.currency, held: false });
  }
  return ok(best);
}
