/**
 * Risk scoring of every customer and the proposed credit limits (docs/domain.md §5.7, §5.8): the
 * policy behind `cc risk` and the task pane's Credit limits screen. Each customer's attributes (years
 * as customer, account status, DSO, average balance, average payment days, and any further
 * attribute such as Country) are scored by the scoring groups; the risk group maps to a suggested
 * limit, proposed as a journal line only when it differs from the current limit. Nothing here
 * changes a limit. Reading the tables is src/workbook/credit-limits.ts.
 */
import { addMonths } from "../../dates";
import { type CcError, fail, ok, type Result } from "../../errors";
import { type AdjustmentGenerator, generateAdjustments } from "../adjustments/generate";
import { adjustmentJournal } from "../adjustments/journal";
import type { CreditLimitAdjustmentJournal, CreditLimitAdjustmentLine } from "../adjustments/types";
import { type CreditStatistics, customerStatistics, type StatItem } from "../statistics";
import type { Customer, TemporaryLimit } from "../types";
import { customerAttributes } from "./attributes";
import { AUTOMATIC_LIMIT_REASON, type AutoLimitCandidate, type AutomaticLimitRule, proposeAutomaticLimits } from "./auto-limits";
import { type Attributes, type RiskGroupRange, riskScore, type ScoringGroup } from "./score";

/** Attributes keyed as each scoring group names them, matched like headers (yearsAsCustomer = Years as customer). */
function byGroupNames(attrs: Attributes, names: readonly string[], key: (name: string) => string): Attributes {
  const normalized = new Map(Object.entries(attrs).map(([k, v]) => [key(k), v]));
  return Object.fromEntries(names.map((n) => [n, normalized.get(key(n))]));
}

export interface CustomerRisk {
  readonly customer: Customer;
  readonly score: number;
  /** From the risk groups, else the customer's own RiskGroup, else blank. */
  readonly riskGroup: string;
  /** The points each scoring group awarded. */
  readonly points: readonly { readonly group: string; readonly points: number }[];
  /** Credit sales of the last 12 months (the statistics' first DSO window), minor units. */
  readonly revenueMinor: number;
  /** The customer's credit statistics, the same figures CC.CREDITSTATS gives without options. */
  readonly statistics: CreditStatistics;
}

export interface ScoreInput {
  readonly customers: readonly Customer[];
  readonly items: readonly StatItem[];
  /** Extra attributes per customer (`extraAttributes`). */
  readonly extras: ReadonlyMap<string, Attributes>;
  readonly groups: readonly ScoringGroup[];
  readonly riskGroups: readonly RiskGroupRange[];
  /** Temporary limits: one in force on the as-of date is the customer's limit in its statistics. */
  readonly temporaryLimits?: readonly TemporaryLimit[];
  readonly asOfSerial: number;
  /** How attribute names compare (the sheet layer's header matching; default: lower case). */
  readonly attributeKey?: (name: string) => string;
  /** Table names for errors: the ledger's (statistics) and the scoring table's. */
  readonly names?: { readonly ledger?: string; readonly scoring?: string };
}

/**
 * Score every customer. A statistics error names the customer and the ledger table; a scoring
 * error the scoring table.
 * @example scoreCustomers({ customers: riskCustomers, items: [c1Invoice], extras: new Map(), groups: tenureScoring, riskGroups: tenureRiskGroups, asOfSerial }).value.map((r) => [r.score, r.riskGroup]) // [[30, "Low"], [0, "High"]]
 */
