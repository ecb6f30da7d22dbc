/**
 * What a collector does to one customer, as proposals (pure, from the engine) and postings (one
 * `gateway.postJournal` each, with the ledger rows it changes written back in the same batch).
 * No rule lives here: statuses, cases, letters, interest, corrections, NSF and write-offs are the
 * engine's (src/domain/collections); this file picks the inputs and the target tables.
 */
import {
  type Activity, changeStatus, closeCase, type ChargeCorrection, type ChargeCorrectionKind, type CollectionCase, type CollectionsLine, correctCharges, feeJournal,
  interestNotes, type InterestNote, type LetterDue, lettersDue, nsfPayment, type NsfRequest, type NsfResult, openCase, type StatusChange,
} from "../../domain/collections";
import { ccError, fail, ok, type Result } from "../../domain/errors";
import type { JournalLine } from "../../domain/journal";
import { letterId } from "../../domain/collections/log-ids";
import { exponentOf, minorToNumber } from "../../domain/money";
import type { Transaction } from "../../domain/types";
import { normalizeHeader } from "../../workbook/table";
import { TRANSACTION_COLUMNS } from "../../workbook/transactions";
import type { CellValue } from "../office/excel-subset";
import type { Gateway } from "../office/gateway";
import type { AlsoPost, PostResult } from "../office/post-journal";
import type { CellUpdate } from "../office/rows";
import type { TaskControl } from "../office/task";
import { type Ledger, snapshotOf } from "../settlement/ledger";
import { writeBackOf } from "../settlement/wizard";
import {
  ACTIVITY_TARGET, activityEntry, activityOutput, CASE_TARGET, caseEntry, caseOutput, collectionsJournalOutput, CORRECTION_TARGET, FEE_TARGET, INTEREST_TARGET, LETTER_HEADER,
  LETTER_TARGET, NSF_TARGET,
} from "./logs";
import type { Workspace } from "./workspace";

/** The customer's open items, promises broken as of the workspace's as-of date. */
export function openItemsOf(ws: Workspace, customer: string): Transaction[] {
  return ws.worklist.transactions.filter((t) => t.customer === customer && t.amountMinor !== 0);
}

function headerFor(ledger: Ledger, key: string): string | undefined {
  const spec = TRANSACTION_COLUMNS.find((c) => c.key === key);
  if (spec === undefined) return undefined;
  const names = new Set([spec.header, ...(spec.aliases ?? [])].map(normalizeHeader));
  const found = (ledger.values[0] ?? []).find((h) => names.has(normalizeHeader(String(h))));
  return found === undefined ? undefined : String(found);
}

function postedIds(lines: readonly JournalLine[]): Set<string> {
  return new Set(lines.map((l) => l.journalId));
}

export interface StatusRequest {
  readonly customer: string;
  readonly voucher: string;
  readonly change: StatusChange;
  readonly dateSerial: number;
  readonly agent: string;
  readonly kind: Activity["kind"];
  readonly outcome: string;
}

/**
 * Change one item's collection status (a promise to pay with its date and amount): the status cells
 * are written back to the Transactions row and an activity is logged, in one batch.
 */
export async function postStatus(gateway: Gateway, ws: Workspace, req: StatusRequest, control?: TaskControl): Promise<Result<PostResult & { activityId: string }>> {
  const t = openItemsOf(ws, req.customer).find((x) => x.voucher === req.voucher);
  if (t === undefined) return fail(ccError("item_must_be_open", { voucher: req.voucher, customer: req.customer }, { column: "voucher" }));
  const changed = changeStatus(t, req.change);
  if (!changed.ok) return changed;
  const statusHeader = headerFor(ws.ledger, "status");
  if (statusHeader === undefined) return fail(ccError("column_must_exist", { case: "column", column: "Status" }, { table: ws.ledger.location.name }));
  const updates: CellUpdate[] = [{ rowNumber: t.row, header: statusHeader, value: changed.value.status }];
  const dateHeader = headerFor(ws.ledger, "promiseDate");
  const amountHeader = headerFor(ws.ledger, "promiseAmount");
  const promise = changed.value.status === "PromiseToPay";
  if (promise && (dateHeader === undefined || amountHeader === undefined)) {
    return fail(ccError("column_must_exist", { case: "promise" }, { table: ws.ledger.location.name }));
  }
  const e = exponentOf(t.currency);
  if (dateHeader !== undefined) updates.push({ rowNumber: t.row, header: dateHeader, value: promise ? (changed.value.promiseSerial ?? "") : "", numberFormat: "yyyy-mm-dd" });
  if (amountHeader !== undefined) updates.push({ rowNumber: t.row, header: amountHeader, value: promise ? minorToNumber(changed.value.promiseAmountMinor ?? 0, e) : "" });
  const entry = activityEntry(req.customer, "", { kind: req.kind, dateSerial: req.dateSerial, agent: req.agent, outcome: req.outcome }, [req.voucher]);
  const r = await gateway.postJournal({ target: ACTIVITY_TARGET, journalId: entry.activityId, lines: activityOutput([entry]) }, { source: ws.ledger.location, expected: [snapshotOf(ws.ledger, t)], updates }, control);
  return r.ok ? ok({ ...r.value, activityId: entry.activityId }) : r;
}

