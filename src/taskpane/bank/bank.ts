/**
 * The Bank screen's steps as plain functions over the gateway: read a statement file (the CLI's
 * camt.053 and CSV readers), add its lines to the `Statement` table exactly once, load what the
 * matcher needs, and post the accepted lines: each becomes a ledger payment (voucher = LineId) and
 * a settlement through the settlement engine, in one journal post (all or nothing, exactly once).
 */
import { ok, type Result } from "../../domain/errors";
import type { JournalLine } from "../../domain/journal";
import { matchStatement, type LineResult } from "../../domain/matching/match";
import type { MatchCustomer, MatchItem, MatchOptions, StatementLine } from "../../domain/matching/types";
import { exponentOf } from "../../domain/money";
import type { RateTable } from "../../domain/rates";
import { repostSalt } from "../../domain/settlement/history";
import { postSettlement } from "../../domain/settlement/post";
import type { OpenChange, SettlementItem } from "../../domain/settlement/types";
import { readCamt053 } from "../../workbook/camt";
import { readStatement, STATEMENT_HEADER, statementTable } from "../../workbook/statement";
import { readStatementCsv, type StatementMapping } from "../../workbook/statement-csv";
import { readMatchCustomers, withPaymentReferences } from "../../workbook/statement-match";
import { type LineChoice, postedLineIds, reviewOverrides } from "../../workbook/statement-review";
import type { CellValue } from "../office/excel-subset";
import type { OutputTable } from "../office/formats";
import type { Gateway } from "../office/gateway";
import type { PostResult } from "../office/post-journal";
import type { TaskControl } from "../office/task";
import type { NewRow } from "../office/write-back";
import { journalOutput, SETTLEMENT_TARGET } from "../settlement/journal-output";
import type { Ledger } from "../settlement/ledger";
import { datesTo1900, typedPaymentRow, writeBackOf } from "../settlement/wizard";

/** The Statement table: appended through the posting log, a line's LineId is its ID (a line is added once). */
export const STATEMENT_TARGET = { sheet: "Statement", table: "Statement", idHeader: "LineId" } as const;

const KINDS: Readonly<Record<string, "text" | "date" | "money">> = { Date: "date", Amount: "money" };

/** A statement file as text: camt.053 when it is XML (by name or content), else CSV with the mapping. */
export function readStatementText(name: string, text: string, csv: { mapping?: StatementMapping; currency?: string } = {}): Result<StatementLine[]> {
  const xml = /\.xml$/i.test(name) || /^\s*(<\?xml|<Document)/.test(text);
  if (xml) return readCamt053(text, { name });
  return readStatementCsv(text, { name, ...(csv.mapping !== undefined ? { mapping: csv.mapping } : {}), ...(csv.currency !== undefined && csv.currency !== "" ? { currency: csv.currency } : {}) });
}

/** Statement lines as rows of the Statement table for the gateway. */
export function statementOutput(lines: readonly StatementLine[]): OutputTable {
  const [, ...rows] = statementTable(lines);
  return {
    columns: STATEMENT_HEADER.map((h) => ({ header: h, kind: KINDS[h] ?? "text" })),
    rows: rows as CellValue[][],
    exponents: lines.map((l) => exponentOf(l.currency)),
  };
}

async function hasTable(gateway: Gateway, name: string): Promise<boolean> {
  const names = await gateway.listTables();
  return [...names.tables, ...names.sheets].some((n) => n.toLowerCase() === name.toLowerCase());
}

/** The lines of the Statement table (empty when there is none yet). */
export async function readStatementTable(gateway: Gateway, control?: TaskControl): Promise<Result<StatementLine[]>> {
  if (!(await hasTable(gateway, STATEMENT_TARGET.table))) return ok([]);
  const read = await gateway.readTable(STATEMENT_TARGET.table, undefined, control);
  if (!read.ok) return read;
  return readStatement(datesTo1900(read.value.values, ["Date"], read.value.dateSystem), { name: read.value.location.name });
}

export interface ImportResult {
  readonly added: number;
  readonly already: number;
  readonly lines: StatementLine[];
}

/** Add the lines the Statement table does not have yet (by LineId); a file imported again adds nothing. */
export async function importStatement(gateway: Gateway, lines: readonly StatementLine[], control?: TaskControl): Promise<Result<ImportResult>> {
  const before = await readStatementTable(gateway, control);
  if (!before.ok) return before;
  const have = new Set(before.value.map((l) => l.lineId));
  const fresh = lines.filter((l) => !have.has(l.lineId));
  if (fresh.length > 0) {
    const posted = await gateway.postJournal({ target: STATEMENT_TARGET, journalId: fresh[0]?.lineId ?? "", lines: statementOutput(fresh) }, undefined, control);
    if (!posted.ok) return posted;
  }
  const after = await readStatementTable(gateway, control);
  if (!after.ok) return after;
  return ok({ added: fresh.length, already: lines.length - fresh.length, lines: after.value });
}

