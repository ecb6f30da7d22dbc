/**
 * `cc writeoff-candidates`: what a controller reviews before writing off, per customer and
 * currency: the open balance, the number of open items and the oldest due date, optionally only
 * small balances (--max-balance) or old debts (--min-days-past-due at --as-of). Writes the sheet
 * `Write-off candidates`; `cc writeoff --customer` then writes off the ones chosen.
 */
import { writeOffCandidates, type WriteOffCandidate } from "../../domain/collections";
import { exponentOf, minorToNumber, parseMoney } from "../../domain/money";
import type { Transaction } from "../../domain/types";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger } from "../_lib/ledger";

export const writeoffCandidatesCommand: Command = {
  spec: {
    name: "writeoff-candidates",
    summary: "List customers' open balances to review for write-off (small balances, old debts).",
    usage: "<input.xlsx> [--max-balance AMOUNT] [--min-days-past-due DAYS] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "max-balance", value: "AMOUNT", description: "only balances of at most this size (either sign), in each currency's major units" },
      { name: "min-days-past-due", value: "DAYS", description: "only customers whose oldest open item is at least DAYS past due at --as-of" },
    ],
    details: "Writes the sheet 'Write-off candidates' (Customer, Currency, Balance, OpenItems, OldestDueDate). Example: cc writeoff-candidates ledger.xlsx --max-balance 5 --as-of 2025-12-31",
  },
  run: runWriteoffCandidates,
};

export async function runWriteoffCandidates(ctx: RunContext): Promise<CommandResult> {
  const maxText = ctx.args.values.get("max-balance");
  const daysText = ctx.args.values.get("min-days-past-due");
  if (daysText !== undefined && !/^\d+$/.test(daysText)) throw new CliError(`cc writeoff-candidates: --min-days-past-due '${daysText}' is not a whole number of days`, USAGE_EXIT);
  const ledger = await loadLedger(ctx, []);
  // The balance limit is in each currency's own minor units: one call per currency.
  const byCurrency = new Map<string, Transaction[]>();
  for (const t of ledger.transactions) {
    const list = byCurrency.get(t.currency);
    if (list === undefined) byCurrency.set(t.currency, [t]);
    else list.push(t);
  }
  const candidates: WriteOffCandidate[] = [];
  for (const [currency, items] of byCurrency) {
    let maxBalanceMinor: number | undefined;
    if (maxText !== undefined) {
      const parsed = parseMoney(maxText, exponentOf(currency));
      if (!parsed.ok || parsed.minor < 0) throw new CliError(`cc writeoff-candidates: --max-balance '${maxText}': ${parsed.ok ? "must not be negative" : parsed.reason}`, USAGE_EXIT);
      maxBalanceMinor = parsed.minor;
    }
    candidates.push(
      ...writeOffCandidates(items, {
        ...(maxBalanceMinor !== undefined ? { maxBalanceMinor } : {}),
        ...(daysText !== undefined ? { minDaysPastDue: Number(daysText), asOfSerial: ctx.asOfSerial } : {}),
      }),
    );
  }
  candidates.sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  const rows: (string | number)[][] = [["Customer", "Currency", "Balance", "OpenItems", "OldestDueDate"]];
  for (const c of candidates) rows.push([c.customer, c.currency, minorToNumber(c.balanceMinor, exponentOf(c.currency)), c.openItems, c.oldestDueSerial ?? ""]);
  return { sheets: [{ name: "Write-off candidates", rows, dateColumns: [4] }], summary: [`${count(candidates.length)} write-off candidates`] };
}
