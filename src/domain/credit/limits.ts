/**
 * Effective credit limits (docs/domain.md §5.1): the active temporary limit or the normal one, plus
 * insurance value x insurance percent; Unlimited, Mandatory, 0 = no credit, and the group fallback.
 */
import { HALF_AWAY_FROM_ZERO, percentOf } from "../money";
import type { CreditGroup, Customer, TemporaryLimit } from "./types";

/** What the customer's own limit means at the as-of date. */
export type CustomerLimit =
  | { readonly kind: "Excluded" }
  | { readonly kind: "Unlimited" }
  /** Mandatory with limit 0: every order is held. */
  | { readonly kind: "MandatoryZero" }
  /** Limit 0 and neither flag: the customer has no limit of its own and uses its group's. */
  | { readonly kind: "UseGroup" }
  | { readonly kind: "Limit"; readonly limitMinor: number; readonly currency: string; readonly temporary: boolean };

export interface TemporaryLimitIndex {
  /** The temporary limit of a customer or group covering `serial`, if any. */
  active(owner: "Customer" | "Group", account: string, serial: number): TemporaryLimit | undefined;
}

/**
 * Index temporary limits by owner. When two cover the same day the one starting later wins (then
 * the later row): a newer agreement replaces an older one.
 * @example temporaryLimitIndex([{ owner: "Customer", account: "C1", creditLimitMinor: 500000, fromSerial: 45000, toSerial: 45030, row: 2 }]).active("Customer", "C1", 45010)?.creditLimitMinor // 500000
 */
export function temporaryLimitIndex(limits: readonly TemporaryLimit[]): TemporaryLimitIndex {
  const byOwner = new Map<string, TemporaryLimit[]>();
  for (const t of limits) {
    const key = `${t.owner}\u0000${t.account}`;
    const list = byOwner.get(key) ?? [];
    list.push(t);
    byOwner.set(key, list);
  }
  return {
    active(owner, account, serial) {
      if (byOwner.size === 0) return undefined;
      let best: TemporaryLimit | undefined;
      for (const t of byOwner.get(`${owner}\u0000${account}`) ?? []) {
        if (t.fromSerial > serial || t.toSerial < serial) continue;
        if (best === undefined || t.fromSerial > best.fromSerial || (t.fromSerial === best.fromSerial && t.row > best.row)) best = t;
      }
      return best;
    },
  };
}

/**
 * The customer's own effective limit on `asOfSerial`.
 * A temporary limit replaces the normal one; insurance adds value x percent (half away from zero).
 * @example customerLimit({ ...customerWith10000, creditLimitMinor: 10000000, insuranceMinor: 5000000, insurancePct: 50 }, idx, 45000) // { kind: "Limit", limitMinor: 12500000, currency: "USD", temporary: false }
 */
export function customerLimit(customer: Customer, temporary: TemporaryLimitIndex, asOfSerial: number): CustomerLimit {
  if (customer.excludeFromCreditManagement) return { kind: "Excluded" };
  if (customer.unlimited) return { kind: "Unlimited" };
  const temp = temporary.active("Customer", customer.customer, asOfSerial);
  const base = temp?.creditLimitMinor ?? customer.creditLimitMinor;
  const insurance = insuranceLimitMinor(customer);
  if (base === 0 && temp === undefined) {
    if (customer.mandatory) return { kind: "MandatoryZero" };
    if (customer.creditGroup !== undefined) return { kind: "UseGroup" };
  }
  return { kind: "Limit", limitMinor: base + insurance, currency: customer.currency, temporary: temp !== undefined };
}

/**
 * Insurance value x insurance percent, in the customer's currency, rounded half away from zero.
 * @example insuranceLimitMinor({ ...customerWith10000, insuranceMinor: 5001, insurancePct: 50 }) // 2501 (2500.5, half away from zero)
 * @example insuranceLimitMinor(customerWith10000) // 0
 */
export function insuranceLimitMinor(customer: Customer): number {
  if (customer.insuranceMinor === undefined || customer.insurancePct === undefined) return 0;
  return percentOf(customer.insuranceMinor, customer.insurancePct, HALF_AWAY_FROM_ZERO);
}

/**
 * A credit group's effective limit on `asOfSerial`: its active temporary limit, else its normal one.
 * @example groupLimit({ creditGroup: "G", creditLimitMinor: 1500000, currency: "USD", row: 2 }, idx, 45000) // 1500000
 */
export function groupLimit(group: CreditGroup, temporary: TemporaryLimitIndex, asOfSerial: number): number {
  return temporary.active("Group", group.creditGroup, asOfSerial)?.creditLimitMinor ?? group.creditLimitMinor;
}
