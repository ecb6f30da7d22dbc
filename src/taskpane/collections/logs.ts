/**
 * The collections journals and logs as sheet tables: where each lives, its columns, how lines
 * become rows for the gateway, and how rows read back. Every table carries a content-derived ID
 * column so that the gateway's `postJournal` refuses to post the same entry twice.
 *
 * Charge, NSF and correction journals share the `Write-off journal` layout
 * (src/workbook/writeoff.ts), as CC.INTERESTJOURNAL's contract asks, and read back with the one
 * journal reader the functions and the CLI use (src/workbook/collections-journal.ts).
 */
import type { Activity, ActivityKind, CollectionCase } from "../../domain/collections";
import { ACTIVITY_KINDS } from "../../domain/collections";
import { ok, type Result } from "../../domain/errors";
import type { JournalLine } from "../../domain/journal";
import { activityId, caseCloseId } from "../../domain/collections/log-ids";
import { LETTER_LOG_SHEET } from "../../workbook/collections-letters";
import { exponentOf } from "../../domain/money";
import { RowReader } from "../../workbook/cells";
import { type ColumnSpec, matchTable, trimBlankRows } from "../../workbook/table";
import { dropUndefined } from "../../workbook/transactions";
import { WRITEOFF_JOURNAL_HEADER, writeOffJournalTable } from "../../workbook/writeoff";
import type { CellValue } from "../office/excel-subset";
import type { ColumnKind, OutputTable } from "../office/formats";
import type { JournalTarget } from "../office/post-journal";

export const INTEREST_TARGET = { sheet: "Interest journal", table: "InterestJournal", idHeader: "JournalId" } as const satisfies JournalTarget;
export const FEE_TARGET = { sheet: "Fee journal", table: "FeeJournal", idHeader: "JournalId" } as const satisfies JournalTarget;
export const NSF_TARGET = { sheet: "NSF journal", table: "NsfJournal", idHeader: "JournalId" } as const satisfies JournalTarget;
export const CORRECTION_TARGET = { sheet: "Charge corrections", table: "ChargeCorrectionJournal", idHeader: "JournalId" } as const satisfies JournalTarget;
export const ACTIVITY_TARGET = { sheet: "Collection activities", table: "CollectionActivities", idHeader: "ActivityId" } as const satisfies JournalTarget;
export const CASE_TARGET = { sheet: "Collection cases", table: "CollectionCases", idHeader: "EntryId" } as const satisfies JournalTarget;
/** The letter log: on the sheet `cc letters` writes its runs to, so both edges keep one history (readLetterLogs). */
export const LETTER_TARGET = { sheet: LETTER_LOG_SHEET, table: "CollectionLetters", idHeader: "LetterId" } as const satisfies JournalTarget;

const JOURNAL_KIND: Partial<Record<string, ColumnKind>> = { Line: "integer", Date: "date", Debit: "money", Credit: "money", AccountingAmount: "money" };

/** Collections journal lines (any kind) as rows of the `Write-off journal` layout. */
export function collectionsJournalOutput(lines: readonly JournalLine[]): OutputTable {
  return {
    columns: WRITEOFF_JOURNAL_HEADER.map((h) => ({ header: h, kind: JOURNAL_KIND[h] ?? "text", ...(h === "AccountingAmount" ? { exponent: exponentOf(lines[0]?.accountingCurrency ?? "") } : {}) })),
    rows: writeOffJournalTable(lines, false) as CellValue[][],
    exponents: lines.map((l) => exponentOf(l.currency)),
  };
}

/** One logged activity, with the customer and case it belongs to. */
export interface ActivityEntry extends Activity {
  readonly activityId: string;
  readonly customer: string;
  readonly caseId: string;
  readonly vouchers: readonly string[];
}

export const ACTIVITY_HEADER = ["ActivityId", "Date", "Customer", "CaseId", "Kind", "Agent", "Outcome", "Note", "Vouchers"] as const;

/** The content-derived ID of an activity: the same entry logged twice is refused. */
export function activityEntry(customer: string, caseId: string, activity: Activity, vouchers: readonly string[] = []): ActivityEntry {
  return { ...activity, activityId: activityId(customer, caseId, activity, vouchers), customer, caseId, vouchers };
}

export function activityOutput(entries: readonly ActivityEntry[]): OutputTable {
  return {
    columns: ACTIVITY_HEADER.map((h) => ({ header: h, kind: h === "Date" ? ("date" as const) : ("text" as const) })),
    rows: entries.map((e) => [e.activityId, e.dateSerial, e.customer, e.caseId, e.kind, e.agent, e.outcome, e.note ?? "", e.vouchers.join(", ")]),
  };
}

