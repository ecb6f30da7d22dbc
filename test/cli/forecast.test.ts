/**
 * `cc aging --forecast`: predicted pay dates per open invoice and the cash-in forecast by ISO week,
 * whose weeks sum to the open amount of the predicted invoices; with too little history, a line
 * saying so and no forecast sheets.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { serialFromYmd } from "../../src/domain/dates";
import { cc, readBack, tempDir, workbook } from "./helpers";

const d = serialFromYmd;
const HEADER = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "ClosedDate"];

/** `settled` settled invoices (customer A pays 5 days late, B on time) and three open ones. */
function ledger(settled: number): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [HEADER];
  for (let i = 0; i < settled; i++) {
    const customer = i % 2 === 0 ? "A" : "B";
    const date = d(2025, 1, 1) + i * 7;
    rows.push([customer, `S-${i}`, "Invoice", date, date + 30, 100 + i, "USD", date + 30 + (customer === "A" ? 5 : -2)]);
  }
  rows.push(["A", "O-1", "Invoice", d(2025, 12, 1), d(2025, 12, 31), 1000.5, "USD", null]);
  rows.push(["B", "O-2", "Invoice", d(2025, 12, 10), d(2026, 1, 9), 250.25, "USD", null]);
  rows.push(["B", "O-3", "Invoice", d(2025, 12, 15), d(2026, 1, 14), 7000, "SEK", null]);
  return rows;
}

describe("cc aging --forecast", () => {
  it("writes each open invoice's predicted pay date and the expected cash in per ISO week, summing to the open amounts", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "in.xlsx"), { Transactions: ledger(40) }, ["Date", "DueDate", "ClosedDate"]);
    const out = join(dir, "out.xlsx");
    const r = await cc("aging", input, "--as-of", "2025-12-31", "--forecast", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sheets = await readBack(out);
    expect([...sheets.keys()]).toEqual(["Aging", "Predicted payments", "Cash-in forecast"]);
    const predicted = sheets.get("Predicted payments") ?? [];
    expect(predicted[0]).toEqual(["Customer", "Voucher", "DueDate", "Amount", "Currency", "OnTime", "Late", "VeryLate", "ExpectedDaysLate", "PredictedPayDate"]);
    expect(predicted.slice(1).map((x) => x[1]).sort()).toEqual(["O-1", "O-2", "O-3"]);
    for (const row of predicted.slice(1)) expect(String(row[9])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const forecast = sheets.get("Cash-in forecast") ?? [];
    expect(forecast[0]).toEqual(["Week", "SEK", "USD", "WeekStart"]);
    for (const row of forecast.slice(1)) expect(String(row[0])).toMatch(/^\d{4}-W\d{2}$/);
    const sum = (col: number): number => Math.round(forecast.slice(1).reduce((s, row) => s + Number(row[col] ?? 0), 0) * 100);
    expect(sum(1)).toBe(700000);
    expect(sum(2)).toBe(125075);
    for (const row of forecast.slice(1)) expect(String(row[3])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.stdout).toContain("Cash-in forecast: 3 open invoices predicted from 40 settled ones; SEK 7,000.00, USD 1,250.75 expected");
    // The forecast sheet carries a native chart with one series per currency.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const chart = (await zip.file(charts[0] as string)?.async("string")) as string;
    expect((chart.match(/<c:ser>/g) ?? []).length).toBe(2);
    expect(chart).toContain("'Cash-in forecast'!$B$1");
  });

  describe("invalid input", () => {
    it("says the history is too short and writes no forecast", async () => {
      const dir = tempDir();
      const input = await workbook(join(dir, "in.xlsx"), { Transactions: ledger(10) }, ["Date", "DueDate", "ClosedDate"]);
      const out = join(dir, "out.xlsx");
      const r = await cc("aging", input, "--as-of", "2025-12-31", "--forecast", "--out", out, "--quiet");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Cash-in forecast: not written: the model needs at least 30 invoices settled on or before the as-of date (a ClosedDate); the ledger has 10");
      expect([...(await readBack(out)).keys()]).toEqual(["Aging"]);
    });

    it("names the row and column of a ClosedDate that is not a date", async () => {
      const dir = tempDir();
      const rows = ledger(40);
      (rows[3] as (string | number | null)[])[7] = "soon";
      const input = await workbook(join(dir, "in.xlsx"), { Transactions: rows }, ["Date", "DueDate"]);
      const r = await cc("aging", input, "--as-of", "2025-12-31", "--forecast", "--out", join(dir, "out.xlsx"), "--quiet");
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/row 4.*ClosedDate|ClosedDate.*row 4/);
    });
  });
});
