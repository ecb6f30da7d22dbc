/**
 * `npm run bench`: every case in its own child process (so peak RSS is the case's own), a table on
 * stdout and bench-results.json ([{ name, rows, ms, floorMs, ratio, peakRssMb, target, met, ... }]).
 * Times are medians of BENCH_RUNS (default 5) runs after a warm-up; data is generated in memory from
 * a seed. `target` is issue #16's target for the case at that size and `met` whether this run met
 * it (null where no target applies: the smaller sizes show how the cost grows).
 *
 * - BENCH_QUICK=1 runs the small sizes only.
 * - BENCH_CASES=<regex> runs only the cases whose name matches (BENCH_FUNCTIONS is the older name,
 *   kept: it filters the custom-function cases).
 * - BENCH_MERGE=1 keeps the results already in bench-results.json for the cases not run this time
 *   (a case rerun replaces its earlier result at the same size).
 * - `cli-aging-vs-libreoffice` runs when LibreOffice (soffice) is installed; its ratio is
 *   LibreOffice's time over the CLI's.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTION_CASES } from "./bench-functions";

export interface BenchResult {
  name: string;
  rows: number;
  ms: number;
  floorMs: number;
  ratio: number;
  peakRssMb: number | null;
  inputMb?: number | null;
  cpuMs?: number;
  target?: string;
  met?: boolean | null;
  [extra: string]: unknown;
}

const runs = process.env["BENCH_RUNS"] ?? "5";
const quick = process.env["BENCH_QUICK"] === "1";
const only = new RegExp(process.env["BENCH_CASES"] ?? ".");
const onlyFunctions = new RegExp(process.env["BENCH_FUNCTIONS"] ?? ".");
export const FULL = 1048576;
const OUT = join(__dirname, "..", "bench-results.json");

/** One case: its name, size, and the child that runs it (a script and its arguments). */
export interface CaseRun {
  readonly name: string;
  readonly rows: number;
  readonly script: string;
  readonly args: readonly string[];
  readonly nodeArgs?: readonly string[];
}

/** Every case `npm run bench` runs (BENCH_QUICK: the small sizes), in order; the libreoffice case follows when soffice is installed. */
export function benchCases(quick: boolean, runs = "5", functions: RegExp = /./): CaseRun[] {
  const engine = (name: string, rows: number): CaseRun => ({ name, rows, script: "bench-case.ts", args: [name, String(rows), runs], nodeArgs: ["--expose-gc"] });
  const predict = (name: string, rows: number): CaseRun => ({ name, rows, script: "bench-predict.ts", args: [name, String(rows), runs] });
  const fn = (name: string, rows: number): CaseRun => ({ name, rows, script: "bench-functions.ts", args: [name, String(rows), runs], nodeArgs: ["--expose-gc"] });
  return [
    ...(quick ? [10000, 100000] : [10000, 100000, FULL]).map((n) => engine("aging-function", n)),
    engine("settle-batch", quick ? 100000 : FULL),
    engine("creditcheck-batch", quick ? 100000 : FULL),
    ...(quick ? [100000] : [100000, 1000000]).flatMap((n) => [predict("predict-train", n), predict("predict-score", n)]),
    // Cash application (issue 13): lines against ten times as many open items; quality fields too.
    ...(quick ? [10000] : [10000, 100000]).map((lines): CaseRun => ({ name: "match-statement", rows: lines, script: "bench-match.ts", args: [String(lines), String(lines * 10), lines >= 100000 ? "1" : runs] })),
    // Every custom function at 10,000, 100,000 and 1,048,576 rows (BENCH_QUICK: 10,000).
    ...FUNCTION_CASES.filter((c) => functions.test(c)).flatMap((c) => (quick ? [10000] : [10000, 100000, FULL]).map((n) => fn(c, n))),
    // `cc settle --in-place` on 200,000 rows and `cc aging` over 10,000,000 CSV rows: the production bundle, timed with GNU time.
    ...(quick
      ? []
      : [
          { name: "cli-settle-in-place", rows: 200000, script: "bench-inplace.ts", args: ["200000", runs === "5" ? "3" : runs] },
          { name: "cli-aging-csv", rows: 10000000, script: "bench-csv.ts", args: ["10000000", "1"] },
        ]),
  ];
}

