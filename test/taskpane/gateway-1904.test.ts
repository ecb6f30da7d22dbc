/**
 * 1904 workbooks: the gateway asks the workbook for its date system (Workbook.use1904DateSystem,
 * ExcelApi 1.16), reads dates in it and writes dates in it. A 1904 workbook and its 1900 twin (the
 * same days, serials 1,462 apart) age to the same snapshot, and a posting writes 1904 dates.
 */
import { Workbook } from "../../preview/workbook";
import { type AgingForm, buildAgingSheet } from "../../src/taskpane/aging/build-aging";
import { OFFSET_1904 } from "../../src/domain/dates";
import type { CellValue, ExcelRun, XlContext } from "../../src/taskpane/office/excel-subset";
import { createGateway } from "../../src/taskpane/office/gateway";
import { loadLedger } from "../../src/taskpane/settlement/ledger";
import { postProposal, propose, readHistory, unapply, unappliable } from "../../src/taskpane/settlement/wizard";
import { W1 } from "./_lib/ledger";

const DATE_COLUMNS = new Set(["Date", "DueDate", "CashDiscountDate"]);

/** W1 with its date columns in the 1904 system. */
function twin1904(): CellValue[][] {
  const header = W1[0] ?? [];
  return W1.map((row, i) => (i === 0 ? row.slice() : row.map((v, j) => (DATE_COLUMNS.has(String(header[j])) && typeof v === "number" ? v - OFFSET_1904 : v))));
}

/** An ExcelRun whose workbook says what `use1904DateSystem` says (or fails to load it). */
function runWith(book: Workbook, system: "1904" | "1900" | "fails"): ExcelRun {
  return (batch) =>
    book.run((ctx) => {
      const workbook = Object.create(ctx.workbook) as XlContext["workbook"] & { loaded?: boolean };
      Object.defineProperty(workbook, "load", {
        value: () => {
          if (system === "fails") throw new Error("ApiNotFound: use1904DateSystem");
          workbook.loaded = true;
          return workbook;
        },
      });
      Object.defineProperty(workbook, "use1904DateSystem", {
        get: () => {
          if (workbook.loaded !== true) throw new Error("PropertyNotLoaded: use1904DateSystem");
          return system === "1904";
        },
      });
      const wrapped: XlContext = { workbook, application: ctx.application, sync: () => ctx.sync() };
      return batch(wrapped);
    });
}

const form: AgingForm = { transactions: "Transactions", customers: "Customers", asOfSerial: 42369, basis: "due", bounds: "", customerGroup: "", agent: "", includeZeroBalance: false };

async function aged(book: Workbook, run: ExcelRun): Promise<CellValue[][]> {
  const r = await buildAgingSheet(createGateway(run), form);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const t = book.table("Aging");
  const s = book.sheet(r.value.sheet);
  if (t === undefined || s === undefined) throw new Error("no aging table");
  return book.usedValues(s).slice(0, t.rowCount).map((row) => row.slice(0, t.columnCount));
}

function asOfOf(book: Workbook): CellValue {
  const t = book.table("AgingHeader");
  if (t === undefined) throw new Error("no header table");
  const values = book.usedValues(t.sheet);
  const at = (values[t.rowIndex] ?? []).indexOf("AsOf");
  return values[t.rowIndex + 1]?.[at] ?? "";
}

describe("1904 workbooks in the task pane", () => {
  it("a 1904 workbook and its 1900 twin age to the same snapshot; the as-of date is written in each one's system", async () => {
    const b1900 = new Workbook();
    b1900.seed("Ledger", W1, "Transactions");
    const b1904 = new Workbook();
    b1904.seed("Ledger", twin1904(), "Transactions");
    const a = await aged(b1900, runWith(b1900, "1900"));
    const b = await aged(b1904, runWith(b1904, "1904"));
    expect(b).toEqual(a);
    expect(a.find((r) => r[0] === "2050")?.slice(2)).toEqual([157, 0, 0, 507, -700, 350, 0]);
    expect(asOfOf(b1900)).toBe(42369);
    expect(asOfOf(b1904)).toBe(42369 - OFFSET_1904);
  });

  it("the test can fail: read as a 1900 workbook, the 1904 twin ages differently", async () => {
    const b1904 = new Workbook();
    b1904.seed("Ledger", twin1904(), "Transactions");
    const wrong = await aged(b1904, runWith(b1904, "1900"));
    expect(wrong.find((r) => r[0] === "2050")?.slice(2)).toEqual([157, 0, 0, 0, 0, 0, 157]);
  });

  it("a host without ExcelApi 1.16 (the property fails to load, or is not there) is taken as 1900", async () => {
    const a = new Workbook();
    a.seed("Ledger", W1, "Transactions");
    const b = new Workbook();
    b.seed("Ledger", W1, "Transactions");
    expect(await aged(a, runWith(a, "fails"))).toEqual(await aged(b, b.run));
  });

  it("posting in a 1904 workbook writes its dates as 1904 serials and reads them back for unapply", async () => {
    const book = new Workbook();
    book.seed("Ledger", twin1904(), "Transactions");
    const gw = createGateway(runWith(book, "1904"));
    const ledger = await loadLedger(gw, "Transactions");
    if (!ledger.ok) throw new Error("no ledger");
    expect(ledger.value.byVoucher.get("2050")?.get("INV-1")?.dueSerial).toBe(42261);
    const p = propose(ledger.value, { customer: "2050", payment: { kind: "typed", voucher: "BANK-7", amount: "150", currency: "USD" }, dateSerial: 42302, method: "duedate", options: {} });
    if (!p.ok) throw new Error("no proposal");
    expect((await postProposal(gw, ledger.value, { proposal: p.value, accountingCurrency: "USD", history: [] })).ok).toBe(true);
    const rows = book.usedValues(book.sheet("Ledger") as never);
    expect(rows.at(-1)?.slice(0, 6)).toEqual(["2050", "BANK-7", "Payment", 42302 - OFFSET_1904, 42302 - OFFSET_1904, 0]);
    const journal = book.table("SettlementJournal");
    const jv = book.usedValues(journal?.sheet as never);
    const dateAt = (jv[0] ?? []).indexOf("Date");
    expect(jv.slice(1).map((r) => r[dateAt])).toEqual(jv.slice(1).map(() => 42302 - OFFSET_1904));
    const history = await readHistory(gw);
    if (!history.ok) throw new Error("no history");
    expect(history.value[0]?.dateSerial).toBe(42302);
    const reloaded = await loadLedger(gw, "Transactions");
    if (!reloaded.ok) throw new Error("no ledger");
    const undone = await unapply(gw, reloaded.value, history.value, unappliable(history.value)[0]?.journalId ?? "", 42310);
    expect(undone.ok).toBe(true);
    expect(book.usedValues(book.sheet("Ledger") as never).slice(1, 3).map((r) => r[5])).toEqual([100, 250]);
  });
});