/** The Customers table for matching, when the workbook has one. */
export async function readCustomers(gateway: Gateway, control?: TaskControl): Promise<Result<MatchCustomer[]>> {
  if (!(await hasTable(gateway, "Customers"))) return ok([]);
  const read = await gateway.readTable("Customers", undefined, control);
  if (!read.ok) return read;
  return readMatchCustomers(read.value.values, { name: read.value.location.name });
}

export interface BankInput {
  readonly ledger: Ledger;
  readonly customers: readonly MatchCustomer[];
  readonly lines: readonly StatementLine[];
  readonly options: Partial<MatchOptions>;
  readonly choices: ReadonlyMap<string, LineChoice>;
}

/** The open items of the ledger as the matcher sees them (with their PaymentReference cells). */
export function matchItems(ledger: Ledger): MatchItem[] {
  return withPaymentReferences(ledger.values, ledger.transactions, ledger.location.name);
}

/** The review: every line matched, with the person's changes; lines posted already are left out. */
export function review(input: BankInput): Result<{ matches: LineResult[]; posted: Set<string> }> {
  const posted = postedLineIds(input.ledger.transactions, input.lines);
  const overrides = reviewOverrides(input.lines, input.choices, posted, false);
  const m = matchStatement(input.lines, matchItems(input.ledger), input.customers, { ...input.options, overrides });
  return m.ok ? ok({ matches: m.value, posted }) : m;
}

export interface BankPlan {
  /** The accepted lines as matched for posting (the others skipped, so they consume nothing). */
  readonly matches: readonly LineResult[];
  readonly journalLines: readonly JournalLine[];
  readonly journalIds: readonly string[];
  readonly changes: readonly OpenChange[];
  readonly appends: readonly NewRow[];
}

/** Sum the changes per item: two lines paying one invoice change its Amount cell once. */
function merged(changes: readonly OpenChange[]): OpenChange[] {
  const out = new Map<string, OpenChange>();
  for (const c of changes) {
    const k = `${c.customer}\u0000${c.voucher}`;
    const e = out.get(k);
    out.set(k, e === undefined ? { customer: c.customer, voucher: c.voucher, currency: c.currency, deltaMinor: c.deltaMinor } : { ...e, deltaMinor: e.deltaMinor + c.deltaMinor });
  }
  return [...out.values()];
}

/**
 * What posting the accepted lines writes: the settlement journals (through postSettlement, as the
 * CLI and the demo settle), the ledger's new open amounts, and one payment row per accepted line.
 */
export function planBank(input: BankInput, history: readonly JournalLine[], accountingCurrency: string, rates?: RateTable): Result<BankPlan> {
  const posted = postedLineIds(input.ledger.transactions, input.lines);
  const overrides = reviewOverrides(input.lines, input.choices, posted, true);
  const m = matchStatement(input.lines, matchItems(input.ledger), input.customers, { ...input.options, overrides });
  if (!m.ok) return m;
  const postedIds = new Set(history.map((l) => l.journalId));
  const salt = repostSalt(history);
  const accepted = m.value.filter((r) => r.customer !== "" && r.confidence !== "None");
  const journalLines: JournalLine[] = [];
  const journalIds: string[] = [];
  const changes: OpenChange[] = [];
  const credits: SettlementItem[] = [];
  for (const r of accepted) {
    const l = r.line;
    const credit: SettlementItem = r.proposal?.credit ?? { customer: r.customer, voucher: l.lineId, type: "Payment", amountMinor: -l.amountMinor, currency: l.currency, dateSerial: l.dateSerial, status: "None", row: 0 };
    credits.push(credit);
    if (r.proposal === undefined) continue;
    const p = postSettlement(r.proposal, { accountingCurrency, postedIds, salt, ...(rates !== undefined ? { rates } : {}) });
    if (!p.ok) return p;
    postedIds.add(p.value.journal.journalId);
    journalIds.push(p.value.journal.journalId);
    journalLines.push(...p.value.journal.lines);
    changes.push(...p.value.changes);
  }
  const all = merged(changes);
  const appends = credits.map((c) => typedPaymentRow(input.ledger, { ...c, row: 0 }, all));
  return ok({ matches: accepted, journalLines, journalIds, changes: all, appends });
}

/**
 * Post a plan: the journal lines of every accepted line and the ledger's changes and payment rows
 * in one posting (the write-ahead log makes it all or nothing). Exactly once: the first journal's
 * ID is looked up in the journal table, and a payment row whose Customer and Voucher (LineId) is
 * in the ledger already refuses the whole post.
 */
export async function postBank(gateway: Gateway, ledger: Ledger, plan: BankPlan, control?: TaskControl): Promise<Result<PostResult & { journalId: string }>> {
  const journalId = plan.journalIds[0] ?? `BANK-${plan.matches.map((m) => m.line.lineId).join("+")}`;
  const result = await gateway.postJournal(
    { target: SETTLEMENT_TARGET, journalId, lines: journalOutput(plan.journalLines) },
    { source: ledger.location, ...writeBackOf(ledger, plan.changes), appends: plan.appends },
    control,
  );
  return result.ok ? ok({ ...result.value, journalId }) : result;
}
