import type { JournalLine } from "../../src/domain/journal";
import { ledgerCurrency } from "../../src/domain/rates";
import { repostSalt, unappliableSettlements } from "../../src/domain/settlement/history";

const line = (journalId: string, voucher: string, extra: Partial<JournalLine> = {}): JournalLine => ({
  journalId, lineNumber: 1, dateSerial: 42302, customer: "2050", voucher, offsetVoucher: "", amountMinor: 1, currency: "USD", accountingMinor: 1,
  accountingCurrency: "USD", accountType: "Customer", accountRole: "Customer", reason: "", linkId: "L", ...extra,
});

describe("the settlement history's policy", () => {
  const history = [line("SET-1", "INV-1"), line("SET-1", "PAY-1"), line("SET-1", "INV-1"), line("SET-2", "INV-2"), line("SET-2", "X", { accountType: "Ledger" }), line("SET-3", "INV-3", { customer: "3000" }), line("UNA-1", "INV-2", { correctsJournalId: "SET-2" })];

  it("lists settlements not yet reversed, latest first, each voucher once, customer lines only", () => {
    expect(unappliableSettlements(history)).toEqual([
      { journalId: "SET-3", customer: "3000", dateSerial: 42302, vouchers: ["INV-3"] },
      { journalId: "SET-1", customer: "2050", dateSerial: 42302, vouchers: ["INV-1", "PAY-1"] },
    ]);
    expect(unappliableSettlements(history, "3000").map((s) => s.journalId)).toEqual(["SET-3"]);
  });

  it.each([
    [[], "0"],
    [[line("SET-1", "A")], "0"],
    [[line("SET-1", "A"), line("UNA-1", "A", { correctsJournalId: "SET-1" }), line("UNA-1", "B", { correctsJournalId: "SET-1" })], "1"],
    [[line("UNA-1", "A", { correctsJournalId: "SET-1" }), line("UNA-2", "A", { correctsJournalId: "SET-4" })], "2"],
  ])("the repost salt counts correcting journals: %#", (h, salt) => {
    expect(repostSalt(h as JournalLine[])).toBe(salt);
  });

  it.each([
    [["SEK", "EUR", "SEK"], "SEK"],
    [["eur ", "SEK"], "EUR"],
    [["DKK", "NOK", "NOK", "DKK"], "DKK"],
  ])("the ledger's currency of %j is %s (most used, first on a tie)", (currencies, want) => {
    expect(ledgerCurrency(currencies.map((currency) => ({ currency })))).toBe(want);
  });

  describe("invalid input", () => {
    it("an empty ledger or blank currencies have no currency; an empty history nothing to unapply", () => {
      expect(ledgerCurrency([])).toBeUndefined();
      expect(ledgerCurrency([{ currency: " " }])).toBeUndefined();
      expect(unappliableSettlements([])).toEqual([]);
      expect(unappliableSettlements(history, "nobody")).toEqual([]);
    });
  });
});
