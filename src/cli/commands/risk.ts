/**
 * `cc risk`: risk scoring and automatic credit limits (docs/domain.md §5.7) for every customer. Each
 * customer's attributes (years as customer, account status, DSO, average balance, average payment
 * days, and any further column of the Customers sheet, e.g. Country or YearsInBusiness) are scored
 * by the Scoring sheet's groups; RiskGroups maps the score to a risk group; AutomaticLimits maps
 * the risk group, currency and revenue (credit sales of the last 12 months) to a suggested limit,
 * proposed as a credit-limit adjustment journal, never a silent change.
 */
import { adjustmentJournal } from "../../domain/credit/adjustments/journal";
import { creditStatistics, STATISTICS_DEFAULTS, type StatItem } from "../../domain/credit/statistics";
import { customerAttributes } from "../../domain/credit/risk/attributes";
import { type AutoLimitCandidate, proposeAutomaticLimits } from "../../domain/credit/risk/auto-limits";
import { type Attributes, riskScore } from "../../domain/credit/risk/score";
import type { Customer } from "../../domain/credit/types";
import { addMonths } from "../../domain/dates";
import { currencyExponent, minorToNumber } from "../../domain/money";
import { ADJUSTMENT_JOURNAL_SHEET, adjustmentJournalTable } from "../../workbook/credit-adjustment-journal";
import { readAutomaticLimits, readRiskGroups, readScoringGroups } from "../../workbook/credit-risk";
import { CUSTOMER_COLUMNS, readCustomers } from "../../workbook/customers";
import { readStatisticsLedger } from "../../workbook/credit-statistics";
import { isBlank, normalizeHeader } from "../../workbook/table";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger, must } from "../_lib/ledger";
import { plainRequest } from "../_lib/tables";
import type { ReadTable } from "../_lib/xlsx-read";
import type { OutputSheet } from "../_lib/xlsx-write";
import { adjustmentSheetRequests, limitsAfterSheet, refuseIfPosted } from "./adjust";

export const RISK_SHEET = "Risk scores";

export const riskCommand: Command = {
  spec: {
    name: "risk",
    summary: "Score every customer's credit risk and propose automatic credit limits as an adjustment journal.",
    usage: "<input.xlsx> [--reason CODE] [--expiry-months N] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "reason", value: "CODE", description: "reason code of the proposed limit lines (default RISK)" },
      { name: "expiry-months", value: "N", description: "the proposed limits expire N months after --as-of (default: never)" },
    ],
    details: `Reads Customers and Scoring (Group, Attribute, From, To, Values, Points; required), RiskGroups (RiskGroup, FromScore, ToScore) and AutomaticLimits (RiskGroup, Currency, MaxRevenue, CreditLimit). Writes '${RISK_SHEET}' and, with AutomaticLimits, '${ADJUSTMENT_JOURNAL_SHEET}'. Example: cc risk samples/sample-ledger.xlsx --as-of 2025-12-31`,
  },
  run: runRisk,
};

const KNOWN_CUSTOMER_HEADERS = new Set(CUSTOMER_COLUMNS.flatMap((c) => [c.header, c.key, ...(c.aliases ?? [])].map(normalizeHeader)));

