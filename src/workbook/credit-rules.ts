/**
 * The blocking-rules range: `RuleType | ValidFor | Account | RiskGroup | Kind | ValueType | Value |
 * Threshold | ReleaseOrder` (docs/domain.md §5.3) -> `BlockingRule` records.
 */
import { Decimal } from "../domain/_lib/decimal";
import { type BlockingRule, RULE_KINDS, RULE_LEVELS, RULE_TYPES, RULE_VALUE_TYPE, VALUE_TYPES } from "../domain/credit/types";
import { type Result } from "../domain/errors";
import { readEachRow, type ReadOptions, RowReader } from "./cells";
import { type ColumnSpec, matchTable } from "./table";
import { dropUndefined } from "./transactions";

export const RULE_COLUMNS: readonly ColumnSpec[] = [
  { key: "ruleType", header: "RuleType", aliases: ["Rule", "Type"], required: true },
  { key: "validFor", header: "ValidFor", aliases: ["Level", "Scope"] },
  { key: "account", header: "Account", aliases: ["Customer", "CustomerGroup", "Group"] },
  { key: "riskGroup", header: "RiskGroup", aliases: ["Risk"] },
  { key: "kind", header: "Kind", aliases: ["RuleKind"] },
  { key: "valueType", header: "ValueType" },
  { key: "value", header: "Value", required: true },
  { key: "threshold", header: "Threshold", aliases: ["ThresholdPct", "CreditLimitUsedPct"] },
  { key: "releaseOrder", header: "ReleaseOrder", aliases: ["Release"] },
];

const VALUE_TYPE_ALIASES = { Day: "Days", Percentage: "Percent", "%": "Percent", Value: "Text", Status: "Text" } as const;

/**
 * Read a rules range. Blank ValidFor = All, blank Kind = Blocking, blank ValueType = the rule type's
 * own (Days, Amount, Percent or Text). ValidFor Customer or Group needs an Account; Threshold is
 * for OverdueAmount only; ReleaseOrder only on an Exclusion.
 * @example readRules([["RuleType", "Value"], ["DaysOverdue", 60]]).value[0] // { ruleType: "DaysOverdue", validFor: "All", kind: "Blocking", valueType: "Days", value: "60", releaseOrder: false, row: 2 }
 */
export function readRules(range: unknown, options: ReadOptions & { name?: string } = {}): Result<BlockingRule[]> {
  const name = options.name ?? "rules";
  const matched = matchTable(range, RULE_COLUMNS, name);
  if (!matched.ok) return matched;
  return readEachRow<BlockingRule>(matched.value, options, (r, out) => {
    if (r.blank("ruleType")) {
      r.error("ruleType", "rule_type_must_not_be_blank", {});
      return;
    }
    const ruleType = r.choice("ruleType", RULE_TYPES);
    const validFor = r.choice("validFor", RULE_LEVELS, { Everyone: "All", Table: "Customer", CustomerGroup: "Group" }) ?? "All";
    const kind = r.choice("kind", RULE_KINDS, { Block: "Blocking", Exclude: "Exclusion", Exception: "Exclusion" }) ?? "Blocking";
    const account = r.text("account");
    const releaseOrder = r.bool("releaseOrder");
    if (validFor !== "All" && account === undefined) r.error("account", "account_must_not_be_blank", { validFor });
    if (validFor === "All" && account !== undefined) r.error("account", "account_must_be_blank_for_all", {});
    if (releaseOrder && kind !== "Exclusion") r.error("releaseOrder", "release_order_needs_an_exclusion", {});
    if (ruleType === undefined) return;
    const own = RULE_VALUE_TYPE[ruleType];
    const valueType = r.choice("valueType", VALUE_TYPES, VALUE_TYPE_ALIASES) ?? own;
    if (valueType !== own) r.error("valueType", "value_type_must_fit_rule_type", { ruleType, own, valueType });
    const value = readValue(r, own);
    let thresholdPct: number | undefined;
    if (!r.blank("threshold")) {
      if (ruleType !== "OverdueAmount") r.error("threshold", "threshold_only_for_overdue_amount", {});
      else thresholdPct = r.percent("threshold");
    }
    if (value === undefined) return;
    const rec = { ruleType, validFor, account, riskGroup: r.text("riskGroup"), kind, valueType, value, thresholdPct, releaseOrder, row: r.rowNumber };
    out.push(dropUndefined(rec) as unknown as BlockingRule);
  });
}

function readValue(r: RowReader, valueType: string): string | undefined {
  if (valueType === "Text") return r.text("value", true);
  const n = r.numberOrPercent("value", valueType.toLowerCase());
  if (n === undefined) return undefined;
  if (n < 0) return r.error("value", "value_must_not_be_negative", { value: n });
  if (valueType === "Days" && !Number.isInteger(n)) return r.error("value", "value_must_be_whole_days", { value: n });
  return new Decimal(n).toString();
}
