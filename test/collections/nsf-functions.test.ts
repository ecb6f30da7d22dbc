import fc from "fast-check";
import { nsf, nsfFunction, nsfJournalFunction } from "../../src/functions/nsf";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { postSettlement, proposeSettlement } from "../../src/domain/settlement";
import { unwrap } from "../../src/domain/errors";
import type { JournalLine } from "../../src/domain/journal";
import { readTransactions } from "../../src/workbook/transactions";
import { journalTable } from "../../src/workbook/settlement-journal";
import { readCollectionsJournal } from "../../src/workbook/collections-journal";
import { WRITEOFF_JOURNAL_HEADER } from "../../src/workbook/writeoff";
import { NSF_HEADER } from "../../src/workbook/nsf";

const DAY = 45413; // 2024-05-01
const HEAD = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"];

/** Settle payment `voucher` of the range by due date; the ledger range afterwards and the settlement journal range. */
function settled(range: unknown[][], voucher: string, salt = "1"): { ledger: unknown[][]; journal: (string | number)[][]; lines: readonly JournalLine[] } {
  const ledger = unwrap(readTransactions(range));
  const payment = ledger.find((t) => t.voucher === voucher);
  if (payment === undefined) throw new Error("no payment");
  const proposal = unwrap(proposeSettlement({ credit: payment, items: ledger.filter((t) => t.amountMinor > 0 && t.customer === payment.customer), dateSerial: payment.dateSerial ?? DAY, method: { kind: "duedate" } }));
  const posted = unwrap(postSettlement(proposal, { accountingCurrency: "USD", salt }));
  const delta = new Map<string, number>();
  for (const c of posted.changes) delta.set(c.voucher, (delta.get(c.voucher) ?? 0) + c.deltaMinor);
  const amount = HEAD.indexOf("Amount");
  const out = range.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === amount ? Math.round((Number(v) * 100 + (delta.get(String(r[1])) ?? 0))) / 100 : v))));
  return { ledger: out, journal: journalTable(posted.journal.lines), lines: posted.journal.lines };
}

const BEFORE: unknown[][] = [
  HEAD,
  ["C", "I1", "Invoice", DAY - 60, DAY - 30, 100, "USD"],
  ["C", "I2", "Invoice", DAY - 40, DAY - 10, 250, "USD"],
  ["C", "P1", "Payment", DAY, "", -300, "USD"],
  ["D", "I9", "Invoice", DAY - 40, DAY - 10, 70, "USD"],
];

