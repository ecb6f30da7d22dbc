import fc from "fast-check";
import { correctCharges, feeJournal, interestNotes, type InterestCode } from "../../src/domain/collections";
import type { JournalLine } from "../../src/domain/journal";
import { d, tx } from "./_fixtures";

const due = d("2024-01-01");
const code: InterestCode = { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }] };
const items = [
  tx({ customer: "C", voucher: "I1", dueSerial: due, amountMinor: 100000 }),
  tx({ customer: "C", voucher: "I2", dueSerial: due - 30, amountMinor: 50000 }),
];
const note = (() => {
  const r = interestNotes(items, due + 45, code);
  if (!r.ok || r.value[0] === undefined) throw new Error("no note");
  return r.value[0];
})();
const customerNet = (lines: readonly JournalLine[]): number => lines.filter((l) => l.accountType === "Customer").reduce((a, l) => a + l.amountMinor, 0);

describe("waive, reinstate and reverse", () => {
  it("waives the interest of one transaction inside a note as new lines that name the note", () => {
    const r = correctCharges({ kind: "Waive", dateSerial: due + 50, reason: "GOODWILL", charges: note.journal, offsetVouchers: ["I2"] });
    expect(r.ok && r.value.lines.map((l) => [l.accountType, l.accountRole, l.offsetVoucher, l.amountMinor, l.correctsJournalId])).toEqual([
      ["Customer", "Customer", "I2", -1875, note.journalId], // 500.00 x 75 days x 1.5% / 30
      ["Ledger", "InterestWaived", "I2", 1875, note.journalId],
    ]);
  });

  it("reinstates a waive, and refuses a second waive or a reinstate of what is not waived", () => {
    const waive = correctCharges({ kind: "Waive", dateSerial: due + 50, reason: "G", charges: note.journal });
    if (!waive.ok) throw new Error("waive failed");
    expect(customerNet(waive.value.lines)).toBe(-note.totalMinor);
    expect(correctCharges({ kind: "Waive", dateSerial: due + 51, reason: "G", charges: note.journal, posted: waive.value.lines })).toMatchObject({ ok: false, errors: [{ code: "charge_must_not_be_waived" }, { code: "charge_must_not_be_waived" }] });
    expect(correctCharges({ kind: "Reinstate", dateSerial: due + 51, reason: "G", charges: note.journal })).toMatchObject({ ok: false, errors: [{ code: "charge_must_be_waived" }, { code: "charge_must_be_waived" }] });
    const back = correctCharges({ kind: "Reinstate", dateSerial: due + 52, reason: "G", charges: note.journal, posted: waive.value.lines });
    expect(back.ok && customerNet(back.value.lines)).toBe(note.totalMinor);
    // After the reinstatement the charge can be waived again.
    const again = correctCharges({ kind: "Waive", dateSerial: due + 53, reason: "G", charges: note.journal, posted: [...waive.value.lines, ...(back.ok ? back.value.lines : [])] });
    expect(again.ok).toBe(true);
  });

  it("reverses whole notes and fees in one step, back to their own accounts", () => {
    const fee = feeJournal([{ customer: "C", currency: "USD", amountMinor: 2500, offsetVoucher: "L1" }], { dateSerial: due, reason: "L1", accountRole: "CollectionLetterFee" });
    if (!fee.ok) throw new Error("fee failed");
    const r = correctCharges({ kind: "Reverse", dateSerial: due + 60, reason: "ERROR", charges: [...note.journal, ...fee.value.lines] });
    expect(r.ok && r.value.lines.filter((l) => l.accountType === "Ledger").map((l) => [l.accountRole, l.amountMinor, l.correctsJournalId])).toEqual([
      ["Interest", 2250, note.journalId],
      ["Interest", 1875, note.journalId],
      ["CollectionLetterFee", 2500, fee.value.journalId],
    ]);
    expect(r.ok && customerNet(r.value.lines)).toBe(-(note.totalMinor + 2500));
    const rev = r.ok ? r.value.lines : [];
    expect(correctCharges({ kind: "Waive", dateSerial: due + 61, reason: "G", charges: note.journal, posted: rev })).toMatchObject({ ok: false, errors: [{ code: "charge_must_not_be_reversed" }, { code: "charge_must_not_be_reversed" }] });
    expect(correctCharges({ kind: "Reverse", dateSerial: due + 60, reason: "ERROR", charges: note.journal, postedJournalIds: new Set([r.ok ? r.value.journalId : ""]) }).ok).toBe(true);
  });

  it("property: waive then reinstate is a no-op on the customer balance", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ amt: fc.integer({ min: 1, max: 50_000_000 }), late: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 19 }), (rows, pick) => {
        const ledger = rows.map((r, i) => tx({ customer: "C", voucher: `V${i}`, dueSerial: due - r.late, amountMinor: r.amt }));
        const notes = interestNotes(ledger, due, code);
        if (!notes.ok) return false;
        const charges = notes.value.flatMap((n) => n.journal);
        if (charges.length === 0) return true;
        const vouchers = pick % 2 === 0 ? undefined : [charges[(pick * 2) % charges.length]?.offsetVoucher ?? ""];
        const waive = correctCharges({ kind: "Waive", dateSerial: due + 1, reason: "W", charges, ...(vouchers ? { offsetVouchers: vouchers } : {}) });
        if (!waive.ok) return false;
        const back = correctCharges({ kind: "Reinstate", dateSerial: due + 2, reason: "R", charges, posted: waive.value.lines, ...(vouchers ? { offsetVouchers: vouchers } : {}) });
        if (!back.ok) return false;
        const both = [...waive.value.lines, ...back.value.lines];
        return customerNet(both) === 0 && both.reduce((a, l) => a + l.accountingMinor, 0) === 0 && customerNet(waive.value.lines) < 0;
      }),
    );
  });

  describe("invalid input", () => {
    it("requires a reason, known vouchers, whole journals for a reversal and original charge lines", () => {
      expect(correctCharges({ kind: "Waive", dateSerial: due, reason: " ", charges: note.journal })).toMatchObject({ ok: false, errors: [{ code: "reason_must_not_be_blank" }] });
      expect(correctCharges({ kind: "Waive", dateSerial: due, reason: "R", charges: note.journal, offsetVouchers: ["ZZ"] })).toMatchObject({ ok: false, errors: [{ code: "voucher_must_be_charged" }] });
      expect(correctCharges({ kind: "Reverse", dateSerial: due, reason: "R", charges: note.journal, offsetVouchers: ["I1"] })).toMatchObject({ ok: false, errors: [{ code: "reverse_must_be_whole_journal" }] });
      expect(correctCharges({ kind: "Waive", dateSerial: due, reason: "R", charges: [] })).toMatchObject({ ok: false, errors: [{ code: "charges_must_not_be_empty" }] });
      expect(correctCharges({ kind: "Waive", dateSerial: due, reason: "R", charges: note.journal.slice(0, 1) })).toMatchObject({ ok: false, errors: [{ code: "charge_must_be_a_pair" }] });
      const waive = correctCharges({ kind: "Waive", dateSerial: due, reason: "R", charges: note.journal });
      expect(correctCharges({ kind: "Waive", dateSerial: due, reason: "R", charges: waive.ok ? waive.value.lines : [] })).toMatchObject({ ok: false, errors: [{ code: "charge_must_be_original" }] });
    });

    it("names every charge that is not one pair, in the order its lines come, also with journals interleaved", () => {
      const other = interestNotes(items.map((t) => ({ ...t, customer: "D" })), due + 45, code);
      if (!other.ok || other.value[0] === undefined) throw new Error("no note");
      const [a1, a2, a3, a4] = note.journal as readonly JournalLine[];
      const [b1, b2, b3] = other.value[0].journal as readonly JournalLine[];
      // a1, b1 and b3 lack their ledger line, a3 appears twice: in line order, then the charges lacking a side in the order first met.
      const r = correctCharges({ kind: "Reverse", dateSerial: due, reason: "R", charges: [a1, b1, a3, b3, a4, a3, b2, a2].filter((l): l is JournalLine => l !== undefined).filter((l) => l !== a2 && l !== b2) });
      expect(!r.ok && r.errors.map((e) => [e.code, e.params])).toEqual([
        ["charge_must_be_a_pair", { case: "two", journal: note.journalId, side: "customer", link: a3?.linkId }],
        ["charge_must_be_a_pair", { case: "lacks", charge: `${note.journalId} / ${a1?.linkId}`, side: "ledger" }],
        ["charge_must_be_a_pair", { case: "lacks", charge: `${other.value[0].journalId} / ${b1?.linkId}`, side: "ledger" }],
        ["charge_must_be_a_pair", { case: "lacks", charge: `${other.value[0].journalId} / ${b3?.linkId}`, side: "ledger" }],
      ]);
      // Whole pairs of two journals, interleaved: the correction's lines in the order the charges were first met.
      const both = correctCharges({ kind: "Reverse", dateSerial: due, reason: "R", charges: [b1, a1, a2, b2, a3, a4].filter((l): l is JournalLine => l !== undefined) });
      expect(both.ok && both.value.lines.map((l) => [l.correctsJournalId, l.linkId, l.accountType])).toEqual([
        [other.value[0].journalId, b1?.linkId, "Customer"], [other.value[0].journalId, b1?.linkId, "Ledger"],
        [note.journalId, a1?.linkId, "Customer"], [note.journalId, a1?.linkId, "Ledger"],
        [note.journalId, a3?.linkId, "Customer"], [note.journalId, a3?.linkId, "Ledger"],
      ]);
      // IDs holding the key's separator pair up by the same rule.
      const odd = (l: JournalLine | undefined): JournalLine => ({ ...(l as JournalLine), journalId: `${(l as JournalLine).journalId}\u0000x`, linkId: `1\u00002` });
      const strange = correctCharges({ kind: "Reverse", dateSerial: due, reason: "R", charges: [odd(a1), odd(a2)] });
      expect(strange.ok && strange.value.lines.map((l) => l.linkId)).toEqual(["1\u00002", "1\u00002"]);
    });

    it("refuses negative fees and a blank fee reason", () => {
      expect(feeJournal([{ customer: "C", currency: "USD", amountMinor: -1, offsetVoucher: "L" }], { dateSerial: due, reason: "" })).toMatchObject({ ok: false, errors: [{ code: "reason_must_not_be_blank" }, { code: "fee_must_not_be_negative" }] });
    });
  });
});
