/**
 * Waive, reinstate and reverse charges (docs/domain.md §6.6): interest notes, fees and the
 * interest of single transactions inside a note, in one step, each as new journal lines. A charge
 * journal is made of pairs (a customer line and a ledger line) joined by a link ID: one pair per
 * charged transaction of an interest note, one per fee. A correction reverses pairs exactly (the
 * original accounting amounts negated, so it always balances) and every line names the journal it
 * corrects.
 *
 * - Waive cancels the charge to a waiver account role (`<role>Waived`); only a charge that is
 *   neither waived nor reversed can be waived.
 * - Reinstate undoes a waive (the waive lines with the opposite sign).
 * - Reverse cancels a posted charge back to its own account, whole journals only.
 * What has already happened is read from the posted correction lines, so a second waive of the same
 * charge is refused.
 */
import { type CcError, ccError, fail, ok, type Result } from "../errors";
import { checkNotPosted, journalIdFor, type JournalLine } from "../journal";
import { assertCollectionsJournal, type CollectionsLine, type CollectionsLineKeys } from "./_lib/lines";

export type ChargeCorrectionKind = "Waive" | "Reinstate" | "Reverse";

export interface ChargeCorrectionRequest {
  readonly kind: ChargeCorrectionKind;
  readonly dateSerial: number;
  readonly reason: string;
  /** The lines of the charge journals to correct (interest notes, fees). */
  readonly charges: readonly JournalLine[];
  /** Waive or reinstate only the interest of these charged transactions (offset vouchers). */
  readonly offsetVouchers?: readonly string[];
  /** Correction lines already posted (any journal): they tell what is waived or reversed. */
  readonly posted?: readonly JournalLine[];
  readonly postedJournalIds?: ReadonlySet<string>;
}

export interface ChargeCorrection {
  readonly journalId: string;
  readonly kind: ChargeCorrectionKind;
  readonly lines: readonly JournalLine[];
}

interface Pair {
  customer: JournalLine;
  ledger: JournalLine;
}

/**
 * Waive, reinstate or reverse charges: new lines that name the journal they correct. Examples on
 * W1's interest note (2.00 on Invoice 1, 5.00 on Invoice 2).
 * @example correctCharges({ kind: "Waive", dateSerial: 42302, reason: "GOODWILL", charges: w1Note.journal }).value.lines.map((l) => [l.offsetVoucher, l.amountMinor, l.accountRole]) // [["Invoice 1", -200, "Customer"], ["Invoice 1", 200, "InterestWaived"], ["Invoice 2", -500, "Customer"], ["Invoice 2", 500, "InterestWaived"]]
 * @example
 * const waive = correctCharges({ kind: "Waive", dateSerial: 42302, reason: "GOODWILL", charges: w1Note.journal, offsetVouchers: ["Invoice 2"] }).value;
 * [waive.kind, waive.journalId.startsWith("CHA-"), waive.lines.map((l) => [l.offsetVoucher, l.amountMinor, l.accountRole, l.correctsJournalId === w1Note.journalId])] // ["Waive", true, [["Invoice 2", -500, "Customer", true], ["Invoice 2", 500, "InterestWaived", true]]] (only Invoice 2's interest)
 * @example
 * const waive = correctCharges({ kind: "Waive", dateSerial: 42302, reason: "GOODWILL", charges: w1Note.journal, offsetVouchers: ["Invoice 2"] }).value;
 * correctCharges({ kind: "Waive", dateSerial: 42310, reason: "GOODWILL", charges: w1Note.journal, offsetVouchers: ["Invoice 2"], posted: waive.lines }).errors[0].code // "charge_must_not_be_waived"
 * @example
 * const waive = correctCharges({ kind: "Waive", dateSerial: 42302, reason: "GOODWILL", charges: w1Note.journal, offsetVouchers: ["Invoice 2"] }).value;
 * correctCharges({ kind: "Reinstate", dateSerial: 42310, reason: "ERROR", charges: w1Note.journal, offsetVouchers: ["Invoice 2"], posted: waive.lines }).value.lines.map((l) => [l.amountMinor, l.accountRole]) // [[500, "Customer"], [-500, "InterestWaived"]] (the waive undone)
 * @example correctCharges({ kind: "Reverse", dateSerial: 42302, reason: "ERROR", charges: w1Note.journal, offsetVouchers: ["Invoice 2"] }).errors[0].code // "reverse_must_be_whole_journal"
 * @example correctCharges({ kind: "Reverse", dateSerial: 42302, reason: "ERROR", charges: w1Note.journal }).value.lines.map((l) => [l.amountMinor, l.accountRole]) // [[-200, "Customer"], [200, "Interest"], [-500, "Customer"], [500, "Interest"]] (back to the interest account itself)
 */
