import fc from "fast-check";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { match, matchFunction } from "../../src/functions/match";

/** The worked example of the README (CC.MATCH). */
const OPEN_ITEMS = [
  ["Customer", "Voucher", "Invoice", "DueDate", "Amount", "Currency", "PaymentReference"],
  ["SE1", "INV-1001", "1001", "2025-12-01", 12500, "SEK", "10017"],
  ["SE1", "INV-1002", "1002", "2025-12-10", 3500, "SEK", ""],
  ["SE1", "INV-1003", "1003", "2025-12-15", 2400, "SEK", ""],
  ["NO1", "INV-2002", "2002", "2025-12-01", 7500, "NOK", "20028"],
  ["DK1", "INV-3001", "3001", "2025-12-01", 5000, "DKK", "000000000030015"],
];
const STATEMENT = [
  ["LineId", "Date", "Amount", "Currency", "Counterparty", "Account", "Reference", "Text"],
  ["L1", "2025-12-05", 12500, "SEK", "Nordvik Bygg AB", "", "10017", ""],
  ["L2", "2025-12-05", 5900, "SEK", "NORDVIK BYGG", "", "", "Faktura 1002/1003"],
  ["L3", "2025-12-06", 7495, "NOK", "Fjordline AS", "NO83 3000 1234 567", "", ""],
  ["L4", "2025-12-08", 2000, "DKK", "Skovgaard Møbler", "", "+71<000000000030015+87654321<", ""],
  ["L5", "2025-12-08", 999, "DKK", "Ukendt ApS", "", "", "tak"],
  ["L6", "2025-12-09", 300, "SEK", "Nordvik Bygg AB", "", "", "a conto"],
];
const CUSTOMERS = [
  ["Customer", "Name", "BankAccount"],
  ["SE1", "Nordvik Bygg AB", "SE35 5000 0000 0549 1000 0003"],
  ["NO1", "Fjordline Transport AS", "NO83 3000 1234 567; NO11 2222 3333 444"],
  ["DK1", "Skovgaard Møbler ApS", ""],
];
const HEADER = ["LineId", "Customer", "Voucher", "AmountToSettle", "Currency", "Confidence", "Rule"];

describe("CC.MATCH worked examples", () => {
  it("matches by reference, document list, payer account with a bank fee, part-payment, nothing, and on account", () => {
    expect(matchFunction(OPEN_ITEMS, STATEMENT, CUSTOMERS, [["Name", "Value"], ["MaxOverUnder", 10]])).toEqual([
      HEADER,
      ["L1", "SE1", "INV-1001", 12500, "SEK", "High", "Reference + amount"],
      ["L2", "SE1", "INV-1002", 3500, "SEK", "High", "Document number + amount"],
      ["L2", "SE1", "INV-1003", 2400, "SEK", "High", "Document number + amount"],
      ["L3", "NO1", "INV-2002", 7500, "NOK", "High", "Party (account) + amount"],
      ["L4", "DK1", "INV-3001", 2000, "DKK", "Medium", "Reference, amount differs (part-payment)"],
      ["L5", "", "", 0, "DKK", "None", "No reference, document, payer or amount found"],
      ["L6", "SE1", "", 300, "SEK", "Low", "Party (name) only: on account"],
    ]);
  });

  it("without the tolerance the bank-fee line is short: the payer is known, the cash goes on account", () => {
    const rows = matchFunction(OPEN_ITEMS, STATEMENT, CUSTOMERS, null);
    expect(rows.filter((r) => r[0] === "L3")).toEqual([["L3", "NO1", "", 7495, "NOK", "Low", "Party (account) only: on account"]]);
  });

  it("without customers the payer is unknown, but references and document numbers still match", () => {
    const rows = matchFunction(OPEN_ITEMS, STATEMENT, null, null);
    expect(rows.map((r) => [r[0], r[5]])).toEqual([["LineId", "Confidence"], ["L1", "High"], ["L2", "High"], ["L2", "High"], ["L3", "None"], ["L4", "Medium"], ["L5", "None"], ["L6", "None"]]);
  });

  it("an invoice paid by two lines: the second settles only what the first left open", () => {
    const statement = [STATEMENT[0] as unknown[], ["A", "2025-12-05", 10000, "SEK", "", "", "10017", ""], ["B", "2025-12-06", 4000, "SEK", "", "", "10017", ""]];
    expect(matchFunction(OPEN_ITEMS, statement, CUSTOMERS, null).slice(1)).toEqual([
      ["A", "SE1", "INV-1001", 10000, "SEK", "Medium", "Reference, amount differs (part-payment)"],
      ["B", "SE1", "INV-1001", 2500, "SEK", "Medium", "Reference, amount differs (overpayment: the rest on account)"],
      ["B", "SE1", "", 1500, "SEK", "Medium", "Reference, amount differs (overpayment: the rest on account)"],
    ]);
  });
});