/** Log a call, email or note, on a case or on the customer. */
export async function postActivity(gateway: Gateway, customer: string, caseId: string, activity: Activity, control?: TaskControl): Promise<Result<PostResult>> {
  if (activity.outcome.trim() === "" && (activity.note ?? "").trim() === "") return fail(ccError("outcome_must_not_be_blank", {}, { column: "Outcome" }));
  const entry = activityEntry(customer, caseId, activity);
  return gateway.postJournal({ target: ACTIVITY_TARGET, journalId: entry.activityId, lines: activityOutput([entry]) }, undefined, control);
}

export async function postOpenCase(gateway: Gateway, ws: Workspace, customer: string, vouchers: readonly string[], dateSerial: number, control?: TaskControl): Promise<Result<PostResult & { caseId: string }>> {
  const items = openItemsOf(ws, customer).filter((t) => vouchers.includes(t.voucher));
  const c = openCase(customer, items, dateSerial);
  if (!c.ok) return c;
  const entry = caseEntry(c.value, "Open");
  const r = await gateway.postJournal({ target: CASE_TARGET, journalId: entry.entryId, lines: caseOutput([entry]) }, undefined, control);
  return r.ok ? ok({ ...r.value, caseId: c.value.caseId }) : r;
}

export async function postCloseCase(gateway: Gateway, c: CollectionCase, dateSerial: number, control?: TaskControl): Promise<Result<PostResult>> {
  const closed = closeCase(c, dateSerial);
  if (!closed.ok) return closed;
  const entry = caseEntry(closed.value, "Close");
  return gateway.postJournal({ target: CASE_TARGET, journalId: entry.entryId, lines: caseOutput([entry]) }, undefined, control);
}

/** The collection letter the customer is due for (per currency), from the LetterCodes table and the letters sent. */
export function letterPreview(ws: Workspace, customer: string, asOfSerial: number): Result<LetterDue[]> {
  if (ws.letterCodes === undefined) return fail(ccError("letter_codes_must_exist", {}, { table: "LetterCodes" }));
  const due = lettersDue(openItemsOf(ws, customer), asOfSerial, ws.letterCodes, ws.letters.filter((l) => l.customer === customer));
  return due.ok ? ok(due.value.filter((d) => d.customer === customer)) : due;
}

/**
 * Post a letter: the letter in the `Collection letters` log and, when the letter has a fee, its
 * fee journal, in one plan (all or nothing). Both IDs are content-derived, so posting again is
 * refused; a fee already in the Fee journal (posted by an earlier version that posted the two
 * apart) is not charged again.
 */
export async function postLetter(gateway: Gateway, ws: Workspace, letter: LetterDue, dateSerial: number, control?: TaskControl): Promise<Result<{ letterId: string; feeJournalId?: string; sheet: string }>> {
  const id = letterId(letter, dateSerial);
  let feeJournalId: string | undefined;
  const also: AlsoPost[] = [];
  if (letter.feeMinor > 0) {
    const fee = feeJournal([{ customer: letter.customer, currency: letter.currency, amountMinor: letter.feeMinor, offsetVoucher: letter.code }], { dateSerial, reason: letter.code, accountRole: "CollectionLetterFee" });
    if (!fee.ok) return fee;
    feeJournalId = fee.value.journalId;
    if (!postedIds(ws.fees).has(fee.value.journalId)) also.push({ target: FEE_TARGET, journalId: fee.value.journalId, lines: collectionsJournalOutput(fee.value.lines) });
  }
  const e = exponentOf(letter.currency);
  const row: CellValue[] = [id, letter.customer, letter.currency, letter.code, letter.level, dateSerial, minorToNumber(letter.feeMinor, e), minorToNumber(letter.overdueMinor, e), letter.block, letter.vouchers.join(", ")];
  const kinds: Partial<Record<string, "date" | "money" | "integer">> = { Date: "date", Fee: "money", OverdueBalance: "money", Level: "integer" };
  const r = await gateway.postJournal({
    target: LETTER_TARGET,
    journalId: id,
    lines: { columns: LETTER_HEADER.map((h) => ({ header: h, kind: kinds[h] ?? "text" })), rows: [row], exponents: [e] },
    also,
  }, undefined, control);
  if (!r.ok) return r;
  return ok({ letterId: id, sheet: r.value.sheet, ...(feeJournalId !== undefined ? { feeJournalId } : {}) });
}

/** The interest notes due for the customer, from the InterestCode table; notes already posted are refused by the engine. */
export function interestPreview(ws: Workspace, customer: string, asOfSerial: number): Result<InterestNote[]> {
  if (ws.interestCode === undefined) return fail(ccError("interest_code_must_exist", {}, { table: "InterestCode" }));
  const notes = interestNotes(openItemsOf(ws, customer), asOfSerial, ws.interestCode, { postedJournalIds: postedIds(ws.interest) });
  return notes.ok ? ok(notes.value.filter((n) => n.customer === customer)) : notes;
}

