/**
 * The accounting currency a screen uses when the user leaves the field blank: the ledger's main
 * currency (the one most of its rows are in), as the settlement wizard does, never a fixed "USD".
 */
import { Workbook } from "../../preview/workbook";
import { ledgerCurrency } from "../../src/domain/rates";
import { loadWorkspace } from "../../src/taskpane/collections/workspace";
import { createGateway } from "../../src/taskpane/office/gateway";
import { W1 } from "./_lib/ledger";

function book(ledger: unknown[][]): Workbook {
  const b = new Workbook();
  b.seed("Ledger", ledger as never, "Transactions");
  b.seed("Customers", [["Customer", "Name"], ["2050", "Alpha Trading"], ["=1+1", "Formula Ltd"]], "Customers");
  return b;
}

const SEK = W1.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 6 && v === "USD" ? "SEK" : v))));

describe("the accounting currency left blank", () => {
  it("is the ledger's main currency in the collections workspace: USD for W1, SEK for its Swedish twin", async () => {
    const usd = await loadWorkspace(createGateway(book(W1).run), { asOfSerial: 42310, accountingCurrency: "" });
    expect(usd.ok && usd.value.accountingCurrency).toBe("USD");
    const sek = await loadWorkspace(createGateway(book(SEK).run), { asOfSerial: 42310, accountingCurrency: " " });
    expect(sek.ok && sek.value.accountingCurrency).toBe("SEK");
  });

  it("a typed currency wins, read in capitals", async () => {
    const eur = await loadWorkspace(createGateway(book(W1).run), { asOfSerial: 42310, accountingCurrency: "eur" });
    expect(!eur.ok || eur.value.accountingCurrency).toBe("EUR");
  });

  describe("invalid input", () => {
    it("a ledger without currencies has no main currency", () => {
      expect(ledgerCurrency([{ currency: "" }, { currency: " " }])).toBeUndefined();
      expect(ledgerCurrency([{ currency: "sek" }, { currency: "USD" }, { currency: "SEK" }])).toBe("SEK");
    });
  });
});
