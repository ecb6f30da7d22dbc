/**
 * `cc adjust`: a credit-limit adjustment journal from the generator (docs/domain.md §5.8): a fixed or
 * percentage change of every customer's limit (or the customers named), rounded to a rounding
 * value, with an absolute or relative expiry, or temporary limits From/To. Writes the sheet
 * `Credit limit adjustments` for review; limits never change silently. With --in-place the journal
 * is appended to the input, and a journal whose ID is already on that sheet is refused.
 */
import type { AdjustmentGenerator } from "../../domain/credit/adjustments/generate";
import { generateAdjustments } from "../../domain/credit/adjustments/generate";
import { adjustmentJournal } from "../../domain/credit/adjustments/journal";
import type { CreditLimitAdjustmentJournal } from "../../domain/credit/adjustments/types";
import { checkNotPosted } from "../../domain/journal";
import { parseDate } from "../../domain/dates";
import { postAdjustments } from "../../domain/credit/adjustments/apply";
import type { Customer } from "../../domain/credit/types";
import { ADJUSTMENT_JOURNAL_SHEET, adjustmentJournalTable, LIMITS_AFTER_SHEET, limitsAfterTable } from "../../workbook/credit-adjustment-journal";
import type { OutputSheet } from "../_lib/xlsx-write";
import { readCustomers } from "../../workbook/customers";
import { postedJournalIds, splitList } from "../../workbook/writeoff";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { must } from "../_lib/ledger";
import { plainRequest } from "../_lib/tables";
import { readTables, type ReadTable, type TableRequest } from "../_lib/xlsx-read";

export const adjustCommand: Command = {
  spec: {
    name: "adjust",
    summary: "Propose a credit-limit adjustment journal for many customers (fixed or percent change, rounding, expiry).",
    usage: "<input.xlsx> --method Fixed|Percent --value N --reason CODE [options]",
    options: [
      ...COMMON_OPTIONS,
      { name: "method", value: "METHOD", description: "Fixed (add --value in each customer's currency) or Percent (change by --value percent)" },
      { name: "value", value: "N", description: "the change, e.g. 15 or -2500 (required)" },
      { name: "reason", value: "CODE", description: "reason code of every line (required)" },
      { name: "rounding", value: "N", description: "round each new limit to a multiple of N (major units), e.g. 1000" },
      { name: "direction", value: "DIR", description: "rounding direction: Up, Down or Nearest (default Nearest)" },
      { name: "type", value: "TYPE", description: "Normal (default) or Temporary" },
      { name: "expiry", value: "DATE", description: "Normal lines: the new limits' expiry date" },
      { name: "expiry-months", value: "N", description: "Normal lines: expiry N months after --as-of" },
      { name: "from", value: "DATE", description: "Temporary lines: first day" },
      { name: "to", value: "DATE", description: "Temporary lines: last day" },
      { name: "customers", value: "IDS", description: "only these customers, comma-separated (default: every customer)" },
    ],
    details: `Reads the Customers sheet. Writes the sheets '${ADJUSTMENT_JOURNAL_SHEET}' (JournalId, Date, Target, Account, Type, NewLimit, Currency, From, To, Expiry, Reason) and '${LIMITS_AFTER_SHEET}' (each limit before and after posting). Example: cc adjust samples/sample-ledger.xlsx --method Percent --value 10 --rounding 1000 --direction Up --expiry-months 12 --reason ANNUAL`,
  },
  run: runAdjust,
};

function choice<T extends string>(ctx: RunContext, name: string, values: readonly T[], fallback?: T): T {
  const text = ctx.args.values.get(name);
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new CliError(`cc ${ctx.command}: --${name} is required (${values.join(" or ")})`, USAGE_EXIT);
  }
  const found = values.find((v) => v.toLowerCase() === text.trim().toLowerCase());
  if (found === undefined) throw new CliError(`cc ${ctx.command}: --${name} '${text}' is not ${values.join(", ")}`, USAGE_EXIT);
  return found;
}

function dateOption(ctx: RunContext, name: string): number | undefined {
  const text = ctx.args.values.get(name);
  if (text === undefined) return undefined;
  const parsed = parseDate(/^\d+$/.test(text) ? Number(text) : text);
  if (!parsed.ok) throw new CliError(`cc ${ctx.command}: --${name} '${text}': ${parsed.reason}`, USAGE_EXIT);
  return parsed.serial;
}

