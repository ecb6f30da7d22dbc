/**
 * `cc demo` (`npm run demo`): the product on the bundled sample in one command. It ages the
 * ledger, settles every unapplied payment automatically, cancels the bounced payment (the one whose
 * Note says NSF: its settlements are unapplied and its invoices reopen), checks every open order
 * against the ledger as it then stands, and writes off one customer in legal collection; then
 * writes `out/demo.xlsx` with the sheets `Summary` (the run's figures), `Aging`, `Aging chart` (a
 * native chart of the periods by currency), `Settlement journal`, `NSF journal`, `Credit holds` and
 * `Write-off journal`, and prints a short summary. With the sample it also
 * matches the sample bank statement (cash application) and settles the High matches: sheets
 * `Bank matches` and `Bank journal`.
 */
import { basename, dirname, join } from "node:path";
import { proposeWriteOff } from "../../domain/collections";
import { isoFromSerial } from "../../domain/dates";
import { exponentOf, parseMoney } from "../../domain/money";
import { autoSettleLedger } from "../../domain/settlement";
import type { Transaction } from "../../domain/types";
import { defaultDefinition } from "../../domain/aging/periods";
import { ageRange } from "../../workbook/aging-input";
import { agingTable } from "../../workbook/aging-output";
import { readCustomers } from "../../workbook/customers";
import { journalTable } from "../../workbook/settlement-journal";
import { writeOffJournalTable } from "../../workbook/writeoff";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count, formatAmount } from "../_lib/format";
import { type Ledger, LEDGER_OPTIONS, loadLedger, must } from "../_lib/ledger";
import { cancelPayments, nsfMarkedPayments } from "../_lib/nsf";
import { SAMPLE_AS_OF } from "../sample/ledger";
import { CREDIT_TABLES, creditCheckLedger, holdsSheet, holdSummary } from "./creditcheck";
import { BANK_JOURNAL_SHEET, BANK_MATCHES_SHEET, type LedgerMatch, matchLedger, matchSheets, matchSummary, readStatementFile } from "./match";
import { autoApplies } from "../../workbook/statement-match";
import { WRITEOFF_JOURNAL_SHEET } from "./writeoff";
import { type Figure, summarySheet } from "./demo-summary";
import { agingChartSheet } from "../_lib/aging-chart";
import { type OutCell, writeWorkbook } from "../_lib/xlsx-write";
import { HEADER_LANGUAGES, type HeaderLanguage, isHeaderLanguage, outputHeader } from "../sample/nordic-headers";
import { sampleOutputSheets } from "../sample/sample-sheets";

export const SAMPLE_PATH = "samples/sample-ledger.xlsx";
export const SAMPLE_STATEMENT_PATH = "samples/sample-statement.xml";

export const demoCommand: Command = {
  spec: {
    name: "demo",
    summary: "Age, settle, credit-check and write off on the sample ledger; writes out/demo.xlsx.",
    usage: "[input.xlsx] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "writeoff-customer", value: "ID", description: "customer to write off (default: the customer in Legal status with the largest balance after settlement)" },
      { name: "nsf", value: "VOUCHERS", description: "bounced payments to cancel, comma-separated (default: the payments whose Note mentions NSF); 'none' cancels none" },
      { name: "nsf-fee", value: "AMOUNT", description: "NSF fee charged per bounced payment, in the payment's currency (default: none; the sample has no bank charge)" },
      { name: "headers", value: "LANG", description: "header names of the sample ledger and the output sheets: en (default), sv, da or nb (Kund/Förfallodatum/Belopp/...); the sample is written as out/sample-ledger-LANG.xlsx beside --out and read back" },
      { name: "statement", value: "FILE", description: `bank statement to match and settle (camt.053 or CSV; default ${SAMPLE_STATEMENT_PATH} with the sample ledger); 'none' skips cash application` },
    ],
    details: `Input defaults to ${SAMPLE_PATH} and the as-of date to 2025-12-31 (the sample's). Writes the sheets 'Summary', 'Aging', 'Aging chart', 'Settlement journal', 'NSF journal', 'Credit holds', 'Write-off journal', '${BANK_MATCHES_SHEET}' and '${BANK_JOURNAL_SHEET}'.`,
  },
  defaultInput: SAMPLE_PATH,
  run: runDemo,
};