describe("CC.NSF", () => {
  const { ledger, journal } = settled(BEFORE, "P1");

  it("reopens each invoice by what the payment had settled on it, lists the payment, then the fee", () => {
    // The payment of 300.00 closed I1 (100.00) and 200.00 of I2; its open amount was 0 and stays 0.
    const out = nsfFunction(ledger, journal, "C", "P1", DAY + 3, "NSF", [["FeeAmount", 25]]);
    expect(out[0]).toEqual([...NSF_HEADER]);
    expect(out.slice(1, 4)).toEqual([
      ["I1", "Invoice", 100, 100, "USD"],
      ["I2", "Invoice", 200, 250, "USD"],
      ["P1", "Payment", 0, 0, "USD"],
    ]);
    expect(out[4]?.slice(1)).toEqual(["Fee", 25, 25, "USD"]);
    expect(String(out[4]?.[0])).toMatch(/^FEE/);
  });

  it("charges FeePct of the whole payment (1.5 % of 300.00 = 4.50) and no fee without options", () => {
    expect(nsfFunction(ledger, journal, "C", "P1", DAY + 3, "NSF", [["FeePct", 1.5]])[4]?.slice(1)).toEqual(["Fee", 4.5, 4.5, "USD"]);
    expect(nsfFunction(ledger, journal, "C", "P1", DAY + 3, "NSF", null)).toHaveLength(4);
  });

  it("cancels an unsettled payment: its open amount goes to zero", () => {
    expect(nsfFunction(BEFORE, null, "C", "P1", DAY + 3, "NSF", null).slice(1)).toEqual([["P1", "Payment", 300, 0, "USD"]]);
  });

  it("CC.NSFJOURNAL spills the unapply, cancellation and fee journals in the Write-off journal's columns", () => {
    const out = nsfJournalFunction(ledger, journal, "C", "P1", DAY + 3, "NSF", [["FeeAmount", 25]]);
    expect(out[0]).toEqual([...WRITEOFF_JOURNAL_HEADER]);
    const lines = unwrap(readCollectionsJournal(out));
    const roles = lines.map((l) => [l.journalId.slice(0, 3), l.voucher === "P1" || l.offsetVoucher === "P1" ? "P1" : l.voucher, l.accountRole, l.amountMinor]);
    expect(roles.filter((r) => r[0] !== "UNA")).toEqual([
      ["NSF", "P1", "Customer", 30000],
      ["NSF", "P1", "Bank", -30000],
      ["FEE", "P1", "Customer", 2500],
      ["FEE", "P1", "NsfFee", -2500],
    ]);
    const unapply = lines.filter((l) => l.journalId.startsWith("UNA"));
    expect(unapply.length).toBeGreaterThan(0);
    expect(unapply.every((l) => l.correctsJournalId === String(journal[1]?.[0]))).toBe(true);
    expect(unapply.reduce((a, l) => a + l.accountingMinor, 0)).toBe(0);
  });

  it("reads an earlier NSF's unapply lines from [nsfJournal]: the payment's settlement is not unapplied twice", () => {
    const first = nsfJournalFunction(ledger, journal, "C", "P1", DAY + 3, "NSF", null);
    // The ledger after the first NSF: I1 and I2 open again, P1 closed (reopened 300.00, cancelled 300.00).
    const after = [HEAD, ["C", "I1", "Invoice", DAY - 60, DAY - 30, 100, "USD"], ["C", "I2", "Invoice", DAY - 40, DAY - 10, 250, "USD"], ["C", "P1", "Payment", DAY, "", 0, "USD"], BEFORE[4] as unknown[]];
    expect(() => nsfFunction(after, journal, "C", "P1", DAY + 9, "NSF", null, first)).toThrow(/nothing left to cancel/);
    // Without the NSF journal the history looks live and the settlement would be unapplied a second time.
    expect(nsfFunction(after, journal, "C", "P1", DAY + 9, "NSF", null).slice(1, 3)).toEqual([["I1", "Invoice", 100, 200, "USD"], ["I2", "Invoice", 200, 450, "USD"]]);
  });

  it("property: NSF then re-settling with a good payment of the same amount restores the open amounts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 300_000 }), (cents, paid) => {
        const range: unknown[][] = [HEAD, ...cents.map((c, i) => ["C", `I${i}`, "Invoice", DAY - 50 + i, DAY - 20 + i, c / 100, "USD"]), ["C", "P1", "Payment", DAY, "", -paid / 100, "USD"]];
        const first = settled(range, "P1", "1");
        const changes = nsfFunction(first.ledger, first.journal, "C", "P1", DAY + 1, "NSF", null);
        const balance = new Map(changes.slice(1).map((r) => [String(r[0]), Number(r[3])]));
        const afterNsf = first.ledger.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 5 && balance.has(String(r[1])) ? balance.get(String(r[1])) : v))));
        // Every invoice is back to its amount before the payment.
        if (!range.slice(1, -1).every((r, i) => afterNsf[i + 1]?.[5] === r[5])) return false;
        const again = settled([...afterNsf, ["C", "P2", "Payment", DAY, "", -paid / 100, "USD"]], "P2", "2");
        return range.slice(1, -1).every((_, i) => again.ledger[i + 1]?.[5] === first.ledger[i + 1]?.[5]);
      }),
      { numRuns: 40 },
    );
  });

  describe("invalid input", () => {
    it.each([
      [[ledger, journal, "C", "P9", DAY, "NSF"], "payment: customer C has no transaction 'P9'"],
      [[ledger, journal, "C", "I1", DAY, "NSF"], "transactions row 2, Type: 'I1' is a Invoice, not a payment"],
      [[ledger, journal, "C", "P1", DAY, ""], "reason: an NSF needs a reason code"],
      [[ledger, journal, "C", "P1", "", "NSF"], "date: is required"],
      [[ledger, journal, "C", "P1", DAY, "NSF", [["FeeAmount", 1], ["FeePct", 2]]], "options, FeePct: give FeeAmount or FeePct, not both"],
      [[ledger, journal, "C", "P1", DAY, "NSF", [["FeeAmount", 1.234]]], /FeeAmount: /],
      [[ledger, journal, "C", "P1", DAY, "NSF", [["FeePct", 101]]], /FeePct 101 is above 100/],
      [[ledger, journal, "C", "P1", DAY, "NSF", [["FeeAmount", "x"]]], /'x' is not a valid value for FeeAmount/],
      [[ledger, [["JournalId"], ["J"]], "C", "P1", DAY, "NSF"], /settlementJournal/],
      [[[HEAD.slice(0, 2)], journal, "C", "P1", DAY, "NSF"], /Amount/],
    ])("%# refuses with #VALUE!", (args, message) => {
      const [t, j, c, p, d, r, o] = args as [unknown[][], unknown[][], unknown, unknown, unknown, unknown, unknown[][] | undefined];
      expect(() => nsf(t, j, c, p, d, r, o)).toThrow(FunctionError);
      expect(() => nsf(t, j, c, p, d, r, o)).toThrow(message);
    });
  });
});
