/**
 * `cc creditcheck`: the credit check of every open order of the Orders table against the ledger,
 * the customers' limits, credit groups, temporary limits and the blocking rules (the engine behind
 * CC.CREDITCHECK and the task pane's Credit review). Writes `Credit check` (every checked order)
 * and `Credit holds` (the held orders with their reasons). As a direct credit check it always
 * checks the limits and applies the rules given; checkpoints are read and validated but govern
 * only the order flow (docs/domain.md §5.4), which the CLI does not run.
 */
import { checkOrders, type BatchCheck } from "../../domain/credit/batch";
import type { Transaction } from "../../domain/types";
import { readCheckpoints } from "../../workbook/credit-checkpoints";
import { creditReviewTable } from "../../workbook/credit-output";
import { type CreditTable, readCreditInputs } from "../../workbook/credit-review";
import { COMMON_OPTIONS } from "../_lib/args";
import { inputError, sheetErrors } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { type Ledger, LEDGER_OPTIONS, loadLedger, must } from "../_lib/ledger";
import { plainRequest } from "../_lib/tables";
import type { ReadTable, TableRequest } from "../_lib/xlsx-read";
import type { OutputSheet } from "../_lib/xlsx-write";

export const CREDIT_TABLES: readonly TableRequest[] = [
  plainRequest("customers", ["Customers"], ["customer", "creditlimit"]),
  plainRequest("orders", ["Orders", "SalesOrders"], ["order", "customer", "amount"]),
  plainRequest("groups", ["CreditGroups"], ["creditgroup", "creditlimit"], false),
  plainRequest("temporary", ["TemporaryLimits"], ["creditlimit", "from", "to"], false),
  plainRequest("rules", ["Rules", "BlockingRules"], ["ruletype", "value"], false),
  plainRequest("checkpoints", ["Checkpoints"], ["checkpoint"], false),
];

export const creditcheckCommand: Command = {
  spec: {
    name: "creditcheck",
    summary: "Check every open order of the Orders sheet against limits, groups and blocking rules (as CC.CREDITCHECK does).",
    usage: "<input.xlsx> [--as-of DATE] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "no-group-limit", description: "do not check credit groups' limits" },
      { name: "blank-expiry-blocks", description: "CreditLimitExpired: a blank expiry blocks (default: a blank expiry never expires)" },
    ],
    details: "Reads Customers and Orders (required), CreditGroups, TemporaryLimits, Rules, Checkpoints and ExchangeRates (when present). Writes the sheets 'Credit check' and 'Credit holds'.",
  },
  run: runCreditcheck,
};

/** The credit check over an already loaded ledger (the demo passes the ledger after settlement). */
export function creditCheckLedger(ctx: RunContext, ledger: Ledger, transactions: readonly Transaction[]): BatchCheck {
  const t = (key: string): ReadTable | undefined => ledger.tables.get(key);
  const customersSheet = t("customers") as ReadTable;
  const ordersSheet = t("orders") as ReadTable;
  const cp = t("checkpoints");
  if (cp !== undefined) must(readCheckpoints(cp.range, { name: cp.sheet, dateSystem: cp.dateSystem }), cp);
  // The same reading as CC.CREDITCHECK and the task pane (src/workbook/credit-review.ts); the
  // ledger and rates are read once by loadLedger for every command, so they come as records.
  const sheets: Partial<Record<CreditTable, ReadTable>> = { customers: customersSheet, orders: ordersSheet };
  for (const [key, table] of [["groups", "groups"], ["temporaryLimits", "temporary"], ["rules", "rules"]] as const) {
    const sheet = t(table);
    if (sheet !== undefined) sheets[key] = sheet;
  }
  const inputs = readCreditInputs(
    {
      customers: customersSheet.range,
      transactions: { records: transactions },
      orders: ordersSheet.range,
      rules: sheets.rules?.range,
      groups: sheets.groups?.range,
      temporaryLimits: sheets.temporaryLimits?.range,
      rates: { records: ledger.rates },
      names: Object.fromEntries(Object.entries(sheets).map(([k, v]) => [k, v.sheet])),
    },
    { asOfSerial: ctx.asOfSerial, accountingCurrency: ledger.accountingCurrency, dateSystem: customersSheet.dateSystem },
  );
  if (!inputs.ok) throw sheetErrors(inputs.errors, Object.values(sheets), customersSheet);
  ctx.progress(`checking ${count(inputs.value.book.orders.length)} orders of sheet '${ordersSheet.sheet}'`);
  const checked = checkOrders(inputs.value.book, inputs.value.rules, {
    ...(ctx.args.flags.has("no-group-limit") ? { checkGroupLimit: false } : {}),
    ...(ctx.args.flags.has("blank-expiry-blocks") ? { ignoreBlankExpiry: false } : {}),
  });
  if (!checked.ok) throw inputError(checked.errors, ordersSheet.sheet, ordersSheet.headerRow);
  return checked.value;
}

/** `Credit holds`: the review table's rows whose status is HOLD. */
export function holdsSheet(batch: BatchCheck): OutputSheet {
  const table = creditReviewTable(batch);
  const status = (table[0] ?? []).indexOf("Status");
  return { name: "Credit holds", rows: table.filter((row, i) => i === 0 || row[status] === "HOLD") };
}

export function holdSummary(batch: BatchCheck): string {
  const held = batch.checked.filter((c) => c.result.status === "HOLD").length;
  const released = batch.checked.filter((c) => c.result.status === "RELEASED").length;
  return `Checked ${count(batch.checked.length)} open orders: ${count(held)} held, ${count(released)} released by an exclusion, ${count(batch.checked.length - held - released)} OK`;
}

export async function runCreditcheck(ctx: RunContext): Promise<CommandResult> {
  const ledger = await loadLedger(ctx, [], CREDIT_TABLES);
  const batch = creditCheckLedger(ctx, ledger, ledger.transactions);
  return { sheets: [{ name: "Credit check", rows: creditReviewTable(batch) }, holdsSheet(batch)], summary: [holdSummary(batch)] };
}
