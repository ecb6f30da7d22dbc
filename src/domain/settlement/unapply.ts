/**
 * Unapply (docs/domain.md §4.6): correcting lines equal to the originals with the opposite sign, the
 * discount, difference and gain/loss lines included, reopening what the settlement closed. An item
 * settled several times is unapplied latest first; an older settlement first is refused.
 */
import { assertBalanced, type Journal, journalIdFor, type JournalLine } from "../journal";
import { ccError, fail, ok, type Result } from "../errors";
import type { OpenChange } from "./types";

export type UnapplyTarget = { readonly linkId: string } | { readonly journalId: string };

export interface Unapplied {
  readonly journal: Journal;
  /** Each voucher the settlement had touched, with the amount reopened (debit items > 0, the payment < 0). */
  readonly changes: readonly OpenChange[];
}

const key = (l: JournalLine): string => `${l.customer}\u0000${l.voucher}`;

/**
 * Reverse one settlement, found by link ID or journal ID, in `history` (the posted journal lines in
 * posting order, reversals included).
 * @example
 * const u = unapplySettlement(w1Posted.journal.lines, { journalId: w1Posted.journal.journalId }, 42310).value;
 * u.changes.map((c) => [c.voucher, c.deltaMinor]) // [["Invoice 1", 10000], ["PAY1", -70000], ["Invoice 2", 25000], ["Invoice 3", 35000]] (W1's settlement reopened)
 * @example
 * const u = unapplySettlement(w1Posted.journal.lines, { linkId: w1Posted.journal.lines[0].linkId }, 42310).value;
 * [u.journal.journalId.startsWith("UNA-"), u.journal.lines[0].amountMinor, u.journal.lines[0].reason, u.journal.lines[0].correctsJournalId === w1Posted.journal.journalId] // [true, 10000, "Unapply: Settled", true]
 * @example unapplySettlement([...w1Posted.journal.lines, ...pay2Posted.journal.lines], { journalId: w1Posted.journal.journalId }).errors[0].code // "unapply_must_be_latest_first" (PAY2 settled Invoice 3 later)
 * @example
 * const history = [...w1Posted.journal.lines, ...unapplySettlement(w1Posted.journal.lines, { journalId: w1Posted.journal.journalId }).value.journal.lines];
 * unapplySettlement(history, { journalId: w1Posted.journal.journalId }).errors[0].code // "settlement_must_not_be_unapplied_twice"
 */
export function unapplySettlement(history: readonly JournalLine[], target: UnapplyTarget, dateSerial?: number): Result<Unapplied> {
  const isTarget = "linkId" in target ? (l: JournalLine) => l.linkId === target.linkId : (l: JournalLine) => l.journalId === target.journalId;
  const name = "linkId" in target ? `link ${target.linkId}` : `journal ${target.journalId}`;
  const originals: JournalLine[] = [];
  let last = -1;
  history.forEach((l, i) => {
    if (l.correctsJournalId === undefined && isTarget(l)) {
      originals.push(l);
      last = i;
    }
  });
  if (originals.length === 0) return fail(ccError("settlement_must_exist", { name }, { table: "journal" }));
  const journals = new Set(originals.map((l) => l.journalId));
  const links = new Set(originals.map((l) => l.linkId));
  const reversed = new Set<string>();
  for (const l of history) if (l.correctsJournalId !== undefined) reversed.add(`${l.correctsJournalId}\u0000${l.linkId}`);
  if (originals.some((l) => reversed.has(`${l.journalId}\u0000${l.linkId}`))) {
    return fail(ccError("settlement_must_not_be_unapplied_twice", { name }, { table: "journal" }));
  }
  const touched = new Set(originals.filter((l) => l.accountType === "Customer").map(key));
  for (let i = last + 1; i < history.length; i++) {
    const l = history[i];
    if (l === undefined || l.correctsJournalId !== undefined || l.accountType !== "Customer" || links.has(l.linkId)) continue;
    if (!touched.has(key(l)) || reversed.has(`${l.journalId}\u0000${l.linkId}`)) continue;
    return fail(ccError(
      "unapply_must_be_latest_first",
      { voucher: l.voucher, link: l.linkId, journal: l.journalId },
      { table: "journal" },
    ));
  }
  const journalId = journalIdFor("Unapply", [...journals, ...links].join("\u0001"));
  const lines: JournalLine[] = originals.map((l, i) => ({
    ...l, journalId, lineNumber: i + 1, dateSerial: dateSerial ?? l.dateSerial,
    amountMinor: -l.amountMinor, accountingMinor: -l.accountingMinor, reason: `Unapply: ${l.reason}`, correctsJournalId: l.journalId,
  }));
  const journal: Journal = { journalId, kind: "Unapply", lines };
  assertBalanced(journal);
  const byVoucher = new Map<string, { customer: string; voucher: string; currency: string; deltaMinor: number }>();
  for (const l of lines) {
    if (l.accountType !== "Customer") continue;
    const c = byVoucher.get(key(l)) ?? { customer: l.customer, voucher: l.voucher, currency: l.currency, deltaMinor: 0 };
    c.deltaMinor += l.amountMinor;
    byVoucher.set(key(l), c);
  }
  return ok({ journal, changes: [...byVoucher.values()].filter((c) => c.deltaMinor !== 0) });
}

/**
 * Unapply every live settlement that touched one voucher (e.g. a bounced payment), latest first.
 * Refused as a whole when a later settlement of another credit blocks one of them.
 * @example
 * const u = unapplyVoucher([...w1Posted.journal.lines, ...pay2Posted.journal.lines], "2050", "Invoice 3", 42320).value;
 * u.map((x) => x.changes.map((c) => [c.voucher, c.deltaMinor])) // [[["Interest 1", 700], ["PAY2", -15700], ["Invoice 3", 15000]], [["Invoice 1", 10000], ["PAY1", -70000], ["Invoice 2", 25000], ["Invoice 3", 35000]]] (PAY2's settlement first, then PAY1's)
 * @example unapplyVoucher(w1Posted.journal.lines, "2050", "PAY9").value // [] (no live settlement of PAY9)
 */
export function unapplyVoucher(history: readonly JournalLine[], customer: string, voucher: string, dateSerial?: number): Result<Unapplied[]> {
  const reversed = new Set<string>();
  for (const l of history) if (l.correctsJournalId !== undefined) reversed.add(`${l.correctsJournalId}\u0000${l.linkId}`);
  const links: string[] = [];
  const seen = new Set<string>();
  for (const l of history) {
    if (l.correctsJournalId !== undefined || l.accountType !== "Customer" || l.customer !== customer || l.voucher !== voucher) continue;
    if (seen.has(l.linkId) || reversed.has(`${l.journalId}\u0000${l.linkId}`)) continue;
    seen.add(l.linkId);
    links.push(l.linkId);
  }
  const out: Unapplied[] = [];
  let current: JournalLine[] = [...history];
  for (const linkId of links.reverse()) {
    const u = unapplySettlement(current, { linkId }, dateSerial);
    if (!u.ok) return u;
    out.push(u.value);
    current = current.concat(u.value.journal.lines);
  }
  return ok(out);
}
