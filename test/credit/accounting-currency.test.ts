/**
 * The accounting currency of a credit book when nobody names it (decision 23): CC.CREDITCHECK takes
 * the checked customer's limit currency; the credit review (task pane, `cc creditcheck`) takes the
 * one the customers' limit currencies imply (their only one, or the only one without a rate), else
 * their main one. The rule is the domain's (`creditAccountingCurrency`); the adapters pass blanks on.
 */
import { creditAccountingCurrency } from "../../src/domain/credit/book";
import { serialFromYmd } from "../../src/domain/dates";
import { unwrap } from "../../src/domain/errors";
import { accountingCurrencyOf, impliedAccountingCurrency } from "../../src/domain/rates";
import { creditCheckFunction } from "../../src/functions/credit";
import { creditReview } from "../../src/workbook/credit-review";
import { customer } from "./fixtures";

const AS_OF = serialFromYmd(2024, 6, 30);

describe("the accounting currency a ledger implies", () => {
  it.each([
    ["one currency, in any case", [["sek"], ["SEK"]], [], "SEK"],
    ["several, one without a rate", [["SEK"], ["EUR"], ["NOK"]], ["EUR", "NOK"], "SEK"],
    ["several, two without a rate", [["SEK"], ["EUR"], ["NOK"]], ["EUR"], undefined],
    ["several, every one rated", [["SEK"], ["EUR"]], ["SEK", "EUR"], undefined],
    ["an empty ledger", [], [], undefined],
  ])("%s", (_name, items, rated, expected) => {
    const rows = (items as string[][]).map(([currency]) => ({ currency: currency as string }));
    expect(impliedAccountingCurrency(rows, (rated as string[]).map((currency) => ({ currency })))).toBe(expected);
  });

  it("a typed currency wins; a ledger that implies none falls back to its main currency", () => {
    const rows = [{ currency: "EUR" }, { currency: "SEK" }, { currency: "EUR" }];
    expect(accountingCurrencyOf(" nok ", rows)).toBe("NOK");
    expect(accountingCurrencyOf("", rows)).toBe("EUR");
    expect(accountingCurrencyOf("", rows, [{ currency: "EUR" }])).toBe("SEK");
    expect(accountingCurrencyOf("", [])).toBe("");
  });
});

describe("the credit book's accounting currency", () => {
  const eur = customer({ customer: "E", currency: "EUR", row: 2 });
  const sek = customer({ customer: "S", currency: "SEK", row: 3 });

  it("is the one given, else the checked customer's, else the one the limits imply", () => {
    expect(creditAccountingCurrency({ customers: [eur, sek], accountingCurrency: "usd" })).toBe("USD");
    expect(creditAccountingCurrency({ customers: [eur, sek], accountingCurrency: "  ", focusCustomer: "S" })).toBe("SEK");
    expect(creditAccountingCurrency({ customers: [eur, sek], rates: [{ currency: "EUR" }] })).toBe("SEK");
    // Not the first customer's currency: EUR is rated, so it cannot be the currency rates are quoted in.
    expect(creditAccountingCurrency({ customers: [eur, sek, eur], rates: [{ currency: "EUR" }] })).toBe("SEK");
    expect(creditAccountingCurrency({ customers: [eur, sek, eur] })).toBe("EUR");
  });

  // E (EUR) is listed first; S (SEK, limit 2,000.00) owes an EUR invoice of 100.00; rates are SEK per EUR.
  const customers = [["Customer", "CreditLimit", "Currency"], ["E", 1000, "EUR"], ["S", 2000, "SEK"]];
  const transactions = [["Customer", "Voucher", "Amount", "DueDate", "Currency"], ["S", "INV1", 100, "2024-07-15", "EUR"]];
  const rates = [["Currency", "Date", "Rate"], ["EUR", "2024-01-01", 11.5]];
  const orders = [["Order", "Customer", "Amount", "Currency"], ["SO1", "S", 500, "SEK"]];

  it("the review values S's EUR invoice in SEK at 11.5 without anyone naming SEK", () => {
    const review = unwrap(creditReview({ customers, transactions, orders, rates }, { asOfSerial: AS_OF }));
    // Exposure: the invoice, 100.00 EUR x 11.5 = 1,150.00 SEK, plus the order's 500.00; available 350.00.
    expect(review.table[1]).toEqual(["SO1", "S", 500, "SEK", "OK", "", 2000, 1650, 350, "SEK"]);
  });

  it("CC.CREDITCHECK values it the same way, taking the checked customer's currency", () => {
    const out = creditCheckFunction({ customer: "S", orderAmount: 500, customers, transactions, asOf: "2024-06-30", rates });
    expect(out[1]?.[0]).toBe("OK");
  });

  describe("invalid input", () => {
    it("a currency the rates do not give is a named error, not a 1:1 guess", () => {
      const r = creditReview({ customers, transactions, orders, rates: [["Currency", "Date", "Rate"], ["NOK", "2024-01-01", 1.02]] }, { asOfSerial: AS_OF });
      expect(r.ok).toBe(false);
      expect(r.ok ? [] : r.errors.map((e) => e.code)).toContain("exchange_rate_must_exist");
    });
    it("CC.CREDITCHECK with an accounting currency the rates are not quoted in is #VALUE! naming the rate", () => {
      expect(() => creditCheckFunction({ customer: "S", orderAmount: 500, customers, transactions, asOf: "2024-06-30", rates, options: [["AccountingCurrency", "NOK"]] })).toThrow(/rate/i);
    });
  });
});