describe("CC.MATCH invalid input", () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(FunctionError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };

  it.each([
    ["a statement without Amount", () => match(OPEN_ITEMS, [["LineId", "Date"], ["L1", "2025-12-01"]], undefined, undefined), "statement row 1, Amount: the header row has no Amount column"],
    ["text in the statement's Amount", () => match(OPEN_ITEMS, [["Date", "Amount", "Currency"], ["2025-12-01", "lots", "SEK"]], undefined, undefined), "statement row 2, Amount:"],
    ["an unknown currency", () => match(OPEN_ITEMS, [["Date", "Amount", "Currency"], ["2025-12-01", 1, "XXQ"]], undefined, undefined), "statement row 2, Currency: 'XXQ' is not an ISO 4217"],
    ["a date before 1900-03-01", () => match(OPEN_ITEMS, [["Date", "Amount", "Currency"], [12, 1, "SEK"]], undefined, undefined), "statement row 2, Date:"],
    ["open items without Voucher", () => match([["Customer", "Amount"], ["C", 1]], STATEMENT, undefined, undefined), "openItems row 1, Voucher"],
    ["a customer listed twice", () => match(OPEN_ITEMS, STATEMENT, [["Customer"], ["A"], ["A"]]), "customers row 3, Customer: customer A is also on row 2"],
    ["an unknown option", () => match(OPEN_ITEMS, STATEMENT, undefined, [["Fuzzy", 1]]), "options row 1, Name: 'Fuzzy' is not an option"],
    ["AutoApply None", () => match(OPEN_ITEMS, STATEMENT, undefined, [["AutoApply", "None"]]), "options row 1, Value:"],
    ["a tolerance finer than the statement currency's cents", () => match(OPEN_ITEMS, STATEMENT, undefined, [["MaxOverUnder", 0.005]]), "options row 1, Value:"],
    ["a negative tolerance", () => match(OPEN_ITEMS, STATEMENT, undefined, [["MaxPennyDifference", -1]]), "options row 1, Value:"],
  ])("%s is a named #VALUE!", (_name, f, text) => expect(message(f)).toContain(text));

  it("arbitrary cells give a table or a named error, never another throw, NaN or an internal error", () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constantFrom("SEK", "10017", "2025-12-05", "INV-1001"));
    const range = (header: string[]): fc.Arbitrary<unknown[][]> => fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 6 }).map((rows) => [header, ...rows]);
    fc.assert(fc.property(range(OPEN_ITEMS[0] as string[]), range(STATEMENT[0] as string[]), range(CUSTOMERS[0] as string[]), (items, statement, customers) => {
      try {
        const out = match(items, statement, customers);
        expect(out[0]).toEqual(HEADER);
        for (const row of out) for (const v of row) expect(typeof v === "number" ? Number.isFinite(v) : typeof v === "string").toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(FunctionError);
        expect(String((e as Error).message)).not.toMatch(/internal error|undefined|NaN/);
      }
    }), { numRuns: 300 });
  });
});
