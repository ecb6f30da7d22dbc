/**
 * Write-off I/O: the options of CC.WRITEOFF, the preview table it spills, and the `Write-off
 * journal` sheet table the task pane and the CLI write (with JournalId, Line and Date, so that a
 * journal already on the sheet is recognised and not posted twice).
 */
import type { CollectionsLine, CorrectionLineMaker } from "../domain/collections";
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import type { JournalLine } from "../domain/journal";
import { exponentOf, minorToNumber } from "../domain/money";
import { readOptions } from "./options";
import { isBlank, matchTable, trimBlankRows } from "./table";

export const WRITEOFF_HEADER = ["LineType", "Customer", "Currency", "Dimension", "PostingProfile", "TaxAccount", "TaxCode", "Debit", "Credit", "Reason"] as const;

export const WRITEOFF_JOURNAL_HEADER = [
  "JournalId",
  "Line",
  "Date",
  ...WRITEOFF_HEADER,
  "Account",
  "Voucher",
  "OffsetVoucher",
  "AccountingAmount",
  "AccountingCurrency",
  "AccountRole",
  "LinkId",
  "CorrectsJournalId",
] as const;

export interface WriteOffOptions {
  readonly separateSalesTax: boolean;
  readonly vouchers: readonly string[];
  readonly writeOffAccount?: string;
}

/**
 * Read CC.WRITEOFF's Name/Value options: SeparateSalesTax, Vouchers (a list separated by commas,
 * semicolons or line breaks), WriteOffAccount.
 * @example readWriteOffOptions([["Vouchers", "I1, I2"]]) // ok({ separateSalesTax: false, vouchers: ["I1", "I2"] })
 */
export function readWriteOffOptions(range: unknown): Result<WriteOffOptions> {
  const read = readOptions(range, { SeparateSalesTax: { kind: "bool" }, Vouchers: { kind: "text" }, WriteOffAccount: { kind: "text" } });
  if (!read.ok) return read;
  const v = read.value;
  const vouchers = typeof v["Vouchers"] === "string" ? splitList(v["Vouchers"]) : [];
  const out: WriteOffOptions = { separateSalesTax: v["SeparateSalesTax"] === true, vouchers };
  return typeof v["WriteOffAccount"] === "string" && v["WriteOffAccount"] !== "" ? ok({ ...out, writeOffAccount: v["WriteOffAccount"] }) : ok(out);
}

/** "I1, I2;I3" -> ["I1", "I2", "I3"] */
export function splitList(text: string): string[] {
  return text.split(/[,;\n\r]+/).map((s) => s.trim()).filter((s) => s !== "");
}

type Cell = string | number;

/** A signed amount as Debit and Credit cells in major units ("" on the other side). */
function debitCredit(l: JournalLine): [Cell, Cell] {
  const exp = exponentOf(l.currency);
  return l.amountMinor >= 0 ? [minorToNumber(l.amountMinor, exp), ""] : ["", minorToNumber(-l.amountMinor, exp)];
}

function keysOf(l: JournalLine): Cell[] {
  const c = l as Partial<CollectionsLine> & JournalLine;
  const lineType = c.lineType ?? (l.accountType === "Customer" ? "Customer" : "Ledger");
  return [lineType, l.customer, l.currency, c.dimension ?? "", c.postingProfile ?? "", lineType === "SalesTax" ? (c.account ?? "") : "", c.taxCode ?? "", ...debitCredit(l), l.reason];
}

/**
 * The table CC.WRITEOFF spills: the header and one row per journal line.
 * @example writeOffTable(proposal.lines)[1] // ["Customer", "C1", "USD", "North", "GEN", "", "", "", 100, "BADDEBT"]
 */
export function writeOffTable(lines: readonly JournalLine[]): Cell[][] {
  return [[...WRITEOFF_HEADER], ...lines.map(keysOf)];
}

/**
 * The rows of the `Write-off journal` sheet (any collections journal fits: write-offs, interest
 * notes, fees, corrections, NSF cancellations). Dates are serials for the sheet to format.
 * @example writeOffJournalTable(proposal.lines)[1].slice(0, 3) // ["WRI-…", 1, 45382]
 */