/** The Customers sheet's other columns (Country, YearsInBusiness, ...) per customer, as attributes. */
function extraAttributes(sheet: ReadTable): Map<string, Record<string, number | string>> {
  const header = (sheet.range[0] ?? []).map((h) => String(h ?? "").trim());
  const key = header.findIndex((h) => ["customer", "cust", "account", "customeraccount", "customerid", "customerno"].includes(normalizeHeader(h)));
  const out = new Map<string, Record<string, number | string>>();
  for (const row of sheet.range.slice(1)) {
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

export async function runRisk(ctx: RunContext): Promise<CommandResult> {
  const monthsText = ctx.args.values.get("expiry-months");
  if (monthsText !== undefined && !/^\d+$/.test(monthsText)) throw new CliError(`cc risk: --expiry-months '${monthsText}' is not a whole number`, USAGE_EXIT);
  const ledger = await loadLedger(
    ctx,
    [],
    [
      plainRequest("customers", ["Customers"], ["customer", "creditlimit"]),
      plainRequest("scoring", ["Scoring", "ScoringGroups", "RiskScoring"], ["group", "attribute", "points"]),
      plainRequest("riskGroups", ["RiskGroups"], ["riskgroup", "fromscore", "toscore"], false),
      plainRequest("autoLimits", ["AutomaticLimits", "AutoLimits"], ["riskgroup", "maxrevenue", "creditlimit"], false),
      ...adjustmentSheetRequests(),
    ],
    true,
  );
  const t = (k: string): ReadTable | undefined => ledger.tables.get(k);
  const customersSheet = t("customers") as ReadTable;
  const customers = must(readCustomers(customersSheet.range, { name: customersSheet.sheet }), customersSheet);
  const scoringSheet = t("scoring") as ReadTable;
  const groups = must(readScoringGroups(scoringSheet.range), scoringSheet);
  const rg = t("riskGroups");
  const riskGroups = rg === undefined ? [] : must(readRiskGroups(rg.range), rg);
  const al = t("autoLimits");
  const rules = al === undefined ? undefined : must(readAutomaticLimits(al.range), al);
  const items = must(readStatisticsLedger(ledger.sheet.range, { roundAmounts: ctx.args.flags.has("round-amounts") }), ledger.sheet);
  const extras = extraAttributes(customersSheet);
  const byCustomer = new Map<string, StatItem[]>();
  for (const i of items) {
    const list = byCustomer.get(i.customer);
    if (list === undefined) byCustomer.set(i.customer, [i]);
    else list.push(i);
  }

  ctx.progress(`scoring ${count(customers.length)} customers`);
  const rows: (string | number)[][] = [["Customer", "Name", "Currency", "Score", "RiskGroup", "Points", "Revenue", "CreditLimit"]];
  const candidates: AutoLimitCandidate[] = [];
  for (const c of customers) {
    const scored = scoreCustomer(ctx, c, byCustomer.get(c.customer) ?? [], extras.get(c.customer) ?? {}, groups, riskGroups, customersSheet, ledger.sheet);
    const exp = currencyExponent(c.currency) ?? 2;
    const riskGroup = scored.riskGroup ?? c.riskGroup ?? "";
    rows.push([c.customer, c.name ?? "", c.currency, scored.score, riskGroup, scored.points, minorToNumber(scored.revenueMinor, exp), minorToNumber(c.creditLimitMinor, exp)]);
    if (riskGroup !== "") candidates.push({ customer: c, riskGroup, revenueMinor: scored.revenueMinor });
  }
  const sheets: OutputSheet[] = [{ name: RISK_SHEET, rows }];
  const summary = [`Scored ${count(customers.length)} customers`];
  if (rules !== undefined) {
    const reason = (ctx.args.values.get("reason") ?? "RISK").trim() || "RISK";
    const withExpiry = proposeAutomaticLimits(candidates, rules, { reason, ...(monthsText !== undefined ? { expirySerial: addMonths(ctx.asOfSerial, Number(monthsText)) } : {}) });
    const journal = adjustmentJournal(withExpiry, ctx.asOfSerial);
    if (!journal.ok) throw inputError(journal.errors, customersSheet.sheet, customersSheet.headerRow);
    refuseIfPosted(ctx, ledger.tables, journal.value);
    sheets.push({ name: ADJUSTMENT_JOURNAL_SHEET, rows: adjustmentJournalTable(journal.value), dateColumns: [1] }, limitsAfterSheet(customers, journal.value, customersSheet));
    summary.push(`Automatic credit limits: ${count(withExpiry.length)} changes proposed in journal ${journal.value.journalId}`);
  }
  return { sheets, summary };
}

interface Scored {
  readonly score: number | string;
  readonly riskGroup?: string;
  readonly points: string;
  readonly revenueMinor: number;
}

function scoreCustomer(ctx: RunContext, c: Customer, items: readonly StatItem[], extra: Attributes, groups: Parameters<typeof riskScore>[1], riskGroups: Parameters<typeof riskScore>[2], sheet: ReadTable, ledgerSheet: ReadTable): Scored {
  const stats = creditStatistics({
    asOfSerial: ctx.asOfSerial,
    ...(c.customerSinceSerial !== undefined ? { customerSinceSerial: c.customerSinceSerial } : {}),
    items,
    limitMinor: c.unlimited ? null : c.creditLimitMinor,
    openOrdersMinor: 0,
    dsoMonths: STATISTICS_DEFAULTS.dsoMonths,
    balanceMonths: STATISTICS_DEFAULTS.balanceMonths,
  });
  if (!stats.ok) throw inputError(stats.errors.map((e) => ({ ...e, message: `customer ${c.customer}: ${e.message}` })), ledgerSheet.sheet, ledgerSheet.headerRow);
  const attrs = byGroupNames(customerAttributes(c, stats.value, ctx.asOfSerial, extra), groups.map((g) => g.attribute));
  const score = riskScore(attrs, groups, riskGroups);
  if (!score.ok) throw inputError(score.errors, sheet.sheet, sheet.headerRow);
  return {
    score: score.value.score,
    ...(score.value.riskGroup !== undefined ? { riskGroup: score.value.riskGroup } : {}),
    points: score.value.points.map((p) => `${p.group} ${p.points}`).join("; "),
    revenueMinor: stats.value.dso[0].creditSalesMinor,
  };
}
