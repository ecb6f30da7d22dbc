import { INITIAL_LIST, listReducer, visibleRows } from "../../src/taskpane/collections/list-state";
import { virtualWindow } from "../../src/taskpane/collections/virtual-window";
import { readPools } from "../../src/taskpane/collections/pools-table";
import { buildWorklist, poolsOf, rowsFor, type CustomerRow } from "../../src/taskpane/collections/worklist";
import { gridReducer, INITIAL_GRID } from "../../src/taskpane/credit/review-grid";
import type { Customer } from "../../src/domain/credit/types";
import type { Transaction } from "../../src/domain/types";

const customer = (id: string, pool: string, agent: string, group = "Retail"): Customer => ({
  customer: id, name: `Name ${id}`, currency: "USD", creditLimitMinor: 100000, unlimited: false, mandatory: false, excludeFromCreditManagement: false, insuranceInExposure: false, pool, agent, customerGroup: group, row: 2,
});
const invoice = (c: string, v: string, amountMinor: number, dueSerial: number, extra: Partial<Transaction> = {}): Transaction => ({ customer: c, voucher: v, type: "Invoice", amountMinor, currency: "USD", dueSerial, dateSerial: dueSerial - 30, status: "None", row: 2, ...extra });

const customers = [customer("C1", "North", "Ana"), customer("C2", "North", "Bo", "Web"), customer("C3", "South", "Ana")];
const transactions = [
  invoice("C1", "I1", 5000, 45000),
  invoice("C2", "I2", 20000, 44900, { status: "PromiseToPay", promiseSerial: 45005, promiseAmountMinor: 1000 }),
  invoice("C3", "I3", 100, 45100),
];

function worklist(): readonly CustomerRow[] {
  const w = buildWorklist({ customers, transactions, asOfSerial: 45010 });
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  return w.value.rows;
}

describe("the collections worklist", () => {
  it("gives each customer its overdue amount, oldest period and promise, flagging a promise broken as of today", () => {
    const [c1, c2, c3] = worklist();
    expect([c1?.overdueMinor, c1?.oldestPeriod, c1?.daysOverdue]).toEqual([5000, "1-30", 10]);
    expect(c2?.promise).toEqual({ dateSerial: 45005, amountMinor: 1000, broken: true });
    expect(c2?.status).toBe("PromiseToPayBroken");
    expect(c3?.overdueMinor).toBe(0);
  });

  it("filters by the Customers Pool column or a Pools table, and by agent through the engine", () => {
    const rows = worklist();
    const fromColumn = poolsOf(customers, []);
    expect(fromColumn.map((p) => p.pool)).toEqual(["North", "South"]);
    expect(rowsFor(rows, fromColumn, "North", "").map((r) => r.customer)).toEqual(["C1", "C2"]);
    expect(rowsFor(rows, fromColumn, "North", "Ana").map((r) => r.customer)).toEqual(["C1"]);
    const table = readPools([["Pool", "Agent", "CustomerGroups", "MinBalance"], ["Big web", "Cy", "Web", 100]]);
    if (!table.ok) throw new Error("pools");
    expect(rowsFor(rows, table.value, "Big web", "").map((r) => r.customer)).toEqual(["C2"]);
    expect(rowsFor(rows, table.value, "", "Cy").map((r) => r.customer)).toEqual(["C2"]);
  });
});

describe("the customer list reducer", () => {
  it("sorts by overdue amount, largest first, and flips on the same key", () => {
    const rows = worklist();
    const v = visibleRows(rows, [], INITIAL_LIST);
    expect(v.rows.map((r) => r.customer)).toEqual(["C2", "C1", "C3"]);
    const flipped = listReducer(INITIAL_LIST, { type: "sort", sort: "overdue" });
    expect(flipped.direction).toBe("ascending");
    expect(visibleRows(rows, [], flipped).rows.map((r) => r.customer)).toEqual(["C3", "C1", "C2"]);
  });

  it("searches number and name", () => {
    const rows = worklist();
    const s = listReducer(INITIAL_LIST, { type: "search", search: "name c3" });
    expect(visibleRows(rows, [], s).rows.map((r) => r.customer)).toEqual(["C3"]);
  });

  it("keeps all 10,000 customers, sorted, for the virtualized grid", () => {
    const first = worklist()[0];
    const many = Array.from({ length: 10000 }, (_, i) => ({ ...first, customer: `K${i}` }) as CustomerRow);
    const v = visibleRows(many, [], listReducer(INITIAL_LIST, { type: "sort", sort: "customer", direction: "descending" }));
    expect([v.rows.length, v.total, v.rows[0]?.customer, v.rows[9999]?.customer]).toEqual([10000, 10000, "K9999", "K0"]);
  });
});

describe("the customer list's row window", () => {
  it("renders the rows in view plus the overscan, and spaces for the rest", () => {
    // 64 px rows, 640 px viewport scrolled to row 100: rows 94..115 (6 above, 10 in view, 6 below).
    expect(virtualWindow({ count: 10000, rowHeight: 64, scrollTop: 6400, viewport: 640, overscan: 6 })).toEqual({ start: 94, end: 116, before: 6016, after: (10000 - 116) * 64 });
    expect(virtualWindow({ count: 10000, rowHeight: 64, scrollTop: 0, viewport: 640, overscan: 6 })).toEqual({ start: 0, end: 16, before: 0, after: 9984 * 64 });
  });

  it("clamps at the end of the list and assumes a viewport when none is measured", () => {
    const end = virtualWindow({ count: 30, rowHeight: 88, scrollTop: 999999, viewport: 400, overscan: 6 });
    expect([end.start, end.end, end.after]).toEqual([30, 30, 0]);
    const unmeasured = virtualWindow({ count: 10000, rowHeight: 80, scrollTop: 0, viewport: 0, overscan: 0 });
    expect(unmeasured.end).toBe(8);
  });

  describe("invalid input", () => {
    it("a negative scroll position or count renders from the top, nothing for no rows", () => {
      expect(virtualWindow({ count: 5, rowHeight: 50, scrollTop: -300, viewport: 100, overscan: 1 })).toEqual({ start: 0, end: 3, before: 0, after: 100 });
      expect(virtualWindow({ count: -4, rowHeight: 50, scrollTop: 0, viewport: 100, overscan: 1 })).toEqual({ start: 0, end: 0, before: 0, after: 0 });
    });
  });

  it("opens and closes a customer's detail", () => {
    const open = listReducer(INITIAL_LIST, { type: "open", customer: "C1" });
    expect(open.selected).toBe("C1");
    expect(listReducer(open, { type: "close" }).selected).toBe("");
  });
});

describe("the credit review grid reducer", () => {
  it("drops the orders acted on from the selection", () => {
    const s = gridReducer(INITIAL_GRID, { type: "select", selected: new Set(["SO1", "SO2"]) });
    expect([...gridReducer(s, { type: "done", orders: ["SO1"] }).selected]).toEqual(["SO2"]);
  });
});
