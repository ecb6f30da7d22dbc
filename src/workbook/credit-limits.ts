/**
 * Risk scoring and automatic credit limits from sheet ranges (docs/domain.md §5.7, §5.8): the one
 * path from the Customers, ledger, Scoring, RiskGroups and AutomaticLimits tables to each
 * customer's score and the proposed credit-limit adjustment journal, used by `cc risk` and the
 * task pane's Credit limits screen. Each customer's attributes (years as customer, account status,
 * DSO, average balance, average payment days, and any further Customers column such as Country)
 * are scored by the scoring groups; the risk group maps to a suggested limit, proposed as a journal
 * line only when it differs from the current limit. Nothing here changes a limit.
 */
import { type AdjustmentGenerator, generateAdjustments } from "../domain/credit/adjustments/generate";
import { adjustmentJournal } from "../domain/credit/adjustments/journal";
import type { CreditLimitAdjustmentJournal, CreditLimitAdjustmentLine } from "../domain/credit/adjustments/types";
import { customerAttributes } from "../domain/credit/risk/attributes";
import { AUTOMATIC_LIMIT_REASON, type AutoLimitCandidate, type AutomaticLimitRule, proposeAutomaticLimits } from "../domain/credit/risk/auto-limits";
import { type Attributes, type RiskGroupRange, riskScore, type ScoringGroup } from "../domain/credit/risk/score";
import { type CreditStatistics, customerStatistics, type StatItem } from "../domain/credit/statistics";
import type { Customer } from "../domain/credit/types";
import { addMonths, type DateSystem } from "../domain/dates";
import { type CcError, fail, ok, type Result } from "../domain/errors";
import { readAutomaticLimits, readRiskGroups, readScoringGroups } from "./credit-risk";
import { readStatisticsLedger } from "./credit-statistics";
import { CUSTOMER_COLUMNS, readCustomers } from "./customers";
import { isBlank, normalizeHeader } from "./table";

const KNOWN_CUSTOMER_HEADERS = new Set(CUSTOMER_COLUMNS.flatMap((c) => [c.header, c.key, ...(c.aliases ?? [])].map(normalizeHeader)));
const CUSTOMER_KEYS = ["customer", "cust", "account", "customeraccount", "customerid", "customerno"];

/**
 * The Customers range's other columns (Country, YearsInBusiness, ...) per customer, as attributes.
 * @example extraAttributes([["Customer", "CreditLimit", "Country"], ["C1", 100, "SE"]]).get("C1") // { Country: "SE" }
 */
export function extraAttributes(range: readonly (readonly unknown[])[]): Map<string, Record<string, number | string>> {
  const header = (range[0] ?? []).map((h) => String(h ?? "").trim());
  const key = header.findIndex((h) => CUSTOMER_KEYS.includes(normalizeHeader(h)));
  const out = new Map<string, Record<string, number | string>>();
  if (key < 0) return out;
  for (const row of range.slice(1)) {
    const id = row[key];
    if (isBlank(id)) continue;
    const attrs: Record<string, number | string> = {};
    header.forEach((h, i) => {
      const v = row[i];
      if (h !== "" && !KNOWN_CUSTOMER_HEADERS.has(normalizeHeader(h)) && !isBlank(v)) attrs[h] = typeof v === "number" ? v : String(v).trim();
    });
    out.set(String(id).trim(), attrs);
  }
  return out;
}

/** Attributes keyed as each scoring group names them, matched like headers (yearsAsCustomer = Years as customer). */
function byGroupNames(attrs: Attributes, names: readonly string[]): Attributes {
  const normalized = new Map(Object.entries(attrs).map(([k, v]) => [normalizeHeader(k), v]));
  return Object.fromEntries(names.map((n) => [n, normalized.get(normalizeHeader(n))]));
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
  readonly asOfSerial: number;
  /** Table names for errors: the ledger's (statistics) and the scoring table's. */
  readonly names?: { readonly ledger?: string; readonly scoring?: string };
}

/**
 * Score every customer. A statistics error names the customer and the ledger table; a scoring
 * error the scoring table.
 * @example scoreCustomers({ customers, items, extras: new Map(), groups, riskGroups, asOfSerial }).value[0].score // 30
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
  const out: CustomerRisk[] = [];
  const errors: CcError[] = [];
  for (const c of input.customers) {
    // The figures of CC.CREDITSTATS for this customer (one policy: customerStatistics), default windows.
    const stats = customerStatistics({ customer: c.customer, asOfSerial: input.asOfSerial, ledger: byCustomer.get(c.customer) ?? [], record: c });
    if (!stats.ok) {
      errors.push(...stats.errors.map((e) => ({ ...e, table: ledger, message: `customer ${c.customer}: ${e.message}` })));
      continue;
    }
    const attrs = byGroupNames(customerAttributes(c, stats.value.stats, input.asOfSerial, input.extras.get(c.customer) ?? {}), names);
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
 * @example proposeLimits(scores, rules, { asOfSerial: 46022 }).value.lines[0].reason // "RISK"
 */
