/**
 * `npx tsx scripts/bench-table.ts [--write]`: bench-results.json as the Markdown table of
 * docs/performance.md (one row per case and size: time, floor, ratio, peak RSS, input size, µs per
 * row, target, met). `--write` replaces the table between the `bench-table` markers in
 * docs/performance.md; without it the table goes to stdout. test/docs/bench-results.test.ts checks
 * that the committed table is this script's table of the committed results.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface StoredResult {
  readonly name: string;
  readonly rows: number;
  readonly ms: number;
  readonly floorMs: number;
  readonly ratio: number;
  readonly peakRssMb: number | null;
  readonly inputMb?: number | null;
  readonly cpuMs?: number;
  readonly target?: string;
  readonly met?: boolean | null;
}

export const START = "<!-- bench-table:start (scripts/bench-table.ts --write) -->";
export const END = "<!-- bench-table:end -->";

const fmt = (x: number, digits = 0): string => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The Markdown table of `results`, in their order. */
export function benchTable(results: readonly StoredResult[]): string {
  const lines = [
    "| case | rows | ms | floorMs | ratio | peak RSS MB | input MB | µs per row | target | met |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const r of results) {
    const met = r.met === true ? "**met**" : r.met === false ? "missed" : "";
    const perRow = (r.ms * 1000) / r.rows;
    lines.push(
      `| ${r.name} | ${fmt(r.rows)} | ${fmt(r.ms, 1)} | ${fmt(r.floorMs, 1)} | ${fmt(r.ratio, 2)} | ${r.peakRssMb ?? ""} | ${typeof r.inputMb === "number" ? fmt(r.inputMb, 1) : ""} | ${fmt(perRow, perRow < 10 ? 2 : 1)} | ${r.met === null || r.met === undefined ? "" : (r.target ?? "")} | ${met} |`,
    );
  }
  return lines.join("\n");
}

/** `doc` with the text between the markers replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/performance.md has no ${START} ... ${END} section`);
  return `${doc.slice(0, a + START.length)}\n${table}\n${doc.slice(b)}`;
}

function main(): void {
  const root = join(__dirname, "..");
  const results = JSON.parse(readFileSync(join(root, "bench-results.json"), "utf8")) as StoredResult[];
  const table = benchTable(results);
  if (process.argv.includes("--write")) {
    const path = join(root, "docs", "performance.md");
    writeFileSync(path, withTable(readFileSync(path, "utf8"), table));
    process.stdout.write(`wrote the table of ${results.length} results to docs/performance.md\n`);
  } else process.stdout.write(`${table}\n`);
}

if (require.main === module) main();
