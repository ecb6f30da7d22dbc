import fc from "fast-check";
import sample from "../../samples/sample-ledger.json";
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import { Workbook } from "../../preview/workbook";
import { defaultDefinition } from "../../src/domain/aging/periods";
import { ageTransactions } from "../../src/domain/aging/snapshot";
import { serialFromYmd } from "../../src/domain/dates";
import type { Transaction } from "../../src/domain/types";
import { type AgingForm, buildAgingSheet, parseBounds } from "../../src/taskpane/aging/build-aging";
import { chartData } from "../../src/taskpane/aging/chart-data";
import { readCustomerInfo } from "../../src/taskpane/aging/customer-info";
import { createGateway } from "../../src/taskpane/office/gateway";

const AS_OF = serialFromYmd(2025, 12, 31);
const form: AgingForm = { transactions: "Transactions", customers: "Customers", asOfSerial: AS_OF, basis: "due", bounds: "30, 60, 90, 120", customerGroup: "", agent: "", includeZeroBalance: false };

describe("the aging workbook action", () => {
  it("ages the sample ledger into a sheet whose balances equal the ledger's open amounts", async () => {
    const book = seedWorkbook(sample as unknown as SampleJson);
    const r = await buildAgingSheet(createGateway(book.run), form);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const s = book.sheet(r.value.sheet);
    if (s === undefined) throw new Error("no sheet");
    const values = book.usedValues(s);
    const totals = values.filter((row) => row[0] === "Total");
    const tx = (sample as unknown as { Transactions: (string | number | null)[][] }).Transactions;
    const h = tx[0] ?? [];
    const [cur, amt, date] = ["Currency", "Amount", "Date"].map((k) => h.indexOf(k)) as [number, number, number];
    const open = new Map<string, number>();
    for (const row of tx.slice(1)) {
      if (String(row[date]) > "2025-12-31") continue;
      open.set(String(row[cur]), (open.get(String(row[cur])) ?? 0) + Math.round(Number(row[amt]) * 100));
    }
    expect(new Map(totals.map((t) => [String(t[1]), Math.round(Number(t[2]) * 100)]))).toEqual(open);
    expect(s.charts).toHaveLength(1);
  });

  it("filters by agent through the Customers table", async () => {
    const book = seedWorkbook(sample as unknown as SampleJson);
    const all = await buildAgingSheet(createGateway(book.run), form);
    const dana = await buildAgingSheet(createGateway(book.run), { ...form, agent: "Dana" });
    if (!all.ok || !dana.ok) throw new Error("failed");
    const rows = (name: string) => book.usedValues(book.sheet(name) as never).filter((r) => /^C\d+$/.test(String(r[0])) && r[2] !== "");
    const customers = (sample as unknown as { Customers: unknown[][] }).Customers;
    const danas = new Set(customers.filter((c) => c[19] === "Dana").map((c) => c[0]));
    const danaRows = rows(dana.value.sheet).slice(0, 50);
    expect(danaRows.length).toBeGreaterThan(0);
    expect(danaRows.every((r) => danas.has(r[0] as string))).toBe(true);
    expect(dana.value.sheet).toBe("Aging 2025-12-31 (2)");
  });

  it.each([
    ["", undefined],
    ["30, 60,90", [30, 60, 90]],
    ["30;60 90", [30, 60, 90]],
  ])("parses the period bounds %j", (text, want) => {
    const r = parseBounds(text);
    expect(r.ok && r.value).toEqual(want);
  });

  describe("invalid input", () => {
    it.each(["30, x", "0", "-5", "1.5", "1e2", "0x1E", "30.0", "+30"])("refuses the bounds %j", (text) => {
      expect(parseBounds(text).ok).toBe(false);
    });
    it("refuses bounds that do not increase, before reading anything", async () => {
      const book = new Workbook();
      const r = await buildAgingSheet(createGateway(book.run), { ...form, bounds: "60, 30" });
      expect(!r.ok && r.errors[0]?.code).toBe("period_bounds_must_increase");
    });
    it("refuses a missing as-of date", async () => {
      const r = await buildAgingSheet(createGateway(new Workbook().run), { ...form, asOfSerial: undefined });
      expect(!r.ok && r.errors[0]?.code).toBe("asof_must_be_a_date");
    });
    it("names the missing Transactions table and writes nothing", async () => {
      const book = new Workbook();
      const r = await buildAgingSheet(createGateway(book.run), form);
      expect(!r.ok && r.errors[0]).toMatchObject({ code: "table_must_exist", table: "Transactions" });
      expect(book.sheets).toHaveLength(0);
    });
    it("reports a bad customer limit with its row", () => {
      const r = readCustomerInfo([["Customer", "Currency", "CreditLimit"], ["A", "USD", "lots"]]);
      expect(!r.ok && r.errors[0]).toMatchObject({ table: "customers", row: 2, column: "CreditLimit" });
    });
  });
});

