/**
 * `cc letters`: the collection letter each customer and currency is due for at the as-of date, as
 * CC.LETTERS computes it, from the ledger, a letter sequence sheet (Code, Fee, MinOverdue,
 * GraceDays, Block) and the history of letters sent: a history sheet (Customer, Code, Date,
 * Currency) when there is one, and every letter log in the workbook — the sheets this command wrote
 * before and the task pane's `Collection letters` log — so that a letter already sent is not
 * proposed again and the next one counts from it. Writes the sheet `Collection letters`
 * (CC.LETTERS's columns, then a content-derived JournalId, the one the task pane posts the same
 * letter under, and the Date the letters are sent: the as-of date).
 */
import { type LetterDue, lettersDue } from "../../domain/collections";
import { letterId } from "../../domain/collections/log-ids";
import { isoFromSerial } from "../../domain/dates";
import { LETTER_LOG_SHEET, lettersTable, readLetterHistory, readLetterLogs, readLetterSequence } from "../../workbook/collections-letters";
import { normalizeHeader } from "../../workbook/table";
import { readTransactions } from "../../workbook/transactions";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, sheetErrors } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import { readInput, type RunContext } from "../_lib/context";
import { count, formatAmount } from "../_lib/format";
import { must } from "../_lib/ledger";
import { transactionsRequest } from "../_lib/tables";
import type { ReadTable, TableRequest } from "../_lib/xlsx-read";
import type { OutCell } from "../_lib/xlsx-write";

export const LETTERS_SHEET = LETTER_LOG_SHEET;
// Not "CollectionLetters": that is the letter log's name (this command's output, the pane's log).
const SEQUENCE_SHEETS = ["LetterSequence", "Letters"];
const HISTORY_SHEETS = ["LetterHistory", "LettersSent", "SentLetters"];

export const lettersCommand: Command = {
  spec: {
    name: "letters",
    summary: "Propose the collection letter each customer and currency is due for (as CC.LETTERS does).",
    usage: "<input.xlsx> [--sequence SHEET] [--history SHEET] [--ignore-payments-and-credit-notes] [options]",
    options: [
      ...COMMON_OPTIONS,
      { name: "sheet", value: "NAME", description: "sheet holding the ledger (default: Transactions, else the sheet whose header has Customer and Amount)" },
      { name: "sequence", value: "SHEET", description: `sheet of the letter sequence: up to 5 rows of Code, Fee, MinOverdue, GraceDays, Block (default: ${SEQUENCE_SHEETS.join(" or ")}, else the sheet whose header has Code and GraceDays)` },
      { name: "history", value: "SHEET", description: `sheet of the letters already sent: Customer, Code, Date, Currency optional (default: ${HISTORY_SHEETS.join(" or ")} if there is one; else no history)` },
      { name: "ignore-payments-and-credit-notes", description: "open payments and credit notes do not reduce the overdue balance (option IgnorePaymentsAndCreditNotes)" },
      { name: "round-amounts", description: "round amounts with more decimals than the currency has instead of refusing them" },
    ],
    details: `Reads the letters already sent from the history sheet and from every letter log (earlier runs' '${LETTERS_SHEET}' sheets, the task pane's log). Writes the sheet '${LETTERS_SHEET}' (Customer, Currency, Letter, Level, Fee, OverdueBalance, Block, Reason, JournalId, Date). Example: cc letters ledger.xlsx --sequence Dunning --as-of 2025-12-31`,
  },
  run: runLetters,
};

/**
 * Every letter log, by the headers both edges' logs have: this command's output (with its Date
 * column) and the task pane's `Collection letters` log. An older run's output has no Date: it is
 * not history (its JournalIds still refuse the same letters).
 */
const LOGS_REQUEST: TableRequest = { key: "logs", sheets: [], identifyBy: ["customer", "level", "date", "overduebalance"], required: false, all: true };

/** A request for a sheet the user named (by name only) or for the default names and headers. */
function request(key: string, named: string | undefined, defaults: readonly string[], identifyBy: readonly string[], required: boolean): TableRequest {
  return named === undefined ? { key, sheets: defaults, identifyBy, required } : { key, sheets: [named], identifyBy: ["\u0000no header match"], required: false };
}

function namedSheet(ctx: RunContext, tables: ReadonlyMap<string, ReadTable>, key: string, option: string): ReadTable | undefined {
  const named = ctx.args.values.get(option);
  const table = tables.get(key);
  if (named !== undefined && (table === undefined || normalizeHeader(table.sheet) !== normalizeHeader(named))) {
    throw new CliError(`cc letters: --${option} '${named}': ${ctx.input} has no sheet of that name`);
  }
  return table;
}

