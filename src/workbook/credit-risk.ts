/**
 * Risk tables: scoring bands `Group | Attribute | From | To | Values | Points` (one row per band,
 * rows of one group together), risk groups `RiskGroup | FromScore | ToScore`, and automatic limits
 * `RiskGroup | Currency | MaxRevenue | CreditLimit`.
 */
import type { AutomaticLimitRule } from "../domain/credit/risk/auto-limits";
import type { RiskGroupRange, ScoringBand, ScoringGroup } from "../domain/credit/risk/score";
import { fail, ok, type Result } from "../domain/errors";
import { readEachRow, type ReadOptions, RowReader } from "./cells";
import { type ColumnSpec, MAX_ERRORS, matchTable, trimBlankRows } from "./table";

const SCORING_COLUMNS: readonly ColumnSpec[] = [
  { key: "group", header: "Group", aliases: ["ScoringGroup"], required: true },
  { key: "attribute", header: "Attribute", required: true },
  { key: "from", header: "From" },
  { key: "to", header: "To" },
  { key: "values", header: "Values", aliases: ["Value"] },
  { key: "points", header: "Points", required: true },
];

/**
 * @example readScoringGroups([["Group", "Attribute", "From", "To", "Points"], ["Tenure", "yearsAsCustomer", 5, null, 20]]).value[0].bands // [{ from: 5, points: 20 }]
 */
export function readScoringGroups(range: unknown, options: ReadOptions = {}): Result<ScoringGroup[]> {
  const matched = matchTable(range, SCORING_COLUMNS, "scoring");
  if (!matched.ok) return matched;
  const table = { ...matched.value, rows: trimBlankRows(matched.value.rows) };
  const r = new RowReader(table, options);
  const groups = new Map<string, { name: string; attribute: string; bands: ScoringBand[] }>();
  for (let i = 0; i < table.rows.length && r.errors.length < MAX_ERRORS; i++) {
    r.at(i);
    const name = r.text("group", true);
    const attribute = r.text("attribute", true);
    const points = r.number("points", true);
    const from = r.number("from");
    const to = r.number("to");
    const values = r.text("values")?.split(/[;,]/).map((v) => v.trim()).filter((v) => v !== "");
    if (values !== undefined && (from !== undefined || to !== undefined)) r.error("values", "band_is_range_or_values", {});
    if (from !== undefined && to !== undefined && to <= from) r.error("to", "to_must_be_above_from", { to, from });
    if (name === undefined || attribute === undefined || points === undefined) continue;
    const g = groups.get(name) ?? { name, attribute, bands: [] };
    if (g.attribute !== attribute) r.error("attribute", "scoring_group_has_one_attribute", { group: name, attribute: g.attribute });
    g.bands.push({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(values !== undefined ? { values } : {}), points });
    groups.set(name, g);
  }
  return r.errors.length > 0 ? fail(...r.errors) : ok([...groups.values()]);
}

const RISK_GROUP_COLUMNS: readonly ColumnSpec[] = [
  { key: "riskGroup", header: "RiskGroup", aliases: ["Risk"], required: true },
  { key: "fromScore", header: "FromScore", aliases: ["From"], required: true },
  { key: "toScore", header: "ToScore", aliases: ["To"], required: true },
];

/** @example readRiskGroups([["RiskGroup", "FromScore", "ToScore"], ["Low", 40, 100]]).value // [{ riskGroup: "Low", fromScore: 40, toScore: 100 }] */
export function readRiskGroups(range: unknown, options: ReadOptions = {}): Result<RiskGroupRange[]> {
  const matched = matchTable(range, RISK_GROUP_COLUMNS, "riskGroups");
  if (!matched.ok) return matched;
  return readEachRow<RiskGroupRange>(matched.value, options, (r, out) => {
    const riskGroup = r.text("riskGroup", true);
    const fromScore = r.number("fromScore", true);
    const toScore = r.number("toScore", true);
    if (fromScore !== undefined && toScore !== undefined && toScore < fromScore) r.error("toScore", "to_score_must_not_be_below_from", { to: toScore, from: fromScore });
    if (riskGroup !== undefined && fromScore !== undefined && toScore !== undefined) out.push({ riskGroup, fromScore, toScore });
  });
}

const AUTO_LIMIT_COLUMNS: readonly ColumnSpec[] = [
  { key: "riskGroup", header: "RiskGroup", aliases: ["Risk"], required: true },
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy"] },
  { key: "maxRevenue", header: "MaxRevenue", aliases: ["MaximumRevenue", "Revenue"] },
  { key: "creditLimit", header: "CreditLimit", aliases: ["Limit", "SuggestedLimit"], required: true },
];

/** @example readAutomaticLimits([["RiskGroup", "Currency", "CreditLimit"], ["Low", "USD", 20000]]).value[0].limitMinor // 2000000 */
export function readAutomaticLimits(range: unknown, options: ReadOptions = {}): Result<AutomaticLimitRule[]> {
  const matched = matchTable(range, AUTO_LIMIT_COLUMNS, "automaticLimits");
  if (!matched.ok) return matched;
  return readEachRow<AutomaticLimitRule>(matched.value, options, (r, out) => {
    const riskGroup = r.text("riskGroup", true);
    const { code: currency, exponent: exp } = r.currency();
    const maxRevenueMinor = r.money("maxRevenue", exp ?? 2);
    const limitMinor = r.money("creditLimit", exp ?? 2, true);
    if (riskGroup === undefined || limitMinor === undefined) return;
    out.push({ riskGroup, currency, ...(maxRevenueMinor !== undefined ? { maxRevenueMinor } : {}), limitMinor });
  });
}