describe("the aging workbook's cash-in forecast", () => {
  const d = serialFromYmd;
  /** 40 settled invoices (A pays 5 days late, B 2 days early) and three open ones. */
  function ledgerWithHistory(settled: number): (string | number)[][] {
    const rows: (string | number)[][] = [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "ClosedDate"]];
    for (let i = 0; i < settled; i++) {
      const customer = i % 2 === 0 ? "A" : "B";
      const date = d(2025, 1, 1) + i * 7;
      rows.push([customer, `S-${i}`, "Invoice", date, date + 30, 100 + i, "USD", date + 30 + (customer === "A" ? 5 : -2)]);
    }
    rows.push(["A", "O-1", "Invoice", d(2025, 12, 1), d(2025, 12, 31), 1000.5, "USD", ""]);
    rows.push(["B", "O-2", "Invoice", d(2025, 12, 10), d(2026, 1, 9), 250.25, "USD", ""]);
    rows.push(["B", "O-3", "Invoice", d(2025, 12, 15), d(2026, 1, 14), 7000, "SEK", ""]);
    return rows;
  }

  it("adds the predicted pay dates and the weekly forecast, whose weeks sum to the open amounts, with a clustered chart and a frozen header", async () => {
    const book = new Workbook();
    book.seed("Ledger", ledgerWithHistory(40), "Transactions");
    const r = await buildAgingSheet(createGateway(book.run), { ...form, forecast: true });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.tables).toEqual(["Aging", "AgingHeader", "AgingDetail", "AgingPredictions", "CashInForecast"]);
    expect(r.value.forecastInvoices).toBe(3);
    const s = book.sheet(r.value.sheet);
    if (s === undefined) throw new Error("no sheet");
    expect(s.frozenRows).toBe(1);
    expect(s.charts.map((c) => c.type)).toEqual(["ColumnStacked", "ColumnClustered"]);
    const values = book.usedValues(s);
    const header = values.findIndex((row) => row[0] === "Week");
    expect(values[header]?.slice(0, 4)).toEqual(["Week", "SEK", "USD", "WeekStart"]);
    const weeks = values.slice(header + 1).filter((row) => /^\d{4}-W\d{2}$/.test(String(row[0])));
    expect(weeks.length).toBeGreaterThan(0);
    expect(Math.round(weeks.reduce((t, row) => t + Number(row[1]), 0) * 100)).toBe(700000);
    expect(Math.round(weeks.reduce((t, row) => t + Number(row[2]), 0) * 100)).toBe(125075);
    const predicted = values.findIndex((row) => row[0] === "Customer" && row[9] === "PredictedPayDate");
    expect(values.slice(predicted + 1, predicted + 4).map((row) => row[1]).sort()).toEqual(["O-1", "O-2", "O-3"]);
  });

  describe("invalid input", () => {
    it("writes the aging without a forecast and says why when the history is too short", async () => {
      const book = new Workbook();
      book.seed("Ledger", ledgerWithHistory(5), "Transactions");
      const r = await buildAgingSheet(createGateway(book.run), { ...form, forecast: true });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.value.tables).toEqual(["Aging", "AgingHeader", "AgingDetail"]);
      expect(r.value.forecastSkipped).toContain("needs at least 30 invoices settled");
    });

    it("says the ledger has no settlement dates when there is no ClosedDate column (the sample)", async () => {
      const book = seedWorkbook(sample as unknown as SampleJson);
      const r = await buildAgingSheet(createGateway(book.run), { ...form, forecast: true });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.value.forecastSkipped).toContain("no ClosedDate column");
    });
  });
});

describe("the aging chart's data", () => {
  const tx = (customer: string, amountMinor: number, dueSerial: number, currency = "USD", row = 2): Transaction => ({ customer, voucher: `${customer}-${row}`, type: "Invoice", dueSerial, amountMinor, currency, status: "None", row });

  it("stacks the largest customers of the main currency and sums the rest", () => {
    const snapshot = ageTransactions([tx("A", 50000, 42290), tx("B", 30000, 42200), tx("C", 100, 42302), tx("D", 99, 42302), tx("E", 1, 42100, "EUR")], { asOfSerial: 42302, definition: defaultDefinition() });
    const d = chartData(snapshot, 2);
    expect(d?.currency).toBe("USD");
    expect(d?.rows[0]).toEqual(["Period", "A", "B", "Other customers"]);
    expect(d?.rows[1]).toEqual(["Not due", 0, 0, 1.99]);
  });

  it("every period's stack sums to the currency's total for that period", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ c: fc.constantFrom("A", "B", "C", "D", "E", "F", "G", "H"), a: fc.integer({ min: -100000, max: 100000 }), d: fc.integer({ min: 41900, max: 42400 }) }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (items, top) => {
        const snapshot = ageTransactions(items.map((x, i) => tx(x.c, x.a, x.d, "USD", i + 2)), { asOfSerial: 42302, definition: defaultDefinition() });
        const d = chartData(snapshot, top);
        if (d === undefined) return snapshot.rows.length === 0;
        const total = snapshot.totals.find((t) => t.currency === "USD");
        return d.rows.slice(1).every((r, p) => Math.round((r.slice(1) as number[]).reduce((a, v) => a + v * 100, 0)) === (total?.periodsMinor[p] ?? 0));
      }),
    );
  });
});

describe("the preview's seed", () => {
  it("turns ISO dates into date serials and keeps text as text", () => {
    const book = seedWorkbook({ T: [["Customer", "Date", "Amount"], ["=1+1", "2025-12-31", 5]] });
    const s = book.sheet("T");
    if (s === undefined) throw new Error("no sheet");
    expect(book.cell(s, 1, 1)).toEqual({ value: AS_OF, format: "yyyy-mm-dd" });
    expect(book.cell(s, 1, 0)).toEqual({ value: "=1+1", format: "@" });
    expect(book.table("T")).toMatchObject({ rowCount: 2, columnCount: 3 });
  });
});
