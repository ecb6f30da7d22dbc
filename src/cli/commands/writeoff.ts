/**
 * `cc writeoff`: the write-off journal of one or more customers (all open items, or the vouchers
 * named), dated the as-of date, as CC.WRITEOFF previews it. Writes the `Write-off journal` sheet
 * (the task pane's columns). A journal whose ID is already in the input workbook is refused by
 * the check every posting command shares (context.ts refusePostedTwice), so the same write-off is
 * never posted twice.
 */
import { proposeWriteOff, type WriteOffProposal } from "../../domain/collections";
import { splitList, writeOffJournalTable } from "../../workbook/writeoff";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { formatAmount } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger } from "../_lib/ledger";

export const WRITEOFF_JOURNAL_SHEET = "Write-off journal";

export const writeoffCommand: Command = {
  spec: {
    name: "writeoff",
    summary: "Write off customers' open items (all, or the vouchers named) with a reason code (as CC.WRITEOFF does).",
    usage: "<input.xlsx> --customer C1[,C2] --reason CODE [--vouchers V1,V2] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "customer", value: "IDS", description: "customer(s) to write off, comma-separated (required)" },
      { name: "reason", value: "CODE", description: "reason code (required), e.g. BADDEBT" },
      { name: "vouchers", value: "VOUCHERS", description: "write off only these vouchers (one customer only)" },
      { name: "separate-sales-tax", description: "post the tax part of each item to sales-tax lines" },
      { name: "write-off-account", value: "ACCOUNT", description: "ledger account of the write-off lines (default WriteOff)" },
    ],
    details: "The journal is dated the --as-of date. Writes the sheet 'Write-off journal'. Example: cc writeoff samples/sample-ledger.xlsx --customer C0071 --reason BADDEBT --as-of 2025-12-31",
  },
  run: runWriteoff,
};

export interface WriteoffRequestArgs {
  readonly customers: readonly string[];
  readonly reason: string;
  readonly vouchers: readonly string[];
}

export function writeoffArgs(ctx: RunContext): WriteoffRequestArgs {
  const customers = splitList(ctx.args.values.get("customer") ?? "");
  const reason = (ctx.args.values.get("reason") ?? "").trim();
  if (customers.length === 0) throw new CliError("cc writeoff: name the customer(s) with --customer", USAGE_EXIT);
  if (reason === "") throw new CliError("cc writeoff: give a reason code with --reason (a write-off needs one)", USAGE_EXIT);
  const vouchers = splitList(ctx.args.values.get("vouchers") ?? "");
  if (vouchers.length > 0 && customers.length > 1) throw new CliError("cc writeoff: --vouchers works with one --customer only", USAGE_EXIT);
  return { customers, reason, vouchers };
}

export async function runWriteoff(ctx: RunContext): Promise<CommandResult> {
  const req = writeoffArgs(ctx);
  const ledger = await loadLedger(ctx, ["voucher"]);
  const proposals: WriteOffProposal[] = [];
  for (const customer of req.customers) {
    const p = proposeWriteOff(ledger.transactions, {
      customer,
      dateSerial: ctx.asOfSerial,
      reason: req.reason,
      ...(req.vouchers.length > 0 ? { vouchers: req.vouchers } : {}),
      ...(ctx.args.flags.has("separate-sales-tax") ? { separateSalesTax: true } : {}),
      ...(ctx.args.values.has("write-off-account") ? { writeOffAccount: ctx.args.values.get("write-off-account") as string } : {}),
      accounting: { currency: ledger.accountingCurrency, rates: ledger.rateTable },
    });
    if (!p.ok) throw inputError(p.errors, ledger.sheet.sheet, ledger.sheet.headerRow);
    proposals.push(p.value);
  }
  return {
    sheets: [{ name: WRITEOFF_JOURNAL_SHEET, rows: writeOffJournalTable(proposals.flatMap((p) => p.lines)), dateColumns: [2] }],
    summary: proposals.map((p) => `Wrote off customer ${p.customer}: ${p.items.length} items, ${[...p.netByCurrency].map(([c, m]) => `${c} ${formatAmount(m, c)}`).join(", ")}`),
  };
}
