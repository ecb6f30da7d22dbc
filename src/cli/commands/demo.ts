/**
 * `cc demo` (`npm run demo`): the product on the bundled sample in one command. It ages the
 * ledger, settles every unapplied payment automatically, checks every open order against the
 * ledger as it stands after settlement, and writes off one customer in legal collection; then
 * writes `out/demo.xlsx` with the sheets `Aging`, `Settlement journal`, `Credit holds` and
 * `Write-off journal`, and prints a short summary.
 */
import { proposeWriteOff } from "../../domain/collections";
import { isoFromSerial } from "../../domain/dates";
import { autoSettleLedger } from "../../domain/settlement";
import type { Transaction } from "../../domain/types";
import { defaultDefinition } from "../../domain/aging/periods";
import { ageRange } from "../../workbook/aging-input";
import { agingTable } from "../../workbook/aging-output";
import { readCustomers } from "../../workbook/customers";
import { journalTable } from "../../workbook/settlement-journal";
import { writeOffJournalTable } from "../../workbook/writeoff";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count, formatAmount } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger, must } from "../_lib/ledger";
import { SAMPLE_AS_OF } from "../sample/ledger";
import { CREDIT_TABLES, creditCheckLedger, holdsSheet, holdSummary } from "./creditcheck";
import { WRITEOFF_JOURNAL_SHEET } from "./writeoff";

export const SAMPLE_PATH = "samples/sample-ledger.xlsx";

export const demoCommand: Command = {
  spec: {
    name: "demo",
    summary: "Age, settle, credit-check and write off on the sample ledger; writes out/demo.xlsx.",
    usage: "[input.xlsx] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "writeoff-customer", value: "ID", description: "customer to write off (default: the customer in Legal status with the largest balance after settlement)" },
    ],
    details: `Input defaults to ${SAMPLE_PATH} and the as-of date to 2025-12-31 (the sample's). Writes the sheets 'Aging', 'Settlement journal', 'Credit holds', 'Write-off journal'.`,
  },
  defaultInput: SAMPLE_PATH,
  run: runDemo,
};

export async function runDemo(given: RunContext): Promise<CommandResult> {
  const ctx: RunContext = given.args.values.has("as-of") ? given : { ...given, asOfSerial: SAMPLE_AS_OF };
  const asOf = ctx.asOfSerial;
  const ledger = await loadLedger(ctx, ["voucher", "type", "date", "dueDate"], CREDIT_TABLES);
  const sheetName = ledger.sheet.sheet;

  ctx.progress(`aging as of ${isoFromSerial(asOf)}`);
  const snapshot = ageRange(ledger.sheet.range, { asOfSerial: asOf, definition: defaultDefinition("due") }, { name: sheetName });
  if (!snapshot.ok) throw inputError(snapshot.errors, sheetName, ledger.sheet.headerRow);

  // Payments dated after the as-of date have not arrived yet: they stay out of the settlement.
  const arrived = ledger.transactions.filter((t) => !(t.type === "Payment" && (t.dateSerial ?? 0) > asOf));
  const future = ledger.transactions.filter((t) => t.type === "Payment" && (t.dateSerial ?? 0) > asOf);
  ctx.progress("settling unapplied payments");
  const settled = autoSettleLedger(arrived, { accountingCurrency: ledger.accountingCurrency, rates: ledger.rateTable });
  if (!settled.ok) throw inputError(settled.errors, sheetName, ledger.sheet.headerRow);
  const after: Transaction[] = [...future];
  arrived.forEach((t, i) => {
    const open = settled.value.openMinor[i] ?? t.amountMinor;
    if (open !== 0) after.push(open === t.amountMinor ? t : { ...t, amountMinor: open });
  });
  const paymentsSettled = settled.value.journals.length;
  const openPayments = arrived.filter((t) => t.type === "Payment" && t.amountMinor < 0).length;

  const batch = creditCheckLedger(ctx, ledger, after);

  const customersSheet = ledger.tables.get("customers");
  if (customersSheet === undefined) throw new CliError("cc demo: no Customers sheet");
  const customers = must(readCustomers(customersSheet.range, { name: customersSheet.sheet }), customersSheet);
  const target = ctx.args.values.get("writeoff-customer") ?? legalCustomer(customers.filter((c) => c.accountStatus === "Legal").map((c) => c.customer), after);
  if (target === undefined) throw new CliError("cc demo: no customer in Legal status with a positive balance to write off; name one with --writeoff-customer");
  ctx.progress(`writing off customer ${target}`);
  const writeoff = proposeWriteOff(after, { customer: target, dateSerial: asOf, reason: "BADDEBT", accounting: { currency: ledger.accountingCurrency, rates: ledger.rateTable } });
  if (!writeoff.ok) throw inputError(writeoff.errors, sheetName, ledger.sheet.headerRow);

  const s = snapshot.value;
  const written = [...writeoff.value.netByCurrency].map(([c, m]) => `${c} ${formatAmount(m, c)}`).join(", ");
  return {
    sheets: [
      { name: "Aging", rows: agingTable(s) },
      { name: "Settlement journal", rows: journalTable(settled.value.journals.flatMap((j) => j.lines)), dateColumns: [2] },
      holdsSheet(batch),
      { name: WRITEOFF_JOURNAL_SHEET, rows: writeOffJournalTable(writeoff.value.lines), dateColumns: [2] },
    ],
    summary: [
      `Demo as of ${isoFromSerial(asOf)} on ${ctx.input}:`,
      `  Aging: ${count(new Set(s.rows.map((r) => r.customer)).size)} customers aged; balances ${s.totals.map((t) => `${t.currency} ${formatAmount(t.balanceMinor, t.currency)}`).join(", ")}`,
      `  Settlement: ${count(paymentsSettled)} of ${count(openPayments)} unapplied payments settled (${count(settled.value.journals.reduce((n, j) => n + j.lines.length, 0))} journal lines)`,
      `  Credit: ${holdSummary(batch)}`,
      `  Write-off: customer ${target}, ${writeoff.value.items.length} items, ${written}`,
    ],
  };
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
