import fc from "fast-check";
import { chargeCorrectionFunction, chargecorrection, interestJournalFunction, interestjournal } from "../../src/functions/charges";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { readCollectionsJournal } from "../../src/workbook/collections-journal";
import { WRITEOFF_JOURNAL_HEADER } from "../../src/workbook/writeoff";
import { correctCharges, interestNotes } from "../../src/domain/collections";
import { unwrap } from "../../src/domain/errors";
import { readTransactions } from "../../src/workbook/transactions";
import { writeOffJournalTable } from "../../src/workbook/writeoff";

const H = [...WRITEOFF_JOURNAL_HEADER];
const col = (name: (typeof WRITEOFF_JOURNAL_HEADER)[number]): number => H.indexOf(name);

/** W9: 1,000.00 due 2020-01-01, 45 days overdue on 2020-02-15 (serial 43876); a second invoice 200.00 due 2020-02-05. */
const LEDGER: unknown[][] = [
  ["Customer", "Voucher", "Type", "DueDate", "Amount", "Currency"],
  ["C1", "I1", "Invoice", "2020-01-01", 1000, "USD"],
  ["C1", "I2", "Invoice", "2020-02-05", 200, "USD"],
  ["C2", "I9", "Invoice", "2020-03-01", 500, "USD"],
];
const TIERS = [["FromMonth", "PercentPerMonth"], [0, 1.5]];

describe("CC.INTERESTJOURNAL", () => {
  const journal = interestJournalFunction(LEDGER, "2020-02-15", TIERS, null);

  it("spills the Write-off journal's columns: a customer and a ledger line per charged transaction (W9 22.50; 200 × 10 × 1.5 % ÷ 30 = 1.00)", () => {
    expect(journal[0]).toEqual(H);
    const id = journal[1]?.[0] as string;
    expect(id).toMatch(/^INT/);
    const pick = (r: (string | number)[]): unknown[] => ["Line", "Date", "LineType", "Customer", "Currency", "Debit", "Credit", "Reason", "Account", "Voucher", "OffsetVoucher", "AccountingAmount", "AccountRole", "LinkId", "CorrectsJournalId"].map((h) => r[col(h as never)]);
    expect(journal.slice(1).map(pick)).toEqual([
      [1, 43876, "Customer", "C1", "USD", 22.5, "", "Interest", "", id, "I1", 22.5, "Customer", "2", ""],
      [2, 43876, "Ledger", "C1", "USD", "", 22.5, "Interest", "InterestIncome", id, "I1", -22.5, "Interest", "2", ""],
      [3, 43876, "Customer", "C1", "USD", 1, "", "Interest", "", id, "I2", 1, "Customer", "3", ""],
      [4, 43876, "Ledger", "C1", "USD", "", 1, "Interest", "InterestIncome", id, "I2", -1, "Interest", "3", ""],
    ]);
  });

  it("is the journal of CC.INTEREST's notes, and reads back exactly", () => {
    const notes = unwrap(interestNotes(unwrap(readTransactions(LEDGER)), 43876, { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }] }));
    expect(journal).toEqual(writeOffJournalTable(notes.flatMap((n) => n.journal)));
    expect(unwrap(readCollectionsJournal(journal))).toEqual(notes.flatMap((n) => n.journal));
  });

  it("takes InterestAccount and InterestOnInterest options", () => {
    const out = interestJournalFunction(LEDGER, "2020-02-15", TIERS, [["InterestAccount", "8400"]]);
    expect(out[2]?.[col("Account")]).toBe("8400");
  });

  describe("invalid input", () => {
    it.each([
      [[LEDGER, "", TIERS], "asOf: is required"],
      [[LEDGER, "soon", TIERS], /asOf: /],
      [[LEDGER, "2020-02-15", [["FromMonth", "PercentPerMonth"], [0, -1]]], "code row 2, PercentPerMonth: -1 is not between 0 and 100"],
      [[LEDGER, "2020-02-15", TIERS, [["Nope", 1]]], /'Nope' is not an option/],
      [[[...LEDGER, ["C1", "I3", "Invoice", "x", 5, "USD"]], "2020-02-15", TIERS], "transactions row 5, DueDate: 'x' is not a date"],
      [[[["Voucher"], ["I1"]], "2020-02-15", TIERS], /Customer/],
    ])("%# refuses with #VALUE!", (args, message) => {
      const [t, a, c, o] = args as [unknown[][], unknown, unknown[][], unknown[][] | undefined];
      expect(() => interestjournal(t, a, c, o)).toThrow(FunctionError);
      expect(() => interestjournal(t, a, c, o)).toThrow(message);
    });
  });
});

