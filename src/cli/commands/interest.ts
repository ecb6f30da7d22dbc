/**
 * `cc interest`: the interest notes due at the as-of date for every customer, by a tiered code
 * (percent per month by overdue month, charged per day) or a flat code (percent of the amounts at
 * least N days old), as CC.INTEREST computes them. Writes `Interest notes` (one row per charged
 * transaction) and `Interest journal` (the notes' journal lines, the write-off journal's columns).
 */
import type { InterestCode, InterestTier } from "../../domain/collections";
import { interestNotes } from "../../domain/collections";
import { exponentOf, minorToNumber } from "../../domain/money";
import { writeOffJournalTable } from "../../workbook/writeoff";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count, formatAmount } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger } from "../_lib/ledger";
import type { OutCell } from "../_lib/xlsx-write";

export const interestCommand: Command = {
  spec: {
    name: "interest",
    summary: "Compute interest notes on overdue items (as CC.INTEREST does), for every customer.",
    usage: "<input.xlsx> (--tiers 0:1.5,4:2 | --flat 2 [--min-days 30] [--basis due|transaction]) [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "tiers", value: "TIERS", description: "tiered code: FromMonth:PercentPerMonth pairs, e.g. 0:1.5,4:2,7:2.5 (charged per overdue day)" },
      { name: "flat", value: "PCT", description: "flat code: percent of the amounts at least --min-days old" },
      { name: "min-days", value: "DAYS", description: "with --flat: minimum age in days (default 0)" },
      { name: "basis", value: "BASIS", description: "with --flat: count age from the due date (due, default) or the transaction date (transaction)" },
      { name: "interest-on-interest", description: "charge interest on earlier interest notes too" },
    ],
    details: "Writes the sheets 'Interest notes' and 'Interest journal'. Example: cc interest samples/sample-ledger.xlsx --tiers 0:1.5 --as-of 2025-12-31",
  },
  run: runInterest,
};

function codeFrom(ctx: RunContext): InterestCode {
  const tiers = ctx.args.values.get("tiers");
  const flat = ctx.args.values.get("flat");
  if ((tiers === undefined) === (flat === undefined)) throw new CliError("cc interest: give either --tiers or --flat", USAGE_EXIT);
  const num = (text: string, what: string): number => {
    if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new CliError(`cc interest: ${what} '${text}' is not a non-negative number`, USAGE_EXIT);
    return Number(text);
  };
  if (tiers !== undefined) {
    const list: InterestTier[] = tiers.split(",").map((pair) => {
      const [m, p, extra] = pair.split(":");
      if (m === undefined || p === undefined || extra !== undefined) throw new CliError(`cc interest: --tiers '${pair}' must be FromMonth:PercentPerMonth, e.g. 0:1.5`, USAGE_EXIT);
      return { fromMonth: num(m, "--tiers month"), percentPerMonth: num(p, "--tiers percent") };
    });
    return { kind: "tiered", tiers: list };
  }
  const basisText = (ctx.args.values.get("basis") ?? "due").toLowerCase();
  if (basisText !== "due" && basisText !== "transaction") throw new CliError(`cc interest: --basis '${basisText}' is not due or transaction`, USAGE_EXIT);
  return { kind: "flat", percent: num(flat as string, "--flat"), minDays: num(ctx.args.values.get("min-days") ?? "0", "--min-days"), basis: basisText };
}

export async function runInterest(ctx: RunContext): Promise<CommandResult> {
  const code = codeFrom(ctx);
  const ledger = await loadLedger(ctx, ["voucher"]);
  const notes = interestNotes(ledger.transactions, ctx.asOfSerial, code, {
    accounting: { currency: ledger.accountingCurrency, rates: ledger.rateTable },
    ...(ctx.args.flags.has("interest-on-interest") ? { interestOnInterest: true } : {}),
  });
  if (!notes.ok) throw inputError(notes.errors, ledger.sheet.sheet, ledger.sheet.headerRow);
  const rows: OutCell[][] = [["JournalId", "Customer", "Currency", "Voucher", "Days", "Rate", "Base", "Interest"]];
  const totals = new Map<string, number>();
  for (const n of notes.value) {
    const e = exponentOf(n.currency);
    for (const l of n.lines) rows.push([n.journalId, n.customer, n.currency, l.voucher, l.days, l.ratePct, minorToNumber(l.baseMinor, e), minorToNumber(l.interestMinor, e)]);
    totals.set(n.currency, (totals.get(n.currency) ?? 0) + n.totalMinor);
  }
  return {
    sheets: [
      { name: "Interest notes", rows },
      { name: "Interest journal", rows: writeOffJournalTable(notes.value.flatMap((n) => n.journal)), dateColumns: [2] },
    ],
    summary: [`${count(notes.value.length)} interest notes: ${[...totals].map(([c, m]) => `${c} ${formatAmount(m, c)}`).join(", ") || "nothing to charge"}`],
  };
}
