import { serialFromYmd } from "../../src/domain/dates";
import { worklistFunction } from "../../src/functions/worklist";
import { twoCustomerLedger } from "../prediction/fixtures";

const AS_OF = serialFromYmd(2024, 11, 20);

/**
 * The prediction fixture as a collector's ledger: Amount is the open amount (0 once settled) and
 * OriginalAmount the invoice's amount. Prompt pays 5 days early, Slow 12 days late; each has two
 * open invoices of 100.00 not yet due on 2024-11-20, so neither has anything overdue.
 */
function ledger(withHistory: boolean): unknown[][] {
  const [header, ...rows] = twoCustomerLedger();
  const closedAt = (header as string[]).indexOf("ClosedDate");
  const amountAt = (header as string[]).indexOf("Amount");
  const open = rows.map((r) => {
    const out = [...r];
    out[amountAt] = r[closedAt] === null ? r[amountAt] : 0;
    return out;
  });
  if (withHistory) return [[...(header as string[]), "OriginalAmount"], ...open.map((r, i) => [...r, rows[i]?.[amountAt]])];
  return [(header as string[]).filter((_, i) => i !== closedAt), ...open.map((r) => r.filter((_, i) => i !== closedAt))];
}

describe("CC.WORKLIST ranked by late-payment prediction", () => {
  it("without a ClosedDate history ranks by age-weighted overdue (a tie here, broken by name)", () => {
    const out = worklistFunction(ledger(false), AS_OF, null, null);
    expect(out.slice(1).map((r) => [r[0], r[1], r[5], r[6]])).toEqual([[1, "Prompt", 200, 0], [2, "Slow", 200, 0]]);
  });

  it("with a ClosedDate history ranks the customer expected to pay late first", () => {
    const out = worklistFunction(ledger(true), AS_OF, null, null);
    expect(out.slice(1).map((r) => [r[0], r[1], r[5], r[6]])).toEqual([[1, "Slow", 200, 0], [2, "Prompt", 200, 0]]);
  });

  it("ranks a ledger of several currencies in AccountingCurrency with the rates argument", () => {
    // Slow's invoices become SEK (0.1 USD per SEK): its 200.00 SEK open is 20.00 USD, Prompt's 200.00 USD stays.
    const full = ledger(true);
    const cust = (full[0] as string[]).indexOf("Customer");
    const mixed = [[...(full[0] as string[]), "Currency"], ...full.slice(1).map((r) => [...r, r[cust] === "Slow" ? "SEK" : "USD"])];
    expect(() => worklistFunction(mixed, AS_OF, null, null)).toThrow(/several currencies together/);
    const out = worklistFunction(mixed, AS_OF, null, [["AccountingCurrency", "usd"]], [["Currency", "Date", "Rate"], ["SEK", AS_OF - 400, 0.1]]);
    expect(out[0]).toEqual(["Rank", "Customer", "Name", "Pool", "Agent", "Balance", "Overdue", "OldestDueDate", "Status", "NextAction"]);
    // Slow is still expected to pay late, but only 20.00 USD is at stake against Prompt's small risk on 200.00 USD.
    expect(out.slice(1).map((r) => [r[1], r[5]])).toEqual(expect.arrayContaining([["Slow", 20], ["Prompt", 200]]));
    expect(() => worklistFunction(mixed, AS_OF, null, [["AccountingCurrency", "usd"]], null)).toThrow(/no exchange rate for SEK/);
    expect(() => worklistFunction(mixed, AS_OF, null, [["AccountingCurrency", "XX1"]], null)).toThrow(/AccountingCurrency 'XX1'/);
  });

  it("falls back to age-weighted overdue when the history is too short to train on", () => {
    const full = ledger(true);
    const closedAt = (full[0] as string[]).indexOf("ClosedDate");
    // Keep only the open invoices and ten settled ones: fewer than the 30 the model needs.
    let settled = 0;
    const short = [full[0] as unknown[], ...full.slice(1).filter((r) => r[closedAt] === null || settled++ < 10)];
    const out = worklistFunction(short, AS_OF, null, null);
    expect(out.slice(1).map((r) => r[1])).toEqual(["Prompt", "Slow"]);
  });

  describe("invalid input", () => {
    it("names the row of a ClosedDate that is not a date", () => {
      const bad = ledger(true);
      const closedAt = (bad[0] as string[]).indexOf("ClosedDate");
      (bad[3] as unknown[])[closedAt] = "soon";
      expect(() => worklistFunction(bad, AS_OF, null, null)).toThrow(/row 4/);
    });
  });
});