/** Issue #16's target for a case at a size, and whether a result meets it (null: none applies at this size). */
export function judge(r: BenchResult): { target: string; met: boolean | null } {
  const rss = r.peakRssMb ?? Number.POSITIVE_INFINITY;
  const full = r.rows >= FULL;
  switch (r.name) {
    case "aging-function":
      return { target: "<= 2x floor and < 400 MB at 1,048,576 rows", met: full ? r.ratio <= 2 && rss < 400 : null };
    case "settle-batch":
      return { target: "<= 3x floor and < 1.2 GB", met: full ? r.ratio <= 3 && rss < 1200 : null };
    case "creditcheck-batch":
      return { target: "<= 3x floor", met: full ? r.ratio <= 3 : null };
    case "predict-train":
      return { target: "< 2 s at 100,000 invoices", met: r.rows === 100000 ? r.ms < 2000 : null };
    case "predict-score":
      return { target: "", met: null };
    case "match-statement":
      return {
        target: "100,000 lines vs 1,000,000 items < 10 s; High precision >= 99.5 %, High >= 85 %, best right >= 95 %",
        met: r.rows === 100000 ? r.ms < 10000 && Number(r["precisionHigh"]) >= 99.5 && Number(r["shareHigh"]) >= 85 && Number(r["shareBestRight"]) >= 95 : null,
      };
    case "cli-settle-in-place":
      return { target: "< 5 s and < 600 MB at 200,000 rows", met: r.ms < 5000 && rss < 600 };
    case "cli-aging-csv":
      return { target: "10,000,000 CSV rows < 60 s and < 1 GB", met: r.rows >= 10000000 ? r.ms < 60000 && rss < 1024 : null };
    case "cli-aging-vs-libreoffice":
      return { target: ">= 50x faster than LibreOffice", met: r.ratio >= 50 };
    default: {
      // A custom function: <= 3x its floor, under 1 s where the floor itself is under 1 s, and a
      // peak RSS under 3x its input ranges' own size, at 1,048,576 rows.
      const inputMb = typeof r.inputMb === "number" ? r.inputMb : Number.NaN;
      const oneSecond = r.floorMs < 1000 ? r.ms < 1000 : true;
      return {
        target: "<= 3x floor; < 1 s where the floor is; peak RSS < 3x input (at 1,048,576 rows)",
        met: full ? r.ratio <= 3 && oneSecond && rss < 3 * inputMb : null,
      };
    }
  }
}

function child(c: CaseRun): BenchResult | null {
  const timeout = Number(process.env["BENCH_CASE_TIMEOUT_S"] ?? "900") * 1000;
  const r = spawnSync(process.execPath, ["--max-old-space-size=8192", ...(c.nodeArgs ?? []), "--import", "tsx", join(__dirname, c.script), ...c.args], { encoding: "utf8", maxBuffer: 1 << 24, timeout });
  if (r.status !== 0) {
    process.stderr.write(`bench: ${c.name} ${c.rows} rows did not finish (${r.error?.message ?? `exit ${String(r.status)}`}):\n${r.stderr.split("\n").slice(-8).join("\n")}\n`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "") as BenchResult;
}

function print(r: BenchResult): void {
  const met = r.met === true ? "met" : r.met === false ? "MISSED" : "";
  process.stdout.write(
    `${r.name.padEnd(24)}${r.rows.toLocaleString("en-US").padStart(11)}${r.ms.toFixed(1).padStart(11)}${r.floorMs.toFixed(1).padStart(11)}${r.ratio.toFixed(2).padStart(9)}${String(r.peakRssMb ?? "-").padStart(7)}  ${met.padEnd(7)}${r.target ?? ""}\n`,
  );
}

function main(): void {
  const earlier: BenchResult[] = process.env["BENCH_MERGE"] === "1" && existsSync(OUT) ? (JSON.parse(readFileSync(OUT, "utf8")) as BenchResult[]) : [];
  const fresh: BenchResult[] = [];
  const save = (): void => {
    const key = (r: BenchResult): string => `${r.name}\u0000${String(r.rows)}`;
    const rerun = new Set(fresh.map(key));
    writeFileSync(OUT, `${JSON.stringify([...earlier.filter((r) => !rerun.has(key(r))), ...fresh], null, 2)}\n`);
  };
  const record = (r: BenchResult): void => {
    const judged = { ...r, ...judge(r) };
    fresh.push(judged);
    print(judged);
    save();
  };
  process.stdout.write(`${"case".padEnd(24)}${"rows".padStart(11)}${"ms".padStart(11)}${"floorMs".padStart(11)}${"ratio".padStart(9)}${"rssMB".padStart(7)}  met    target\n`);
  for (const c of benchCases(quick, runs, onlyFunctions).filter((x) => only.test(x.name))) {
    process.stderr.write(`bench: ${c.name} ${c.rows.toLocaleString("en-US")} rows ...\n`);
    const r = child(c);
    if (r !== null) record(r);
  }
  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
  if (!only.test("cli-aging-vs-libreoffice")) return;
  if (soffice === "" || quick) {
    process.stderr.write(`bench: cli-aging-vs-libreoffice skipped (${quick ? "BENCH_QUICK" : "LibreOffice not installed: apt-get install -y libreoffice-calc"})\n`);
  } else {
    process.stderr.write("bench: cli-aging-vs-libreoffice 100,000 rows (LibreOffice takes a minute or two) ...\n");
    const r = child({ name: "cli-aging-vs-libreoffice", rows: 100000, script: "bench-libreoffice.ts", args: ["100000", runs, process.env["BENCH_LO_RUNS"] ?? "1"] });
    if (r !== null) record(r);
  }
  process.stdout.write(`wrote ${OUT}\n`);
}

if (require.main === module) main();