const ACTIVITY_COLUMNS: readonly ColumnSpec[] = [
  { key: "activityId", header: "ActivityId", required: true },
  { key: "date", header: "Date", required: true },
  { key: "customer", header: "Customer", required: true },
  { key: "caseId", header: "CaseId" },
  { key: "kind", header: "Kind", required: true },
  { key: "agent", header: "Agent" },
  { key: "outcome", header: "Outcome" },
  { key: "note", header: "Note" },
  { key: "vouchers", header: "Vouchers" },
];

export function readActivities(values: readonly (readonly CellValue[])[] | undefined): Result<ActivityEntry[]> {
  if (values === undefined || values.length === 0) return ok([]);
  const m = matchTable(values, ACTIVITY_COLUMNS, ACTIVITY_TARGET.sheet);
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  const r = new RowReader(table);
  const out: ActivityEntry[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const kind = r.text("kind", true) as ActivityKind | undefined;
    if (kind !== undefined && !ACTIVITY_KINDS.includes(kind)) r.error("kind", "activity_kind_must_be_known", { kind, kinds: ACTIVITY_KINDS.join(", ") });
    const note = r.text("note");
    out.push(dropUndefined({
      activityId: r.text("activityId", true) ?? "",
      dateSerial: r.date("date", true) ?? 0,
      customer: r.text("customer", true) ?? "",
      caseId: r.text("caseId") ?? "",
      kind: kind ?? "Note",
      agent: r.text("agent") ?? "",
      outcome: r.text("outcome") ?? "",
      vouchers: splitVouchers(r.text("vouchers")),
      ...(note !== undefined && note !== "" ? { note } : {}),
    }) as ActivityEntry);
  }
  return r.errors.length > 0 ? { ok: false, errors: r.errors } : ok(out);
}

export const CASE_HEADER = ["EntryId", "CaseId", "Action", "Date", "Customer", "Vouchers"] as const;

export interface CaseEntry {
  readonly entryId: string;
  readonly caseId: string;
  readonly action: "Open" | "Close";
  readonly dateSerial: number;
  readonly customer: string;
  readonly vouchers: readonly string[];
}

/** The log entry of opening or closing a case (an open's ID is the case's own content-derived ID). */
export function caseEntry(c: CollectionCase, action: "Open" | "Close"): CaseEntry {
  const dateSerial = action === "Open" ? c.openedSerial : (c.closedSerial ?? c.openedSerial);
  return { entryId: action === "Open" ? c.caseId : caseCloseId(c.caseId), caseId: c.caseId, action, dateSerial, customer: c.customer, vouchers: c.vouchers };
}

export function caseOutput(entries: readonly CaseEntry[]): OutputTable {
  return {
    columns: CASE_HEADER.map((h) => ({ header: h, kind: h === "Date" ? ("date" as const) : ("text" as const) })),
    rows: entries.map((e) => [e.entryId, e.caseId, e.action, e.dateSerial, e.customer, e.vouchers.join(", ")]),
  };
}

const CASE_COLUMNS: readonly ColumnSpec[] = [
  { key: "entryId", header: "EntryId", required: true },
  { key: "caseId", header: "CaseId", required: true },
  { key: "action", header: "Action", required: true },
  { key: "date", header: "Date", required: true },
  { key: "customer", header: "Customer", required: true },
  { key: "vouchers", header: "Vouchers" },
];

/** The cases as the log tells them: opened, then closed if a Close entry follows; activities attached. */
export function readCases(values: readonly (readonly CellValue[])[] | undefined, activities: readonly ActivityEntry[]): Result<CollectionCase[]> {
  if (values === undefined || values.length === 0) return ok([]);
  const m = matchTable(values, CASE_COLUMNS, CASE_TARGET.sheet);
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  const r = new RowReader(table);
  const cases = new Map<string, CollectionCase>();
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const caseId = r.text("caseId", true) ?? "";
    const action = r.text("action", true);
    const dateSerial = r.date("date", true) ?? 0;
    if (action === "Open") {
      cases.set(caseId, { caseId, customer: r.text("customer", true) ?? "", openedSerial: dateSerial, vouchers: splitVouchers(r.text("vouchers")), activities: [], status: "Open" });
    } else if (action === "Close") {
      const c = cases.get(caseId);
      if (c !== undefined) cases.set(caseId, { ...c, status: "Closed", closedSerial: dateSerial });
    } else r.error("action", "case_action_must_be_open_or_close", { action: action ?? "" });
  }
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return ok([...cases.values()].map((c) => ({ ...c, activities: activities.filter((a) => a.caseId === c.caseId).sort((a, b) => a.dateSerial - b.dateSerial) })));
}

export const LETTER_HEADER = ["LetterId", "Customer", "Currency", "Code", "Level", "Date", "Fee", "OverdueBalance", "Block", "Vouchers"] as const;

function splitVouchers(text: string | undefined): string[] {
  return (text ?? "").split(/[,;]/).map((s) => s.trim()).filter((s) => s !== "");
}
