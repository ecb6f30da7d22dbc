/**
 * `cc match`: cash application on a ledger. Reads a bank statement (camt.053 XML or CSV), matches
 * every line to the customer and open items it pays (as CC.MATCH does), and settles the matches at
 * or above the auto-apply level (High by default) through the settlement engine. Writes the sheets
 * `Statement` (the lines read), `Bank matches` (CC.MATCH's table) and `Bank journal` (the
 * settlement journal of the applied matches, the columns of `Settlement journal`).
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { describeError } from "../../domain/errors";
import type { Journal } from "../../domain/journal";
import { matchStatement, type LineResult } from "../../domain/matching/match";
import { CONFIDENCES, type Confidence, DEFAULT_MATCH_OPTIONS, type MatchOptions, type StatementLine } from "../../domain/matching/types";
import { postSettlement } from "../../domain/settlement/post";
import type { Transaction } from "../../domain/types";
import { readCamt053 } from "../../workbook/camt";
import { statementTable } from "../../workbook/statement";
import { readStatementCsv, type StatementMapping } from "../../workbook/statement-csv";
import { autoApplies, matchesTable, readMatchCustomers, withPaymentReferences } from "../../workbook/statement-match";
import { journalTable } from "../../workbook/settlement-journal";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { type Ledger, LEDGER_OPTIONS, loadLedger, must } from "../_lib/ledger";
import { plainRequest } from "../_lib/tables";
import { toleranceFlags } from "../_lib/tolerances";
import type { OutputSheet } from "../_lib/xlsx-write";

export const BANK_MATCHES_SHEET = "Bank matches";
export const BANK_JOURNAL_SHEET = "Bank journal";
export const STATEMENT_SHEET = "Statement";

export const MATCH_TABLES = [plainRequest("customers", ["Customers"], ["customer"], false)];

export const matchCommand: Command = {
  spec: {
    name: "match",
    summary: "Match a bank statement (camt.053 or CSV) to customers and open items and settle the sure matches (as CC.MATCH does).",
    usage: "<input.xlsx> --statement FILE.xml|FILE.csv [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "statement", value: "FILE", description: "the bank statement: camt.053 (.xml, versions 001.02-001.08) or CSV (.csv)" },
      { name: "mapping", value: "MAP", description: "CSV column mapping, e.g. date=Bokföringsdag,amount=Belopp,reference=OCR (columns: lineId, date, amount, currency, counterparty, account, reference, text)" },
      { name: "currency", value: "CODE", description: "currency of CSV lines without a Currency column" },
      { name: "auto-apply", value: "LEVEL", description: "lowest confidence settled without a person: High (default), Medium or Low" },
      { name: "max-penny", value: "AMOUNT", description: "max penny difference closed to the penny-difference account (default 0)" },
      { name: "max-over-under", value: "AMOUNT", description: "max short or over payment (bank fees) closed to the cash-discount account (default 0)" },
    ],
    details: "Writes the sheets 'Statement', 'Bank matches' and 'Bank journal'. Example: cc match samples/sample-ledger.xlsx --statement samples/sample-statement.xml",
  },
  run: runMatch,
};

/** Read a statement file by its extension: .xml is camt.053, anything else CSV. */
export function readStatementFile(path: string, mapping?: StatementMapping, currency?: string): StatementLine[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CliError(`cc match: ${path}: no such file`);
  }
  const name = basename(path);
  const read = extname(path).toLowerCase() === ".xml" ? readCamt053(text, { name }) : readStatementCsv(text, { name, ...(mapping === undefined ? {} : { mapping }), ...(currency === undefined ? {} : { currency }) });
  if (!read.ok) throw new CliError(`${read.errors.length} error${read.errors.length === 1 ? "" : "s"} in the statement ${path}:\n${read.errors.map((e) => `  ${describeError(e)} [${e.code}]`).join("\n")}`);
  return read.value;
}

export interface LedgerMatch {
  readonly lines: readonly StatementLine[];
  readonly matches: readonly LineResult[];
  readonly journals: readonly Journal[];
  readonly level: Confidence;
}

/**
 * Match `lines` against `transactions` (the ledger as it stands; references come from the ledger
 * sheet's PaymentReference column by row) and post the matches at or above the auto-apply level.
 */
