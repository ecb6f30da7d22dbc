/**
 * Blocking rules and exclusions (DOMAIN.md 5.3), in their order of precedence:
 * 1. an applicable exclusion marked "release order" that holds releases the order; nothing else runs;
 * 2. every applicable blocking rule that holds is a hold reason, unless an exclusion of the same rule
 *    type and value type at a MORE specific level (Customer over Group over All) also holds;
 *    an exclusion never cancels a block at its own level or a more specific one.
 */
import { type Measures, measureRule, ruleApplies } from "./_lib/measure";
import type { BlockingRule, Customer, ReasonCode, RuleLevel, RuleOutcome } from "./types";

const SPECIFICITY: Readonly<Record<RuleLevel, number>> = { All: 0, Group: 1, Customer: 2 };

export interface RuleEvaluation {
  /** The release-order exclusion that released the order, if one did. */
  readonly releasedBy?: BlockingRule;
  /** Rule types of the blocks that stand. */
  readonly reasons: readonly ReasonCode[];
  readonly outcomes: readonly RuleOutcome[];
}

/**
 * Evaluate `rules` for one order of `customer` measured by `m`.
 * @example
 * // block above 60 days overdue (All), exclusion up to 90 days (Customer); customer 75 days overdue:
 * evaluateRules([block60All, exclude90Customer], customer, { ...m, daysOverdue: 75 }).reasons // []
 */
export function evaluateRules(rules: readonly BlockingRule[], customer: Customer, m: Measures): RuleEvaluation {
  const outcomes: RuleOutcome[] = [];
  const measured: { rule: BlockingRule; holds: boolean; measured: string }[] = [];
  for (const rule of rules) {
    if (!ruleApplies(rule, customer)) continue;
    const result = measureRule(rule, m);
    if (result !== undefined) measured.push({ rule, ...result });
  }
  const release = measured.find((x) => x.rule.kind === "Exclusion" && x.rule.releaseOrder && x.holds);
  if (release !== undefined) {
    return { releasedBy: release.rule, reasons: [], outcomes: [{ rule: release.rule, measured: release.measured, holds: true }] };
  }
  const exclusions = measured.filter((x) => x.rule.kind === "Exclusion" && x.holds);
  const reasons = new Set<ReasonCode>();
  for (const x of measured) {
    if (x.rule.kind === "Exclusion") {
      outcomes.push({ rule: x.rule, measured: x.measured, holds: x.holds });
      continue;
    }
    if (!x.holds) {
      outcomes.push({ rule: x.rule, measured: x.measured, holds: false });
      continue;
    }
    const cancel = exclusions.find(
      (e) =>
        e.rule.ruleType === x.rule.ruleType &&
        e.rule.valueType === x.rule.valueType &&
        SPECIFICITY[e.rule.validFor] > SPECIFICITY[x.rule.validFor],
    );
    if (cancel !== undefined) {
      outcomes.push({ rule: x.rule, measured: x.measured, holds: false, cancelledBy: cancel.rule });
    } else {
      outcomes.push({ rule: x.rule, measured: x.measured, holds: true });
      reasons.add(x.rule.ruleType);
    }
  }
  return { reasons: [...reasons], outcomes };
}
