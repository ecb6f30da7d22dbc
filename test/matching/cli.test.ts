import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSampleLedger, generateSampleStatement, SAMPLE_STATEMENT_OPTIONS } from "../../src/cli/sample/ledger";
import { referenceScheme } from "../../src/domain/matching/references";
import { matchFunction } from "../../src/functions/match";
import { camt053Xml } from "../../src/workbook/camt-write";
import { readCamt053 } from "../../src/workbook/camt";
import { statementTable } from "../../src/workbook/statement";
import { cc, readBack, sumBy, tempDir } from "../cli/helpers";

const ROOT = join(__dirname, "..", "..");
const LEDGER = join(ROOT, "samples", "sample-ledger.xlsx");
const STATEMENT = join(ROOT, "samples", "sample-statement.xml");
const json = JSON.parse(readFileSync(join(ROOT, "samples", "sample-ledger.json"), "utf8")) as Record<string, unknown[][]>;
const blankToEmpty = (rows: unknown[][]): unknown[][] => rows.map((r) => Array.from({ length: 7 }, (_, i) => r[i] ?? ""));

describe("the sample statement", () => {
  it("is committed as generated, and is a camt.053 the reader takes", () => {
    const lines = generateSampleStatement().map((l) => l.line);
    expect(readFileSync(STATEMENT, "utf8")).toBe(camt053Xml(lines, SAMPLE_STATEMENT_OPTIONS));
    const read = readCamt053(readFileSync(STATEMENT, "utf8"));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(new Set(read.value.map((l) => l.lineId))).toEqual(new Set(lines.map((l) => l.lineId)));
  });

  it("every Nordic invoice's PaymentReference passes its country's check digit", () => {
    const tx = generateSampleLedger().find((s) => s.name === "Transactions")?.rows ?? [];
    const h = (tx[0] ?? []).map(String);
    const [cur, ref] = [h.indexOf("Currency"), h.indexOf("PaymentReference")];
    const nordic = tx.slice(1).filter((r) => ["SEK", "NOK", "DKK"].includes(String(r[cur])));
    expect(nordic.length).toBeGreaterThan(80);
    const schemes = nordic.map((r) => `${String(r[cur])}:${referenceScheme(String(r[ref])) ?? "invalid"}`);
    expect(new Set(schemes)).toEqual(new Set(["SEK:OCR", "NOK:OCR", "NOK:KID-MOD11", "DKK:FIK71"]));
  });

  it("is matched at High only where the truth agrees (precision 100 %), and most lines are High", async () => {
    const labelled = generateSampleStatement();
    const table = matchFunction(json["Transactions"], statementTable(labelled.map((l) => l.line)), json["Customers"], null);
    const byLine = new Map<string, unknown[][]>();
    for (const r of table.slice(1)) byLine.set(String(r[0]), [...(byLine.get(String(r[0])) ?? []), r]);
    let high = 0;
    for (const { line, truth } of labelled) {
      const rows = byLine.get(line.lineId) ?? [];
      if (rows[0]?.[5] !== "High") continue;
      high++;
      expect([String(rows[0]?.[1]), rows.map((r) => String(r[2])).filter((v) => v !== "").sort()]).toEqual([truth.customer, [...truth.vouchers].sort()]);
    }
    expect(high / labelled.length).toBeGreaterThan(0.85);
  });
});

describe("cc match", () => {
  it("writes Statement, Bank matches and a balanced Bank journal of the High matches; CC.MATCH gives the same table", async () => {
    const out = join(tempDir(), "match.xlsx");
    const r = await cc("match", LEDGER, "--statement", STATEMENT, "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Matched 71 statement lines: (\d+) High, \d+ Medium, \d+ Low, 2 None; \1 settled at High \(\d+ journal lines\)/);
    const sheets = await readBack(out);
    expect([...sheets.keys()]).toEqual(["Statement", "Bank matches", "Bank journal"]);
    const statement = sheets.get("Statement") ?? [];
    const matches = sheets.get("Bank matches") ?? [];
    expect(statement.length).toBe(72);
    // One edge, one answer: the function over the same tables gives the sheet cell for cell.
    const statementRows = statement.map((row, i) => (i === 0 ? row : row.map((v, j) => (j === 1 ? String(v) : v ?? ""))));
    expect(blankToEmpty(matches)).toEqual(matchFunction(json["Transactions"], statementRows, json["Customers"], null));
    const journal = sheets.get("Bank journal") ?? [];
    for (const total of sumBy(journal, "JournalId", "AccountingAmount").values()) expect(total).toBeCloseTo(0, 6);
    const high = new Set(matches.filter((m) => m[5] === "High").map((m) => String(m[0])));
    const paymentVouchers = new Set(journal.slice(1).map((row) => String(row[5])).filter((v) => v.startsWith("BK-")));
    expect(paymentVouchers).toEqual(high);
  });

  it("with --auto-apply Medium settles the Medium matches too", async () => {
    const out = join(tempDir(), "match.xlsx");
    const r = await cc("match", LEDGER, "--statement", STATEMENT, "--out", out, "--quiet", "--auto-apply", "medium");
    const m = /(\d+) High, (\d+) Medium.*; (\d+) settled at Medium or above/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m?.[3])).toBe(Number(m?.[1]) + Number(m?.[2]));
  });

  it("reads a CSV statement with a column mapping and a default currency", async () => {
    const dir = tempDir();
    const csv = join(dir, "bank.csv");
    const tx = json["Transactions"] ?? [];
    const h = (tx[0] ?? []).map(String);
    const inv = tx.find((row) => row[h.indexOf("Currency")] === "SEK") ?? [];
    writeFileSync(csv, `Bokföringsdag;Belopp;Avsändare;OCR\n05.12.2025;${String(inv[h.indexOf("Amount")]).replace(".", ",")};Someone;${String(inv[h.indexOf("PaymentReference")])}\n`);
    const out = join(dir, "out.xlsx");
    const r = await cc("match", LEDGER, "--statement", csv, "--currency", "SEK", "--mapping", "reference=OCR", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    const matches = (await readBack(out)).get("Bank matches") ?? [];
    expect(matches[1]?.slice(1, 7)).toEqual([inv[h.indexOf("Customer")], inv[h.indexOf("Voucher")], inv[h.indexOf("Amount")], "SEK", "High", "Reference + amount"]);
  });

  it("refuses a missing --statement, a bad --auto-apply and a malformed file, naming the line", async () => {
    expect((await cc("match", LEDGER, "--quiet")).code).toBe(2);
    const level = await cc("match", LEDGER, "--statement", STATEMENT, "--auto-apply", "None", "--quiet");
    expect(level.code).toBe(2);
    expect(level.stderr).toContain("--auto-apply 'None'");
    const bad = join(tempDir(), "bad.xml");
    writeFileSync(bad, readFileSync(STATEMENT, "utf8").replace("</NtryRef>", "</NtryRf>"));
    const r = await cc("match", LEDGER, "--statement", bad, "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line \d+, column \d+.*\[statement_must_be_well_formed_xml\]/);
  });
});
