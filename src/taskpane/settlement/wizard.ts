/**
 * The settlement wizard's steps as plain functions over the engine: build the request from the
 * user's choices, check an edited amount, post the proposal with its write-back, and unapply.
 * The hook (use-settlement.ts) keeps the state; components only render it.
 */
import { type DateSystem, serialFrom1904 } from "../../domain/dates";
import { ccError, type CcError, fail, ok, type Result } from "../../domain/errors";
import type { JournalLine } from "../../domain/journal";
import { currencyExponent, exponentOf, minorToNumber } from "../../domain/money";
import { rateTable, type RateTable } from "../../domain/rates";
import { DEFAULT_PRIORITY, type Mark, type Proposal, type ProposalLine, type SettlementItem, type SettlementMethod, type SettlementOptions } from "../../domain/settlement/types";
import { proposeSettlement } from "../../domain/settlement/propose";
import { postSettlement } from "../../domain/settlement/post";
import { unapplySettlement } from "../../domain/settlement/unapply";
import { repostSalt, unappliableSettlements, type UnappliableSettlement } from "../../domain/settlement/history";
import { editProposal, type ProposalEdit } from "../../domain/settlement/edit";
import { type AmountParse, parseLocaleAmount } from "../../workbook/locale-amount";
import type { OpenChange } from "../../domain/settlement/types";
import { NSF_JOURNAL, readSettlementHistory } from "../../workbook/settlement-history";
import { readExchangeRates } from "../../workbook/transactions";
import type { CellValue } from "../office/excel-subset";
import type { Gateway } from "../office/gateway";
import type { PostResult } from "../office/post-journal";
import type { CellUpdate, RowSnapshot } from "../office/rows";
import type { NewRow } from "../office/write-back";
import type { TaskControl } from "../office/task";
import { journalOutput, SETTLEMENT_TARGET } from "./journal-output";
import { headerOf, type Ledger, openItems, snapshotOf } from "./ledger";

export type MethodKind = SettlementMethod["kind"];

/** Reads an amount the user typed, in the pane's language (useAmounts().parse). */
export type AmountReader = (text: string, currency: string) => AmountParse;

/** An error of a typed amount, with the reader's own code (`amount_is_ambiguous`, ...) as its reason. */
export type FieldError = CcError & { readonly reason?: string };

function withReason(e: CcError, reason: CcError): FieldError {
  return { ...e, reason: reason.code };
}

/** English reading, for callers without a language (tests, the CLI). */
export const readEnglish: AmountReader = (text, currency) => parseLocaleAmount(text, "en", currency);

export type PaymentChoice =
  | { readonly kind: "row"; readonly voucher: string }
  | { readonly kind: "typed"; readonly voucher: string; readonly amount: string; readonly currency: string };

export interface WizardInput {
  readonly customer: string;
  readonly payment: PaymentChoice;
  readonly dateSerial: number;
  readonly method: MethodKind;
  /** voucher -> amount to settle, when the user edited the review or marks by hand. */
  readonly marks?: ReadonlyMap<string, number>;
  readonly options: Partial<SettlementOptions>;
}

/** The credit item: a selected open payment or credit note, or a typed payment. */
export function creditItem(ledger: Ledger, input: WizardInput, parse: AmountReader = readEnglish): Result<SettlementItem> {
  const p = input.payment;
  if (p.kind === "row") {
    const t = ledger.byVoucher.get(input.customer)?.get(p.voucher);
    if (t === undefined) return fail(ccError("payment_must_be_an_open_credit_item", { voucher: p.voucher, customer: input.customer }, { column: "Payment" }));
    return ok(t);
  }
  const currency = p.currency.trim().toUpperCase();
  if (currencyExponent(currency) === undefined) return fail(ccError("currency_must_be_known", { case: "plain", currency: p.currency }, { column: "Currency" }));
  const amount = parse(p.amount, currency);
  if (!amount.ok) return fail(withReason(ccError("payment_must_be_an_amount", { reason: amount.error.message }, { column: "Amount" }), amount.error));
  if (amount.minor <= 0) return fail(ccError("payment_amount_must_be_positive", {}, { column: "Amount" }));
  if (p.voucher.trim() === "") return fail(ccError("payment_voucher_must_not_be_blank", {}, { column: "Voucher" }));
  // A typed payment becomes a ledger line when posted: once it is there, it is chosen, not typed again.
  const existing = ledger.byVoucher.get(input.customer)?.get(p.voucher.trim());
  if (existing !== undefined) {
    return fail(ccError("payment_voucher_must_be_new", { voucher: p.voucher.trim(), customer: input.customer, row: existing.row }, { column: "Voucher", table: ledger.location.name, row: existing.row }));
  }
  return ok({ customer: input.customer, voucher: p.voucher.trim(), type: "Payment", dateSerial: input.dateSerial, amountMinor: -amount.minor, currency, status: "None", row: 0 });
}

