/**
 * `cc worklist`: the collector's list for the day, as CC.WORKLIST ranks it, with what a workbook
 * can add to the function's arguments: the Pools sheet's criteria (a customer without a Pool falls
 * in the first pool it meets; --agent takes the agent's pools too) and the letters due (from a
 * letter sequence and history sheet, as `cc letters` reads them) in NextAction. Like CC.WORKLIST
 * it ranks by the expected late amount of the late-payment prediction when the ledger has a
 * ClosedDate history, and a ledger of several currencies in the accounting currency (the
 * ExchangeRates sheet's rates on the as-of date).
 */
import { lettersDue, type LetterDue, worklist, type WorklistCustomer } from "../../domain/collections";
import { exponentOf } from "../../domain/money";
import { readLetterHistory, readLetterSequence } from "../../workbook/collections-letters";
import { readCustomers } from "../../workbook/customers";
import { readPools } from "../../workbook/pools";
import { readWorklistHistory, worklistTable } from "../../workbook/worklist";
import { MIN_SETTLED } from "../../domain/prediction";
import { COMMON_OPTIONS } from "../_lib/args";
import { inputError } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger, must } from "../_lib/ledger";
import type { ReadTable, TableRequest } from "../_lib/xlsx-read";

export const WORKLIST_SHEET = "Worklist";
const NAME_ONLY = ["\u0000by name only"];

const byName = (key: string, sheets: readonly string[]): TableRequest => ({ key, sheets, identifyBy: NAME_ONLY, required: false });

export const worklistCommand: Command = {
  spec: {
    name: "worklist",
    summary: "Rank the customers to chase today by the amount at risk (as CC.WORKLIST does), with pools, agents and letters due.",
    usage: "<input.xlsx> [--agent A] [--pool P] [--all] [--include-zero-balance] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "agent", value: "AGENT", description: "only this agent's customers (assigned directly or through the agent's pools)" },
      { name: "pool", value: "POOL", description: "only the customers of this pool" },
      { name: "all", description: "rank disputed and promised customers with the rest (option DisputesLast FALSE)" },
      { name: "include-zero-balance", description: "list every customer of the Customers sheet, also without open items" },
    ],
    details: `Reads the ledger (with a ClosedDate column the late-payment prediction ranks; several currencies are ranked in the accounting currency with the ExchangeRates sheet) and, when present, the sheets Customers (Name, Pool, Agent, CustomerGroup), Pools (Pool, Agent, CustomerGroups, Currencies, MinBalance, MaxBalance, Customers), LetterSequence and LetterHistory. Writes '${WORKLIST_SHEET}' (Rank, Customer, Name, Pool, Agent, Balance, Overdue, OldestDueDate, Status, NextAction). Example: cc worklist ledger.xlsx --agent ana --as-of 2025-12-31`,
  },
  run: runWorklist,
};

export async function runWorklist(ctx: RunContext): Promise<CommandResult> {
  const ledger = await loadLedger(ctx, ["dueDate"], [
    byName("customers", ["Customers"]),
    byName("pools", ["Pools", "CollectionPools"]),
    byName("sequence", ["LetterSequence", "CollectionLetters", "Letters"]),
    byName("history", ["LetterHistory", "LettersSent", "SentLetters"]),
  ], true); // all columns: ClosedDate and OriginalAmount feed the prediction
  const t = (k: string): ReadTable | undefined => ledger.tables.get(k);
  const c = t("customers");
  const customers: WorklistCustomer[] = (c === undefined ? [] : must(readCustomers(c.range, { name: c.sheet }), c)).map((x) => ({
    customer: x.customer,
    ...(x.name !== undefined ? { name: x.name } : {}),
    ...(x.pool !== undefined ? { pool: x.pool } : {}),
    ...(x.agent !== undefined ? { agent: x.agent } : {}),
    ...(x.customerGroup !== undefined ? { customerGroup: x.customerGroup } : {}),
  }));
  const p = t("pools");
  const exponent = exponentOf(ledger.transactions[0]?.currency ?? "");
  const pools = p === undefined ? [] : must(readPools(p.range, { name: p.sheet, exponent }), p);
  const s = t("sequence");
  let letters: LetterDue[] = [];
  if (s !== undefined) {
    const h = t("history");
    const sequence = must(readLetterSequence(s.range), s);
    const history = h === undefined ? [] : must(readLetterHistory(h.range, { dateSystem: h.dateSystem }), h);
    const due = lettersDue(ledger.transactions, ctx.asOfSerial, sequence, history);
    if (!due.ok) throw inputError(due.errors, ledger.sheet.sheet, ledger.sheet.headerRow);
    letters = due.value;
  }
  const agent = ctx.args.values.get("agent");
  const pool = ctx.args.values.get("pool");
  // The same history CC.WORKLIST reads: a ClosedDate column makes the prediction rank.
  const history = must(readWorklistHistory(ledger.sheet.range, { dateSystem: ledger.sheet.dateSystem }), ledger.sheet);
  const settled = history?.filter((i) => i.closedSerial !== undefined && i.closedSerial <= ctx.asOfSerial).length ?? 0;
  const currencies = new Set(ledger.transactions.filter((x) => x.amountMinor !== 0 && (x.dateSerial === undefined || x.dateSerial <= ctx.asOfSerial)).map((x) => x.currency));
  const several = currencies.size > 1;
  const rows = worklist(ledger.transactions, ctx.asOfSerial, {
    ...(history !== undefined ? { history } : {}),
    ...(several ? { accounting: { currency: ledger.accountingCurrency, rates: ledger.rateTable } } : {}),
    customers,
    pools,
    letters,
    ...(agent !== undefined ? { agent } : {}),
    ...(pool !== undefined ? { pool } : {}),
    ...(ctx.args.flags.has("all") ? { disputesLast: false } : {}),
    ...(ctx.args.flags.has("include-zero-balance") ? { includeZeroBalance: true } : {}),
  });
  if (!rows.ok) throw inputError(rows.errors, ledger.sheet.sheet, ledger.sheet.headerRow);
  const chase = rows.value.filter((r) => r.overdueMinor > 0 && !r.heldBack).length;
  return {
    sheets: [{ name: WORKLIST_SHEET, rows: worklistTable(rows.value), dateColumns: [7] }],
    summary: [
      `${count(rows.value.length)} customers on the worklist, ${count(chase)} with overdue items to chase`,
      `Ranked by ${settled >= MIN_SETTLED ? `the expected late amount (late-payment prediction from ${count(settled)} settled invoices)` : "overdue amount weighted by age"}${several ? `, in ${ledger.accountingCurrency} at the rates of the as-of date` : ""}`,
    ],
  };
}
