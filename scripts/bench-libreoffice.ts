/**
 * The `cli-aging-vs-libreoffice` case: the production CLI (the esbuild bundle dist/cli/cc.js, built
 * here first by scripts/build-cli.mjs) ages a 100,000-row, 2,000-customer workbook end to end
 * (process start, streaming read, aging, streaming write), and LibreOffice Calc headless
 * computes the same aging as a SUMIFS sheet over the same rows (formulas written without cached
 * values, so it must calculate them) and writes it out as CSV. Both are timed as whole processes.
 *   node --import tsx scripts/bench-libreoffice.ts <rows> <runs>
 * Prints one JSON line; `floorMs` is LibreOffice's time and `ratio` LibreOffice's time over ours.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { isoFromSerial } from "../src/domain/dates";
import { writeWorkbook } from "../src/cli/_lib/xlsx-write";
import { BENCH_AS_OF, ledgerRange } from "./bench-data";

const BOUNDS = [30, 60, 90, 120];

async function sumifsWorkbook(path: string, range: readonly (readonly unknown[])[], customers: readonly string[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: true });
  const n = range.length;
  const col = (c: string): string => `Ledger!$${c}$2:$${c}$${n}`;
  const aging = wb.addWorksheet("Aging");
  aging.addRow(["Customer", "Not due", "1-30", "31-60", "61-90", "91-120", "Over 120", "AsOf", BENCH_AS_OF]).commit();
  customers.forEach((c, i) => {
    const r = i + 2;
    const f = (cond: string): { formula: string } => ({ formula: `SUMIFS(${col("C")},${col("A")},$A${r}${cond})` });
    const cells: unknown[] = [c, f(`,${col("B")},">="&$I$1`)];
    let lower = 0;
    for (const b of BOUNDS) {
      cells.push(f(`,${col("B")},"<"&($I$1-${lower}),${col("B")},">="&($I$1-${b})`));
      lower = b;
    }
    cells.push(f(`,${col("B")},"<"&($I$1-${lower})`));
    aging.addRow(cells).commit();
  });
  aging.commit();
  const ledger = wb.addWorksheet("Ledger");
  ledger.addRow(["Customer", "DueDate", "Amount"]).commit();
  for (let i = 1; i < n; i++) {
    const row = range[i] as readonly unknown[];
    ledger.addRow([row[0], row[4], row[5]]).commit();
  }
  ledger.commit();
  await wb.commit();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function timed(fn: () => void, runs: number): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function main(): Promise<void> {
  const [rowsText = "100000", runsText = "5", loRunsText = "1"] = process.argv.slice(2);
  const rows = Number(rowsText);
  const runs = Number(runsText);
  const loRuns = Number(loRunsText);
  const customers = 2000;
  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
  if (soffice === "") throw new Error("soffice not installed");
  const dir = mkdtempSync(join(tmpdir(), "cc-bench-lo-"));
  // One currency: the SUMIFS sheet ages by customer only.
  const range = ledgerRange(rows, customers, 45, ["USD"]);
  const ours = join(dir, "ledger.xlsx");
  await writeWorkbook(ours, [{ name: "Transactions", rows: range.map((r) => [r[0], r[4], r[5], r[6]] as (string | number)[]) }]);
  const theirs = join(dir, "sumifs.xlsx");
  const ids = [...new Set(range.slice(1).map((r) => r[0] as string))].sort();
  await sumifsWorkbook(theirs, range, ids);

  // The production CLI: the precompiled bundle, rebuilt so it matches the sources.
  execFileSync(process.execPath, [join(__dirname, "build-cli.mjs"), "--quiet"], { stdio: "inherit" });
  const cli = join(__dirname, "..", "dist", "cli", "cc.js");
  const out = join(dir, "aging.xlsx");
  const ms = timed(() => {
    execFileSync(process.execPath, [cli, "aging", ours, "--as-of", isoFromSerial(BENCH_AS_OF), "--out", out, "--quiet"], { stdio: "pipe" });
  }, runs);
  const profile = `file://${join(dir, "profile")}`;
  // LibreOffice needs about a minute and a half per run here: by default one run, no warm-up
  // (its own start-up is part of its time, as the CLI's is of ours).
  const convert = (): void => {
    execFileSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "csv", "--outdir", dir, theirs], { stdio: "pipe", timeout: 900000 });
  };
  const loMs = loRuns <= 1 ? (() => { const t0 = performance.now(); convert(); return performance.now() - t0; })() : timed(convert, loRuns);
  // The two agings must agree, or the comparison means nothing.
  const csv = readFileSync(join(dir, "sumifs.csv"), "utf8").trim().split("\n").slice(1);
  const loTotal = csv.reduce((s, line) => s + line.split(",").slice(1, 7).reduce((a, c) => a + Math.round(Number(c) * 100), 0), 0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  let ourTotal = 0;
  wb.getWorksheet("Aging")?.eachRow((row, i) => {
    if (i > 1 && row.getCell(1).value !== "Total") ourTotal += Math.round(Number(row.getCell(3).value) * 100);
  });
  if (loTotal !== ourTotal) throw new Error(`LibreOffice's aging total ${loTotal} differs from ours ${ourTotal}`);
  // The CLI's own peak RSS (GNU time's %M, in KB), not this harness's.
  const measured = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, cli, "aging", ours, "--as-of", isoFromSerial(BENCH_AS_OF), "--out", out, "--quiet"], { encoding: "utf8" });
  const kb = Number(measured.stderr.trim().split("\n").pop());
  const peakRssMb = measured.status === 0 && Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  process.stdout.write(`${JSON.stringify({ name: "cli-aging-vs-libreoffice", rows, ms: Math.round(ms), floorMs: Math.round(loMs), ratio: Math.round((loMs / ms) * 10) / 10, peakRssMb })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
