import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type BenchResult, benchCases, judge } from "../../scripts/bench";
import { benchTable, END, START, withTable } from "../../scripts/bench-table";

const root = join(__dirname, "..", "..");
const results = JSON.parse(readFileSync(join(root, "bench-results.json"), "utf8")) as BenchResult[];

describe("bench-results.json (issue #16: every case, with its floor, ratio and peak RSS)", () => {
  it("has every case of a full `npm run bench` at every size, once", () => {
    const want = [...benchCases(false).map((c) => `${c.name} ${c.rows}`), "cli-aging-vs-libreoffice 100000"].sort();
    const got = results.map((r) => `${r.name} ${r.rows}`).sort();
    expect(got).toStrictEqual(want);
  });

  it("gives each result its fields, a ratio that is its times' and the target judged as the bench judges it", () => {
    for (const r of results) {
      expect(typeof r.ms).toBe("number");
      expect(r.floorMs).toBeGreaterThan(0);
      expect(typeof r.peakRssMb).toBe("number");
      // The LibreOffice case's ratio is LibreOffice's time over the CLI's; every other is the case's
      // over its floor's. Both times are stored rounded (to 0.1 ms, or 1 ms), the ratio from the
      // unrounded ones: it lies within what the rounded times allow.
      const [top, bottom] = r.name === "cli-aging-vs-libreoffice" ? [r.floorMs, r.ms] : [r.ms, r.floorMs];
      const lo = (top - 0.5) / (bottom + 0.5);
      const hi = (top + 0.5) / Math.max(bottom - 0.5, 0.05);
      expect(r.ratio).toBeGreaterThanOrEqual(lo * 0.99 - 0.01);
      expect(r.ratio).toBeLessThanOrEqual(hi * 1.01 + 0.01);
      expect({ target: r.target, met: r.met }).toStrictEqual(judge(r));
    }
    // The custom functions carry their input's size, which their RSS target is measured against.
    for (const r of results.filter((x) => x.name.startsWith("fn-"))) expect(r.inputMb).toBeGreaterThan(0);
  });

  it("is the table in docs/performance.md", () => {
    const doc = readFileSync(join(root, "docs", "performance.md"), "utf8");
    expect(withTable(doc, benchTable(results))).toBe(doc);
  });

  it("judges a worked example at full size and leaves smaller sizes unjudged", () => {
    const base = { name: "fn-letters", rows: 1048576, ms: 600, floorMs: 250, ratio: 2.4, peakRssMb: 400, inputMb: 169 };
    expect(judge(base).met).toBe(true);
    expect(judge({ ...base, ms: 1100, ratio: 4.4 }).met).toBe(false);
    // Over 1 s is allowed when the floor itself is not under 1 s.
    expect(judge({ ...base, ms: 2400, floorMs: 1000, ratio: 2.4 }).met).toBe(true);
    expect(judge({ ...base, peakRssMb: 520 }).met).toBe(false);
    expect(judge({ ...base, rows: 100000 }).met).toBeNull();
    expect(judge({ name: "aging-function", rows: 1048576, ms: 300, floorMs: 150, ratio: 2, peakRssMb: 399 }).met).toBe(true);
    expect(judge({ name: "cli-settle-in-place", rows: 200000, ms: 4999, floorMs: 2000, ratio: 2.5, peakRssMb: 601 }).met).toBe(false);
  });

  describe("invalid input", () => {
    it("refuses a docs page without the table's markers, and a function result without its input size meets nothing", () => {
      expect(() => withTable("# Performance\n", "| a |")).toThrow("bench-table");
      expect(() => withTable(`${END}\n${START}`, "| a |")).toThrow("bench-table");
      expect(judge({ name: "fn-dso", rows: 1048576, ms: 300, floorMs: 150, ratio: 2, peakRssMb: 300 }).met).toBe(false);
      expect(judge({ name: "aging-function", rows: 1048576, ms: 300, floorMs: 150, ratio: 2, peakRssMb: null }).met).toBe(false);
    });
  });
});
