/**
 * `npx tsx scripts/bench-inplace.ts [rows=200000] [runs=3]`: times the production CLI's
 * `cc settle --in-place` on a generated ledger (scripts/bench-data.ts: 3 currencies, 20 %
 * payments, 20 rows per customer) and prints one JSON line { name, rows, ms, floorMs, ratio, cpuMs,
 * peakRssMb, journalLines }: the median wall time, its CPU time (user + sys) and peak RSS (GNU
 * time); the floor is `cc aging` on the same workbook (one read of the ledger sheet, a small write). The
 * workbook is copied afresh for every run, since a second in-place run is refused (exactly once).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isoFromSerial } from "../src/domain/dates";
import { writeWorkbook } from "../src/cli/_lib/xlsx-write";
import { BENCH_AS_OF, ledgerRange, ratesRange } from "./bench-data";

async function main(): Promise<void> {
  const [rowsText = "200000", runsText = "3"] = process.argv.slice(2);
  const rows = Number(rowsText);
  const runs = Number(runsText);
  const dir = mkdtempSync(join(tmpdir(), "cc-bench-inplace-"));
  const range = ledgerRange(rows, Math.max(10, Math.round(rows / 20)), 42);
  const header = (range[0] ?? []).map(String);
  const dates = ["Date", "DueDate", "CashDiscountDate"].map((h) => header.indexOf(h));
  const source = join(dir, "source.xlsx");
  await writeWorkbook(source, [
    { name: "Transactions", rows: range as (string | number)[][], dateColumns: dates },
    { name: "ExchangeRates", rows: ratesRange() as (string | number)[][], dateColumns: [1] },
  ]);
  execFileSync(process.execPath, [join(__dirname, "build-cli.mjs"), "--quiet"], { stdio: "inherit" });
  const cli = join(__dirname, "..", "dist", "cli", "cc.js");
  const results: { ms: number; cpuMs: number; kb: number; lines: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const target = join(dir, "ledger.xlsx");
    copyFileSync(source, target);
    const t0 = performance.now();
    const r = spawnSync("/usr/bin/time", ["-f", "%U %S %M", process.execPath, cli, "settle", target, "--as-of", isoFromSerial(BENCH_AS_OF), "--in-place", "--quiet"], { encoding: "utf8" });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`cc settle --in-place failed: ${r.stderr}`);
    const [user, sys, kb] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number) as [number, number, number];
    const lines = Number(/\(([\d,]+) journal lines\)/.exec(r.stdout)?.[1]?.replace(/,/g, "") ?? Number.NaN);
    results.push({ ms, cpuMs: (user + sys) * 1000, kb, lines });
  }
  results.sort((a, b) => a.ms - b.ms);
  // The floor: the production CLI reading the same workbook's two sheets and exiting (cc aging
  // --help does no work; `cc aging` reads the Transactions sheet once and writes a small result):
  // what any in-place settle must pay before it settles anything and appends its journal.
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, "aging", source, "--as-of", isoFromSerial(BENCH_AS_OF), "--out", join(dir, "aging.xlsx"), "--quiet"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`cc aging failed: ${r.stderr}`);
    floors.push(performance.now() - t0);
  }
  floors.sort((a, b) => a - b);
  const floorMs = floors[Math.floor(floors.length / 2)] as number;
  const mid = results[Math.floor(results.length / 2)] as (typeof results)[number];
  process.stdout.write(`${JSON.stringify({ name: "cli-settle-in-place", rows, ms: Math.round(mid.ms), floorMs: Math.round(floorMs), ratio: Math.round((mid.ms / floorMs) * 100) / 100, cpuMs: Math.round(mid.cpuMs), peakRssMb: Math.round(Math.max(...results.map((x) => x.kb)) / 1024), journalLines: mid.lines })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