export async function runDemo(given: RunContext): Promise<CommandResult> {
  const language = headerLanguage(given);
  const dated: RunContext = given.args.values.has("as-of") ? given : { ...given, asOfSerial: SAMPLE_AS_OF };
  const ctx = await nordicSample(dated, language);
  const result = await runSteps(ctx, basename(given.input) === basename(SAMPLE_PATH) ? join(dirname(given.input), basename(SAMPLE_STATEMENT_PATH)) : undefined);
  if (language === "en") return result;
  return { ...result, sheets: result.sheets.map((sheet) => ({ ...sheet, header: ((sheet.rows as readonly (readonly OutCell[])[])[0] ?? []).map((h) => (typeof h === "string" && h !== "JournalId" ? outputHeader(h, language) : h)) })) };
}

function headerLanguage(ctx: RunContext): HeaderLanguage {
  const text = (ctx.args.values.get("headers") ?? "en").trim().toLowerCase();
  if (!isHeaderLanguage(text)) throw new CliError(`cc demo: --headers '${text}' is not one of ${HEADER_LANGUAGES.join(", ")}`, USAGE_EXIT);
  return text;
}

/**
 * With Nordic headers and the sample as input, the sample is written with those headers beside the
 * output and the demo runs on that copy: the readers take Kund/Förfallodatum/Belopp as they take
 * Customer/DueDate/Amount.
 */
async function nordicSample(ctx: RunContext, language: HeaderLanguage): Promise<RunContext> {
  if (language === "en" || basename(ctx.input) !== basename(SAMPLE_PATH) || ctx.args.flags.has("in-place")) return ctx;
  const path = join(dirname(ctx.args.values.get("out") ?? "out/demo.xlsx"), `sample-ledger-${language}.xlsx`);
  ctx.progress(`writing the sample ledger with ${language} headers to ${path}`);
  await writeWorkbook(path, sampleOutputSheets(language));
  return { ...ctx, input: path };
}

