/**
 * The LibreOffice round trip: out/demo.xlsx, as `npm run demo` writes it, opened by LibreOffice
 * Calc headless and converted sheet by sheet to CSV. Every sheet must convert, and the journals
 * must balance in what LibreOffice reads back. LibreOffice is part of the test command's tools
 * (scripts/ensure-system-tools.sh): without it this test fails and says how to install it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import JSZip from "jszip";
import { join } from "node:path";
import { cc, sumBy, tempDir } from "./helpers";

const INSTALL = "run: apt-get install -y libreoffice-calc";

function soffice(): string {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const path = found.stdout.trim().split("\n")[0] ?? "";
  if (found.status !== 0 || path === "") throw new Error(`LibreOffice (soffice) is not installed: ${INSTALL}`);
  return path;
}

/** RFC 4180 CSV (quotes doubled inside quoted fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * A journal's last row is its table's totals row ("Total" and the sums): checked to be there, with
 * the accounting amounts summing to zero, and left out of what follows.
 */
function withoutTotals(rows: string[][]): string[][] {
  const header = rows[0] ?? [];
  if (!header.includes("JournalId")) return rows;
  const last = rows[rows.length - 1] ?? [];
  expect(last[0]).toBe("Total");
  expect(Number(last[header.indexOf("AccountingAmount")])).toBe(0);
  return rows.slice(0, -1);
}

describe("LibreOffice round trip of out/demo.xlsx", () => {
  it("converts every sheet to CSV and the journals balance in what LibreOffice reads", async () => {
    const bin = soffice();
    const demo = join(__dirname, "..", "..", "out", "demo.xlsx");
    const run = await cc("demo", "--out", demo, "--quiet");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const dir = tempDir();
    // A private profile: no clash with a running LibreOffice or another test run.
    // Filter options: comma, double quote, UTF-8, from line 1, ..., formatted as shown, and -1 = every sheet to its own file.
    execFileSync(bin, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, demo], { stdio: "pipe", timeout: 120000 });
    const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    const sheets = ["Summary", "Aging", "Aging chart", "Settlement journal", "NSF journal", "Credit holds", "Write-off journal", "Bank matches", "Bank journal"];
    expect(files.sort()).toEqual(sheets.map((s) => `demo-${s}.csv`).sort());
    const read = (sheet: string): string[][] => {
      const path = join(dir, `demo-${sheet}.csv`);
      expect(existsSync(path)).toBe(true);
      return withoutTotals(parseCsv(readFileSync(path, "utf8")).filter((r) => r.some((c) => c !== "")));
    };
    for (const sheet of sheets) expect(read(sheet).length).toBeGreaterThan(1);

    const settlement = read("Settlement journal");
    expect(settlement[0]?.slice(0, 3)).toEqual(["JournalId", "Line", "Date"]);
    // Dates come back as dates, not serials.
    expect(settlement[1]?.[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const byJournal = sumBy(settlement, "JournalId", "AccountingAmount");
    expect(byJournal.size).toBeGreaterThan(10);
    for (const [id, total] of byJournal) expect([id, total]).toEqual([id, 0]);

    const nsf = read("NSF journal");
    expect(nsf[0]).toEqual(settlement[0]);
    const nsfJournals = sumBy(nsf, "JournalId", "AccountingAmount");
    expect(nsfJournals.size).toBeGreaterThan(1); // the unapply and the cancellation
    for (const [id, total] of nsfJournals) expect([id, total]).toEqual([id, 0]);

    const bank = read("Bank journal");
    expect(bank[0]).toEqual(settlement[0]);
    const bankJournals = sumBy(bank, "JournalId", "AccountingAmount");
    expect(bankJournals.size).toBeGreaterThan(10); // the sample statement's High matches
    for (const [id, total] of bankJournals) expect([id, total]).toEqual([id, 0]);

    const writeoff = read("Write-off journal");
    const debit = sumBy(writeoff, "Currency", "Debit");
    const credit = sumBy(writeoff, "Currency", "Credit");
    expect(debit.size).toBeGreaterThan(0);
    for (const [currency, d] of debit) expect(d).toBeCloseTo(credit.get(currency) ?? Number.NaN, 6);

    const summary = read("Summary");
    expect(summary[0]).toEqual(["Step", "Figure", "Date", "Count", "Currency", "Amount", "Detail"]);
    expect(summary[1]?.slice(0, 3)).toEqual(["Run", "As of", "2025-12-31"]);

    const aging = read("Aging");
    expect(aging[0]?.slice(0, 3)).toEqual(["Customer", "Currency", "Balance"]);
    // Each row's periods add up to its balance in LibreOffice's reading too.
    for (const row of aging.slice(1)) {
      const periods = row.slice(3).reduce((s, c) => s + Number(c), 0);
      expect(Math.round(periods * 100)).toBe(Math.round(Number(row[2]) * 100));
    }
  });
});

describe("LibreOffice round trip of a workbook written --in-place", () => {
  it("opens the sample after cc settle --in-place: the old sheets and the appended journal convert, and the journal balances", async () => {
    const bin = soffice();
    const dir = tempDir();
    const path = join(dir, "ledger.xlsx");
    copyFileSync(join(__dirname, "..", "..", "samples", "sample-ledger.xlsx"), path);
    const run = await cc("settle", path, "--as-of", "2025-12-31", "--in-place", "--quiet");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    execFileSync(bin, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, path], { stdio: "pipe", timeout: 120000 });
    const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    for (const sheet of ["Transactions", "Customers", "ExchangeRates", "Settlement journal", "Settlement balances"]) expect(files).toContain(`ledger-${sheet}.csv`);
    const journal = withoutTotals(parseCsv(readFileSync(join(dir, "ledger-Settlement journal.csv"), "utf8")).filter((r) => r.some((c) => c !== "")));
    expect(journal[1]?.[2]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const byJournal = sumBy(journal, "JournalId", "AccountingAmount");
    expect(byJournal.size).toBe(75);
    for (const [id, total] of byJournal) expect([id, total]).toEqual([id, 0]);
    const ledger = parseCsv(readFileSync(join(dir, "ledger-Transactions.csv"), "utf8")).filter((r) => r.some((c) => c !== ""));
    expect(ledger[0]?.slice(0, 2)).toEqual(["Customer", "Voucher"]);
    expect(ledger.length).toBeGreaterThan(1000);
  }, 180000);
});

const POPPLER = "run: apt-get install -y poppler-utils (scripts/ensure-system-tools.sh installs it)";

function tool(name: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === "") throw new Error(`${name} is not installed: ${POPPLER}`);
  return path;
}

