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
import { riskReview } from "../../workbook/credit-limits";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, sheetErrors, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger } from "../_lib/ledger";
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
      plainRequest("temporary", ["TemporaryLimits"], ["creditlimit", "from", "to"], false),
      ...adjustmentSheetRequests(),
    ],
    true,
  );
  const t = (k: string): ReadTable | undefined => ledger.tables.get(k);
  const customersSheet = t("customers") as ReadTable;
  const scoringSheet = t("scoring") as ReadTable;
  const rg = t("riskGroups");
  const al = t("autoLimits");
  const tl = t("temporary");
  ctx.progress(`scoring the customers of sheet '${customersSheet.sheet}'`);
  // The same reading, scoring and proposal as the task pane's Credit limits screen: riskReview.
  const review = riskReview(
    {
      customers: customersSheet.range,
      transactions: ledger.sheet.range,
      scoring: scoringSheet.range,
      ...(rg !== undefined ? { riskGroups: rg.range } : {}),
      ...(al !== undefined ? { automaticLimits: al.range } : {}),
      ...(tl !== undefined ? { temporaryLimits: tl.range } : {}),
      names: {
        customers: customersSheet.sheet, transactions: ledger.sheet.sheet, scoring: scoringSheet.sheet,
        ...(rg !== undefined ? { riskGroups: rg.sheet } : {}), ...(al !== undefined ? { automaticLimits: al.sheet } : {}), ...(tl !== undefined ? { temporaryLimits: tl.sheet } : {}),
      },
    },
    {
      asOfSerial: ctx.asOfSerial,
      dateSystem: ledger.sheet.dateSystem,
      roundAmounts: ctx.args.flags.has("round-amounts"),
      ...optionalReason(ctx.args.values.get("reason")),
      ...(monthsText !== undefined ? { expiryMonths: Number(monthsText) } : {}),
    },
  );
  if (!review.ok) throw sheetErrors(review.errors, [customersSheet, ledger.sheet, scoringSheet, ...(rg !== undefined ? [rg] : []), ...(al !== undefined ? [al] : []), ...(tl !== undefined ? [tl] : [])], customersSheet);
  const scores = review.value.scores;
  const customers = scores.map((s) => s.customer);
  const rows: (string | number)[][] = [["Customer", "Name", "Currency", "Score", "RiskGroup", "Points", "Revenue", "CreditLimit"]];
  for (const s of scores) {
    const c = s.customer;
    const exp = exponentOf(c.currency);
    rows.push([c.customer, c.name ?? "", c.currency, s.score, s.riskGroup, s.points.map((p) => `${p.group} ${p.points}`).join("; "), minorToNumber(s.revenueMinor, exp), minorToNumber(c.creditLimitMinor, exp)]);
  }
  const sheets: OutputSheet[] = [{ name: RISK_SHEET, rows }];
  const summary = [`Scored ${count(customers.length)} customers`];
  const journal = review.value.journal;
  if (journal !== undefined) {
    refuseIfPosted(ctx, ledger.tables, journal);
    sheets.push({ name: ADJUSTMENT_JOURNAL_SHEET, rows: adjustmentJournalTable(journal), dateColumns: [1] }, limitsAfterSheet(customers, journal, customersSheet));
    summary.push(`Automatic credit limits: ${count(journal.lines.length)} changes proposed in journal ${journal.journalId}`);
  }
  return { sheets, summary };
}

/** The --reason given, else none: the default reason code is the domain's (AUTOMATIC_LIMIT_REASON). */
function optionalReason(reason: string | undefined): { reason?: string } {
  return reason === undefined ? {} : { reason };
}