export function proposeLimits(scores: readonly CustomerRisk[], rules: readonly AutomaticLimitRule[], settings: ProposalSettings): Result<CreditLimitAdjustmentJournal> {
  const reason = (settings.reason ?? "").trim() || AUTOMATIC_LIMIT_REASON;
  const candidates: AutoLimitCandidate[] = scores.filter((s) => s.riskGroup !== "").map((s) => ({ customer: s.customer, riskGroup: s.riskGroup, revenueMinor: s.revenueMinor }));
  const lines = proposeAutomaticLimits(candidates, rules, { reason, ...(settings.expiryMonths !== undefined ? { expirySerial: addMonths(settings.asOfSerial, settings.expiryMonths) } : {}) });
  return adjustmentJournal(lines, settings.asOfSerial);
}

export type RiskTable = "customers" | "transactions" | "scoring" | "riskGroups" | "automaticLimits";

export interface RiskRanges {
  readonly customers: unknown;
  readonly transactions: unknown;
  readonly scoring: unknown;
  /** Optional tables: undefined = not in the workbook. */
  readonly riskGroups?: unknown;
  readonly automaticLimits?: unknown;
  /** The names used in messages (a sheet or table name); default the key. */
  readonly names?: Partial<Record<RiskTable, string>>;
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
 * Read every table and score, then propose (with AutomaticLimits). All read errors of all tables
 * are reported together.
 * @example riskReview({ customers, transactions, scoring, automaticLimits }, { asOfSerial: 46022 }).value.journal?.journalId // "CRE-…"
 */
export function riskReview(ranges: RiskRanges, settings: ProposalSettings & { readonly dateSystem?: DateSystem; readonly roundAmounts?: boolean }): Result<RiskReview> {
  const read = { roundAmounts: settings.roundAmounts ?? false, ...(settings.dateSystem !== undefined ? { dateSystem: settings.dateSystem } : {}) };
  const name = (t: RiskTable): string => ranges.names?.[t] ?? t;
  const errors: CcError[] = [];
  const named = (t: RiskTable) => (e: CcError): CcError => ({ ...e, table: name(t) });
  const take = <T>(t: RiskTable, r: Result<T>, empty: T): T => {
    if (r.ok) return r.value;
    errors.push(...r.errors.map(named(t)));
    return empty;
  };
  const customers = take("customers", readCustomers(ranges.customers, { ...read, name: name("customers") }), []);
  const items = take("transactions", readStatisticsLedger(ranges.transactions, read), []);
  const groups = take("scoring", readScoringGroups(ranges.scoring, read), []);
  const riskGroups = ranges.riskGroups === undefined ? [] : take("riskGroups", readRiskGroups(ranges.riskGroups, read), []);
  const rules = ranges.automaticLimits === undefined ? undefined : take("automaticLimits", readAutomaticLimits(ranges.automaticLimits, read), []);
  if (errors.length > 0) return fail(...errors);
  const extras = Array.isArray(ranges.customers) ? extraAttributes(ranges.customers as unknown[][]) : new Map<string, Attributes>();
  const scores = scoreCustomers({ customers, items, extras, groups, riskGroups, asOfSerial: settings.asOfSerial, names: { ledger: name("transactions"), scoring: name("scoring") } });
  if (!scores.ok) return scores;
  if (settings.generator !== undefined) {
    const g = settings.generator;
    const lines = generateAdjustments(customers, {
      method: g.method, value: g.value, ...(g.roundingValue !== undefined ? { roundingValue: g.roundingValue } : {}), ...(g.direction !== undefined ? { direction: g.direction } : {}),
      type: "Normal", asOfSerial: settings.asOfSerial, reason: (settings.reason ?? "").trim(),
      ...(settings.expiryMonths !== undefined ? { expiry: { months: settings.expiryMonths } } : {}),
    });
    if (!lines.ok) return lines;
    const journal = adjustmentJournal(lines.value, settings.asOfSerial);
    return journal.ok ? ok({ scores: scores.value, journal: journal.value }) : fail(...journal.errors.map(named("customers")));
  }
  if (rules === undefined) return ok({ scores: scores.value });
  const journal = proposeLimits(scores.value, rules, settings);
  if (!journal.ok) return fail(...journal.errors.map(named("customers")));
  return ok({ scores: scores.value, journal: journal.value });
}

/**
 * One row per scored customer: current limit, the proposed one and the change.
 * @example limitRows(review)[0] // { customer: "C1", score: 30, limitMinor: 1000000, changeMinor: 1000000, ... }
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
