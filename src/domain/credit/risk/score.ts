/**
 * Risk scoring (docs/domain.md §5.7): scoring groups each award points for one customer attribute, by
 * value ranges (From inclusive, To exclusive) or by listed values; the risk score is the sum, and
 * risk groups map score ranges to a risk group.
 */
import { ccError, type CcError, fail, ok, type Result } from "../../errors";
import { normalizeKey } from "../_lib/keys";

export interface ScoringBand {
  readonly from?: number;
  readonly to?: number;
  readonly values?: readonly string[];
  readonly points: number;
}

export interface ScoringGroup {
  readonly name: string;
  /** e.g. yearsAsCustomer, yearsInBusiness, dso, averageBalance, averagePaymentDays, accountStatus, country. */
  readonly attribute: string;
  readonly bands: readonly ScoringBand[];
}

export interface RiskGroupRange {
  readonly riskGroup: string;
  /** Inclusive bounds of the score. */
  readonly fromScore: number;
  readonly toScore: number;
}

export type Attributes = Readonly<Record<string, number | string | undefined>>;

export interface RiskScore {
  readonly score: number;
  readonly points: readonly { readonly group: string; readonly points: number }[];
  readonly riskGroup?: string;
}

/**
 * Score one customer: the first band of each group that matches the attribute awards its points;
 * an attribute that is missing awards none.
 * @example riskScore({ yearsAsCustomer: 6 }, [{ name: "Tenure", attribute: "yearsAsCustomer", bands: [{ from: 0, to: 5, points: 1 }, { from: 5, points: 3 }] }], []).value.score // 3
 */
export function riskScore(attributes: Attributes, groups: readonly ScoringGroup[], riskGroups: readonly RiskGroupRange[]): Result<RiskScore> {
  const overlap = checkRiskGroups(riskGroups);
  if (overlap.length > 0) return fail(...overlap);
  const points: { group: string; points: number }[] = [];
  for (const g of groups) {
    const v = attributes[g.attribute];
    if (v === undefined) continue;
    const band = g.bands.find((b) => bandMatches(b, v));
    if (band !== undefined) points.push({ group: g.name, points: band.points });
  }
  const score = points.reduce((a, p) => a + p.points, 0);
  const group = riskGroups.find((r) => score >= r.fromScore && score <= r.toScore)?.riskGroup;
  return ok({ score, points, ...(group !== undefined ? { riskGroup: group } : {}) });
}

function bandMatches(b: ScoringBand, v: number | string): boolean {
  if (b.values !== undefined) return b.values.some((x) => normalizeKey(x) === normalizeKey(String(v)));
  if (typeof v !== "number") return false;
  return (b.from === undefined || v >= b.from) && (b.to === undefined || v < b.to);
}

function checkRiskGroups(ranges: readonly RiskGroupRange[]): CcError[] {
  const sorted = [...ranges].sort((a, b) => a.fromScore - b.fromScore);
  const errors: CcError[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev !== undefined && cur !== undefined && cur.fromScore <= prev.toScore) {
      errors.push(ccError("risk_groups_must_not_overlap", { first: prev.riskGroup, second: cur.riskGroup }, { table: "riskGroups", column: "FromScore" }));
    }
  }
  return errors;
}