export function propose(ledger: Ledger, input: WizardInput, rates?: RateTable, parse: AmountReader = readEnglish): Result<Proposal> {
  const credit = creditItem(ledger, input, parse);
  if (!credit.ok) return credit;
  const { debits } = openItems(ledger, input.customer);
  let method: SettlementMethod;
  if (input.marks !== undefined) {
    const marks: Mark[] = [...input.marks].filter(([, m]) => m > 0).map(([voucher, m]) => ({ voucher, amountToSettleMinor: m }));
    method = { kind: "manual", marks };
  } else if (input.method === "priority") method = { kind: "priority", types: DEFAULT_PRIORITY };
  else if (input.method === "manual") method = { kind: "manual", marks: [] };
  else method = { kind: "duedate" };
  return proposeSettlement({ credit: credit.value, items: debits, dateSerial: input.dateSerial, method, options: input.options, ...(rates !== undefined ? { rates } : {}) });
}

/**
 * Check an amount typed in the review, read in the pane's language: the item's currency and
 * precision, 0 (blank) to the open amount.
 */
export function checkAmount(text: string, line: ProposalLine, parse: AmountReader = readEnglish): Result<number> {
  const e = exponentOf(line.item.currency);
  if (text.trim() === "") return ok(0);
  const m = parse(text, line.item.currency);
  if (!m.ok) return fail(withReason(ccError("amount_to_settle_must_be_an_amount", { reason: m.error.message }, { column: "Amount to settle" }), m.error));
  if (m.minor < 0) return fail(ccError("amount_to_settle_must_not_be_negative", {}, { column: "Amount to settle" }));
  if (m.minor > line.openMinor) {
    return fail(ccError("amount_to_settle_must_not_exceed_open", { case: "typed", open: minorToNumber(line.openMinor, e).toFixed(Math.max(0, e)) }, { column: "Amount to settle" }));
  }
  return ok(m.minor);
}

/** The review's edits checked: each voucher's error, or the edits as the domain takes them. */
export function checkEdits(base: Proposal, edits: ReadonlyMap<string, string>, parse: AmountReader = readEnglish): { errors: Map<string, FieldError>; edits: ProposalEdit[] } {
  const errors = new Map<string, FieldError>();
  const out: ProposalEdit[] = [];
  for (const line of base.lines) {
    const text = edits.get(line.item.voucher);
    if (text === undefined) continue;
    const c = checkAmount(text, line, parse);
    if (c.ok) out.push({ voucher: line.item.voucher, amountToSettleMinor: c.value });
    else if (c.errors[0] !== undefined) errors.set(line.item.voucher, c.errors[0]);
  }
  return { errors, edits: out };
}

/**
 * The proposal with the review's edits: proposed again as manual marks through the domain's
 * editProposal, so every rule is checked once more.
 */
export function proposeEdited(ledger: Ledger, input: WizardInput, base: Proposal, edits: readonly ProposalEdit[], rates?: RateTable, parse: AmountReader = readEnglish): Result<Proposal> {
  const credit = creditItem(ledger, input, parse);
  if (!credit.ok) return credit;
  const { debits } = openItems(ledger, input.customer);
  return editProposal({ credit: credit.value, items: debits, dateSerial: input.dateSerial, method: { kind: "manual", marks: [] }, ...(rates !== undefined ? { rates } : {}) }, base, edits);
}

/**
 * The posted settlement journal lines, oldest first (empty when there is no journal table yet),
 * with an NSF's unapply lines from the NSF journal: the workbook's one settlement-history reader
 * (src/workbook/settlement-history.ts), so that a cancelled payment's settlements are not offered again.
 */
export async function readHistory(gateway: Gateway, control?: TaskControl): Promise<Result<JournalLine[]>> {
  const names = await gateway.listTables();
  const values = async (table: string): Promise<Result<CellValue[][] | undefined>> => {
    if (!names.tables.some((t) => t.toLowerCase() === table.toLowerCase())) return ok(undefined);
    const read = await gateway.readTable(table, undefined, control);
    return read.ok ? ok(datesTo1900(read.value.values, ["Date"], read.value.dateSystem)) : read;
  };
  const settlement = await values(SETTLEMENT_TARGET.table);
  if (!settlement.ok) return settlement;
  const nsf = await values(NSF_JOURNAL.table);
  if (!nsf.ok) return nsf;
  return readSettlementHistory(settlement.value, nsf.value, { settlement: SETTLEMENT_TARGET.sheet, nsf: NSF_JOURNAL.sheet });
}

/** The exchange-rate table, when the workbook has one. */
export async function readRates(gateway: Gateway, accountingCurrency: string, control?: TaskControl): Promise<Result<RateTable | undefined>> {
  const names = await gateway.listTables();
  const has = [...names.tables, ...names.sheets].some((n) => n.toLowerCase() === "exchangerates");
  if (!has) return ok(undefined);
  const read = await gateway.readTable("ExchangeRates", undefined, control);
  if (!read.ok) return read;
  const rates = readExchangeRates(read.value.values, { name: read.value.location.name });
  if (!rates.ok) return rates;
  return ok(rateTable(rates.value, accountingCurrency));
}

