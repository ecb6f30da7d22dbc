/**
 * Blocking rules and exclusions (docs/domain.md §5.3), in their order of precedence:
 * 1. an applicable exclusion marked "release order" that holds releases the order; nothing else runs;
 * 2. every applicable blocking rule that holds is a hold reason, unless an exclusion of the same rule
 *    type and value type at a MORE specific level (Customer over Group over All) also holds;
 *    an exclusion never cancels a block at its own level or a more specific one.
 */
import { type CompiledRule, compileRules, type Measured, type Measures, measureRule, ruleApplies } from "./_lib/measure";
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
 * A block above 60 days overdue (All) and an exclusion up to 90 days (customer C1) let C1 pass at 75
 * days overdue; at 95 days it is held.
 * @example evaluateRules([block60All, exclude90C1], customerWith10000, { ...quietMeasures, daysOverdue: 75 }).reasons // []
 * @example evaluateRules([block60All, exclude90C1], customerWith10000, { ...quietMeasures, daysOverdue: 95 }).reasons // ["DaysOverdue"]
 * @example evaluateRules([{ ...exclude90C1, releaseOrder: true }, block60All], customerWith10000, { ...quietMeasures, daysOverdue: 30 }).releasedBy.row // 3
 */
export function evaluateRules(rules: readonly BlockingRule[], customer: Customer, m: Measures): RuleEvaluation {
  return evaluateCompiled(compileRules(rules), customer, m);
}

/** A rule that applies to the order, with what it measured. */
interface MeasuredRule {
  readonly rule: BlockingRule;
  readonly result: Measured;
}

/**
 * evaluateRules on rules compiled once (the batch check compiles them once for all orders).
 * @example
 * evaluateCompiled(compiledBlock60All, customerWith10000, { ...quietMeasures, daysOverdue: 75 })
 * // { reasons: ["DaysOverdue"], outcomes: [{ rule: block60All, measured: "75", holds: true }] }
 */
export function evaluateCompiled(rules: readonly CompiledRule[], customer: Customer, m: Measures): RuleEvaluation {
  const applied: MeasuredRule[] = [];
  for (const r of rules) {
    if (!ruleApplies(r, customer)) continue;
    const result = measureRule(r, m);
    if (result === undefined) continue;
    if (!r.blocking && r.rule.releaseOrder && result.holds) {
      // The first release-order exclusion that holds releases the order; nothing else runs.
      return { releasedBy: r.rule, reasons: [], outcomes: [{ rule: r.rule, measured: result.measured, holds: true }] };
    }
    applied.push({ rule: r.rule, result });
  }
  const outcomes: RuleOutcome[] = [];
  const reasons: ReasonCode[] = [];
  for (const { rule, result } of applied) {
    if (rule.kind === "Exclusion" || !result.holds) {
      outcomes.push({ rule, measured: result.measured, holds: result.holds });
      continue;
    }
    const cancel = cancelling(rule, applied);
    if (cancel !== undefined) {
      outcomes.push({ rule, measured: result.measured, holds: false, cancelledBy: cancel });
    } else {
      outcomes.push({ rule, measured: result.measured, holds: true });
      if (!reasons.includes(rule.ruleType)) reasons.push(rule.ruleType);
    }
  }
  return { reasons, outcomes };
}

/** The first exclusion that holds, of the same rule and value type, at a more specific level than `rule`. */
function cancelling(rule: BlockingRule, applied: readonly MeasuredRule[]): BlockingRule | undefined {
  for (const { rule: e, result } of applied) {
    if (e.kind !== "Exclusion" || !result.holds) continue;
    if (e.ruleType === rule.ruleType && e.valueType === rule.valueType && SPECIFICITY[e.validFor] > SPECIFICITY[rule.validFor]) return e;
  }
  return undefined;
}