export function generatorFrom(ctx: RunContext): AdjustmentGenerator {
  const value = ctx.args.values.get("value");
  const reason = (ctx.args.values.get("reason") ?? "").trim();
  if (value === undefined) throw new CliError("cc adjust: --value is required, e.g. --value 10", USAGE_EXIT);
  if (reason === "") throw new CliError("cc adjust: give a reason code with --reason", USAGE_EXIT);
  const type = choice(ctx, "type", ["Normal", "Temporary"] as const, "Normal");
  const expiry = dateOption(ctx, "expiry");
  const months = ctx.args.values.get("expiry-months");
  if (expiry !== undefined && months !== undefined) throw new CliError("cc adjust: give --expiry or --expiry-months, not both", USAGE_EXIT);
  if (months !== undefined && !/^\d+$/.test(months)) throw new CliError(`cc adjust: --expiry-months '${months}' is not a whole number`, USAGE_EXIT);
  const from = dateOption(ctx, "from");
  const to = dateOption(ctx, "to");
  if (type === "Temporary" && (from === undefined || to === undefined)) throw new CliError("cc adjust: --type Temporary needs --from and --to", USAGE_EXIT);
  if (type === "Normal" && (from !== undefined || to !== undefined)) throw new CliError("cc adjust: --from and --to are for --type Temporary", USAGE_EXIT);
  const rounding = ctx.args.values.get("rounding");
  return {
    method: choice(ctx, "method", ["Fixed", "Percent"] as const),
    value,
    ...(rounding !== undefined ? { roundingValue: rounding, direction: choice(ctx, "direction", ["Up", "Down", "Nearest"] as const, "Nearest") } : {}),
    type,
    ...(expiry !== undefined ? { expiry: { serial: expiry } } : months !== undefined ? { expiry: { months: Number(months) } } : {}),
    ...(from !== undefined ? { fromSerial: from } : {}),
    ...(to !== undefined ? { toSerial: to } : {}),
    asOfSerial: ctx.asOfSerial,
    reason,
  };
}

/**
 * The adjustment sheets of the input: `--in-place` adds each journal as a sheet of its own
 * (`Credit limit adjustments`, `… (2)`, `… (3)`, …), so every one of them is read.
 */
export function adjustmentSheetRequests(): TableRequest[] {
  return Array.from({ length: 20 }, (_, i) => plainRequest(`journal${i + 1}`, [i === 0 ? ADJUSTMENT_JOURNAL_SHEET : `${ADJUSTMENT_JOURNAL_SHEET.slice(0, 25)} (${i + 1})`], ["journalid", "newlimit"], false));
}

/** Refuse, with --in-place, a journal whose ID is already on one of the input's adjustment sheets. */
export function refuseIfPosted(ctx: RunContext, tables: ReadonlyMap<string, ReadTable>, journal: CreditLimitAdjustmentJournal): void {
  if (!ctx.args.flags.has("in-place")) return;
  for (const [key, sheet] of tables) {
    if (!key.startsWith("journal")) continue;
    const posted = checkNotPosted(journal.journalId, must(postedJournalIds(sheet.range, sheet.sheet), sheet));
    if (!posted.ok) throw inputError(posted.errors, sheet.sheet, sheet.headerRow);
  }
}

/** `Credit limits after`: what posting the journal makes of each limit it changes (a preview; the Customers sheet is never changed). */
export function limitsAfterSheet(customers: readonly Customer[], journal: CreditLimitAdjustmentJournal, sheet: ReadTable): OutputSheet {
  const after = postAdjustments(journal, { customers, groups: [], temporaryLimits: [] }, new Set());
  if (!after.ok) throw inputError(after.errors, sheet.sheet, sheet.headerRow);
  return { name: LIMITS_AFTER_SHEET, rows: limitsAfterTable(customers, after.value, journal), dateColumns: [5, 6, 7] };
}

export async function runAdjust(ctx: RunContext): Promise<CommandResult> {
  const spec = generatorFrom(ctx);
  ctx.progress(`reading ${ctx.input}`);
  const tables = await readTables(ctx.input, [plainRequest("customers", ["Customers"], ["customer", "creditlimit"]), ...adjustmentSheetRequests()]);
  const sheet = tables.get("customers") as ReadTable;
  let customers = must(readCustomers(sheet.range, { name: sheet.sheet, roundAmounts: false }), sheet);
  const only = splitList(ctx.args.values.get("customers") ?? "");
  if (only.length > 0) {
    const known = new Set(customers.map((c) => c.customer));
    const missing = only.filter((c) => !known.has(c));
    if (missing.length > 0) throw new CliError(`cc adjust: --customers: ${missing.join(", ")} not on sheet '${sheet.sheet}'`, USAGE_EXIT);
    customers = customers.filter((c) => only.includes(c.customer));
  }
  const lines = generateAdjustments(customers, spec);
  if (!lines.ok) throw inputError(lines.errors, sheet.sheet, sheet.headerRow);
  const journal = adjustmentJournal(lines.value, ctx.asOfSerial);
  if (!journal.ok) throw inputError(journal.errors, sheet.sheet, sheet.headerRow);
  refuseIfPosted(ctx, tables, journal.value);
  return {
    sheets: [{ name: ADJUSTMENT_JOURNAL_SHEET, rows: adjustmentJournalTable(journal.value), dateColumns: [1] }, limitsAfterSheet(customers, journal.value, sheet)],
    summary: [`Credit-limit adjustment journal ${journal.value.journalId}: ${count(journal.value.lines.length)} lines (Unlimited and excluded customers skipped)`],
  };
}
