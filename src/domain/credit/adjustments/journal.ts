import { ccError, type CcError, fail, ok, type Result } from "../../errors";
import { journalIdFor } from "../../journal";
import type { CreditLimitAdjustmentJournal, CreditLimitAdjustmentLine } from "./types";

/**
 * Build a credit-limit adjustment journal from proposed lines. The ID comes from the content, so
 * posting the same proposal twice is detected. Temporary lines need From <= To; limits are >= 0.
 * @example adjustmentJournal([{ target: "Customer", account: "C1", type: "Normal", newLimitMinor: 500000, currency: "USD", reason: "Review" }], 45000).value.journalId.startsWith("CRE-") // true
 */
export function adjustmentJournal(lines: readonly CreditLimitAdjustmentLine[], dateSerial: number): Result<CreditLimitAdjustmentJournal> {
  const errors: CcError[] = [];
  lines.forEach((l, i) => {
    const where = { table: "adjustments", row: i + 2 };
    if (!Number.isSafeInteger(l.newLimitMinor) || l.newLimitMinor < 0) errors.push(ccError("credit_limit_must_not_be_negative", {}, { ...where, column: "NewLimit" }));
    if (l.type === "Temporary" && (l.fromSerial === undefined || l.toSerial === undefined || l.toSerial < l.fromSerial)) {
      errors.push(ccError("temporary_limit_needs_a_period", {}, { ...where, column: "From" }));
    }
    if (l.type === "Normal" && (l.fromSerial !== undefined || l.toSerial !== undefined)) errors.push(ccError("normal_limit_has_no_period", {}, { ...where, column: "From" }));
  });
  if (errors.length > 0) return fail(...errors);
  const content = lines.map((l) => [l.target, l.account, l.type, l.newLimitMinor, l.currency, l.fromSerial ?? "", l.toSerial ?? "", l.expirySerial ?? "", l.reason].join("|")).join("\n");
  return ok({ journalId: journalIdFor("CreditLimitAdjustment", `${dateSerial}\n${content}`), dateSerial, lines });
}
