/**
 * `cc settle`: automatic settlement of every unapplied payment in the ledger (or of the payments
 * named with --payments), by due date (default) or by a priority of transaction types. Writes the
 * `Settlement journal` sheet (the task pane's journal columns) and `Settlement balances` (every
 * item whose open amount changed, before and after).
 */
import { isoFromSerial } from "../../domain/dates";
import { exponentOf, minorToNumber } from "../../domain/money";
import { autoSettleLedger, DEFAULT_PRIORITY, DEFAULT_SETTLEMENT_METHOD } from "../../domain/settlement";
import type { Transaction, TransactionType } from "../../domain/types";
import { journalTable } from "../../workbook/settlement-journal";
import { readPriority } from "../../workbook/settlement-input";
import { splitList } from "../../workbook/writeoff";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count, formatAmount } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger } from "../_lib/ledger";
import { toleranceFlags } from "../_lib/tolerances";
import type { OutCell } from "../_lib/xlsx-write";

export const settleCommand: Command = {
  spec: {
    name: "settle",
    summary: "Settle unapplied payments automatically against their customers' open items (as CC.SETTLE does per payment).",
    usage: "<input.xlsx> [--payments V1,V2] [--method duedate|priority] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "payments", value: "VOUCHERS", description: "settle only these payment vouchers (comma-separated); default: every payment with an open amount" },
      { name: "method", value: "METHOD", description: "duedate (default: due date, better discount first, then date, voucher) or priority" },
      { name: "priority", value: "TYPES", description: "with --method priority: types in order (default Fee,CollectionLetter,InterestNote,Invoice)" },
      { name: "partial-discount", description: "grant cash discounts on partial payments (P / (1 - pct) x pct)" },
      { name: "max-penny", value: "AMOUNT", description: "max penny difference closed to the penny-difference account, an amount in each payment's currency (default 0; 0.005 is refused for USD)" },
      { name: "max-over-under", value: "AMOUNT", description: "max over/underpayment closed to the cash-discount account (default 0)" },
    ],
    details: "Writes the sheets 'Settlement journal' and 'Settlement balances'. Example: cc settle samples/sample-ledger.xlsx --as-of 2025-12-31",
  },
  run: runSettle,
};

export async function runSettle(ctx: RunContext): Promise<CommandResult> {
  const { args } = ctx;
  const methodText = (args.values.get("method") ?? DEFAULT_SETTLEMENT_METHOD).toLowerCase();
  if (methodText !== "duedate" && methodText !== "priority") throw new CliError(`cc settle: --method '${methodText}' is not duedate or priority`, USAGE_EXIT);
  let types: readonly TransactionType[] = DEFAULT_PRIORITY;
  const priorityText = args.values.get("priority");
  if (priorityText !== undefined) {
    const p = readPriority(splitList(priorityText));
    if (!p.ok) throw inputError(p.errors, "--priority");
    types = p.value;
  }
  const ledger = await loadLedger(ctx, ["voucher", "type", "date", "dueDate"]);
  const named = args.values.has("payments") ? new Set(splitList(args.values.get("payments") ?? "")) : undefined;
  const isOpenPayment = (t: Transaction): boolean => t.type === "Payment" && t.amountMinor < 0;
  // Payments dated after the as-of date have not arrived yet; unnamed payments stay as they are.
  const items = ledger.transactions.filter((t) => !isOpenPayment(t) || ((t.dateSerial ?? 0) <= ctx.asOfSerial && (named === undefined || named.has(t.voucher))));
  if (named !== undefined) {
    const found = new Set(items.filter(isOpenPayment).map((t) => t.voucher));
    const missing = [...named].filter((v) => !found.has(v));
    if (missing.length > 0) throw new CliError(`cc settle: --payments: no open payment dated on or before ${isoFromSerial(ctx.asOfSerial)} with voucher ${missing.join(", ")} in sheet '${ledger.sheet.sheet}'`);
  }
  const payments = items.filter(isOpenPayment).length;
  ctx.progress(`settling ${count(payments)} payments`);
  const options = { ...(args.flags.has("partial-discount") ? { partialDiscount: true } : {}) };
  const result = autoSettleLedger(items, {
    accountingCurrency: ledger.accountingCurrency,
    rates: ledger.rateTable,
    method: methodText === "priority" ? { kind: "priority", types } : { kind: "duedate" },
    options,
    tolerancesByCurrency: toleranceFlags(ctx, items.filter(isOpenPayment).map((p) => p.currency)),
  });
  if (!result.ok) throw inputError(result.errors, ledger.sheet.sheet, ledger.sheet.headerRow);
  const { journals, openMinor } = result.value;
  const lines = journals.flatMap((j) => j.lines);
  const balances: OutCell[][] = [["Customer", "Voucher", "Type", "Currency", "OpenBefore", "OpenAfter", "Settled"]];
  const settledBy = new Map<string, number>();
  items.forEach((t, i) => {
    const after = openMinor[i] ?? t.amountMinor;
    if (after === t.amountMinor) return;
    balances.push([t.customer, t.voucher, t.type, t.currency, formatNumber(t.amountMinor, t.currency), formatNumber(after, t.currency), formatNumber(t.amountMinor - after, t.currency)]);
    if (isOpenPayment(t)) settledBy.set(t.currency, (settledBy.get(t.currency) ?? 0) + after - t.amountMinor);
  });
  const amounts = [...settledBy].map(([c, m]) => `${c} ${formatAmount(m, c)}`).join(", ") || "nothing";
  return {
    sheets: [
      { name: "Settlement journal", rows: journalTable(lines), dateColumns: [2] },
      { name: "Settlement balances", rows: balances },
    ],
    summary: [`Settled ${count(journals.length)} of ${count(payments)} payments (${count(lines.length)} journal lines): ${amounts} applied`],
  };
}

function formatNumber(minor: number, currency: string): number {
  return minorToNumber(minor, exponentOf(currency));
}