export function matchLedger(ledger: Ledger, transactions: readonly Transaction[], lines: readonly StatementLine[], options: Partial<MatchOptions>): LedgerMatch {
  const items = withPaymentReferences(ledger.sheet.range, transactions, ledger.sheet.sheet);
  const customersSheet = ledger.tables.get("customers");
  const customers = customersSheet === undefined ? [] : must(readMatchCustomers(customersSheet.range, { name: customersSheet.sheet }), customersSheet);
  const matched = matchStatement(lines, items, customers, options);
  if (!matched.ok) throw inputError(matched.errors, ledger.sheet.sheet, ledger.sheet.headerRow);
  const level = options.autoApply ?? DEFAULT_MATCH_OPTIONS.autoApply;
  const journals: Journal[] = [];
  const posted = new Set<string>();
  for (const m of matched.value) {
    if (m.proposal === undefined || !autoApplies(m.confidence, level)) continue;
    const p = postSettlement(m.proposal, { accountingCurrency: ledger.accountingCurrency, rates: ledger.rateTable, postedIds: posted });
    if (!p.ok) throw inputError(p.errors, ledger.sheet.sheet, ledger.sheet.headerRow);
    posted.add(p.value.journal.journalId);
    journals.push(p.value.journal);
  }
  return { lines, matches: matched.value, journals, level };
}

export function matchSheets(m: LedgerMatch): OutputSheet[] {
  return [
    { name: STATEMENT_SHEET, rows: statementTable(m.lines), dateColumns: [1] },
    { name: BANK_MATCHES_SHEET, rows: matchesTable(m.matches) },
    { name: BANK_JOURNAL_SHEET, rows: journalTable(m.journals.flatMap((j) => j.lines)), dateColumns: [2] },
  ];
}

/** "12 statement lines: 9 High, 2 Medium, 0 Low, 1 None; 9 settled at High (27 journal lines)" */
export function matchSummary(m: LedgerMatch): string {
  const by = new Map<Confidence, number>(CONFIDENCES.map((c) => [c, 0]));
  for (const r of m.matches) by.set(r.confidence, (by.get(r.confidence) ?? 0) + 1);
  const lines = m.journals.reduce((n, j) => n + j.lines.length, 0);
  return `${count(m.matches.length)} statement lines: ${CONFIDENCES.map((c) => `${count(by.get(c) ?? 0)} ${c}`).join(", ")}; ${count(m.journals.length)} settled at ${m.level}${m.level === "High" ? "" : " or above"} (${count(lines)} journal lines)`;
}

/** Options from the command line; the tolerances are read in each statement currency's minor units. */
export function matchOptions(ctx: RunContext, lines: readonly StatementLine[]): Partial<MatchOptions> {
  const levelText = ctx.args.values.get("auto-apply");
  const level = levelText === undefined ? undefined : CONFIDENCES.find((c) => c.toLowerCase() === levelText.trim().toLowerCase());
  if (levelText !== undefined && (level === undefined || level === "None")) throw new CliError(`cc ${ctx.command}: --auto-apply '${levelText}' is not High, Medium or Low`, USAGE_EXIT);
  const tolerances = toleranceFlags(ctx, lines.map((l) => l.currency));
  return {
    ...(level === undefined ? {} : { autoApply: level }),
    ...(tolerances.size > 0 ? { tolerancesByCurrency: tolerances } : {}),
  };
}

function parseMapping(text: string | undefined): StatementMapping | undefined {
  if (text === undefined) return undefined;
  const keys = ["lineId", "date", "amount", "currency", "counterparty", "account", "reference", "text"];
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const eq = pair.indexOf("=");
    const key = keys.find((k) => k.toLowerCase() === pair.slice(0, eq).trim().toLowerCase());
    if (eq < 0 || key === undefined) throw new CliError(`cc match: --mapping '${pair}' must be column=Header with column one of ${keys.join(", ")}`, USAGE_EXIT);
    out[key] = pair.slice(eq + 1).trim();
  }
  return out;
}

export async function runMatch(ctx: RunContext): Promise<CommandResult> {
  const path = ctx.args.values.get("statement");
  if (path === undefined) throw new CliError("cc match: name the bank statement with --statement FILE.xml|FILE.csv", USAGE_EXIT);
  const lines = readStatementFile(path, parseMapping(ctx.args.values.get("mapping")), ctx.args.values.get("currency")?.toUpperCase());
  const options = matchOptions(ctx, lines);
  ctx.progress(`${count(lines.length)} statement lines from ${path}`);
  const ledger = await loadLedger(ctx, ["voucher"], MATCH_TABLES, true);
  const m = matchLedger(ledger, ledger.transactions, lines, options);
  return { sheets: matchSheets(m), summary: [`Matched ${matchSummary(m)}`] };
}
