/**
 * Risk scoring and automatic credit limits from sheet ranges (docs/domain.md §5.7, §5.8): reads the
 * Customers, ledger, Scoring, RiskGroups and AutomaticLimits tables, with the Customers table's
 * further columns (Country, ...) as attributes, and calls the domain's review
 * (src/domain/credit/risk/review.ts), for `cc risk` and the task pane's Credit limits screen.
 */
import { type ProposalSettings, type RiskReview, riskJournal, scoreCustomers } from "../domain/credit/risk/review";
import type { Attributes } from "../domain/credit/risk/score";
import type { DateSystem } from "../domain/dates";
import { type CcError, fail, ok, type Result } from "../domain/errors";
import { readAutomaticLimits, readRiskGroups, readScoringGroups } from "./credit-risk";
import { readTemporaryLimits } from "./credit-groups";
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

export type RiskTable = "customers" | "transactions" | "scoring" | "riskGroups" | "automaticLimits" | "temporaryLimits";

export interface RiskRanges {
  readonly customers: unknown;
  readonly transactions: unknown;
  readonly scoring: unknown;
  /** Optional tables: undefined = not in the workbook. */
  readonly riskGroups?: unknown;
  readonly automaticLimits?: unknown;
  /** TemporaryLimits (Customer or CreditGroup, CreditLimit, From, To): the limit in force in the statistics. */
  readonly temporaryLimits?: unknown;
  /** The names used in messages (a sheet or table name); default the key. */
  readonly names?: Partial<Record<RiskTable, string>>;
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
  const currencyOf = (owner: "Customer" | "Group", account: string): string | undefined => (owner === "Customer" ? customers.find((c) => c.customer === account)?.currency : undefined);
  const temporaryLimits =
    ranges.temporaryLimits === undefined ? [] : take("temporaryLimits", readTemporaryLimits(ranges.temporaryLimits, { ...read, name: name("temporaryLimits"), currencyOf }), []);
  if (errors.length > 0) return fail(...errors);
  const extras = Array.isArray(ranges.customers) ? extraAttributes(ranges.customers as unknown[][]) : new Map<string, Attributes>();
  const scores = scoreCustomers({ customers, items, extras, groups, riskGroups, temporaryLimits, asOfSerial: settings.asOfSerial, attributeKey: normalizeHeader, names: { ledger: name("transactions"), scoring: name("scoring") } });
  if (!scores.ok) return scores;
  const journal = riskJournal(customers, scores.value, rules, settings);
  if (!journal.ok) return fail(...journal.errors.map(named("customers")));
  return ok({ scores: scores.value, ...(journal.value !== undefined ? { journal: journal.value } : {}) });
}