async function runSteps(ctx: RunContext, sampleStatement: string | undefined): Promise<CommandResult> {
  const asOf = ctx.asOfSerial;
  const ledger = await loadLedger(ctx, ["voucher", "type", "date", "dueDate"], CREDIT_TABLES, true);
  const sheetName = ledger.sheet.sheet;

  ctx.progress(`aging as of ${isoFromSerial(asOf)}`);
  const snapshot = ageRange(ledger.sheet.range, { asOfSerial: asOf, definition: defaultDefinition("due") }, { name: sheetName, dateSystem: ledger.sheet.dateSystem });
  if (!snapshot.ok) throw inputError(snapshot.errors, sheetName, ledger.sheet.headerRow);

  // Payments dated after the as-of date have not arrived yet: they stay out of the settlement.
  const arrived = ledger.transactions.filter((t) => !(t.type === "Payment" && (t.dateSerial ?? 0) > asOf));
  const future = ledger.transactions.filter((t) => t.type === "Payment" && (t.dateSerial ?? 0) > asOf);
  ctx.progress("settling unapplied payments");
  const settled = autoSettleLedger(arrived, { accountingCurrency: ledger.accountingCurrency, rates: ledger.rateTable });
  if (!settled.ok) throw inputError(settled.errors, sheetName, ledger.sheet.headerRow);
  const settledLedger = arrived.map((t, i) => {
    const open = settled.value.openMinor[i] ?? t.amountMinor;
    return open === t.amountMinor ? t : { ...t, amountMinor: open };
  });
  const history = settled.value.journals.flatMap((j) => j.lines);

  // The bounced payment is cancelled on the ledger as it stands after settlement.
  const nsfText = ctx.args.values.get("nsf");
  const nsfKeys = nsfText === undefined ? nsfMarkedPayments(ledger.sheet.range, ledger.transactions) : nsfText.trim().toLowerCase() === "none" ? [] : nsfText.split(",").map((v) => v.trim()).filter((v) => v !== "");
  if (nsfKeys.length > 0) ctx.progress(`cancelling ${nsfKeys.length} bounced payment${nsfKeys.length === 1 ? "" : "s"}`);
  const feeText = ctx.args.values.get("nsf-fee");
  const nsf = cancelPayments(settledLedger, history, nsfKeys, {
    dateSerial: asOf,
    accounting: { currency: ledger.accountingCurrency, rates: ledger.rateTable },
    ...(feeText === undefined ? {} : { feeMinor: (currency: string) => nsfFee(feeText, currency) }),
  });
  const bank = bankMatches(ctx, ledger, [...future, ...nsf.ledger], sampleStatement);
  const after: Transaction[] = [...future, ...nsf.ledger].map((t) => bank.openAfter.get(t) ?? t).filter((t) => t.amountMinor !== 0);
  const paymentsSettled = settled.value.journals.length;
  const openPayments = arrived.filter((t) => t.type === "Payment" && t.amountMinor < 0).length;

  const batch = creditCheckLedger(ctx, ledger, after);

  const customersSheet = ledger.tables.get("customers");
  if (customersSheet === undefined) throw new CliError("cc demo: no Customers sheet");
  const customers = must(readCustomers(customersSheet.range, { name: customersSheet.sheet, dateSystem: customersSheet.dateSystem }), customersSheet);
  const target = ctx.args.values.get("writeoff-customer") ?? legalCustomer(customers.filter((c) => c.accountStatus === "Legal").map((c) => c.customer), after);
  if (target === undefined) throw new CliError("cc demo: no customer in Legal status with a positive balance to write off; name one with --writeoff-customer");
  ctx.progress(`writing off customer ${target}`);
  const writeoff = proposeWriteOff(after, { customer: target, dateSerial: asOf, reason: "BADDEBT", accounting: { currency: ledger.accountingCurrency, rates: ledger.rateTable } });
  if (!writeoff.ok) throw inputError(writeoff.errors, sheetName, ledger.sheet.headerRow);

  const s = snapshot.value;
  const written = [...writeoff.value.netByCurrency].map(([c, m]) => `${c} ${formatAmount(m, c)}`).join(", ");
  const held = batch.checked.filter((c) => c.result.status === "HOLD").length;
  const released = batch.checked.filter((c) => c.result.status === "RELEASED").length;
  const figures: Figure[] = [
    { step: "Run", figure: "As of", dateSerial: asOf },
    { step: "Run", figure: "Input", detail: ctx.input },
    { step: "Aging", figure: "Customers aged", count: new Set(s.rows.map((r) => r.customer)).size },
    ...s.totals.map((t) => ({ step: "Aging", figure: "Balance", currency: t.currency, amountMinor: t.balanceMinor, detail: `past due ${formatAmount(t.pastDueMinor, t.currency)}` })),
    { step: "Settlement", figure: "Unapplied payments settled", count: paymentsSettled, detail: `of ${count(openPayments)}` },
    { step: "Settlement", figure: "Journal lines", count: history.length },
    ...nsf.outcomes.map((o) => ({ step: "NSF", figure: `Payment ${o.voucher} cancelled`, count: o.reopened, currency: o.currency, amountMinor: o.paymentMinor, detail: `customer ${o.customer}: ${o.unapplied} settlement(s) unapplied, ${o.reopened} item(s) reopened` })),
    { step: "Credit", figure: "Open orders checked", count: batch.checked.length },
    { step: "Credit", figure: "Orders held", count: held, detail: `${count(released)} released by an exclusion, ${count(batch.checked.length - held - released)} OK` },
    ...[...writeoff.value.netByCurrency].map(([c, m]) => ({ step: "Write-off", figure: `Customer ${target}`, count: writeoff.value.items.length, currency: c, amountMinor: m, detail: "items written off (BADDEBT)" })),
    ...(bank.match === undefined
      ? [{ step: "Bank", figure: "No statement" }]
      : [
          { step: "Bank", figure: "Statement lines", count: bank.match.matches.length, detail: matchSummary(bank.match) },
          { step: "Bank", figure: "Settled", count: bank.match.journals.length, detail: `at ${bank.match.level}` },
        ]),
  ];
  return {
    sheets: [
      summarySheet(figures),
      { name: "Aging", rows: agingTable(s) },
      agingChartSheet(s),
      { name: "Settlement journal", rows: journalTable(history), dateColumns: [2] },
      { name: "NSF journal", rows: journalTable(nsf.lines), dateColumns: [2] },
      holdsSheet(batch),
      { name: WRITEOFF_JOURNAL_SHEET, rows: writeOffJournalTable(writeoff.value.lines), dateColumns: [2] },
      ...(bank.match === undefined ? [] : matchSheets(bank.match).filter((sheet) => sheet.name !== "Statement")),
    ],
    summary: [
      `Demo as of ${isoFromSerial(asOf)} on ${ctx.input}:`,
      `  Aging: ${count(new Set(s.rows.map((r) => r.customer)).size)} customers aged; balances ${s.totals.map((t) => `${t.currency} ${formatAmount(t.balanceMinor, t.currency)}`).join(", ")}`,
      `  Settlement: ${count(paymentsSettled)} of ${count(openPayments)} unapplied payments settled (${count(settled.value.journals.reduce((n, j) => n + j.lines.length, 0))} journal lines)`,
      ...nsfSummary(nsf.outcomes, nsf.lines.length),
      `  Credit: ${holdSummary(batch)}`,
      `  Write-off: customer ${target}, ${writeoff.value.items.length} items, ${written}`,
      bank.match === undefined ? "  Bank: no statement" : `  Bank: ${matchSummary(bank.match)}`,
    ],
  };
}