export async function runLetters(ctx: RunContext): Promise<CommandResult> {
  const { args } = ctx;
  ctx.progress(`reading ${ctx.input}`);
  const tables = await readInput(
    ctx,
    [
      transactionsRequest(args.values.get("sheet")),
      request("sequence", args.values.get("sequence"), SEQUENCE_SHEETS, ["code", "gracedays"], false),
      request("history", args.values.get("history"), HISTORY_SHEETS, ["customer", "code", "date"], false),
      LOGS_REQUEST,
    ],
    (sheet, rows) => ctx.progress(`${sheet}: ${count(rows)} rows read`),
  );
  const ledgerSheet = tables.get("transactions") as ReadTable;
  const sequenceSheet = namedSheet(ctx, tables, "sequence", "sequence");
  if (sequenceSheet === undefined) {
    throw new CliError(
      `cc letters: ${ctx.input} has no letter sequence: no sheet named ${SEQUENCE_SHEETS.map((s) => `'${s}'`).join(" or ")} and no sheet whose header has Code and GraceDays; name it with --sequence SHEET`,
    );
  }
  const historySheet = namedSheet(ctx, tables, "history", "history");
  const transactions = must(readTransactions(ledgerSheet.range, { name: ledgerSheet.sheet, require: ["dueDate"], roundAmounts: args.flags.has("round-amounts"), dateSystem: ledgerSheet.dateSystem }), ledgerSheet);
  const sequence = must(readLetterSequence(sequenceSheet.range), sequenceSheet);
  const logs = (ctx.read.current?.every.get(LOGS_REQUEST.key) ?? []).filter((l) => l.sheet !== historySheet?.sheet);
  // The history sheet must have its columns; a log without a Date is an older run's list, passed over.
  const history = [
    ...(historySheet === undefined ? [] : must(readLetterHistory(historySheet.range, { dateSystem: historySheet.dateSystem }), historySheet)),
    ...logs.flatMap((sheet) => must(readLetterLogs([{ name: "history", values: sheet.range, dateSystem: sheet.dateSystem }]), sheet)),
  ];
  ctx.progress(`${count(transactions.length)} transactions, ${sequence.length} letter codes, ${count(history.length)} letters sent; as of ${isoFromSerial(ctx.asOfSerial)}`);

  const due = lettersDue(transactions, ctx.asOfSerial, sequence, history, { ignorePaymentsAndCreditNotes: args.flags.has("ignore-payments-and-credit-notes") });
  if (!due.ok) throw sheetErrors(due.errors, { transactions: ledgerSheet, sequence: sequenceSheet, history: historySheet }, ledgerSheet);

  const byCode = new Map<string, number>();
  const fees = new Map<string, number>();
  for (const l of due.value) {
    byCode.set(l.code, (byCode.get(l.code) ?? 0) + 1);
    if (l.feeMinor > 0) fees.set(l.currency, (fees.get(l.currency) ?? 0) + l.feeMinor);
  }
  const codes = sequence.map((c) => c.code).filter((c) => byCode.has(c)).map((c) => `${count(byCode.get(c) ?? 0)} ${c}`);
  const feeText = [...fees].map(([c, m]) => `${c} ${formatAmount(m, c)}`).join(", ");
  return {
    sheets: [{ name: LETTERS_SHEET, rows: withLetterIds(lettersTable(due.value), due.value, ctx.asOfSerial) }],
    summary: [
      due.value.length === 0
        ? `No letters due as of ${isoFromSerial(ctx.asOfSerial)}`
        : `${count(due.value.length)} letter${due.value.length === 1 ? "" : "s"} due as of ${isoFromSerial(ctx.asOfSerial)}: ${codes.join(", ")}${feeText === "" ? "" : `; fees ${feeText}`}`,
    ],
  };
}

/**
 * CC.LETTERS's table with a JournalId column, a content-derived ID of each letter (customer,
 * currency, code, level, as-of date: `letterId`, as the task pane), so that the same letter run
 * posted twice with --in-place is refused like every other posting; and the Date it is sent, so
 * that the next run reads it as history.
 */
function withLetterIds(table: readonly (readonly OutCell[])[], due: readonly LetterDue[], asOfSerial: number): OutCell[][] {
  return table.map((row, i) => {
    if (i === 0) return [...row, "JournalId", "Date"];
    const l = due[i - 1] as LetterDue;
    return [...row, letterId(l, asOfSerial), asOfSerial];
  });
}