export async function postInterest(gateway: Gateway, note: InterestNote, control?: TaskControl): Promise<Result<PostResult>> {
  return gateway.postJournal({ target: INTEREST_TARGET, journalId: note.journalId, lines: collectionsJournalOutput(note.journal) }, undefined, control);
}

export interface ChargeSummary {
  readonly journalId: string;
  readonly kind: "Interest note" | "Fee";
  readonly dateSerial: number;
  readonly currency: string;
  readonly amountMinor: number;
  /** The correction journals posted against it, oldest first. */
  readonly corrections: readonly { journalId: string; kind: ChargeCorrectionKind }[];
  /** The charged vouchers (interest notes) or what the fee is for. */
  readonly vouchers: readonly string[];
}

function correctionKind(lines: readonly JournalLine[]): ChargeCorrectionKind {
  const customer = lines.find((l) => l.accountType === "Customer");
  const ledger = lines.find((l) => l.accountType === "Ledger");
  if (ledger?.accountRole.endsWith("Waived") === true) return (customer?.amountMinor ?? 0) < 0 ? "Waive" : "Reinstate";
  return "Reverse";
}

/** The customer's posted interest notes and fees, with the corrections posted against each. */
export function chargesOf(ws: Workspace, customer: string): ChargeSummary[] {
  const out: ChargeSummary[] = [];
  for (const [kind, lines] of [["Interest note", ws.interest], ["Fee", ws.fees]] as const) {
    const byJournal = new Map<string, CollectionsLine[]>();
    for (const l of lines) if (l.customer === customer) byJournal.set(l.journalId, [...(byJournal.get(l.journalId) ?? []), l]);
    for (const [journalId, ls] of byJournal) {
      const customerLines = ls.filter((l) => l.accountType === "Customer");
      const correctionIds = [...new Set(ws.corrections.filter((c) => c.correctsJournalId === journalId).map((c) => c.journalId))];
      out.push({
        journalId, kind, dateSerial: ls[0]?.dateSerial ?? 0, currency: ls[0]?.currency ?? "", amountMinor: customerLines.reduce((a, l) => a + l.amountMinor, 0),
        corrections: correctionIds.map((id) => ({ journalId: id, kind: correctionKind(ws.corrections.filter((c) => c.journalId === id)) })),
        vouchers: [...new Set(customerLines.map((l) => l.offsetVoucher))],
      });
    }
  }
  return out.sort((a, b) => b.dateSerial - a.dateSerial);
}

export function correctionPreview(ws: Workspace, journalId: string, kind: ChargeCorrectionKind, dateSerial: number, reason: string): Result<ChargeCorrection> {
  const charges = [...ws.interest, ...ws.fees].filter((l) => l.journalId === journalId);
  if (charges.length === 0) return fail(ccError("charge_must_be_posted", { journal: journalId }));
  return correctCharges({ kind, dateSerial, reason, charges, posted: ws.corrections, postedJournalIds: postedIds(ws.corrections) });
}

export async function postCorrection(gateway: Gateway, c: ChargeCorrection, control?: TaskControl): Promise<Result<PostResult>> {
  return gateway.postJournal({ target: CORRECTION_TARGET, journalId: c.journalId, lines: collectionsJournalOutput(c.lines) }, undefined, control);
}

/** The pane's NSF request: the domain's, without the bank account and accounting the workspace supplies. */
export type NsfInput = Pick<NsfRequest, "customer" | "voucher" | "dateSerial" | "reason" | "charge">;

export function nsfPreview(ws: Workspace, input: NsfInput): Result<NsfResult> {
  return nsfPayment(ws.ledger.transactions, ws.settlements, { ...input, postedJournalIds: postedIds(ws.nsf) });
}

/**
 * Post an NSF in one plan, all or nothing (docs/reliability.md): the unapply lines and the
 * payment's cancellation go into the `NSF journal`, the NSF fee (if any) into the `Fee journal`,
 * and the reopened invoices and the closed payment are written back to the ledger. An interrupted
 * post is completed by the next operation; no part of it is ever posted twice or alone.
 */
export async function postNsf(gateway: Gateway, ws: Workspace, nsf: NsfResult, control?: TaskControl): Promise<Result<PostResult & { feeJournalId?: string }>> {
  const lines = [...nsf.unapplied.flatMap((j) => j.lines), ...nsf.cancellation.lines];
  const also = nsf.fee === undefined ? [] : [{ target: FEE_TARGET, journalId: nsf.fee.journalId, lines: collectionsJournalOutput(nsf.fee.lines) }];
  const r = await gateway.postJournal({ target: NSF_TARGET, journalId: nsf.cancellation.journalId, lines: collectionsJournalOutput(lines), also }, { source: ws.ledger.location, ...writeBackOf(ws.ledger, nsf.changes) }, control);
  if (!r.ok || nsf.fee === undefined) return r;
  return ok({ ...r.value, feeJournalId: nsf.fee.journalId });
}