export function correctCharges(request: ChargeCorrectionRequest): Result<ChargeCorrection> {
  const reason = request.reason.trim();
  if (reason === "") return fail(ccError("reason_must_not_be_blank", { case: "correction" }, { column: "reason" }));
  if (request.kind === "Reverse" && (request.offsetVouchers?.length ?? 0) > 0) {
    return fail(ccError("reverse_must_be_whole_journal", {}, { column: "vouchers" }));
  }
  const pairs = pairUp(request.charges);
  if (!pairs.ok) return pairs;
  const wanted = request.offsetVouchers !== undefined && request.offsetVouchers.length > 0 ? new Set(request.offsetVouchers) : undefined;
  const selected = wanted === undefined ? pairs.value : pairs.value.filter((p) => wanted.has(p.customer.offsetVoucher));
  const errors: CcError[] = [];
  if (wanted !== undefined) {
    const have = new Set(selected.map((p) => p.customer.offsetVoucher));
    for (const v of wanted) if (!have.has(v)) errors.push(ccError("voucher_must_be_charged", { voucher: v }, { column: "vouchers" }));
  }
  if (selected.length === 0 && errors.length === 0) errors.push(ccError("charges_must_not_be_empty", {}, { column: "charges" }));
  const state = correctionState(request.posted ?? []);
  const none = { waived: 0, reversed: 0 };
  for (const p of selected) {
    // Nothing posted, nothing corrected: no key to look up.
    const s = state.size === 0 ? none : (state.get(key(p.ledger)) ?? none);
    // The charge's name is made only for an error.
    const what = (): string => `${p.ledger.journalId} / ${p.customer.offsetVoucher || p.customer.voucher}`;
    if (s.reversed !== 0) errors.push(ccError("charge_must_not_be_reversed", { charge: what() }, { column: "kind" }));
    else if (request.kind === "Reinstate" && s.waived === 0) errors.push(ccError("charge_must_be_waived", { charge: what() }, { column: "kind" }));
    else if (request.kind !== "Reinstate" && s.waived !== 0) errors.push(ccError("charge_must_not_be_waived", { charge: what() }, { column: "kind" }));
  }
  if (errors.length > 0) return fail(...errors);

  const content = [request.kind, request.dateSerial, reason, ...selected.map((p) => key(p.ledger))].join("|");
  const journalId = journalIdFor(`Charge${request.kind}`, content);
  const posted = checkNotPosted(journalId, request.postedJournalIds ?? new Set());
  if (!posted.ok) return posted;
  const lines: JournalLine[] = [];
  for (const p of selected) {
    for (const original of [p.customer, p.ledger]) {
      const role = original === p.ledger && request.kind !== "Reverse" ? waivedRole(original.accountRole) : original.accountRole;
      // A reinstatement reverses the waive lines, which reversed the charge: the charge's own signs.
      const sign = request.kind === "Reinstate" ? 1 : -1;
      const line = correctionLine(original, journalId, lines.length + 1, request.dateSerial, sign, role, reason);
      lines.push(line);
    }
  }
  assertCollectionsJournal(journalId, lines);
  return ok({ journalId, kind: request.kind, lines });
}

