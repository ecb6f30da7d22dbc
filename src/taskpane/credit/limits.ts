/**
 * Credit limits (controllers): read Customers, Transactions, Scoring, RiskGroups and
 * AutomaticLimits, score every customer and propose the automatic limits as a credit-limit
 * adjustment journal, as `cc risk` does (src/workbook/credit-limits.ts is the one path for both),
 * then post that journal to the `CreditLimitAdjustments` table on its own sheet, exactly once.
 * As with the CLI, posting records the journal; the Customers table is never changed here
 * (docs/functions/collections.md, decision 15). Business rules stay in src/domain/credit.
 */
import { postAdjustments } from "../../domain/credit/adjustments/apply";
import type { CreditLimitAdjustmentJournal } from "../../domain/credit/adjustments/types";
import { reevaluateHold } from "../../domain/credit/holds/reevaluate";
import type { HoldRecord } from "../../domain/credit/holds/types";
import type { Customer } from "../../domain/credit/types";
import type { DateSystem } from "../../domain/dates";
import { ok, type Result } from "../../domain/errors";
import { exponentOf, minorToNumber } from "../../domain/money";
import { ADJUSTMENT_JOURNAL_HEADER, ADJUSTMENT_JOURNAL_SHEET } from "../../workbook/credit-adjustment-journal";
import { limitRows, type LimitRow, type ProposalSettings } from "../../domain/credit/risk/review";
import { riskReview, type RiskTable } from "../../workbook/credit-limits";
import { postedJournalIds } from "../../workbook/writeoff";
import type { ColumnKind, OutputTable } from "../office/formats";
import type { Gateway } from "../office/gateway";
import type { PostResult } from "../office/post-journal";
import type { TaskControl } from "../office/task";
import { runReview } from "./review";

/** The journal table: the CLI's `Credit limit adjustments` sheet's columns, as an Excel table. */
export const ADJUSTMENT_TARGET = { sheet: ADJUSTMENT_JOURNAL_SHEET, table: "CreditLimitAdjustments", idHeader: "JournalId" } as const;

/** The tables read: key, table name, required. */
const LIMIT_TABLES: readonly (readonly [RiskTable, string, boolean])[] = [
  ["customers", "Customers", true],
  ["transactions", "Transactions", true],
  ["scoring", "Scoring", true],
  ["riskGroups", "RiskGroups", false],
  ["automaticLimits", "AutomaticLimits", false],
  ["temporaryLimits", "TemporaryLimits", false],
];

export interface LimitsInput {
  readonly asOfSerial: number;
  /** Reason code of the proposed lines (blank = RISK). */
  readonly reason: string;
  /** The proposed limits expire this many months after the as-of date (undefined = never). */
  readonly expiryMonths?: number;
  /** Change every limit by the generator instead of proposing the automatic limits (`cc adjust`). */
  readonly generator?: ProposalSettings["generator"];
}

export interface LimitsReview {
  readonly rows: readonly LimitRow[];
  /** Absent without an AutomaticLimits table: scores only. */
  readonly journal?: CreditLimitAdjustmentJournal;
  /** The journal's ID is already on an adjustment sheet (posted here or by `cc risk --in-place`). */
  readonly posted: boolean;
  readonly hasAutomaticLimits: boolean;
  /**
   * With an Orders table: the held orders that the proposed limits would clear, each re-evaluated
   * (`reevaluateHold`) against a credit check with the journal applied; absent without orders.
   */
  readonly cleared?: readonly HoldRecord[];
}

const lower = (s: string): string => s.toLowerCase();

/** Adjustment sheets: the pane's table and the CLI's `Credit limit adjustments`, `… (2)`, … */
function isAdjustmentSheet(name: string): boolean {
  const base = lower(ADJUSTMENT_JOURNAL_SHEET.slice(0, 25));
  const n = lower(name);
  return n === lower(ADJUSTMENT_JOURNAL_SHEET) || n === lower(ADJUSTMENT_TARGET.table) || (n.startsWith(`${base} (`) && /\(\d+\)$/.test(n));
}

