/**
 * `npm run bench`: every case in its own child process (so peak RSS is the case's own), a table on
 * stdout and bench-results.json ([{ name, rows, ms, floorMs, ratio, peakRssMb }]). Times are
 * medians of BENCH_RUNS (default 5) runs after a warm-up; data is generated in memory from a seed.
 * `cli-aging-vs-libreoffice` runs when LibreOffice (soffice) is installed; its ratio is
 * LibreOffice's time over the CLI's. BENCH_QUICK=1 runs the small sizes only. The custom-function
 * cases (scripts/bench-functions.ts) follow; BENCH_FUNCTIONS=<regex> runs only the matching ones.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTION_CASES } from "./bench-functions";

interface BenchResult {
  name: string;
  rows: number;
  ms: number;
  floorMs: number;
  ratio: number;
  peakRssMb: number | null;
}

const runs = process.env["BENCH_RUNS"] ?? "5";
const quick = process.env["BENCH_QUICK"] === "1";
const FULL = 1048576;
const cases: [string, number][] = [
  ["aging-function", 10000],
  ["aging-function", 100000],
  ...(quick ? [] : ([["aging-function", FULL]] as [string, number][])),
  ["settle-batch", quick ? 100000 : FULL],
  ["creditcheck-batch", quick ? 100000 : FULL],
];
/** Late-payment prediction (scripts/bench-predict.ts): training and scoring on synthetic ledgers. */
const predictCases: [string, number][] = [
  ["predict-train", 100000],
  ["predict-score", 100000],
  ...(quick ? [] : ([["predict-train", 1000000], ["predict-score", 1000000]] as [string, number][])),
];

function child(script: string, args: readonly string[]): BenchResult {
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", "--import", "tsx", join(__dirname, script), ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as BenchResult;
}

const TARGETS: Record<string, string> = {
  "aging-function": "<= 2x floor at 1,048,576 rows, < 400 MB",
  "settle-batch": "<= 3x floor",
  "creditcheck-batch": "<= 3x floor",
  "cli-aging-vs-libreoffice": ">= 50x faster than LibreOffice",
  "cli-settle-in-place": "< 5 s and < 600 MB at 200,000 rows",
  "predict-train": "< 2 s at 100,000 invoices",
  "match-statement": "100,000 lines vs 1,000,000 items < 10 s; High precision >= 99.5 %, High >= 85 %, best right >= 95 %",
  ...Object.fromEntries(FUNCTION_CASES.map((c) => [c, "<= 3x floor; < 1 s at 1,048,576 rows where the floor allows; peak RSS < 3x input"])),
};

/** Every custom function (scripts/bench-functions.ts) at 10,000, 100,000 and 1,048,576 rows (BENCH_QUICK: 10,000). */
const only = new RegExp(process.env["BENCH_FUNCTIONS"] ?? ".");
const functionCases: [string, number][] = FUNCTION_CASES.filter((c) => only.test(c)).flatMap((c) => (quick ? [10000] : [10000, 100000, FULL]).map((n): [string, number] => [c, n]));

/** A function case, or null when it failed or ran past BENCH_CASE_TIMEOUT_S (default 600): reported on stderr, and the run goes on. */
function functionChild(name: string, rows: number): BenchResult | null {
  const timeout = Number(process.env["BENCH_CASE_TIMEOUT_S"] ?? "600") * 1000;
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", "--expose-gc", "--import", "tsx", join(__dirname, "bench-functions.ts"), name, String(rows), runs], { encoding: "utf8", maxBuffer: 1 << 24, timeout });
  if (r.status !== 0) {
    process.stderr.write(`bench: ${name} ${rows} rows did not finish (${r.error?.message ?? `exit ${String(r.status)}`}):\n${r.stderr.split("\n").slice(-8).join("\n")}\n`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as BenchResult;
}

function main(): void {
  const results: BenchResult[] = [];
  const print = (r: BenchResult): void => {
    process.stdout.write(
      `${r.name.padEnd(26)}${r.rows.toLocaleString("en-US").padStart(10)}${r.ms.toFixed(1).padStart(11)}${r.floorMs.toFixed(1).padStart(11)}${r.ratio.toFixed(2).padStart(8)}${String(r.peakRssMb ?? "-").padStart(8)}   ${TARGETS[r.name] ?? ""}\n`,
    );
  };
  process.stdout.write(`${"case".padEnd(26)}${"rows".padStart(10)}${"ms".padStart(11)}${"floorMs".padStart(11)}${"ratio".padStart(8)}${"rssMB".padStart(8)}   target\n`);
  for (const [name, rows] of cases) {
    process.stderr.write(`bench: ${name} ${rows.toLocaleString("en-US")} rows ...\n`);
    const r = child("bench-case.ts", [name, String(rows), runs]);
    results.push(r);
    print(r);
  }
  for (const [name, rows] of predictCases) {
    process.stderr.write(`bench: ${name} ${rows.toLocaleString("en-US")} invoices ...\n`);
    const r = child("bench-predict.ts", [name, String(rows), runs]);
    results.push(r);
    print(r);
    process.stderr.write(`bench: ${name} ${rows.toLocaleString("en-US")} invoices took ${String((r as BenchResult & { cpuMs?: number }).cpuMs)} ms of CPU (the wall time above counts other jobs too)\n`);
  }
  // Cash application (issue 13): lines against ten times as many open items; quality in stderr.
  for (const lines of quick ? [10000] : [10000, 100000]) {
    process.stderr.write(`bench: match-statement ${lines.toLocaleString("en-US")} lines vs ${(lines * 10).toLocaleString("en-US")} open items ...\n`);
    const r = child("bench-match.ts", [String(lines), String(lines * 10), lines >= 100000 ? "1" : runs]) as BenchResult & Record<string, unknown>;
    results.push(r);
    print(r);
    process.stderr.write(`bench: match-statement precision of High ${String(r["precisionHigh"])} %, High ${String(r["shareHigh"])} %, best suggestion right ${String(r["shareBestRight"])} %\n`);
  }
  for (const [name, rows] of functionCases) {
    process.stderr.write(`bench: ${name} ${rows.toLocaleString("en-US")} rows ...\n`);
    const r = functionChild(name, rows);
    if (r === null) continue;
    results.push(r);
    print(r);
    writeFileSync(join(__dirname, "..", "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  }
  // `cc settle --in-place` on 200,000 rows (issue 16): the production bundle, timed with GNU time.
  if (!quick && only.test("cli-settle-in-place")) {
    process.stderr.write("bench: cli-settle-in-place 200,000 rows ...\n");
    const r = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "bench-inplace.ts"), "200000", runs === "5" ? "3" : runs], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status === 0) {
      const res = JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as BenchResult;
      results.push(res);
      print(res);
    } else process.stderr.write(`bench: cli-settle-in-place did not finish:\n${r.stderr.split("\n").slice(-8).join("\n")}\n`);
  }
  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
  if (soffice === "" || quick) {
    process.stderr.write(`bench: cli-aging-vs-libreoffice skipped (${quick ? "BENCH_QUICK" : "LibreOffice not installed: apt-get install -y libreoffice-calc"})\n`);
  } else {
    process.stderr.write("bench: cli-aging-vs-libreoffice 100,000 rows (LibreOffice takes a minute or two) ...\n");
    const r = child("bench-libreoffice.ts", ["100000", runs, process.env["BENCH_LO_RUNS"] ?? "1"]);
    results.push(r);
    print(r);
  }
  writeFileSync(join(__dirname, "..", "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write("wrote bench-results.json\n");
}

main();