describe("LibreOffice renders out/demo.xlsx as people see it", () => {
  it("prints every sheet without ### cells, the Summary first and the aging chart drawn (PDF -> PNG in test-results/)", async () => {
    const bin = soffice();
    const dir = tempDir();
    const demo = join(dir, "demo.xlsx");
    const run = await cc("demo", "--out", demo, "--quiet");
    expect(run.code).toBe(0);
    execFileSync(bin, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, demo], { stdio: "pipe", timeout: 180000 });
    const pdf = join(dir, "demo.pdf");
    expect(existsSync(pdf)).toBe(true);
    const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync(tool("pdfinfo"), [pdf], { encoding: "utf8" }))?.[1]);
    expect(pageCount).toBeGreaterThan(5);
    const text = (first: number, last = first): string => execFileSync(tool("pdftotext"), ["-layout", "-f", String(first), "-l", String(last), pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    // A number too wide for its column prints as ###: none anywhere in the workbook.
    const all = text(1, pageCount);
    expect(all).not.toContain("###");
    // The front sheet: the run's as-of date, and amounts with separators and their currency's decimals.
    const first = text(1);
    expect(first).toContain("As of");
    expect(first).toContain("2025-12-31");
    expect(first).toMatch(/1,049,037\.10/);
    // Dates print as dates in the journals, not as serial numbers.
    expect(all).toMatch(/SET-\w+\s+1\s+2025-12-\d\d/);
    // The chart is drawn: its title is on the page after the Aging sheet's pages, beside its table.
    const pages = Array.from({ length: pageCount }, (_v, i) => i + 1);
    const chartPage = pages.find((p) => text(p).includes("Aging by currency as of 2025-12-31"));
    expect(chartPage).toBeDefined();
    mkdirSync(join(__dirname, "..", "..", "test-results"), { recursive: true });
    const prefix = join(__dirname, "..", "..", "test-results", "demo");
    for (const [name, page] of [["summary", 1], ["aging-chart", chartPage as number]] as const) {
      execFileSync(tool("pdftoppm"), ["-png", "-r", "80", "-singlefile", "-f", String(page), "-l", String(page), pdf, `${prefix}-${name}`], { stdio: "pipe" });
      expect(statSync(`${prefix}-${name}.png`).size).toBeGreaterThan(10000);
    }
  }, 300000);

  it("keeps the chart through LibreOffice's import: converted to ODS, the Aging chart sheet holds a bar chart object", async () => {
    const bin = soffice();
    const dir = tempDir();
    const demo = join(dir, "demo.xlsx");
    expect((await cc("demo", "--out", demo, "--quiet")).code).toBe(0);
    execFileSync(bin, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "ods", "--outdir", dir, demo], { stdio: "pipe", timeout: 180000 });
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "demo.ods")));
    const content = (await zip.file("content.xml")?.async("string")) as string;
    const chartSheet = /<table:table table:name="Aging chart"[\s\S]*?<\/table:table>/.exec(content)?.[0] ?? "";
    expect(chartSheet).toMatch(/<draw:object\b/);
    const objects = Object.keys(zip.files).filter((n) => /^Object \d+\/content\.xml$/.test(n));
    expect(objects.length).toBeGreaterThan(0);
    const chart = (await zip.file(objects[0] as string)?.async("string")) as string;
    expect(chart).toContain('chart:class="chart:bar"');
    // One series per currency of the sample.
    expect((chart.match(/<chart:series\b/g) ?? []).length).toBe(6);
  }, 300000);
});
