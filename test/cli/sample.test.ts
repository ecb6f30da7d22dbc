import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readTables } from "../../src/cli/_lib/xlsx-read";
import { isoFromSerial } from "../../src/domain/dates";
import { readTransactions } from "../../src/workbook/transactions";
import { generateSampleLedger, SAMPLE_AS_OF, SAMPLE_SHEETS } from "../../src/cli/sample/ledger";
import { cc, readBack, sumBy, tempDir } from "./helpers";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "sample-ledger.xlsx");

describe("the sample ledger", () => {
  it("is deterministic: the same seed gives the same sheets, another seed others", () => {
    expect(generateSampleLedger()).toEqual(generateSampleLedger());
    expect(generateSampleLedger(1)).not.toEqual(generateSampleLedger());
  });

  it("is committed as generated: the JSON copy equals the generator's output with ISO dates", () => {
    const json = JSON.parse(readFileSync(join(ROOT, "samples", "sample-ledger.json"), "utf8")) as Record<string, unknown[][]>;
    const sheets = generateSampleLedger();
    expect(Object.keys(json)).toEqual([...SAMPLE_SHEETS]);
    for (const s of sheets) {
      const header = (s.rows[0] ?? []).map(String);
      const dates = new Set(s.dateColumns.map((h) => header.indexOf(h)));
      expect(json[s.name]).toEqual(s.rows.map((row, r) => row.map((v, i) => (r > 0 && dates.has(i) && typeof v === "number" ? isoFromSerial(v) : v))));
    }
  });

  it("the .xlsx holds the same sheets, headers and rows as the JSON copy", async () => {
    const json = JSON.parse(readFileSync(join(ROOT, "samples", "sample-ledger.json"), "utf8")) as Record<string, unknown[][]>;
    const tables = await readTables(SAMPLE, SAMPLE_SHEETS.map((name) => ({ key: name, sheets: [name], identifyBy: ["__none__"] })));
    for (const name of SAMPLE_SHEETS) {
      const range = tables.get(name)?.range ?? [];
      expect(range[0]).toEqual(json[name]?.[0]);
      expect(range.length).toBe(json[name]?.length);
    }
  });

  it("has what the demo needs: ~200 customers, 3 currencies, unapplied payments, one bounced, disputes, interest notes and fees", () => {
    const sheets = new Map(generateSampleLedger().map((s) => [s.name, s.rows]));
    const tx = readTransactions(sheets.get("Transactions"), { require: ["voucher", "type", "date", "dueDate"] });
    if (!tx.ok) throw new Error(JSON.stringify(tx.errors));
    const t = tx.value;
    expect(new Set(t.map((x) => x.customer)).size).toBe(200);
    expect(new Set(t.map((x) => x.currency))).toEqual(new Set(["USD", "EUR", "GBP"]));
    const types = new Set(t.map((x) => x.type));
    for (const type of ["Invoice", "CreditNote", "Payment", "InterestNote"]) expect(types).toContain(type);
    expect(t.some((x) => x.type === "Fee" || x.type === "CollectionLetter")).toBe(true);
    expect(t.filter((x) => x.status === "Disputed").length).toBeGreaterThan(5);
    expect(t.filter((x) => x.cashDiscountPct !== undefined).length).toBeGreaterThan(100);
    expect(t.every((x) => (x.dateSerial ?? 0) <= SAMPLE_AS_OF)).toBe(true);
    const rows = sheets.get("Transactions") ?? [];
    const note = (rows[0] ?? []).indexOf("Note");
    expect(rows.filter((r) => String(r[note] ?? "").includes("NSF")).length).toBe(1);
  });
});

describe("cc demo", () => {
  it("writes the four sheets, balanced journals and a summary", async () => {
    const out = join(tempDir(), "demo.xlsx");
    const r = await cc("demo", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sheets = await readBack(out);
    expect([...sheets.keys()]).toEqual(["Aging", "Settlement journal", "Credit holds", "Write-off journal"]);
    const settlement = sheets.get("Settlement journal") ?? [];
    expect(settlement.length).toBeGreaterThan(10);
    for (const total of sumBy(settlement, "JournalId", "AccountingAmount").values()) expect(total).toBe(0);
    const writeoff = sheets.get("Write-off journal") ?? [];
    const debit = sumBy(writeoff, "Currency", "Debit");
    const credit = sumBy(writeoff, "Currency", "Credit");
    for (const [currency, d] of debit) expect(d).toBeCloseTo(credit.get(currency) ?? Number.NaN, 6);
    const holds = sheets.get("Credit holds") ?? [];
    const status = (holds[0] ?? []).indexOf("Status");
    expect(holds.slice(1).every((row) => row[status] === "HOLD")).toBe(true);
    expect(r.stdout).toMatch(/Aging: 200 customers aged/);
    expect(r.stdout).toMatch(/Settlement: \d+ of \d+ unapplied payments settled/);
    expect(r.stdout).toMatch(new RegExp(`Credit: Checked 300 open orders: ${holds.length - 1} held`));
    expect(r.stdout).toMatch(/Write-off: customer C\d{4}, \d+ items/);
  });
});
