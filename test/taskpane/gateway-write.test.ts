import { ageTransactions } from "../../src/domain/aging/snapshot";
import { defaultDefinition } from "../../src/domain/aging/periods";
import { Workbook } from "../../preview/workbook";
import { createGateway } from "../../src/taskpane/office/gateway";
import type { OutputTable } from "../../src/taskpane/office/formats";
import { CancelledError } from "../../src/taskpane/office/task";
import { uniqueName, uniqueTableName } from "../../src/taskpane/office/write-table";
import { readTransactions } from "../../src/workbook/transactions";
import { bookWithLedger, W1 } from "./_lib/ledger";

const table: OutputTable = {
  columns: [
    { header: "Customer", kind: "text" },
    { header: "Date", kind: "date" },
    { header: "Amount", kind: "money" },
    { header: "Currency", kind: "text" },
  ],
  rows: [
    ["=1+1", 42231, 100.5, "USD"],
    ["@SUM(A1)", 42232, 1500, "JPY"],
    ["+A1", 42233, 1.234, "KWD"],
  ],
  exponents: [2, 0, 3],
};

describe("writing output tables", () => {
  it("writes ledger text as text, never as a formula", async () => {
    const book = new Workbook();
    const r = await createGateway(book.run).writeNewSheet("Out", "Out", table);
    const s = book.sheet(r.sheet);
    if (s === undefined) throw new Error("no sheet");
    for (let row = 1; row <= 3; row++) {
      const cell = book.cell(s, row, 0);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.format).toBe("@");
    }
    expect(book.usedValues(s).map((r) => r[0])).toEqual(["Customer", "=1+1", "@SUM(A1)", "+A1"]);
  });

  it("the in-memory workbook would have made a formula of unformatted text (the test can fail)", () => {
    const book = new Workbook();
    const s = book.addSheet("S");
    const ctx = book.context();
    ctx.workbook.worksheets.getItemOrNullObject("S").getRangeByIndexes(0, 0, 1, 1).values = [["=1+1"]];
    expect(book.cell(s, 0, 0)?.formula).toBe("=1+1");
  });

  it("formats money at each row's currency precision and dates as dates", async () => {
    const book = new Workbook();
    const r = await createGateway(book.run).writeNewSheet("Out", "Out", table);
    const s = book.sheet(r.sheet);
    if (s === undefined) throw new Error("no sheet");
    expect([1, 2, 3].map((row) => book.cell(s, row, 2)?.format)).toEqual(["#,##0.00", "#,##0", "#,##0.000"]);
    expect(book.cell(s, 1, 1)?.format).toBe("yyyy-mm-dd");
    expect(book.tables.find((t) => t.name === r.table)).toMatchObject({ rowCount: 4, columnCount: 4 });
  });

  it("never overwrites: a second output gets a new sheet and a new table name", async () => {
    const book = new Workbook();
    book.seed("Out", [["user data"]]);
    const gw = createGateway(book.run);
    const a = await gw.writeNewSheet("Out", "Out", table);
    const b = await gw.writeNewSheet("Out", "Out", table);
    expect([a.sheet, b.sheet]).toEqual(["Out (2)", "Out (3)"]);
    expect([a.table, b.table]).toEqual(["Out", "Out_2"]);
    expect(book.usedValues(book.sheet("Out") as never)).toEqual([["user data"]]);
  });

  it("writes big tables in blocks with calculation suspended, values before formats", async () => {
    const book = new Workbook();
    const rows = Array.from({ length: 60000 }, (_, i) => [`C${i}`, 42231, i, "USD"]);
    const progress: number[] = [];
    await createGateway(book.run).writeNewSheet("Big", "Big", { columns: table.columns, rows }, { onProgress: (d) => progress.push(d) });
    expect(book.stats.largestWriteCells).toBeLessThanOrEqual(200000);
    expect(book.stats.suspensions).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toBe(60000);
  });

  it("a cancelled write removes the sheet it made", async () => {
    const book = new Workbook();
    const abort = new AbortController();
    const rows = Array.from({ length: 120000 }, (_, i) => [`C${i}`, 42231, i, "USD"]);
    const write = createGateway(book.run).writeNewSheet("Big", "Big", { columns: table.columns, rows }, { signal: abort.signal, onProgress: () => abort.abort() });
    await expect(write).rejects.toBeInstanceOf(CancelledError);
    expect(book.sheets).toHaveLength(0);
    expect(book.tables).toHaveLength(0);
  });

  it.each([
    ["Aging", [], "Aging"],
    ["Aging", ["aging"], "Aging (2)"],
    ["Aging", ["Aging", "Aging (2)"], "Aging (3)"],
    ["A/B:C", [], "A B C"],
    ["x".repeat(40), ["x".repeat(31)], `${"x".repeat(27)} (2)`],
  ])("uniqueName(%s, %j) = %s", (base, taken, want) => {
    expect(uniqueName(base, taken)).toBe(want);
    expect(uniqueName(base, taken).length).toBeLessThanOrEqual(31);
  });

  it("makes table names without spaces", () => {
    expect(uniqueTableName("Settlement journal", [])).toBe("Settlement_journal");
    expect(uniqueTableName("1st", ["_1st"])).toBe("_1st_2");
  });
});

