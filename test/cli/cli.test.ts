import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { agingFunction } from "../../src/functions/aging";
import { serialFromYmd } from "../../src/domain/dates";
import { Prng } from "../../src/cli/_lib/prng";
import { cc, readBack, sumBy, tempDir, workbook } from "./helpers";

const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return serialFromYmd(y, m, day);
};

const HEADER = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "CashDiscountDate", "CashDiscountPct"];
/** docs/domain.md W1 (§8): customer 2050, a 700.00 payment on 2015-10-25. */
const W1 = [
  HEADER,
  ["2050", "Invoice 1", "Invoice", d("2015-08-15"), d("2015-09-14"), 100, "USD", d("2015-08-29"), 2],
  ["2050", "Invoice 2", "Invoice", d("2015-09-01"), d("2015-10-01"), 250, "USD", d("2015-09-15"), 2],
  ["2050", "Invoice 3", "Invoice", d("2015-10-15"), d("2015-11-14"), 500, "USD", d("2015-10-29"), 2],
  ["2050", "Interest 1", "InterestNote", d("2015-10-15"), d("2015-11-14"), 7, "USD", null, null],
  ["2050", "Pay 1", "Payment", d("2015-10-25"), d("2015-10-25"), -700, "USD", null, null],
];

function balances(rows: unknown[][]): Map<string, unknown> {
  const h = (rows[0] ?? []).map(String);
  return new Map(rows.slice(1).map((r) => [String(r[h.indexOf("Voucher")]), r[h.indexOf("OpenAfter")]]));
}

describe("cc: commands and help", () => {
  it("lists every command and exits 2 without one", async () => {
    const r = await cc();
    expect(r.code).toBe(2);
    for (const name of ["aging", "settle", "creditcheck", "writeoff", "interest", "demo"]) expect(r.stdout).toContain(`  ${name}`);
  });

  it.each(["aging", "settle", "creditcheck", "writeoff", "interest", "demo"])("cc %s --help shows its usage and the common options", async (name) => {
    const r = await cc(name, "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`cc ${name} `);
    for (const option of ["--as-of", "--out", "--in-place"]) expect(r.stdout).toContain(option);
  });
});

describe("cc aging", () => {
  it("writes the same table as CC.AGING for the same rows", async () => {
    const rng = new Prng(7);
    const rows: (string | number)[][] = [["Customer", "Amount", "Currency", "DueDate"]];
    for (let i = 0; i < 400; i++) {
      rows.push([`K${rng.int(1, 40)}`, (rng.int(-50000, 200000)) / 100, rng.pick(["USD", "EUR", "JPY"]), d("2025-06-01") + rng.int(-200, 120)]);
    }
    // JPY has no decimals: make its amounts whole.
    for (const r of rows.slice(1)) if (r[2] === "JPY") r[1] = Math.round(r[1] as number);
    const dir = tempDir();
    const input = await workbook(join(dir, "in.xlsx"), { Ledger: rows });
    const out = join(dir, "out.xlsx");
    const r = await cc("aging", input, "--as-of", "2025-06-01", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await readBack(out)).get("Aging")).toEqual(agingFunction(rows, "2025-06-01", null, null));
    expect(r.stdout).toContain("Aged 40 customers");
  });

  it("honours --periods and --basis", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "in.xlsx"), { Transactions: [["Customer", "Amount", "Date", "DueDate"], ["A", 10, d("2025-01-01"), d("2025-03-01")]] });
    const out = join(dir, "out.xlsx");
    expect((await cc("aging", input, "--as-of", "2025-03-15", "--periods", "10,20", "--basis", "transaction", "--out", out, "--quiet")).code).toBe(0);
    const aging = (await readBack(out)).get("Aging") ?? [];
    expect(aging[0]).toEqual(["Customer", "Currency", "Balance", ...(agingFunction([["Customer", "Amount", "Date"], ["A", 10, d("2025-01-01")]], "2025-03-15", [[10, 20]], "transaction")[0] ?? []).slice(3)]);
    // 73 days old by transaction date: the open-ended last period.
    expect(aging[1]?.slice(-1)).toEqual([10]);
  });
});

describe("cc settle", () => {
  it("settles W1 by due date: Invoice 1 and 2 closed, Invoice 3 left at 150.00, the interest note untouched", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "w1.xlsx"), { Transactions: W1 }, ["Date", "DueDate", "CashDiscountDate"]);
    const out = join(dir, "out.xlsx");
    const r = await cc("settle", input, "--as-of", "2015-10-31", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    const sheets = await readBack(out);
    const b = balances(sheets.get("Settlement balances") ?? []);
    expect(Object.fromEntries(b)).toEqual({ "Invoice 1": 0, "Invoice 2": 0, "Invoice 3": 150, "Pay 1": 0 });
    for (const total of sumBy(sheets.get("Settlement journal") ?? [], "JournalId", "AccountingAmount").values()) expect(total).toBe(0);
    expect(r.stdout).toContain("Settled 1 of 1 payments");
  });

  it("settles W1 by priority: the interest note first, Invoice 3 left at 157.00", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "w1.xlsx"), { Transactions: W1 }, ["Date", "DueDate", "CashDiscountDate"]);
    const out = join(dir, "out.xlsx");
    expect((await cc("settle", input, "--as-of", "2015-10-31", "--method", "priority", "--out", out, "--quiet")).code).toBe(0);
    const b = balances((await readBack(out)).get("Settlement balances") ?? []);
    expect(Object.fromEntries(b)).toEqual({ "Interest 1": 0, "Invoice 1": 0, "Invoice 2": 0, "Invoice 3": 157, "Pay 1": 0 });
  });

  it("settles only the payments named, and names a payment it cannot find", async () => {
    const rows = [...W1, ["2050", "Pay 2", "Payment", d("2015-10-26"), d("2015-10-26"), -50, "USD", null, null]];
    const dir = tempDir();
    const input = await workbook(join(dir, "w1.xlsx"), { Transactions: rows }, ["Date", "DueDate", "CashDiscountDate"]);
    const out = join(dir, "out.xlsx");
    expect((await cc("settle", input, "--as-of", "2015-10-31", "--payments", "Pay 2", "--out", out, "--quiet")).code).toBe(0);
    const b = balances((await readBack(out)).get("Settlement balances") ?? []);
    expect(Object.fromEntries(b)).toEqual({ "Invoice 1": 50, "Pay 2": 0 });
    const missing = await cc("settle", input, "--as-of", "2015-10-31", "--payments", "Pay 9", "--out", out, "--quiet");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Pay 9");
  });
});

