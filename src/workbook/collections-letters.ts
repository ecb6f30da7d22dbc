/**
 * Collection-letter I/O: the sequence and history ranges of CC.LETTERS and the table it spills.
 */
import type { LetterCode, LetterDue, SentLetter } from "../domain/collections";
import { MAX_LETTERS } from "../domain/collections";
import { columnCode } from "../domain/column-codes";
import type { DateSystem } from "../domain/dates";
import { ccError, fail, ok, type Result } from "../domain/errors";
import { exponentOf, minorToNumber } from "../domain/money";
import { MAX_DAYS, RowReader } from "./cells";
import { type ColumnSpec, hasColumn, matchTable, trimBlankRows } from "./table";

const SEQUENCE_COLUMNS: readonly ColumnSpec[] = [
  { key: "code", header: "Code", aliases: ["Letter", "LetterCode"], required: true },
  { key: "fee", header: "Fee", aliases: ["LetterFee", "Charge"] },
  { key: "minOverdue", header: "MinOverdue", aliases: ["MinOverdueBalance", "MinimumOverdueBalance", "MinBalance", "Minimum"] },
  { key: "graceDays", header: "GraceDays", aliases: ["Grace", "Days"] },
  { key: "block", header: "Block", aliases: ["Blocks", "BlockCustomer"] },
];

const HISTORY_COLUMNS: readonly ColumnSpec[] = [
  { key: "customer", header: "Customer", aliases: ["Cust", "Account"], required: true },
  { key: "code", header: "Code", aliases: ["Letter", "LetterCode"], required: true },
  { key: "date", header: "Date", aliases: ["LetterDate", "SentDate", "Sent"], required: true },
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy"] },
];

/**
 * @example readLetterSequence([["Code", "Fee", "MinOverdue", "GraceDays", "Block"], ["L1", 0, 10, 5, false]])
 * // ok([{ code: "L1", fee: 0, minOverdue: 10, graceDays: 5, block: false }])
 */
export function readLetterSequence(range: unknown): Result<LetterCode[]> {
  const m = matchTable(range, SEQUENCE_COLUMNS, "sequence");
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  if (table.rows.length > MAX_LETTERS) return fail(ccError("sequence_must_have_at_most_5_letters", { count: table.rows.length, max: MAX_LETTERS }, { table: "sequence" }));
  const r = new RowReader(table);
  const out: LetterCode[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const code = r.text("code", true);
    const fee = amount(r, "fee");
    const minOverdue = amount(r, "minOverdue");
    const graceDays = r.number("graceDays", false, { integer: true, min: 0, max: MAX_DAYS }) ?? 0;
    const block = r.bool("block");
    if (code !== undefined) out.push({ code, fee, minOverdue, graceDays, block });
  }
  return r.errors.length > 0 ? fail(...r.errors) : ok(out);
}

/** A fee or minimum in major units; the engine checks it fits each customer's currency. */
function amount(r: RowReader, key: "fee" | "minOverdue"): number {
  if (!r.has(key) || r.blank(key)) return 0;
  const n = r.number(key, false, { min: 0 });
  if (n === undefined) {
    // Re-code the plain-number error as this column's amount error (docs/errors.md).
    const last = r.errors[r.errors.length - 1];
    if (last !== undefined && last.code === columnCode(key, "number")) {
      r.errors[r.errors.length - 1] = { ...last, code: columnCode(key, "amount"), message: `${last.message}; give an amount of zero or more` };
    }
    return 0;
  }
  return n;
}

export interface LetterHistoryOptions {
  /** The table's name in messages (default "history"). */
  readonly name?: string;
  /** The workbook's date system (default 1900): a 1904 workbook's date cells are read as such. */
  readonly dateSystem?: DateSystem;
}

/**
 * @example readLetterHistory([["Customer", "Code", "Date"], ["2050", "L1", "2015-10-01"]])
 * // ok([{ customer: "2050", currency: "", code: "L1", dateSerial: 42278, row: 2 }])
 */