function waivedRole(role: string): string {
  return role.endsWith("Waived") ? role : `${role}Waived`;
}

function key(l: JournalLine): string {
  return `${l.correctsJournalId ?? l.journalId}\u0000${l.linkId}`;
}

/**
 * Customer and ledger line of each link ID; a charge journal of any other shape is refused. The
 * charges are found by journal, then link ID (two Maps: no key string per line, and no ID can
 * collide with another through a separator).
 */
function pairUp(lines: readonly JournalLine[]): Result<Pair[]> {
  const byJournal = new Map<string, Map<string, number>>();
  /** The charges in the order first met: journal, link ID and its lines so far. */
  const found: { journalId: string; linkId: string; customer?: JournalLine; ledger?: JournalLine }[] = [];
  const errors: CcError[] = [];
  const corrections = new Set<string>();
  for (const l of lines) {
    if (l.correctsJournalId !== undefined) {
      if (!corrections.has(l.journalId)) errors.push(ccError("charge_must_be_original", { journal: l.journalId }, { column: "charges" }));
      corrections.add(l.journalId);
      continue;
    }
    let links = byJournal.get(l.journalId);
    if (links === undefined) byJournal.set(l.journalId, (links = new Map()));
    let at = links.get(l.linkId);
    if (at === undefined) {
      at = found.length;
      links.set(l.linkId, at);
      found.push({ journalId: l.journalId, linkId: l.linkId });
    }
    const p = found[at] as (typeof found)[number];
    const side = l.accountType === "Customer" ? "customer" : "ledger";
    if (p[side] !== undefined) errors.push(ccError("charge_must_be_a_pair", { case: "two", journal: l.journalId, side, link: l.linkId }, { column: "charges" }));
    p[side] = l;
  }
  const pairs: Pair[] = [];
  for (const p of found) {
    if (p.customer === undefined || p.ledger === undefined) {
      errors.push(ccError("charge_must_be_a_pair", { case: "lacks", charge: `${p.journalId} / ${p.linkId}`, side: p.customer === undefined ? "customer" : "ledger" }, { column: "charges" }));
    } else pairs.push({ customer: p.customer, ledger: p.ledger });
  }
  return errors.length > 0 ? fail(...errors) : ok(pairs);
}

/** Net waived and reversed ledger amounts per charge, from posted corrections. */
function correctionState(posted: readonly JournalLine[]): Map<string, { waived: number; reversed: number }> {
  const state = new Map<string, { waived: number; reversed: number }>();
  for (const l of posted) {
    if (l.correctsJournalId === undefined || l.accountType !== "Ledger") continue;
    const k = key(l);
    const s = state.get(k) ?? { waived: 0, reversed: 0 };
    if (l.accountRole.endsWith("Waived")) s.waived += l.amountMinor;
    else s.reversed += l.amountMinor;
    state.set(k, s);
  }
  return state;
}

/** A literal copy (spreads are slow on journals of a million lines) that keeps collections keys. */
function correctionLine(original: JournalLine, journalId: string, lineNumber: number, dateSerial: number, sign: number, accountRole: string, reason: string): CollectionsLine {
  const keys = original as Partial<CollectionsLineKeys>;
  return {
    journalId,
    lineNumber,
    dateSerial,
    customer: original.customer,
    voucher: original.voucher,
    offsetVoucher: original.offsetVoucher,
    amountMinor: sign * original.amountMinor,
    currency: original.currency,
    accountingMinor: sign * original.accountingMinor,
    accountingCurrency: original.accountingCurrency,
    accountType: original.accountType,
    accountRole,
    reason,
    linkId: original.linkId,
    correctsJournalId: original.journalId,
    lineType: keys.lineType ?? (original.accountType === "Customer" ? "Customer" : "Ledger"),
    dimension: keys.dimension ?? "",
    postingProfile: keys.postingProfile ?? "",
    account: keys.account ?? "",
    taxCode: keys.taxCode ?? "",
  };
}