export function writeOffJournalTable(lines: readonly JournalLine[], withHeader = true): Cell[][] {
  // One array per line, written cell by cell (keysOf's cells in their order): a charge journal can
  // have a million lines.
  const row = journalRowWriter();
  const offset = withHeader ? 1 : 0;
  const out: Cell[][] = new Array<Cell[]>(lines.length + offset);
  if (withHeader) out[0] = [...WRITEOFF_JOURNAL_HEADER];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as JournalLine;
    out[i + offset] = row(l, l.journalId, l.lineNumber, l.dateSerial, l.amountMinor, l.accountingMinor, l.accountRole, l.reason, l.correctsJournalId ?? "");
  }
  return out;
}

/**
 * Writes `Write-off journal` rows, each currency's exponent looked up once: the row of `line` with
 * the journal ID, line number, date, amounts, account role, reason and corrected journal given
 * (its other cells are `line`'s). `writeOffJournalTable` gives a line's own; it is also a
 * `CorrectionLineMaker`, so a correction's rows are written from the charge lines they correct
 * with what the domain decided, without a record per line.
 * @example journalRowWriter()(proposal.lines[0], "COR-1", 1, 45400, -100, -100, "Customer", "ERROR", proposal.lines[0].journalId).slice(0, 3) // ["COR-1", 1, 45400]
 */
export function journalRowWriter(): CorrectionLineMaker<Cell[]> {
  const exponents = new Map<string, number>();
  // Module bindings read once: in the loop each would be a read through the module object.
  const toNumber = minorToNumber;
  let lastCurrency: string | undefined;
  let lastExponent = 2;
  const exp = (currency: string): number => {
    if (currency === lastCurrency) return lastExponent;
    let e = exponents.get(currency);
    if (e === undefined) exponents.set(currency, (e = exponentOf(currency)));
    lastCurrency = currency;
    lastExponent = e;
    return e;
  };
  return (l, journalId, lineNumber, dateSerial, amountMinor, accountingMinor, accountRole, reason, correctsJournalId) => {
    const c = l as Partial<CollectionsLine> & JournalLine;
    const lineType = c.lineType ?? (l.accountType === "Customer" ? "Customer" : "Ledger");
    const e = exp(l.currency);
    return [
      journalId,
      lineNumber,
      dateSerial,
      lineType,
      l.customer,
      l.currency,
      c.dimension ?? "",
      c.postingProfile ?? "",
      lineType === "SalesTax" ? (c.account ?? "") : "",
      c.taxCode ?? "",
      amountMinor >= 0 ? toNumber(amountMinor, e) : "",
      amountMinor >= 0 ? "" : toNumber(-amountMinor, e),
      reason,
      c.account ?? "",
      l.voucher,
      l.offsetVoucher,
      toNumber(accountingMinor, exp(l.accountingCurrency)),
      l.accountingCurrency,
      accountRole,
      l.linkId,
      correctsJournalId,
    ];
  };
}

/**
 * The journal IDs already on a journal sheet (its JournalId column), to refuse posting one twice.
 * An empty or absent sheet has none; a row with content but no JournalId is an error.
 * @example postedJournalIds([["JournalId", "Line"], ["WRI-1", 1], ["WRI-1", 2]]) // ok(Set { "WRI-1" })
 */
export function postedJournalIds(range: unknown, name = "Write-off journal"): Result<Set<string>> {
  if (range === null || range === undefined || (Array.isArray(range) && range.length === 0)) return ok(new Set());
  const matched = matchTable(range, [{ key: "journalId", header: "JournalId", aliases: ["Journal"], required: true }], name);
  if (!matched.ok) return matched;
  const col = matched.value.index.get("journalId") ?? 0;
  const ids = new Set<string>();
  const errors: CcError[] = [];
  trimBlankRows(matched.value.rows).forEach((r, i) => {
    const v = r[col];
    if (r.every(isBlank)) return; // a blank separator row
    if (isBlank(v)) errors.push(ccError("journal_id_must_not_be_blank", {}, { table: name, row: matched.value.firstDataRow + i, column: "JournalId" }));
    else ids.add(String(v).trim());
  });
  return errors.length > 0 ? fail(...errors) : ok(ids);
}
