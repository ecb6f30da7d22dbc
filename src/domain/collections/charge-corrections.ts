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
import { checkNotPosted, journalHasher, journalIdOf, type JournalLine } from "../journal";
import { type CollectionsLine, type CollectionsLineKeys, JournalBalance } from "./_lib/lines";

export type ChargeCorrectionKind = "Waive" | "Reinstate" | "Reverse";

export interface ChargeCorrectionRequest {
  readonly kind: ChargeCorrectionKind;
  readonly dateSerial: number;
  readonly reason: string;
  /** The lines of the charge journals to correct (interest notes, fees): an array, or lines made when asked for. */
  readonly charges: readonly JournalLine[] | LineSource;
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

/**
 * Lines by index, each made when asked for (`at`): how a million-line journal read from a sheet is
 * handed over without a record per line. An array is one too.
 */
export interface LineSource {
  readonly length: number;
  at(i: number): JournalLine | undefined;
}

/** A charge: its journal and link ID, and the indexes of its customer and ledger lines in the charges. */
interface Pair {
  readonly journalId: string;
  readonly linkId: string;
  readonly customer: number;
  readonly ledger: number;
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
  return correctChargesWith(request, correctionLine);
}

/**
 * Makes one correction line: the charge line it corrects (`original`, whose other fields it
 * carries), and what the correction decided: its journal, line number, date, amounts, account
 * role, reason and the journal it corrects.
 */
export type CorrectionLineMaker<L> = (
  original: JournalLine, journalId: string, lineNumber: number, dateSerial: number, amountMinor: number, accountingMinor: number, accountRole: string, reason: string, correctsJournalId: string,
) => L;

/**
 * `correctCharges` with each line made by `make` (same checks, journal ID, order and decisions):
 * for a caller that writes the lines somewhere else (a sheet's rows) without a record per line.
 * The journal's invariants are checked on what `make` is given (line numbers 1..n, each currency
 * nets to zero, the accounting amounts balance).
 * @example correctChargesWith({ kind: "Reverse", dateSerial: 42302, reason: "ERROR", charges: w1Note.journal }, (original, _id, lineNumber, _date, amountMinor, _accounting, role) => `${lineNumber} ${original.offsetVoucher} ${amountMinor} ${role}`).value.lines // ["1 Invoice 1 -200 Customer", "2 Invoice 1 200 Interest", "3 Invoice 2 -500 Customer", "4 Invoice 2 500 Interest"]
 */
export function correctChargesWith<L>(request: ChargeCorrectionRequest, make: CorrectionLineMaker<L>): Result<{ readonly journalId: string; readonly kind: ChargeCorrectionKind; readonly lines: L[] }> {
  const reason = request.reason.trim();
  if (reason === "") return fail(ccError("reason_must_not_be_blank", { case: "correction" }, { column: "reason" }));
  if (request.kind === "Reverse" && (request.offsetVouchers?.length ?? 0) > 0) {
    return fail(ccError("reverse_must_be_whole_journal", {}, { column: "vouchers" }));
  }
  const charges = request.charges;
  const at = (i: number): JournalLine => charges.at(i) as JournalLine;
  const pairs = pairUp(charges);
  if (!pairs.ok) return pairs;
  const wanted = request.offsetVouchers !== undefined && request.offsetVouchers.length > 0 ? new Set(request.offsetVouchers) : undefined;
  const selected = wanted === undefined ? pairs.value : pairs.value.filter((p) => wanted.has(at(p.customer).offsetVoucher));
  const errors: CcError[] = [];
  if (wanted !== undefined) {
    const have = new Set(selected.map((p) => at(p.customer).offsetVoucher));
    for (const v of wanted) if (!have.has(v)) errors.push(ccError("voucher_must_be_charged", { voucher: v }, { column: "vouchers" }));
  }
  if (selected.length === 0 && errors.length === 0) errors.push(ccError("charges_must_not_be_empty", {}, { column: "charges" }));
  const state = correctionState(request.posted ?? []);
  // Nothing posted, nothing corrected: no key to look up.
  if (state.size > 0) {
    const none = { waived: 0, reversed: 0 };
    for (const p of selected) {
      const s = state.get(key(at(p.ledger))) ?? none;
      if (s.reversed !== 0) errors.push(ccError("charge_must_not_be_reversed", { charge: chargeName(charges, p) }, { column: "kind" }));
      else if (request.kind === "Reinstate" && s.waived === 0) errors.push(ccError("charge_must_be_waived", { charge: chargeName(charges, p) }, { column: "kind" }));
      else if (request.kind !== "Reinstate" && s.waived !== 0) errors.push(ccError("charge_must_not_be_waived", { charge: chargeName(charges, p) }, { column: "kind" }));
    }
  } else if (request.kind === "Reinstate") {
    for (const p of selected) errors.push(ccError("charge_must_be_waived", { charge: chargeName(charges, p) }, { column: "kind" }));
  }
  if (errors.length > 0) return fail(...errors);

  // The ID of the content [kind, date, reason, key of each charge] joined with "|", hashed piece by
  // piece (no key string per charge, no joined string of a million keys).
  const kindName = `Charge${request.kind}`;
  const hasher = journalHasher(kindName).text(request.kind).text("|").text(String(request.dateSerial)).text("|").text(reason);
  // A charge's key is its ledger line's (journal, link ID): the pair's own (pairUp keeps no correction line).
  for (const p of selected) hasher.text("|").text(p.journalId).text("\u0000").text(p.linkId);
  const journalId = journalIdOf(kindName, hasher);
  const posted = checkNotPosted(journalId, request.postedJournalIds ?? new Set());
  if (!posted.ok) return posted;
  // A reinstatement reverses the waive lines, which reversed the charge: the charge's own signs.
  const sign = request.kind === "Reinstate" ? 1 : -1;
  const reverse = request.kind === "Reverse";
  const lines: L[] = new Array<L>(selected.length * 2);
  // The journal's invariants, on the amounts the lines are given (numbering and journal ID hold by
  // construction): assertCollectionsJournal's balance, without a line record.
  const balance = new JournalBalance();
  const add = (original: JournalLine, lineNumber: number, accountRole: string): L => {
    const amountMinor = sign * original.amountMinor;
    const accountingMinor = sign * original.accountingMinor;
    balance.add(original.currency, amountMinor, accountingMinor);
    return make(original, journalId, lineNumber, request.dateSerial, amountMinor, accountingMinor, accountRole, reason, original.journalId);
  };
  for (let i = 0; i < selected.length; i++) {
    const p = selected[i] as Pair;
    const c = at(p.customer);
    const l = at(p.ledger);
    lines[2 * i] = add(c, 2 * i + 1, c.accountRole);
    lines[2 * i + 1] = add(l, 2 * i + 2, reverse ? l.accountRole : waivedRole(l.accountRole));
  }
  balance.assert(journalId);
  return ok({ journalId, kind: request.kind, lines });
}

/** A charge as errors name it: its journal and offset voucher (or voucher). */
function chargeName(charges: LineSource, p: Pair): string {
  const customer = charges.at(p.customer) as JournalLine;
  return `${(charges.at(p.ledger) as JournalLine).journalId} / ${customer.offsetVoucher || customer.voucher}`;
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
function pairUp(lines: LineSource): Result<Pair[]> {
  const byJournal = new Map<string, Map<string, number>>();
  // The charges in the order first met: the index of its customer line and of its ledger line (-1
  // until met). A journal's link IDs are looked up in its own Map, reached again without a lookup
  // while the lines stay in one journal.
  const customerOf: number[] = [];
  const ledgerOf: number[] = [];
  const journalOf: string[] = [];
  const linkOf: string[] = [];
  const errors: CcError[] = [];
  const corrections = new Set<string>();
  let lastJournal: string | undefined;
  let links = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines.at(i) as JournalLine;
    if (l.correctsJournalId !== undefined) {
      if (!corrections.has(l.journalId)) errors.push(ccError("charge_must_be_original", { journal: l.journalId }, { column: "charges" }));
      corrections.add(l.journalId);
      continue;
    }
    if (l.journalId !== lastJournal) {
      lastJournal = l.journalId;
      const known = byJournal.get(l.journalId);
      if (known === undefined) byJournal.set(l.journalId, (links = new Map()));
      else links = known;
    }
    let at = links.get(l.linkId);
    if (at === undefined) {
      at = customerOf.length;
      links.set(l.linkId, at);
      customerOf.push(-1);
      ledgerOf.push(-1);
      journalOf.push(l.journalId);
      linkOf.push(l.linkId);
    }
    const sides = l.accountType === "Customer" ? customerOf : ledgerOf;
    if (sides[at] !== -1) errors.push(ccError("charge_must_be_a_pair", { case: "two", journal: l.journalId, side: l.accountType === "Customer" ? "customer" : "ledger", link: l.linkId }, { column: "charges" }));
    sides[at] = i;
  }
  const pairs: Pair[] = [];
  for (let k = 0; k < customerOf.length; k++) {
    const customer = customerOf[k] as number;
    const ledger = ledgerOf[k] as number;
    if (customer === -1 || ledger === -1) {
      errors.push(ccError("charge_must_be_a_pair", { case: "lacks", charge: `${journalOf[k] as string} / ${linkOf[k] as string}`, side: customer === -1 ? "customer" : "ledger" }, { column: "charges" }));
    } else pairs.push({ journalId: journalOf[k] as string, linkId: linkOf[k] as string, customer, ledger });
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
function correctionLine(
  original: JournalLine, journalId: string, lineNumber: number, dateSerial: number, amountMinor: number, accountingMinor: number, accountRole: string, reason: string, correctsJournalId: string,
): CollectionsLine {
  const keys = original as Partial<CollectionsLineKeys>;
  return {
    journalId,
    lineNumber,
    dateSerial,
    customer: original.customer,
    voucher: original.voucher,
    offsetVoucher: original.offsetVoucher,
    amountMinor,
    currency: original.currency,
    accountingMinor,
    accountingCurrency: original.accountingCurrency,
    accountType: original.accountType,
    accountRole,
    reason,
    linkId: original.linkId,
    correctsJournalId,
    lineType: keys.lineType ?? (original.accountType === "Customer" ? "Customer" : "Ledger"),
    dimension: keys.dimension ?? "",
    postingProfile: keys.postingProfile ?? "",
    account: keys.account ?? "",
    taxCode: keys.taxCode ?? "",
  };
}