export function readLetterHistory(range: unknown, options: LetterHistoryOptions = {}): Result<SentLetter[]> {
  if (range === null || range === undefined) return ok([]);
  const m = matchTable(range, HISTORY_COLUMNS, options.name ?? "history");
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  const r = new RowReader(table, options.dateSystem !== undefined ? { dateSystem: options.dateSystem } : {});
  const out: SentLetter[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const customer = r.text("customer", true);
    const code = r.text("code", true);
    const dateSerial = r.date("date", true);
    const currency = (r.text("currency") ?? "").toUpperCase();
    if (customer !== undefined && code !== undefined && dateSerial !== undefined) out.push({ customer, currency, code, dateSerial, row: r.rowNumber });
  }
  return r.errors.length > 0 ? fail(...r.errors) : ok(out);
}

/**
 * The sheet both edges write the letters sent to: `cc letters` (a new `Collection letters (n)`
 * each --in-place run) and the task pane's log (table CollectionLetters).
 */
export const LETTER_LOG_SHEET = "Collection letters";

/**
 * Whether a sheet is a letter log by its name: `Collection letters` or `Collection letters (n)`.
 * @example [isLetterLogSheet("Collection letters"), isLetterLogSheet("collection letters (3)"), isLetterLogSheet("Letters")] // [true, true, false]
 */
export function isLetterLogSheet(name: string): boolean {
  return /^collection letters(?: \(\d+\))?$/i.test(name.trim());
}

/**
 * Whether a table is a letter log by its name: the task pane's `CollectionLetters`, or the table
 * `cc letters` writes on each `Collection letters (n)` sheet (`Table_Collection_letters`,
 * `Table_Collection_letters_2`, ...: the CLI's tableName of the sheet's name).
 * @example ["CollectionLetters", "Table_Collection_letters", "Table_Collection_letters_3", "LetterCodes"].map(isLetterLogTable) // [true, true, true, false]
 */
export function isLetterLogTable(name: string): boolean {
  return /^(?:collectionletters|table_collection_letters(?:_\d+)?)$/i.test(name.trim());
}

/**
 * The letters sent, from every letter log given (the history of CC.LETTERS, `cc letters` and the
 * task pane). A log without a Date column is an older `cc letters` run's list, not a record of
 * when letters were sent: it is passed over (its IDs still refuse the same letters). Errors name
 * each log.
 * @example readLetterLogs([{ name: "Collection letters", values: [["Customer", "Letter", "Level", "Date"], ["2050", "L1", 1, "2015-10-25"]] }, { name: "Old run", values: [["Customer", "Letter", "Level"], ["2050", "L1", 1]] }]).value?.map((l) => [l.code, l.dateSerial]) // [["L1", 42302]]
 */
export function readLetterLogs(logs: readonly { readonly name: string; readonly values: unknown; readonly dateSystem?: DateSystem }[]): Result<SentLetter[]> {
  const out: SentLetter[] = [];
  for (const log of logs) {
    const header = Array.isArray(log.values) && Array.isArray(log.values[0]) ? (log.values[0] as unknown[]) : [];
    if (!hasColumn(header, HISTORY_COLUMNS.find((c) => c.key === "date") as ColumnSpec)) continue;
    const read = readLetterHistory(log.values, { name: log.name, ...(log.dateSystem !== undefined ? { dateSystem: log.dateSystem } : {}) });
    if (!read.ok) return read;
    out.push(...read.value);
  }
  return ok(out);
}

export const LETTERS_HEADER = ["Customer", "Currency", "Letter", "Level", "Fee", "OverdueBalance", "Block", "Reason"] as const;

/**
 * What CC.LETTERS spills: one row per customer and currency due for a letter.
 * @example lettersTable(due)[1] // ["2050", "USD", "L1", 1, 5, 350, false, "oldest item 41 days past due (grace 5)"]
 */
export function lettersTable(due: readonly LetterDue[]): (string | number | boolean)[][] {
  return [
    [...LETTERS_HEADER],
    ...due.map((l) => {
      const exp = exponentOf(l.currency);
      return [l.customer, l.currency, l.code, l.level, minorToNumber(l.feeMinor, exp), minorToNumber(l.overdueMinor, exp), l.block, l.reason];
    }),
  ];
}