describe("cc output rules", () => {
  it("writes ledger text that looks like a formula as text, never as a formula", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "in.xlsx"), { Transactions: [["Customer", "Amount", "DueDate"], ["=HYPERLINK(\"x\")", 10, d("2025-01-01")], ["+1", 5, d("2025-01-01")], ["@SUM", 1, d("2025-01-01")], ["-2", 2, d("2025-01-01")]] });
    const out = join(dir, "out.xlsx");
    expect((await cc("aging", input, "--as-of", "2025-02-01", "--out", out, "--quiet")).code).toBe(0);
    const aging = (await readBack(out)).get("Aging") ?? [];
    expect(aging.slice(1, 5).map((r) => r[0]).sort()).toEqual(["+1", "-2", "=HYPERLINK(\"x\")", "@SUM"].sort());
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
    expect(sheetXml).toBeDefined();
    expect(sheetXml).not.toContain("<f>");
  });

  it("never overwrites the input; --in-place only appends sheets", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "in.xlsx"), { Transactions: [["Customer", "Amount", "DueDate"], ["A", 10, d("2025-01-01")]], Notes: [["Keep me"]] });
    const before = statSync(input).mtimeMs;
    const refused = await cc("aging", input, "--as-of", "2025-02-01", "--out", input, "--quiet");
    expect(refused.code).toBe(2);
    expect(statSync(input).mtimeMs).toBe(before);
    expect((await cc("aging", input, "--as-of", "2025-02-01", "--in-place", "--quiet")).code).toBe(0);
    expect((await cc("aging", input, "--as-of", "2025-02-01", "--in-place", "--quiet")).code).toBe(0);
    const sheets = await readBack(input);
    expect([...sheets.keys()]).toEqual(["Transactions", "Notes", "Aging", "Aging (2)"]);
    expect(sheets.get("Notes")).toEqual([["Keep me"]]);
    expect(sheets.get("Transactions")?.[1]).toEqual(["A", 10, "2025-01-01"]);
  });
});

describe("cc: invalid input", () => {
  it("names the sheet, row and column of a bad cell and exits 1", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "in.xlsx"), { Transactions: [["Customer", "Amount", "DueDate"], ["A", 10, d("2025-01-01")], ["B", 5, "tomorrow"], ["C", "ten", d("2025-01-01")]] });
    const r = await cc("aging", input, "--as-of", "2025-02-01", "--out", join(dir, "out.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Transactions row 3, DueDate");
    expect(r.stderr).toContain("Transactions row 4, Amount");
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  });

  it("counts rows as the sheet shows them when the header is not on row 1", async () => {
    const dir = tempDir();
    const input = await workbook(join(dir, "in.xlsx"), { Transactions: [[null], [null], ["Customer", "Amount", "DueDate"], ["A", 10, d("2025-01-01")], ["B", 5, "soon"]] });
    const r = await cc("aging", input, "--as-of", "2025-02-01", "--out", join(dir, "out.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Transactions row 5, DueDate");
  });

  it("reports a missing ledger, a missing required column, a bad date, an unknown option and a missing file", async () => {
    const dir = tempDir();
    const noLedger = await workbook(join(dir, "a.xlsx"), { Other: [["x", "y"], [1, 2]] });
    expect((await cc("aging", noLedger, "--as-of", "2025-02-01")).stderr).toContain("no transactions table");
    const noDue = await workbook(join(dir, "b.xlsx"), { Transactions: [["Customer", "Amount"], ["A", 1]] });
    const r = await cc("aging", noDue, "--as-of", "2025-02-01");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("DueDate");
    expect((await cc("aging", noDue, "--as-of", "yesterday")).code).toBe(2);
    expect((await cc("aging", noDue, "--as-of", "2025-02-01", "--bogus")).stderr).toContain("unknown option --bogus");
    expect((await cc("aging", join(dir, "missing.xlsx"))).stderr).toContain("no such file");
    expect((await cc("writeoff", noDue, "--customer", "A")).stderr).toContain("--reason");
    expect((await cc("interest", noDue)).stderr).toContain("--tiers or --flat");
  });

  it("refuses a file that is not a workbook", async () => {
    const dir = tempDir();
    const path = join(dir, "x.xlsx");
    writeFileSync(path, "not a zip");
    const r = await cc("aging", path, "--as-of", "2025-02-01");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("x.xlsx");
  });
});
