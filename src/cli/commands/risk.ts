/**
 * `cc risk`: risk scoring and automatic credit limits (docs/domain.md §5.7) for every customer. Each
 * customer's attributes (years as customer, account status, DSO, average balance, average payment
 * days, and any further column of the Customers sheet, e.g. Country or YearsInBusiness) are scored
 * by the Scoring sheet's groups; RiskGroups maps the score to a risk group; AutomaticLimits maps
 * the risk group, currency and revenue (credit sales of the last 12 months) to a suggested limit,
 * proposed as a credit-limit adjustment journal, never a silent change.
 */
import { exponentOf, minorToNumber } from "../../domain/money";
import { ADJUSTMENT_JOURNAL_SHEET, adjustmentJournalTable } from "../../workbook/credit-adjustment-journal";
import { readAutomaticLimits, readRiskGroups, readScoringGroups } from "../../workbook/credit-risk";
import { extraAttributes, proposeLimits, scoreCustomers } from "../../workbook/credit-limits";
import { readCustomers } from "../../workbook/customers";
import { readStatisticsLedger } from "../../workbook/credit-statistics";
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
  const extras = extraAttributes(customersSheet.range);

  ctx.progress(`scoring ${count(customers.length)} customers`);
  // The same scoring and proposal as the task pane's Credit limits screen (src/workbook/credit-limits.ts).
  const scored = scoreCustomers({ customers, items, extras, groups, riskGroups, asOfSerial: ctx.asOfSerial, names: { ledger: ledger.sheet.sheet, scoring: customersSheet.sheet } });
  if (!scored.ok) {
    const first = scored.errors[0];
    throw first?.table === ledger.sheet.sheet ? inputError(scored.errors, ledger.sheet.sheet, ledger.sheet.headerRow) : inputError(scored.errors, customersSheet.sheet, customersSheet.headerRow);
  }
  const rows: (string | number)[][] = [["Customer", "Name", "Currency", "Score", "RiskGroup", "Points", "Revenue", "CreditLimit"]];
  for (const s of scored.value) {
    const c = s.customer;
    const exp = exponentOf(c.currency);
    rows.push([c.customer, c.name ?? "", c.currency, s.score, s.riskGroup, s.points.map((p) => `${p.group} ${p.points}`).join("; "), minorToNumber(s.revenueMinor, exp), minorToNumber(c.creditLimitMinor, exp)]);
  }
  const sheets: OutputSheet[] = [{ name: RISK_SHEET, rows }];
  const summary = [`Scored ${count(customers.length)} customers`];
  if (rules !== undefined) {
    const journal = proposeLimits(scored.value, rules, { asOfSerial: ctx.asOfSerial, ...optionalReason(ctx.args.values.get("reason")), ...(monthsText !== undefined ? { expiryMonths: Number(monthsText) } : {}) });
    if (!journal.ok) throw inputError(journal.errors, customersSheet.sheet, customersSheet.headerRow);
    refuseIfPosted(ctx, ledger.tables, journal.value);
    sheets.push({ name: ADJUSTMENT_JOURNAL_SHEET, rows: adjustmentJournalTable(journal.value), dateColumns: [1] }, limitsAfterSheet(customers, journal.value, customersSheet));
    summary.push(`Automatic credit limits: ${count(journal.value.lines.length)} changes proposed in journal ${journal.value.journalId}`);
  }
  return { sheets, summary };
}

/** The --reason given, else none: the default reason code is the domain's (AUTOMATIC_LIMIT_REASON). */
function optionalReason(reason: string | undefined): { reason?: string } {
  return reason === undefined ? {} : { reason };
}