export function scoreCustomers(input: ScoreInput): Result<CustomerRisk[]> {
  const byCustomer = new Map<string, StatItem[]>();
  for (const i of input.items) {
    const list = byCustomer.get(i.customer);
    if (list === undefined) byCustomer.set(i.customer, [i]);
    else list.push(i);
  }
  const ledger = input.names?.ledger ?? "transactions";
  const scoring = input.names?.scoring ?? "scoring";
  const names = input.groups.map((g) => g.attribute);
  const key = input.attributeKey ?? ((n: string) => n.toLowerCase());
  const out: CustomerRisk[] = [];
  const errors: CcError[] = [];
  for (const c of input.customers) {
    // The figures of CC.CREDITSTATS for this customer (one policy: customerStatistics), default windows.
    const stats = customerStatistics({ customer: c.customer, asOfSerial: input.asOfSerial, ledger: byCustomer.get(c.customer) ?? [], record: c, temporaryLimits: input.temporaryLimits ?? [] });
    if (!stats.ok) {
      errors.push(...stats.errors.map((e) => ({ ...e, table: ledger, message: `customer ${c.customer}: ${e.message}` })));
      continue;
    }
    const attrs = byGroupNames(customerAttributes(c, stats.value.stats, input.asOfSerial, input.extras.get(c.customer) ?? {}), names, key);
    const score = riskScore(attrs, input.groups, input.riskGroups);
    if (!score.ok) return fail(...score.errors.map((e) => ({ ...e, table: e.table ?? scoring })));
    out.push({
      customer: c,
      score: score.value.score,
      riskGroup: score.value.riskGroup ?? c.riskGroup ?? "",
      points: score.value.points,
      revenueMinor: stats.value.stats.dso[0].creditSalesMinor,
      statistics: stats.value.stats,
    });
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}

export interface ProposalSettings {
  readonly asOfSerial: number;
  /** The reason code of every line (default RISK). */
  readonly reason?: string;
  /** The proposed limits expire this many months after the as-of date (default: never). */
  readonly expiryMonths?: number;
  /**
   * Instead of the automatic limits, the generator's change of every limit (as `cc adjust`): a
   * fixed amount (major units of each customer's currency) or a percentage, rounded.
   */
  readonly generator?: Pick<AdjustmentGenerator, "method" | "value" | "roundingValue" | "direction">;
}

/**
 * The automatic limits as a credit-limit adjustment journal dated the as-of date (the ID derives
 * from its content: the same proposal twice is the same journal).
 * @example proposeLimits(riskScores, lowLimit20000, { asOfSerial }).value.lines.map((l) => [l.account, l.newLimitMinor, l.reason]) // [["C1", 2000000, "RISK"]]
 */
export function proposeLimits(scores: readonly CustomerRisk[], rules: readonly AutomaticLimitRule[], settings: ProposalSettings): Result<CreditLimitAdjustmentJournal> {
  const reason = (settings.reason ?? "").trim() || AUTOMATIC_LIMIT_REASON;
  const candidates: AutoLimitCandidate[] = scores.filter((s) => s.riskGroup !== "").map((s) => ({ customer: s.customer, riskGroup: s.riskGroup, revenueMinor: s.revenueMinor }));
  const lines = proposeAutomaticLimits(candidates, rules, { reason, ...(settings.expiryMonths !== undefined ? { expirySerial: addMonths(settings.asOfSerial, settings.expiryMonths) } : {}) });
  return adjustmentJournal(lines, settings.asOfSerial);
}

/**
 * The journal a risk review proposes: with a generator, the generator's change of every limit (as
 * `cc adjust`); else, with automatic-limit rules, the automatic limits; else none (scores only).
 * @example riskJournal([customerWith10000], [], undefined, { asOfSerial }).value // undefined
 * @example riskJournal([customerWith10000], [], undefined, { asOfSerial, generator: { method: "Percent", value: "10" } }).value?.lines[0]?.newLimitMinor // 1100000
 */
export function riskJournal(
  customers: readonly Customer[],
  scores: readonly CustomerRisk[],
  rules: readonly AutomaticLimitRule[] | undefined,
  settings: ProposalSettings,
): Result<CreditLimitAdjustmentJournal | undefined> {
  if (settings.generator !== undefined) {
    const g = settings.generator;
    const lines = generateAdjustments(customers, {
      method: g.method, value: g.value, ...(g.roundingValue !== undefined ? { roundingValue: g.roundingValue } : {}), ...(g.direction !== undefined ? { direction: g.direction } : {}),
      type: "Normal", asOfSerial: settings.asOfSerial, reason: (settings.reason ?? "").trim(),
      ...(settings.expiryMonths !== undefined ? { expiry: { months: settings.expiryMonths } } : {}),
    });
    return lines.ok ? adjustmentJournal(lines.value, settings.asOfSerial) : lines;
  }
  return rules === undefined ? ok(undefined) : proposeLimits(scores, rules, settings);
}

export interface RiskReview {
  readonly scores: readonly CustomerRisk[];
  /** Absent without an AutomaticLimits table (scores only). */
  readonly journal?: CreditLimitAdjustmentJournal;
}

/** A row of the limits review: one customer's score and its limit now and as proposed. */
export interface LimitRow {
  readonly customer: string;
  readonly name: string;
  readonly currency: string;
  readonly score: number;
  readonly riskGroup: string;
  readonly points: readonly { readonly group: string; readonly points: number }[];
  readonly revenueMinor: number;
  /** The current limit; null = Unlimited. */
  readonly limitMinor: number | null;
  /** The proposed journal line, when the automatic limit differs from the current one. */
  readonly line?: CreditLimitAdjustmentLine;
  /** Proposed minus current (0 without a line). */
  readonly changeMinor: number;
}

/**
 * One row per scored customer: current limit, the proposed one and the change.
 * @example limitRows(riskReviewC1).map((r) => [r.customer, r.limitMinor, r.changeMinor]) // [["C1", 1000000, 1000000], ["C2", 0, 0]]
 */
export function limitRows(review: RiskReview): LimitRow[] {
  const lines = new Map((review.journal?.lines ?? []).filter((l) => l.target === "Customer" && l.type === "Normal").map((l) => [l.account, l]));
  return review.scores.map((s) => {
    const c = s.customer;
    const line = lines.get(c.customer);
    const limitMinor = c.unlimited ? null : c.creditLimitMinor;
    return {
      customer: c.customer, name: c.name ?? "", currency: c.currency, score: s.score, riskGroup: s.riskGroup, points: s.points, revenueMinor: s.revenueMinor, limitMinor,
      ...(line !== undefined ? { line } : {}),
      changeMinor: line === undefined ? 0 : line.newLimitMinor - (limitMinor ?? 0),
    };
  });
}
