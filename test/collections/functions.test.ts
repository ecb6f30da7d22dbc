import { interestFunction, lettersFunction, writeOffFunction, writeoff } from "../../src/functions/collections";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { postedJournalIds, writeOffJournalTable, WRITEOFF_HEADER } from "../../src/workbook/writeoff";
import { proposeWriteOff } from "../../src/domain/collections";
import { readTransactions } from "../../src/workbook/transactions";
import { unwrap } from "../../src/domain/errors";

const LEDGER: unknown[][] = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Dimension", "PostingProfile", "TaxCode", "TaxAmount"],
  ["C1", "I1", "Invoice", "2024-01-05", "2024-02-04", 125, "USD", "North", "GEN", "STD", 25],
  ["C1", "I2", "Invoice", "2024-01-10", "2024-02-09", 62.5, "USD", "South", "GEN", "STD", 12.5],
  ["C1", "CN1", "CreditNote", "2024-01-20", "2024-01-20", -25, "USD", "North", "GEN", "STD", -5],
  ["C1", "I3", "Invoice", "2024-01-15", "2024-02-14", 110, "EUR", "North", "GEN", "RED", 10],
  ["C2", "I9", "Invoice", "2024-01-15", "2024-02-14", 999, "USD", "", "", "", ""],
];

describe("CC.WRITEOFF", () => {
  it("spills the journal with the contract's header, debits and credits in major units", () => {
    expect(writeOffFunction(LEDGER, "C1", "2024-03-31", "BADDEBT", null)).toEqual([
      [...WRITEOFF_HEADER],
      ["Customer", "C1", "EUR", "North", "GEN", "", "", "", 110, "BADDEBT"],
      ["Ledger", "C1", "EUR", "North", "GEN", "", "", 110, "", "BADDEBT"],
      ["Customer", "C1", "USD", "North", "GEN", "", "", "", 100, "BADDEBT"],
      ["Ledger", "C1", "USD", "North", "GEN", "", "", 100, "", "BADDEBT"],
      ["Customer", "C1", "USD", "South", "GEN", "", "", "", 62.5, "BADDEBT"],
      ["Ledger", "C1", "USD", "South", "GEN", "", "", 62.5, "", "BADDEBT"],
    ]);
  });

  it("takes SeparateSalesTax, Vouchers and WriteOffAccount options", () => {
    const out = writeOffFunction(LEDGER, "C1", 45382, "SMALL", [["SeparateSalesTax", true], ["Vouchers", "I1; CN1"], ["WriteOffAccount", "6800"]]);
    expect(out.slice(1)).toEqual([
      ["Customer", "C1", "USD", "North", "GEN", "", "", "", 100, "SMALL"],
      ["Ledger", "C1", "USD", "North", "GEN", "", "", 80, "", "SMALL"],
      ["SalesTax", "C1", "USD", "North", "GEN", "SalesTax", "STD", 20, "", "SMALL"],
    ]);
  });

  it("turns a missing reason into #VALUE! with a message", () => {
    expect(() => writeoff(LEDGER, "C1", "2024-03-31", "")).toThrow(new FunctionError("reason: a write-off needs a reason code"));
    expect(() => writeoff(LEDGER, "C1", "2024-03-31", "R", [["Vouchers", "NOPE"]])).toThrow("Vouchers: voucher 'NOPE' is not an open item of customer C1");
    expect(() => writeoff(LEDGER, "C1", "2024-03-31", "R", [["Account", "x"]])).toThrow(/'Account' is not an option/);
    expect(() => writeoff([...LEDGER, ["C1", "I4", "Invoice", "x", "", 1, "USD"]], "C1", "2024-03-31", "R")).toThrow("transactions row 7, Date: 'x' is not a date");
  });
});

describe("the Write-off journal sheet", () => {
  it("has JournalId, Line and Date before the CC.WRITEOFF columns, and reads back its journal IDs", () => {
    const p = unwrap(proposeWriteOff(unwrap(readTransactions(LEDGER)), { customer: "C1", dateSerial: 45382, reason: "BADDEBT" }));
    const table = writeOffJournalTable(p.lines);
    expect(table[0]?.slice(0, 13)).toEqual(["JournalId", "Line", "Date", ...WRITEOFF_HEADER]);
    expect(table[1]?.slice(0, 3)).toEqual([p.journalId, 1, 45382]);
    expect(table[2]?.slice(13, 16)).toEqual(["WriteOff", p.journalId, ""]);
    const ids = unwrap(postedJournalIds(table));
    expect([...ids]).toEqual([p.journalId]);
    expect(proposeWriteOff(unwrap(readTransactions(LEDGER)), { customer: "C1", dateSerial: 45382, reason: "BADDEBT", postedJournalIds: ids })).toMatchObject({ ok: false, errors: [{ code: "journal_must_not_be_posted_twice" }] });
    expect(postedJournalIds([["JournalId"], [""], ["X"]])).toMatchObject({ ok: true });
    expect(postedJournalIds([["JournalId", "Line"], ["", 3], ["X", 1]])).toMatchObject({ ok: false, errors: [{ row: 2, column: "JournalId" }] });
    expect(postedJournalIds(null)).toEqual({ ok: true, value: new Set() });
  });
});