/**
 * Cash application on the ledger as it stands after settlement and NSF: the statement's matches at
 * or above the auto-apply level (High) are settled, and the items they settle get their new open
 * amounts for the steps that follow.
 */
function bankMatches(ctx: RunContext, ledger: Ledger, transactions: readonly Transaction[], sampleStatement: string | undefined): { match?: LedgerMatch; openAfter: Map<Transaction, Transaction> } {
  const openAfter = new Map<Transaction, Transaction>();
  const given = ctx.args.values.get("statement");
  // With the sample ledger, the sample statement beside it.
  const path = given ?? sampleStatement;
  if (path === undefined || path.trim().toLowerCase() === "none") return { openAfter };
  ctx.progress(`matching the bank statement ${path}`);
  const match = matchLedger(ledger, transactions, readStatementFile(path), {});
  const settledBy = new Map<string, number>();
  for (const m of match.matches) {
    if (!autoApplies(m.confidence, match.level)) continue;
    for (const s of m.settlements) settledBy.set(`${m.customer}\u0000${s.voucher}`, (settledBy.get(`${m.customer}\u0000${s.voucher}`) ?? 0) + s.amountToSettleMinor);
  }
  for (const t of transactions) {
    const settled = settledBy.get(`${t.customer}\u0000${t.voucher}`);
    if (settled !== undefined && t.amountMinor > 0) openAfter.set(t, { ...t, amountMinor: t.amountMinor - settled });
  }
  return { match, openAfter };
}

function nsfFee(text: string, currency: string): number {
  const parsed = parseMoney(text, exponentOf(currency), false);
  if (!parsed.ok || parsed.minor < 0) throw new CliError(`cc demo: --nsf-fee '${text}' is not an amount of ${currency} (${parsed.ok ? "negative" : parsed.reason})`, USAGE_EXIT);
  return parsed.minor;
}

function nsfSummary(outcomes: ReturnType<typeof cancelPayments>["outcomes"], lines: number): string[] {
  if (outcomes.length === 0) return ["  NSF: no bounced payment"];
  return outcomes.map(
    (o) =>
      `  NSF: payment ${o.voucher} of customer ${o.customer} cancelled, ${o.currency} ${formatAmount(o.paymentMinor, o.currency)}: ${o.unapplied} settlement${o.unapplied === 1 ? "" : "s"} unapplied, ${o.reopened} item${o.reopened === 1 ? "" : "s"} reopened${o.feeMinor > 0 ? `, fee ${formatAmount(o.feeMinor, o.currency)}` : ""} (${count(lines)} journal lines)`,
  );
}

/** The Legal-status customer with the largest positive balance (ties: the first by id). */
function legalCustomer(candidates: readonly string[], ledger: readonly Transaction[]): string | undefined {
  const wanted = new Set(candidates);
  const balance = new Map<string, number>();
  for (const t of ledger) if (wanted.has(t.customer)) balance.set(t.customer, (balance.get(t.customer) ?? 0) + t.amountMinor);
  let best: string | undefined;
  for (const c of [...wanted].sort()) if ((balance.get(c) ?? 0) > 0 && (best === undefined || (balance.get(c) ?? 0) > (balance.get(best) ?? 0))) best = c;
  return best;
}
