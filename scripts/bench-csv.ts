/**
 * `npx tsx scripts/bench-csv.ts [rows=10000000] [runs=1]`: the past-one-sheet case of issue #16
 * (docs/scale.md). Writes bench-data's ledger of `rows` rows as CSV under the temp directory
 * (scripts/make-ledger-file.ts, one customer per 100 rows), then times the production CLI's
 * `cc aging <file.csv>` on it with GNU time, and prints one JSON line
 * { name, rows, ms, floorMs, ratio, cpuMs, peakRssMb, fileMb }: the median wall time, its CPU time
 * (user + sys) and peak RSS. The floor is one streaming read of the same file that counts its lines
 * and fields (every byte looked at once, no value parsed): what any reader of the file must do.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isoFromSerial } from "../src/domain/dates";
import { BENCH_AS_OF } from "./bench-data";

/** Lines and commas of a file, read as a stream of bytes. */
async function countFields(path: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b === 10 || b === 44) count++;
    }
  }
  return count;
}

async function main(): Promise<void> {
  const [rowsText = "10000000", runsText = "1"] = process.argv.slice(2);
  const rows = Number(rowsText);
  const runs = Math.max(1, Number(runsText));
  const dir = mkdtempSync(join(tmpdir(), "cc-bench-csv-"));
  try {
    const file = join(dir, "ledger.csv");
    execFileSync(process.execPath, ["--import", "tsx", join(__dirname, "make-ledger-file.ts"), String(rows), file], { stdio: "inherit" });
    execFileSync(process.execPath, [join(__dirname, "build-cli.mjs"), "--quiet"], { stdio: "inherit" });
    const cli = join(__dirname, "..", "dist", "cli", "cc.js");
    const results: { ms: number; cpuMs: number; kb: number }[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync("/usr/bin/time", ["-f", "%U %S %M", process.execPath, cli, "aging", file, "--as-of", isoFromSerial(BENCH_AS_OF), "--out", join(dir, "aging.csv"), "--quiet"], { encoding: "utf8" });
      const ms = performance.now() - t0;
      if (r.status !== 0) throw new Error(`cc aging failed: ${r.stderr}`);
      const [user, sys, kb] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number) as [number, number, number];
      results.push({ ms, cpuMs: (user + sys) * 1000, kb });
    }
    const floors: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      if ((await countFields(file)) < rows) throw new Error("the file is shorter than its rows");
      floors.push(performance.now() - t0);
    }
    results.sort((a, b) => a.ms - b.ms);
    floors.sort((a, b) => a - b);
    const mid = results[Math.floor(results.length / 2)] as (typeof results)[number];
    const floorMs = floors[Math.floor(floors.length / 2)] as number;
    process.stdout.write(
      `${JSON.stringify({ name: "cli-aging-csv", rows, ms: Math.round(mid.ms), floorMs: Math.round(floorMs), ratio: Math.round((mid.ms / floorMs) * 100) / 100, cpuMs: Math.round(mid.cpuMs), peakRssMb: Math.round(Math.max(...results.map((x) => x.kb)) / 1024), fileMb: Math.round(statSync(file).size / 1048576) })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
