/**
 * `cc aging`: the aging snapshot of the Transactions table (the engine behind CC.AGING), written
 * as the sheet `Aging` (Customer | Currency | Balance | one column per period, then Total rows),
 * and with --detail the header and detail tables as `Aging header` and `Aging detail`; --chart adds
 * `Aging chart`, --forecast the predicted pay dates and the cash-in forecast by week (forecast-sheets.ts).
 */
import { AGING_BASES, type AgingBasis, DEFAULT_AGING_BASIS } from "../../domain/aging/periods";
import { isoFromSerial } from "../../domain/dates";
import { type AgingSnapshot } from "../../domain/aging/snapshot";
import { ageRange } from "../../workbook/aging-input";
import { agingDetailTable, agingHeaderTable, agingTable } from "../../workbook/aging-output";
import { matchChoice } from "../../workbook/cells";
import { readPeriods } from "../../workbook/periods";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command } from "../_lib/command";
import { readInput, type RunContext } from "../_lib/context";
import { transactionsRequest } from "../_lib/tables";
import { formatAmount } from "../_lib/format";
import type { OutputSheet } from "../_lib/xlsx-write";
import { agingChartSheet } from "../_lib/aging-chart";
import { forecastSheets } from "../_lib/forecast-sheets";
import { ageStream } from "../stream/aging-stream";
import { ledgerFormatOf } from "../stream/ledger-stream";

export const agingCommand: Command = {
  spec: {
    name: "aging",
    summary: "Age the open items of the Transactions sheet by customer and currency (as CC.AGING does).",
    usage: "<input.xlsx> [--as-of DATE] [--periods 30,60,90,120] [--basis due|transaction|document] [options]",
    options: [
      ...COMMON_OPTIONS,
      { name: "sheet", value: "NAME", description: "sheet holding the ledger (default: Transactions, else the sheet whose header has Customer and Amount)" },
      { name: "periods", value: "DAYS", description: "upper bounds of the periods in days, comma-separated (default 30,60,90,120)" },
      { name: "basis", value: "BASIS", description: "due (default), transaction or document" },
      { name: "detail", description: "also write the snapshot's header and detail tables (sheets 'Aging header', 'Aging detail')" },
      { name: "forecast", description: "also predict each open invoice's pay date from the settled invoices' history (a ClosedDate column) and write 'Predicted payments' and 'Cash-in forecast' (expected cash in per ISO week and currency, with a chart)" },
      { name: "chart", description: "also write the sheet 'Aging chart' (the periods by currency, with a native chart)" },
      { name: "round-amounts", description: "round amounts with more decimals than the currency has instead of refusing them" },
      { name: "delimiter", value: "CHAR", description: "CSV input: the field delimiter (default: ';' or tab when the header line has more of them than commas, else ',')" },
    ],
    details: "Writes the sheet 'Aging' (--out NAME.csv: that table as CSV). The input may also be a ledger past one sheet, a .csv or .parquet file, read as a stream (docs/scale.md). Example: cc aging samples/sample-ledger.xlsx --as-of 2025-12-31 --out out/aging.xlsx",
  },
  run: runAging,
};

export async function runAging(ctx: RunContext): Promise<{ sheets: OutputSheet[]; summary: string[] }> {
  const { args } = ctx;
  const basisText = args.values.get("basis") ?? DEFAULT_AGING_BASIS;
  const basis = matchChoice<AgingBasis>(basisText, AGING_BASES, { DueDate: "due", TransactionDate: "transaction", Date: "transaction", DocumentDate: "document" });
  if (basis === undefined) throw new CliError(`cc aging: --basis '${basisText}' is not one of due, transaction, document`, USAGE_EXIT);
  const periodsText = args.values.get("periods");
  let periods: unknown = null;
  if (periodsText !== undefined) {
    const bounds = periodsText.split(",").map((s) => s.trim());
    if (bounds.some((b) => !/^\d+$/.test(b))) throw new CliError(`cc aging: --periods '${periodsText}' must be whole numbers of days separated by commas, e.g. 30,60,90,120`, USAGE_EXIT);
    periods = [bounds.map(Number)];
  }
  const definition = readPeriods(periods, basis);
  if (!definition.ok) throw inputError(definition.errors, "--periods");

  const options = { asOfSerial: ctx.asOfSerial, definition: definition.value, basis };
  if (ledgerFormatOf(ctx.input) !== undefined) {
    if (args.flags.has("forecast")) throw new CliError("cc aging: --forecast needs an .xlsx ledger (the model trains on the whole history in memory); a .csv or .parquet ledger is aged as a stream", USAGE_EXIT);
    return output(ctx, await ageStream(ctx, options));
  }
  ctx.progress(`reading ${ctx.input}`);
  const tables = await readInput(ctx, [transactionsRequest(args.values.get("sheet"), args.flags.has("forecast"))], (sheet, rows) => ctx.progress(`${sheet}: ${rows.toLocaleString("en-US")} rows read`));
  const tx = tables.get("transactions");
  if (tx === undefined) throw new CliError("cc aging: no Transactions table");
  ctx.progress(`aging ${(tx.range.length - 1).toLocaleString("en-US")} rows of sheet '${tx.sheet}' as of ${isoFromSerial(ctx.asOfSerial)}`);
  const snapshot = ageRange(tx.range, options, { name: tx.sheet, roundAmounts: args.flags.has("round-amounts"), dateSystem: tx.dateSystem });
  if (!snapshot.ok) throw inputError(snapshot.errors, tx.sheet, tx.headerRow);
  return output(ctx, snapshot.value, tx);
}

function output(ctx: RunContext, s: AgingSnapshot, tx?: Parameters<typeof forecastSheets>[0]): { sheets: OutputSheet[]; summary: string[] } {
  const { args } = ctx;
  const sheets: OutputSheet[] = [{ name: "Aging", rows: agingTable(s) }];
  if (args.flags.has("detail")) {
    sheets.push({ name: "Aging header", rows: agingHeaderTable(s), dateColumns: [9] }, { name: "Aging detail", rows: agingDetailTable(s) });
  }
  if (args.flags.has("chart")) sheets.push(agingChartSheet(s));
  const customers = new Set(s.rows.map((r) => r.customer)).size;
  const totals = s.totals.map((t) => `${t.currency || "(no currency)"} ${formatAmount(t.balanceMinor, t.currency)}`).join(", ");
  const summary = [`Aged ${customers} customers (${s.rows.length} customer-currency rows) as of ${isoFromSerial(ctx.asOfSerial)}; balances ${totals}`];
  if (args.flags.has("forecast") && tx !== undefined) {
    ctx.progress("predicting pay dates from the settled invoices");
    const forecast = forecastSheets(tx, ctx.asOfSerial, args.flags.has("round-amounts"));
    sheets.push(...forecast.sheets);
    summary.push(forecast.summary);
  }
  return { sheets, summary };
}

