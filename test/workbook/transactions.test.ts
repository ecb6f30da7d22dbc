import { describeErrors } from "../../src/domain/errors";
import { readExchangeRates, readTransactions } from "../../src/workbook/transactions";
import { normalizeHeader } from "../../src/workbook/table";

describe("readTransactions", () => {
  it("matches headers regardless of case, spaces, underscores and dots, in any order", () => {
    const r = readTransactions([
      ["due_date", "AMOUNT", "cust.", "Extra note", "Currency"],
      [42302, 12.5, 2050, "keep me", "usd"],
    ].map((row) => row.map((c) => (c === "cust." ? "Customer" : c))));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value[0]).toMatchObject({ customer: "2050", dueSerial: 42302, amountMinor: 1250, currency: "USD", type: "Invoice", row: 2 });
  });

  it.each([
    ["Kund", "Belopp", "Förfallodatum", "Valuta"],
    ["Kunde", "Beløb", "Forfaldsdato", "Valuta"],
    ["Kunde", "Beløp", "Forfallsdato", "Valuta"],
  ])("reads a Nordic export with %s, %s, %s, %s", (c, a, d, v) => {
    const r = readTransactions([
      [c, a, d, v],
      ["K1", "100.00", "2015-10-01", "SEK"],
    ]);
    expect(r.ok && r.value[0]).toMatchObject({ customer: "K1", amountMinor: 10000, dueSerial: 42278, currency: "SEK" });
  });

  it("folds Nordic letters in headers", () => {
    expect(normalizeHeader("Förfallo datum")).toBe("forfallodatum");
    expect(normalizeHeader("Beløb")).toBe("belob");
  });

  it("treats null and empty strings as blank and infers the type from the sign", () => {
    const r = readTransactions([
      ["Customer", "Amount", "DueDate", "Type"],
      ["A", -10, 42302, null],
      ["A", 10, 42302, ""],
    ]);
    expect(r.ok && r.value.map((t) => t.type)).toEqual(["Payment", "Invoice"]);
  });

  it("marks Disputed = Yes rows as disputed", () => {
    const r = readTransactions([
      ["Customer", "Amount", "Disputed"],
      ["A", 10, "Yes"],
      ["A", 10, "No"],
    ]);
    expect(r.ok && r.value.map((t) => t.status)).toEqual(["Disputed", "None"]);
  });

  it("ignores trailing blank rows of an oversized selection", () => {
    const r = readTransactions([["Customer", "Amount"], ["A", 1], [null, null], ["", ""]]);
    expect(r.ok && r.value).toHaveLength(1);
  });

  describe("invalid input", () => {
    it("names the row and column of a text amount", () => {
      const r = readTransactions([
        ["Customer", "Amount"],
        ["A", 1],
        ["A", 2],
        ["A", 3],
        ["A", 4],
        ["A", 5],
        ["A", "abc"],
      ]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(describeErrors(r.errors)).toBe("transactions row 7, Amount: 'abc' is not a number");
    });

    it("refuses a blank customer", () => {
      const r = readTransactions([["Customer", "Amount"], ["", 5]]);
      expect(!r.ok && describeErrors(r.errors)).toBe("transactions row 2, Customer: is blank");
    });

    it("refuses dates before 1900-03-01", () => {
      const r = readTransactions([["Customer", "Amount", "DueDate"], ["A", 5, 59]]);
      expect(!r.ok && describeErrors(r.errors)).toMatch(/row 2, DueDate: 59 is before 1900-03-01/);
    });

    it("refuses a currency whose precision is unknown", () => {
      const r = readTransactions([["Customer", "Amount", "Currency"], ["A", 5, "XYZ"]]);
      expect(!r.ok && describeErrors(r.errors)).toMatch(/row 2, Currency: 'XYZ' is not an ISO 4217 currency code/);
    });

    it("refuses amounts with more decimals than the currency has", () => {
      const r = readTransactions([["Customer", "Amount", "Currency"], ["A", 5.5, "JPY"]]);
      expect(!r.ok && describeErrors(r.errors)).toMatch(/row 2, Amount: 5.5 has more than 0 decimals.*ROUND/);
    });

    it("says which required column is missing", () => {
      const r = readTransactions([["Customer", "Value"], ["A", 5]]);
      expect(!r.ok && describeErrors(r.errors)).toMatch(/has no Amount column/);
    });

    it("refuses two headers for the same column", () => {
      const r = readTransactions([["Customer", "Kund", "Amount"], ["A", "B", 5]]);
      expect(!r.ok && r.errors[0]?.code).toBe("column_must_appear_once");
    });

    it("refuses something that is not a range", () => {
      expect(readTransactions("A1:B2").ok).toBe(false);
      expect(readTransactions([]).ok).toBe(false);
    });

    it("counts the rest of the errors", () => {
      const r = readTransactions([["Customer", "Amount"], ["A", "x"], ["B", "y"], ["C", "z"]]);
      expect(!r.ok && describeErrors(r.errors)).toBe("transactions row 2, Amount: 'x' is not a number (and 2 more errors)");
    });

    it("reads a full sheet of 1,048,575 data rows", () => {
      const rows: unknown[][] = [["Customer", "Amount", "DueDate", "Currency"]];
      for (let i = 0; i < 1048575; i++) rows.push([`C${i % 1000}`, (i % 997) / 100, 42000 + (i % 400), "EUR"]);
      const r = readTransactions(rows);
      expect(r.ok && r.value.length).toBe(1048575);
      if (r.ok) expect(r.value[1048574]).toMatchObject({ row: 1048576 });
    });
  });
});

describe("readExchangeRates", () => {
  it("reads currency, date and rate", () => {
    const r = readExchangeRates([["Currency", "Date", "Rate"], ["eur", "2015-01-01", 1.123]]);
    expect(r.ok && r.value).toEqual([{ currency: "EUR", dateSerial: 42005, rate: "1.123", row: 2 }]);
  });

  it("refuses zero, negative and text rates", () => {
    for (const bad of [0, -1, "abc"]) {
      const r = readExchangeRates([["Currency", "Date", "Rate"], ["EUR", 42005, bad]]);
      expect(!r.ok && r.errors[0]?.column).toBe("Rate");
    }
  });
});
