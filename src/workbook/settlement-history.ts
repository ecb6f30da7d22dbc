/**
 * Settlement history, the one reader (docs/reliability.md, "A cancelled payment's settlements"):
 * the `Settlement journal` lines plus the unapply lines an NSF posted into the `NSF journal`.
 *
 * An NSF posts its unapply lines (each with its `CorrectsJournalId`) in the NSF journal, in the
 * same all-or-nothing posting as the payment's cancellation and the reopened invoices. So every
 * reader that decides whether a settlement is still live — the settlement wizard's Unapply list
 * and Unapply, the collections workspace's NSF, CC.NSF / CC.NSFJOURNAL and `cc nsf` — reads the
 * history through `settlementHistory`, and a payment cancelled by an NSF is never unapplied again.
 */
import type { CollectionsLine } from "../domain/collections";
import { ok, type Result } from "../domain/errors";
import type { JournalLine } from "../domain/journal";
import { readCollectionsJournal } from "./collections-journal";
import { readJournalLines } from "./settlement-journal";

/** Where the task pane and `cc nsf` keep the NSF journal (the `Write-off journal` columns). */
export const NSF_JOURNAL = { sheet: "NSF journal", table: "NsfJournal" } as const;

/**
 * The settlement lines with the NSF journal's unapply lines (those with a CorrectsJournalId that
 * reverse a settlement in `settlement`) appended, as settlement journal lines. A line already in
 * `settlement` (same journal ID and line number) is not added twice.
 * @example settlementHistory(settled, nsfLines).filter((l) => l.correctsJournalId === settled[0].journalId).length // 2
 */
export function settlementHistory(settlement: readonly JournalLine[], nsf: readonly CollectionsLine[] = []): JournalLine[] {
  const out: JournalLine[] = [...settlement];
  const settlementIds = new Set(settlement.map((l) => l.journalId));
  const seen = new Set(settlement.map((l) => `${l.journalId}\u0000${l.lineNumber}`));
  for (const l of nsf) {
    if (l.correctsJournalId === undefined || !settlementIds.has(l.correctsJournalId)) continue;
    const key = `${l.journalId}\u0000${l.lineNumber}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      journalId: l.journalId, lineNumber: l.lineNumber, dateSerial: l.dateSerial, customer: l.customer, voucher: l.voucher, offsetVoucher: l.offsetVoucher,
      amountMinor: l.amountMinor, currency: l.currency, accountingMinor: l.accountingMinor, accountingCurrency: l.accountingCurrency,
      accountType: l.accountType, accountRole: l.accountRole, reason: l.reason, linkId: l.linkId, correctsJournalId: l.correctsJournalId,
    });
  }
  return out;
}

/**
 * Read the settlement history from a `Settlement journal` range and, when given, an `NSF journal`
 * range (either may be absent: `undefined`, `null` or an empty range).
 * @example readSettlementHistory(settlementRange, nsfRange, { settlement: "settlementJournal", nsf: "nsfJournal" })
 */
export function readSettlementHistory(settlementRange: unknown, nsfRange: unknown, names: { settlement?: string; nsf?: string } = {}): Result<JournalLine[]> {
  const settlement = isAbsent(settlementRange) ? ok<JournalLine[]>([]) : readJournalLines(settlementRange, names.settlement ?? "Settlement journal");
  if (!settlement.ok) return settlement;
  const nsf = isAbsent(nsfRange) ? ok<CollectionsLine[]>([]) : readCollectionsJournal(nsfRange, { name: names.nsf ?? NSF_JOURNAL.sheet });
  if (!nsf.ok) return nsf;
  return ok(settlementHistory(settlement.value, nsf.value));
}

function isAbsent(range: unknown): boolean {
  if (range === undefined || range === null) return true;
  if (!Array.isArray(range)) return false;
  return range.length === 0 || range.every((r) => Array.isArray(r) && r.every((v) => v === null || v === undefined || v === ""));
}
