import { ccError, type CcError, fail, ok, type Result } from "../../errors";
import { checkNotPosted } from "../../journal";
import type { CreditGroup, Customer, TemporaryLimit } from "../types";
import type { CreditLimitAdjustmentJournal } from "./types";

export interface CreditLimits {
  readonly customers: readonly Customer[];
  readonly groups: readonly CreditGroup[];
  readonly temporaryLimits: readonly TemporaryLimit[];
}

/**
 * Post an adjustment journal onto the limits: Normal lines replace the limit and its expiry,
 * Temporary lines add a temporary limit. Refused when already posted, when an account does not
 * exist, or when a line's currency is not the owner's.
 * @example
 * const journal = { journalId: "CRE-1", dateSerial: 45474, lines: [{ target: "Customer", account: "C1", type: "Normal", newLimitMinor: 500000, currency: "USD", reason: "Review" }] };
 * const limits = { customers: [customerWith10000], groups: [], temporaryLimits: [] };
 * postAdjustments(journal, limits, new Set()).value.customers[0].creditLimitMinor // 500000
 * postAdjustments(journal, limits, new Set(["CRE-1"])).errors[0].code // "journal_must_not_be_posted_twice"
 * postAdjustments({ ...journal, lines: [{ ...journal.lines[0], currency: "EUR" }] }, limits, new Set()).errors[0].code // "adjustment_currency_must_match"
 */
export function postAdjustments(journal: CreditLimitAdjustmentJournal, limits: CreditLimits, postedIds: ReadonlySet<string>): Result<CreditLimits> {
  const posted = checkNotPosted(journal.journalId, postedIds);
  if (!posted.ok) return posted;
  const customers = new Map(limits.customers.map((c) => [c.customer, c]));
  const groups = new Map(limits.groups.map((g) => [g.creditGroup, g]));
  const temporaryLimits = [...limits.temporaryLimits];
  const errors: CcError[] = [];
  journal.lines.forEach((l, i) => {
    const where = { table: "adjustments", row: i + 2 };
    const owner = l.target === "Customer" ? customers.get(l.account) : groups.get(l.account);
    if (owner === undefined) {
      errors.push(ccError("adjustment_account_must_exist", { owner: l.target, account: l.account }, { ...where, column: "Account" }));
      return;
    }
    if (owner.currency !== l.currency) {
      errors.push(ccError("adjustment_currency_must_match", { currency: l.currency, limitCurrency: owner.currency }, { ...where, column: "Currency" }));
      return;
    }
    if (l.type === "Temporary") {
      temporaryLimits.push({ owner: l.target, account: l.account, creditLimitMinor: l.newLimitMinor, fromSerial: l.fromSerial ?? 0, toSerial: l.toSerial ?? 0, row: where.row });
      return;
    }
    const { creditLimitExpirySerial: _old, ...rest } = owner;
    const next = { ...rest, creditLimitMinor: l.newLimitMinor, ...(l.expirySerial !== undefined ? { creditLimitExpirySerial: l.expirySerial } : {}) };
    if (l.target === "Customer") customers.set(l.account, next as Customer);
    else groups.set(l.account, next as CreditGroup);
  });
  if (errors.length > 0) return fail(...errors);
  return ok({ customers: [...customers.values()], groups: [...groups.values()], temporaryLimits });
}