/** Open-amount changes -> the rows as read and their new Amount cells. Unknown vouchers (a typed payment) change no row. */
export function writeBackOf(ledger: Ledger, changes: readonly OpenChange[]): { expected: RowSnapshot[]; updates: CellUpdate[] } {
  const expected: RowSnapshot[] = [];
  const updates: CellUpdate[] = [];
  for (const c of changes) {
    const t = ledger.byVoucher.get(c.customer)?.get(c.voucher);
    if (t === undefined) continue;
    const e = exponentOf(t.currency);
    const after = t.amountMinor + c.deltaMinor;
    expected.push(snapshotOf(ledger, t));
    updates.push({ rowNumber: t.row, header: ledger.amountHeader, value: minorToNumber(after, e), numberFormat: e <= 0 ? "#,##0" : `#,##0.${"0".repeat(e)}` });
  }
  return { expected, updates };
}

export interface PostInput {
  readonly proposal: Proposal;
  readonly accountingCurrency: string;
  readonly rates?: RateTable;
  readonly history: readonly JournalLine[];
}

/** Post: the journal is appended and the settled rows' open amounts updated, if they did not change. */
export async function postProposal(gateway: Gateway, ledger: Ledger, input: PostInput, control?: TaskControl): Promise<Result<PostResult & { journalId: string }>> {
  const posted = new Set(input.history.map((l) => l.journalId));
  const salt = repostSalt(input.history);
  const r = postSettlement(input.proposal, { accountingCurrency: input.accountingCurrency, postedIds: posted, salt, ...(input.rates !== undefined ? { rates: input.rates } : {}) });
  if (!r.ok) return r;
  const { journal, changes } = r.value;
  const appends = input.proposal.credit.row === 0 ? [typedPaymentRow(ledger, input.proposal.credit, changes)] : [];
  const result = await gateway.postJournal({ target: SETTLEMENT_TARGET, journalId: journal.journalId, lines: journalOutput(journal.lines) }, { source: ledger.location, ...writeBackOf(ledger, changes), appends }, control);
  return result.ok ? ok({ ...result.value, journalId: journal.journalId }) : result;
}

/**
 * A typed payment (no ledger row) as the ledger payment line the posting adds: its voucher, date
 * and what remains open of it, so that the reloaded ledger has it and it cannot be applied twice.
 */
export function typedPaymentRow(ledger: Ledger, credit: SettlementItem, changes: readonly OpenChange[]): NewRow {
  const e = exponentOf(credit.currency);
  const used = changes.filter((c) => c.customer === credit.customer && c.voucher === credit.voucher).reduce((a, c) => a + c.deltaMinor, 0);
  const field = (key: string, fallback: string): string => headerOf(ledger, key) ?? fallback;
  const date = credit.dateSerial ?? 0;
  return {
    cells: [
      { header: field("customer", "Customer"), value: credit.customer, kind: "text" },
      { header: field("voucher", "Voucher"), value: credit.voucher, kind: "text" },
      { header: field("type", "Type"), value: "Payment", kind: "text" },
      { header: field("date", "Date"), value: date, kind: "date" },
      { header: field("dueDate", "DueDate"), value: date, kind: "date" },
      { header: ledger.amountHeader, value: minorToNumber(credit.amountMinor + used, e), kind: "money", exponent: e },
      { header: field("currency", "Currency"), value: credit.currency, kind: "text" },
    ],
    unique: [field("customer", "Customer"), field("voucher", "Voucher")],
  };
}

/** Posted settlements that can still be unapplied (the domain's rule), latest first. */
export function unappliable(history: readonly JournalLine[], customer?: string): UnappliableSettlement[] {
  return unappliableSettlements(history, customer);
}

/** Unapply a posted settlement: reversing lines appended, the amounts it closed reopened. */
export async function unapply(gateway: Gateway, ledger: Ledger, history: readonly JournalLine[], journalId: string, dateSerial: number, control?: TaskControl): Promise<Result<PostResult & { journalId: string }>> {
  const r = unapplySettlement(history, { journalId }, dateSerial);
  if (!r.ok) return r;
  const { journal, changes } = r.value;
  const result = await gateway.postJournal({ target: SETTLEMENT_TARGET, journalId: journal.journalId, lines: journalOutput(journal.lines) }, { source: ledger.location, ...writeBackOf(ledger, changes) }, control);
  return result.ok ? ok({ ...result.value, journalId: journal.journalId }) : result;
}

/** A table's date columns as 1900-system serials, for readers that take no date system. */
export function datesTo1900(values: readonly (readonly CellValue[])[], headers: readonly string[], system: DateSystem | undefined): CellValue[][] {
  if (system !== "1904") return values as CellValue[][];
  const wanted = new Set(headers.map((h) => h.toLowerCase()));
  const cols = (values[0] ?? []).map((h, j) => (wanted.has(String(h).toLowerCase()) ? j : -1)).filter((j) => j >= 0);
  return values.map((row, i) => (i === 0 ? row.slice() : row.map((v, j) => (cols.includes(j) && typeof v === "number" ? serialFrom1904(v) : v))));
}
