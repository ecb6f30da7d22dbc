/**
 * References of blocking rules: a Customer rule names an existing customer, a Group rule a customer
 * group that some customer belongs to. A rule that can never apply is a typo, not a silent no-op.
 */
import { ccError, type CcError, fail, ok, type Result } from "../errors";
import { normalizeKey } from "./_lib/keys";
import type { BlockingRule, Customer } from "./types";

/**
 * @example validateRules([block60All, exclude90C1], [customerWith10000]).ok // true
 * @example
 * validateRules([{ ...block60All, validFor: "Customer", account: "NOPE" }], [customerWith10000]).errors
 * // [{ code: "rule_account_must_exist", message: "customer 'NOPE' is not in the customers range", params: { customer: "NOPE" }, table: "rules", row: 2, column: "Account" }]
 * @example validateRules([{ ...block60All, validFor: "Group", account: "Retail" }], [{ ...customerWith10000, customerGroup: "RETAIL" }]).ok // true (groups match by normalized key)
 */
export function validateRules(rules: readonly BlockingRule[], customers: readonly Customer[], table = "rules"): Result<readonly BlockingRule[]> {
  const keys = new Set(customers.map((c) => c.customer));
  const groups = new Set(customers.flatMap((c) => (c.customerGroup === undefined ? [] : [normalizeKey(c.customerGroup)])));
  const errors: CcError[] = [];
  for (const rule of rules) {
    if (rule.validFor === "Customer" && !keys.has(rule.account ?? "")) {
      errors.push(ccError("rule_account_must_exist", { customer: rule.account ?? "" }, { table, row: rule.row, column: "Account" }));
    }
    if (rule.validFor === "Group" && !groups.has(normalizeKey(rule.account ?? ""))) {
      errors.push(ccError("rule_group_must_exist", { group: rule.account ?? "" }, { table, row: rule.row, column: "Account" }));
    }
  }
  return errors.length > 0 ? fail(...errors) : ok(rules);
}