describe("CC.CHARGECORRECTION", () => {
  const charges = interestJournalFunction(LEDGER, "2020-02-15", TIERS, null);
  const chargeId = charges[1]?.[0] as string;
  const amounts = (t: (string | number)[][]): unknown[][] => t.slice(1).map((r) => [r[col("LineType")], r[col("OffsetVoucher")], r[col("Debit")], r[col("Credit")], r[col("AccountRole")], r[col("CorrectsJournalId")]]);

  it("waives the whole note: the customer credited back, the waiver role debited, each line naming the note", () => {
    const waive = chargeCorrectionFunction(charges, "Waive", "2020-03-01", "GOODWILL", null, null);
    expect(waive[0]).toEqual(H);
    expect(amounts(waive)).toEqual([
      ["Customer", "I1", "", 22.5, "Customer", chargeId],
      ["Ledger", "I1", 22.5, "", "InterestWaived", chargeId],
      ["Customer", "I2", "", 1, "Customer", chargeId],
      ["Ledger", "I2", 1, "", "InterestWaived", chargeId],
    ]);
    expect(waive.slice(1).every((r) => r[col("Reason")] === "GOODWILL" && String(r[0]).startsWith("CHA"))).toBe(true);
  });

  it("waives only the interest of the vouchers named, then refuses a second waive of it, naming the charge", () => {
    const waive = chargeCorrectionFunction(charges, "waive", 43891, "GOODWILL", [["I2"]], null);
    expect(amounts(waive)).toEqual([
      ["Customer", "I2", "", 1, "Customer", chargeId],
      ["Ledger", "I2", 1, "", "InterestWaived", chargeId],
    ]);
    expect(() => chargecorrection(charges, "Waive", 43892, "AGAIN", [["I2"]], waive)).toThrow(`the charge ${chargeId} / I2 is already waived`);
    // I1 is not waived yet: waiving it with the same posted lines is fine.
    expect(amounts(chargeCorrectionFunction(charges, "Waive", 43892, "AGAIN", "I1", waive))).toHaveLength(2);
  });

  it("reinstates a waive (the charge's own signs back) and reverses a whole note", () => {
    const waive = chargeCorrectionFunction(charges, "Waive", 43891, "GOODWILL", "I1", null);
    expect(amounts(chargeCorrectionFunction(charges, "Reinstate", 43892, "ERROR", "I1", waive))).toEqual([
      ["Customer", "I1", 22.5, "", "Customer", chargeId],
      ["Ledger", "I1", "", 22.5, "InterestWaived", chargeId],
    ]);
    expect(amounts(chargeCorrectionFunction(charges, "Reverse", 43892, "WRONG", null, null))).toEqual([
      ["Customer", "I1", "", 22.5, "Customer", chargeId],
      ["Ledger", "I1", 22.5, "", "Interest", chargeId],
      ["Customer", "I2", "", 1, "Customer", chargeId],
      ["Ledger", "I2", 1, "", "Interest", chargeId],
    ]);
  });

  it("writes exactly the rows of correctCharges' lines, for every kind, currency and posted state", () => {
    // Two currencies (JPY: no decimals), a zero charge line and a fee-like line type, waived, reinstated and reversed.
    const ledger = [["Customer", "Voucher", "DueDate", "Amount", "Currency"], ["C1", "I1", 43800, 1000, "USD"], ["C2", "J1", 43790, 250000, "JPY"], ["C1", "I2", 43850, 0.01, "USD"], ["C3", "K1", 43700, 77.77, "KWD"]];
    const journal = interestJournalFunction(ledger, 43900, TIERS, null);
    const lines = unwrap(readCollectionsJournal(journal));
    const cases: [string, unknown, unknown, unknown][] = [["Waive", null, null, undefined], ["Waive", "J1, I1", null, undefined], ["Reverse", null, null, undefined]];
    const waive = chargeCorrectionFunction(journal, "Waive", 43901, "GOODWILL", "J1", null);
    cases.push(["Reinstate", "J1", waive, unwrap(readCollectionsJournal(waive))], ["Waive", "I1", waive, unwrap(readCollectionsJournal(waive))]);
    for (const [kind, vouchers, posted, postedLines] of cases) {
      const offsetVouchers = typeof vouchers === "string" ? vouchers.split(",").map((v) => v.trim()) : undefined;
      const expected = unwrap(correctCharges({ kind: kind as "Waive", dateSerial: 43902, reason: "WHY", charges: lines, ...(offsetVouchers !== undefined ? { offsetVouchers } : {}), posted: (postedLines ?? []) as never, postedJournalIds: new Set() }));
      expect(chargeCorrectionFunction(journal, kind, 43902, "WHY", vouchers, posted)).toStrictEqual(writeOffJournalTable(expected.lines));
    }
  });

  it("refuses a charge journal that does not net to zero with the journal invariant's message", () => {
    const unbalanced = charges.map((r, i) => (i === 2 ? r.map((v, j) => (j === col("Credit") ? 20 : j === col("AccountingAmount") ? -20 : v)) : r));
    const lines = unwrap(readCollectionsJournal(unbalanced));
    expect(() => correctCharges({ kind: "Reverse", dateSerial: 43902, reason: "WHY", charges: lines })).toThrow(/lines do not net to zero \(-250\)$/);
    expect(() => chargeCorrectionFunction(unbalanced, "Reverse", 43902, "WHY", null, null)).toThrow(/USD lines do not net to zero \(-250\)$/);
  });

  it("property: a waive followed by its reinstatement nets every charge line to zero", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (cents, pick) => {
        const ledger = [["Customer", "Voucher", "DueDate", "Amount"], ...cents.map((c, i) => ["C", `V${i}`, 43800 + i, c / 100])];
        const journal = interestJournalFunction(ledger, 43900, TIERS, null);
        fc.pre(journal.length > 1); // a tiny invoice may charge nothing: then there is nothing to waive
        const charged = journal.slice(1).map((r) => String(r[col("OffsetVoucher")]));
        const chosen = [...new Set(charged.filter((_, i) => pick[i % 6] === true))];
        const waive = chargeCorrectionFunction(journal, "Waive", 43901, "W", chosen.join(","), null);
        const reinstate = chargeCorrectionFunction(journal, "Reinstate", 43902, "R", chosen.join(","), waive);
        const net = new Map<string, number>();
        for (const l of [...unwrap(readCollectionsJournal(waive)), ...unwrap(readCollectionsJournal(reinstate))]) {
          const k = `${l.offsetVoucher}|${l.accountType}|${l.accountRole}`;
          net.set(k, (net.get(k) ?? 0) + l.amountMinor);
        }
        return [...net.values()].every((v) => v === 0) && waive.length === reinstate.length;
      }),
      { numRuns: 60 },
    );
  });

  describe("invalid input", () => {
    const waive = chargeCorrectionFunction(charges, "Waive", 43891, "GOODWILL", null, null);
    it.each([
      [[charges, "Cancel", 43891, "R"], "kind: 'Cancel' is not Waive, Reinstate or Reverse"],
      [[charges, "Waive", 43891, ""], "reason: a correction needs a reason code"],
      [[charges, "Waive", "", "R"], "date: is required"],
      [[charges, "Waive", 43891, "R", "I7"], "vouchers: no charge for transaction 'I7' in these journals"],
      [[charges, "Reverse", 43891, "R", "I1"], /reversal cancels whole notes/],
      [[charges, "Reinstate", 43891, "R"], /is not waived, so it cannot be reinstated/],
      [[charges, "Reverse", 43892, "R", null, waive], /is already waived/],
      [[waive, "Waive", 43892, "R"], /is itself a correction/],
      [[charges.slice(0, 2), "Waive", 43891, "R"], /lacks its ledger line/],
      [[[H, ["J", 1, 43891, "Customer", "C1", "USD", "", "", "", "", 5, 5, "", "", "J", "I1", 5, "USD", "Customer", "1", ""]], "Waive", 43891, "R"], "chargeJournal row 2, Credit: a line has a Debit or a Credit, not both"],
      [[[H.slice(1)], "Waive", 43891, "R"], /JournalId/],
    ])("%# refuses with #VALUE!", (args, message) => {
      const [j, k, d, r, v, p] = args as [unknown[][], unknown, unknown, unknown, unknown[][] | undefined, unknown[][] | undefined];
      expect(() => chargecorrection(j, k, d, r, v, p)).toThrow(message);
    });
  });
});