const W1: unknown[][] = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
  ["2050", "INV1", "Invoice", "2015-08-15", "2015-09-14", 100, "USD"],
  ["2050", "INV2", "Invoice", "2015-09-01", "2015-10-01", 250, "USD"],
  ["2050", "INV3", "Invoice", "2015-10-15", "2015-11-14", 500, "USD"],
];

describe("CC.INTEREST", () => {
  it("W1: a flat 2% on items at least 30 days old by transaction date is 7.00", () => {
    const code = [["Percent", "MinDays", "Basis"], [2, 30, "transaction"]];
    expect(interestFunction(W1, "2015-10-15", code)).toEqual([["Voucher", "Days", "Rate", "Interest"], ["INV1", 61, 2, 2], ["INV2", 44, 2, 5], ["Total", "", "", 7]]);
    expect(interestFunction(W1, "2015-10-15", [["Percent", 2], ["MinDays", 30], ["Basis", "transaction"]])).toEqual(interestFunction(W1, "2015-10-15", code));
  });

  it("W9: tiers per overdue day, 15.00 + 10.00 = 25.00", () => {
    const ledger = [["Customer", "Voucher", "DueDate", "Amount"], ["C", "I", "2020-01-01", 1000]];
    expect(interestFunction(ledger, "2020-02-15", [["FromMonth", "PercentPerMonth"], [0, 1.5], [1, "2%"]])).toEqual([["Voucher", "Days", "Rate", "Interest"], ["I", 45, 2, 25], ["Total", "", "", 25]]);
  });

  it("refuses a code it cannot read, naming the cell", () => {
    expect(() => interestFunction(W1, "2015-10-15", [["FromMonth", "PercentPerMonth"], ["x", 1]])).toThrow("code row 2, FromMonth: 'x' is not a number");
    expect(() => interestFunction(W1, "2015-10-15", [["Percent", "MinDays"], [2, 30], [3, 60]])).toThrow("a flat code has one row, not 2");
    expect(() => interestFunction(W1, "", [["Percent"], [2]])).toThrow("asOf: is required");
  });
});

describe("CC.LETTERS", () => {
  const seq = [["Code", "Fee", "MinOverdue", "GraceDays", "Block"], ["L1", 5, 50, 10, false], ["L2", 10, 50, 14, "yes"]];

  it("sends letter 1 counting from the due date, then letter 2 counting from letter 1", () => {
    expect(lettersFunction(W1, "2015-10-25", seq, null, null)).toEqual([
      ["Customer", "Currency", "Letter", "Level", "Fee", "OverdueBalance", "Block", "Reason"],
      ["2050", "USD", "L1", 1, 5, 350, false, "oldest item 41 days past due (grace 10)"],
    ]);
    const history = [["Customer", "Code", "Date"], [2050, "L1", "2015-10-20"]];
    expect(lettersFunction(W1, "2015-11-03", seq, history, null)).toHaveLength(1);
    expect(lettersFunction(W1, "2015-11-04", seq, history, null)[1]).toEqual(["2050", "USD", "L2", 2, 10, 350, true, "15 days since letter 1 (grace 14)"]);
  });

  it("nets open payments unless told to ignore them", () => {
    const withPayment = [...W1, ["2050", "PAY", "Payment", "2015-10-20", "2015-10-20", -320, "USD"]];
    expect(lettersFunction(withPayment, "2015-10-25", seq, null, null)).toHaveLength(1);
    expect(lettersFunction(withPayment, "2015-10-25", seq, null, [["IgnorePaymentsAndCreditNotes", true]])[1]?.[5]).toBe(350);
  });

  it("refuses more than five letters and unknown history codes", () => {
    const six = [["Code"], ["A"], ["B"], ["C"], ["D"], ["E"], ["F"]];
    expect(() => lettersFunction(W1, "2015-10-25", six, null, null)).toThrow("at most 5");
    expect(() => lettersFunction(W1, "2015-10-25", seq, [["Customer", "Code", "Date"], ["2050", "L9", "2015-10-01"]], null)).toThrow("history row 2, Code: 'L9' is not a code of the sequence");
  });
});
