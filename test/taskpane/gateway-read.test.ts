import { OfficeMockObject } from "office-addin-mock";
import { Workbook } from "../../preview/workbook";
import type { XlContext } from "../../src/taskpane/office/excel-subset";
import { findTable } from "../../src/taskpane/office/find-table";
import { createGateway } from "../../src/taskpane/office/gateway";
import { readTable } from "../../src/taskpane/office/read-table";
import { CancelledError } from "../../src/taskpane/office/task";
import { TRANSACTION_COLUMNS } from "../../src/workbook/transactions";
import { bookWithLedger, W1 } from "./_lib/ledger";

const required = TRANSACTION_COLUMNS.map((c) => (c.key === "customer" || c.key === "amount" ? { ...c, required: true } : c));

describe("reading input tables", () => {
  it("finds a table by its name and reads it, header first", async () => {
    const gw = createGateway(bookWithLedger().run);
    const r = await gw.readTable("Transactions");
    expect(r.ok && r.value.values).toEqual(W1);
    expect(r.ok && r.value.location).toMatchObject({ sheet: "Ledger", tableName: "Transactions", rowIndex: 0, rowCount: W1.length });
  });

  it("finds a sheet by its name when there is no such table", async () => {
    const book = new Workbook();
    book.seed("Transactions", W1);
    const r = await createGateway(book.run).readTable("Transactions");
    expect(r.ok && r.value.values).toEqual(W1);
    expect(r.ok && r.value.location.tableName).toBeUndefined();
  });

  it("finds a table of another name by its headers", async () => {
    const book = new Workbook();
    book.seed("Notes", [["Note"], ["hello"]]);
    book.seed("Export", W1, "Table7");
    const r = await createGateway(book.run).readTable("Transactions", required);
    expect(r.ok && r.value.location.name).toBe("Table7");
  });

  it("leaves a table's totals row out", async () => {
    const book = new Workbook();
    book.seed("Ledger", [...W1, ["Total", "", "", "", "", 867, "", "", ""]], "Transactions");
    const t = book.table("Transactions");
    if (t !== undefined) t.showTotals = true;
    const r = await createGateway(book.run).readTable("Transactions");
    expect(r.ok && r.value.values).toEqual(W1);
  });

  it("reads large tables in blocks, one sync per block", async () => {
    const rows = 25001;
    const big = [W1[0] ?? [], ...Array.from({ length: rows - 1 }, (_, i) => ["C" + (i % 50), `V${i}`, "Invoice", 42231, 42261, 1, "USD", "", ""])];
    const book = new Workbook();
    book.seed("Ledger", big, "Transactions");
    const ctx = book.context();
    const at = await findTable(ctx, "Transactions");
    if (!at.ok) throw new Error("not found");
    const before = book.stats.syncs;
    const progress: number[] = [];
    const values = await readTable(ctx, at.value, { onProgress: (done) => progress.push(done) }, 10000);
    expect(values).toHaveLength(rows);
    expect(book.stats.syncs - before).toBe(3);
    expect(progress).toEqual([10000, 20000, 25001]);
  });

  it("stops between blocks when cancelled", async () => {
    const big = [W1[0] ?? [], ...Array.from({ length: 30000 }, (_, i) => ["C", `V${i}`, "Invoice", 42231, 42261, 1, "USD", "", ""])];
    const book = new Workbook();
    book.seed("Ledger", big, "Transactions");
    const abort = new AbortController();
    const read = createGateway(book.run).readTable("Transactions", undefined, { signal: abort.signal, onProgress: () => abort.abort() });
    await expect(read).rejects.toBeInstanceOf(CancelledError);
  });

  describe("invalid input", () => {
    it("names the missing table", async () => {
      const r = await createGateway(new Workbook().run).readTable("Orders");
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]).toMatchObject({ code: "table_must_exist", table: "Orders" });
    });
    it("does not take a table whose headers lack the required columns", async () => {
      const book = new Workbook();
      book.seed("Other", [["Name", "Value"], ["a", 1]], "Other");
      const r = await createGateway(book.run).readTable("Transactions", required);
      expect(r.ok).toBe(false);
    });
    it("a property read before load and sync throws, as in Excel", async () => {
      const ctx = bookWithLedger().context();
      const sheet = ctx.workbook.worksheets.getItemOrNullObject("Ledger");
      const range = sheet.getRangeByIndexes(0, 0, 1, 1);
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
  });
});

describe("reading through office-addin-mock", () => {
  /** A mock context whose ranges are OfficeMockObjects: values exist only after load + sync. */
  function mockContext(grid: unknown[][]): XlContext {
    const made: OfficeMockObject[] = [];
    const mock = (data: Record<string, unknown>): OfficeMockObject => {
      const m = new OfficeMockObject(data, "excel" as never);
      made.push(m);
      return m;
    };
    const sheet = {
      getRangeByIndexes: (r: number, c: number, n: number, w: number) =>
        mock({ values: grid.slice(r, r + n).map((row) => row.slice(c, c + w)), address: "Ledger!A1", rowIndex: r, columnIndex: c, rowCount: n, columnCount: w }),
    };
    const table = {
      isNullObject: false,
      getRange: () => mock({ address: `Ledger!A1:I${grid.length}`, rowIndex: 0, columnIndex: 0, rowCount: grid.length, columnCount: grid[0]?.length ?? 0 }),
      load: () => table,
      name: "Transactions",
    };
    const ctx = {
      workbook: {
        tables: { getItemOrNullObject: () => table },
        worksheets: { getItemOrNullObject: () => sheet },
      },
      application: { suspendApiCalculationUntilNextSync: () => undefined },
      sync: async () => {
        for (const m of made) await m.sync();
      },
    };
    return ctx as unknown as XlContext;
  }

  it("loads before it reads: every value arrives through load and sync", async () => {
    const ctx = mockContext(W1);
    const at = await findTable(ctx, "Transactions");
    if (!at.ok) throw new Error("not found");
    expect(at.value).toMatchObject({ sheet: "Ledger", rowCount: W1.length, columnCount: 9 });
    expect(await readTable(ctx, at.value, undefined, 2)).toEqual(W1);
  });

  it("the mock itself refuses a value that was not loaded", () => {
    const m = new OfficeMockObject({ values: [[1]] }, "excel" as never) as unknown as { values: unknown };
    expect(m.values).not.toEqual([[1]]);
  });
});