describe("the aging workbook", () => {
  it("writes the snapshot, header and detail tables, highlights the oldest periods and adds a stacked chart", async () => {
    const book = bookWithLedger();
    const tx = readTransactions(W1.slice(0, 6));
    if (!tx.ok) throw new Error(JSON.stringify(tx.errors));
    const snapshot = ageTransactions(tx.value, { asOfSerial: 42302, definition: defaultDefinition("due") });
    const r = await createGateway(book.run).writeAgingSheet(snapshot);
    expect(r.sheet).toBe("Aging 2015-10-25");
    expect(r.tables).toEqual(["Aging", "AgingHeader", "AgingDetail"]);
    const s = book.sheet(r.sheet);
    if (s === undefined) throw new Error("no sheet");
    expect(s.charts).toEqual([expect.objectContaining({ type: "ColumnStacked", title: "Balances by period (USD)" })]);
    expect(s.conditionalFormats).toHaveLength(1);
    expect(s.conditionalFormats[0]?.rule).toEqual({ formula1: "0", operator: "GreaterThan" });
    const values = book.usedValues(s);
    expect(values[0]?.slice(0, 3)).toEqual(["Customer", "Currency", "Balance"]);
    // 2050's balance is 857 - 700 = 157 and a Total row follows.
    expect(values[1]?.slice(0, 3)).toEqual(["2050", "USD", 157]);
    expect(values[2]?.slice(0, 3)).toEqual(["Total", "USD", 157]);
  });
});

describe("journal columns", () => {
  it("formats Amount at the line's currency and AccountingAmount at the accounting currency's precision", async () => {
    const { journalOutput } = await import("../../src/taskpane/settlement/journal-output");
    const line = { journalId: "SET-1", lineNumber: 1, dateSerial: 42302, customer: "C", voucher: "V", offsetVoucher: "P", amountMinor: -1500, currency: "JPY", accountingMinor: -1023, accountingCurrency: "USD", accountType: "Customer" as const, accountRole: "Customer", reason: "Settled", linkId: "L" };
    const book = new Workbook();
    const r = await createGateway(book.run).writeNewSheet("J", "J", journalOutput([line]));
    const s = book.sheet(r.sheet);
    if (s === undefined) throw new Error("no sheet");
    const header = book.usedValues(s)[0] ?? [];
    expect(book.cell(s, 1, header.indexOf("Amount"))).toEqual({ value: -1500, format: "#,##0" });
    expect(book.cell(s, 1, header.indexOf("AccountingAmount"))).toEqual({ value: -10.23, format: "#,##0.00" });
    expect(book.cell(s, 1, header.indexOf("Date"))?.format).toBe("yyyy-mm-dd");
  });
});