export async function runLimits(gateway: Gateway, input: LimitsInput, control?: TaskControl): Promise<Result<LimitsReview>> {
  const all = await gateway.listTables();
  const names = [...all.tables, ...all.sheets];
  const has = (t: string): boolean => names.some((n) => lower(n) === lower(t));
  const read: Partial<Record<RiskTable, { values: unknown; name: string; dateSystem?: DateSystem }>> = {};
  for (const [key, table, required] of LIMIT_TABLES) {
    if (!required && !has(table)) continue;
    const r = await gateway.readTable(table, undefined, control);
    if (!r.ok) return r;
    read[key] = { values: r.value.values, name: r.value.location.name, ...(r.value.dateSystem !== undefined ? { dateSystem: r.value.dateSystem } : {}) };
  }
  const dateSystem = read.customers?.dateSystem;
  const review = riskReview(
    {
      customers: read.customers?.values,
      transactions: read.transactions?.values,
      scoring: read.scoring?.values,
      riskGroups: read.riskGroups?.values,
      automaticLimits: read.automaticLimits?.values,
      temporaryLimits: read.temporaryLimits?.values,
      names: Object.fromEntries(Object.entries(read).map(([k, v]) => [k, v.name])),
    },
    { asOfSerial: input.asOfSerial, reason: input.reason, ...(input.generator !== undefined ? { generator: input.generator } : {}), ...(input.expiryMonths !== undefined ? { expiryMonths: input.expiryMonths } : {}), ...(dateSystem !== undefined ? { dateSystem } : {}) },
  );
  if (!review.ok) return review;
  let posted = false;
  const journal = review.value.journal;
  if (journal !== undefined) {
    // One journal, wherever it was posted: the pane's table or a sheet `cc risk --in-place` added.
    const sheets = [...new Set([...all.tables, ...all.sheets].filter(isAdjustmentSheet))];
    for (const sheet of sheets) {
      const r = await gateway.readTable(sheet, undefined, control);
      if (!r.ok) return r;
      const ids = postedJournalIds(r.value.values, r.value.location.name);
      if (!ids.ok) return ids;
      if (ids.value.has(journal.journalId)) posted = true;
    }
  }
  let cleared: readonly HoldRecord[] | undefined;
  if (journal !== undefined && journal.lines.length > 0 && has("Orders")) {
    const c = await holdsCleared(gateway, journal, review.value.scores.map((s) => s.customer), input.asOfSerial, control);
    if (!c.ok) return c;
    cleared = c.value;
  }
  return ok({ rows: limitRows(review.value), ...(journal !== undefined ? { journal } : {}), posted, hasAutomaticLimits: read.automaticLimits !== undefined, ...(cleared !== undefined ? { cleared } : {}) });
}

/**
 * The orders on the hold list now (the credit review's list, log applied) that a credit check
 * with the journal's limits would clear: each hold re-evaluated against the fresh check, where
 * only reasons that no longer hold are cleared (a forced hold stays held).
 */
export async function holdsCleared(gateway: Gateway, journal: CreditLimitAdjustmentJournal, customers: readonly Customer[], asOfSerial: number, control?: TaskControl): Promise<Result<HoldRecord[]>> {
  const now = await runReview(gateway, { asOfSerial }, control);
  if (!now.ok) return now;
  const after = postAdjustments(journal, { customers, groups: [], temporaryLimits: [] }, new Set());
  if (!after.ok) return after;
  const then = await runReview(gateway, { asOfSerial }, control, after.value.customers);
  if (!then.ok) return then;
  const fresh = new Map(then.value.checks.map((c) => [c.order.order, c.result]));
  const ready: HoldRecord[] = [];
  for (const hold of now.value.holds) {
    const check = fresh.get(hold.order);
    if (check === undefined) continue;
    const r = reevaluateHold(hold, check, asOfSerial);
    if (!r.ok) return r;
    if (r.value.hold.status === "ReadyToRelease") ready.push(r.value.hold);
  }
  return ok(ready);
}

const KIND: Partial<Record<string, ColumnKind>> = { Date: "date", NewLimit: "money", From: "date", To: "date", Expiry: "date" };

/** The journal as the table's rows: `JournalId | Date | Target | Account | Type | NewLimit | Currency | From | To | Expiry | Reason`. */
export function adjustmentOutput(journal: CreditLimitAdjustmentJournal): OutputTable {
  return {
    columns: ADJUSTMENT_JOURNAL_HEADER.map((h) => ({ header: h, kind: KIND[h] ?? "text" })),
    rows: journal.lines.map((l) => [journal.journalId, journal.dateSerial, l.target, l.account, l.type, minorToNumber(l.newLimitMinor, exponentOf(l.currency)), l.currency, l.fromSerial ?? "", l.toSerial ?? "", l.expirySerial ?? "", l.reason]),
    exponents: journal.lines.map((l) => exponentOf(l.currency)),
  };
}

/** Post the journal exactly once, all or nothing (a second post of the same proposal is refused). */
export function postLimits(gateway: Gateway, journal: CreditLimitAdjustmentJournal, control?: TaskControl): Promise<Result<PostResult>> {
  return gateway.postJournal({ target: ADJUSTMENT_TARGET, journalId: journal.journalId, lines: adjustmentOutput(journal) }, undefined, control);
}
