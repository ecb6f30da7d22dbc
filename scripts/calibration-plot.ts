/**
 * The calibration plot of docs/prediction.md: runs the rolling month-end backtest over 2013 on the
 * public ledger (without the Disputed column, with Features = PaperlessBill, as the real-ledger
 * test does), groups the model's forecasts into deciles of P(late), and draws predicted against
 * observed late share as a reliability diagram (PNG, pngjs). Prints the decile table as Markdown.
 *   npx tsx scripts/calibration-plot.ts [out.png] [ledger.csv]
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { serialFromYmd } from "../src/domain/dates";
import { backtestPaymentModel } from "../src/domain/prediction/backtest";
import { readPredictionLedger } from "../src/workbook/prediction-input";
import { REAL_LEDGER, realLedgerRange } from "../test/prediction/real-ledger";

const out = process.argv[2] ?? join(__dirname, "..", "docs", "prediction-calibration.png");
const ledger = readPredictionLedger(realLedgerRange(process.argv[3] ?? REAL_LEDGER), { features: ["PaperlessBill"] });
if (!ledger.ok) throw new Error(JSON.stringify(ledger.errors.slice(0, 3)));
const result = backtestPaymentModel(ledger.value, serialFromYmd(2013, 1, 1), serialFromYmd(2013, 12, 31), { features: ["PaperlessBill"] });
if (!result.ok) throw new Error(JSON.stringify(result.errors));

// Deciles of the forecasts by P(late) (equal counts; ties keep their backtest order).
const sorted = [...result.value.forecasts].sort((a, b) => a.pLate - b.pLate);
const bins = Array.from({ length: 10 }, (_, b) => sorted.slice(Math.floor((b * sorted.length) / 10), Math.floor(((b + 1) * sorted.length) / 10)));
const points = bins.map((bin) => ({
  n: bin.length,
  predicted: bin.reduce((a, f) => a + f.pLate, 0) / bin.length,
  observed: bin.filter((f) => f.late).length / bin.length,
}));
const ece = points.reduce((a, p) => a + (p.n / sorted.length) * Math.abs(p.predicted - p.observed), 0);

// --- drawing -------------------------------------------------------------------------------------
const W = 640;
const H = 640;
const png = new PNG({ width: W, height: H });
type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
const GREY: Rgb = [200, 200, 200];
const BLACK: Rgb = [30, 30, 30];
const BLUE: Rgb = [15, 108, 189];
const ORANGE: Rgb = [202, 80, 16];
function pixel(x: number, y: number, c: Rgb): void {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (Math.round(y) * W + Math.round(x)) * 4;
  png.data[i] = c[0];
  png.data[i + 1] = c[1];
  png.data[i + 2] = c[2];
  png.data[i + 3] = 255;
}
function rect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
  for (let y = Math.round(y0); y <= Math.round(y1); y++) for (let x = Math.round(x0); x <= Math.round(x1); x++) pixel(x, y, c);
}
function line(x0: number, y0: number, x1: number, y1: number, c: Rgb, width = 1): void {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * 2;
  for (let s = 0; s <= steps; s++) {
    const x = x0 + ((x1 - x0) * s) / steps;
    const y = y0 + ((y1 - y0) * s) / steps;
    rect(x - width / 2, y - width / 2, x + width / 2, y + width / 2, c);
  }
}
// A 3x5 pixel font for the few characters the labels use.
const FONT: Record<string, string> = {
  "0": "111101101101111", "1": "010110010010111", "2": "111001111100111", "3": "111001111001111", "4": "101101111001001",
  "5": "111100111001111", "6": "111100111101111", "7": "111001001001001", "8": "111101111101111", "9": "111101111001111",
  ".": "000000000000010", " ": "000000000000000", "(": "001010010010001", ")": "100010010010100", "=": "000111000111000", ",": "000000000010100",
  A: "010101111101101", B: "110101110101110", C: "011100100100011", D: "110101101101110", E: "111100110100111", F: "111100110100100",
  H: "101101111101101", I: "111010010010111", K: "101101110101101", L: "100100100100111", M: "101111111101101", N: "110101101101101",
  O: "010101101101010", P: "110101110100100", R: "110101110101101", S: "011100010001110", T: "111010010010010", U: "101101101101111",
  V: "101101101101010", Y: "101101010010010", G: "011100101101011", W: "101101111111101",
};
function text(s: string, x: number, y: number, scale: number, c: Rgb): void {
  let cx = x;
  for (const ch of s.toUpperCase()) {
    const g = FONT[ch] ?? FONT[" "] ?? "";
    for (let r = 0; r < 5; r++) for (let k = 0; k < 3; k++) if (g[r * 3 + k] === "1") rect(cx + k * scale, y + r * scale, cx + (k + 1) * scale - 1, y + (r + 1) * scale - 1, c);
    cx += 4 * scale;
  }
}

rect(0, 0, W - 1, H - 1, WHITE);
const left = 80;
const top = 90;
const size = 480;
const px = (p: number): number => left + p * size;
const py = (p: number): number => top + size - p * size;
for (let t = 0; t <= 10; t += 2) {
  const v = t / 10;
  line(px(v), py(0), px(v), py(1), GREY);
  line(px(0), py(v), px(1), py(v), GREY);
  text(v.toFixed(1), px(v) - 14, py(0) + 10, 3, BLACK);
  text(v.toFixed(1), px(0) - 52, py(v) - 7, 3, BLACK);
}
line(px(0), py(0), px(1), py(0), BLACK, 2);
line(px(0), py(0), px(0), py(1), BLACK, 2);
line(px(0), py(0), px(1), py(1), GREY, 2);
for (let i = 1; i < points.length; i++) {
  const a = points[i - 1];
  const b = points[i];
  if (a !== undefined && b !== undefined) line(px(a.predicted), py(a.observed), px(b.predicted), py(b.observed), BLUE, 3);
}
for (const p of points) rect(px(p.predicted) - 5, py(p.observed) - 5, px(p.predicted) + 5, py(p.observed) + 5, ORANGE);
text("RELIABILITY OF THE BACKTEST 2013 (DECILES)", 20, 12, 3, BLACK);
text(`N=${sorted.length}  ECE=${ece.toFixed(3)}`, 20, 36, 3, BLACK);
text("OBSERVED LATE SHARE", 20, 62, 3, BLACK);
text("PREDICTED P(LATE)", left + 140, py(0) + 36, 3, BLACK);
writeFileSync(out, PNG.sync.write(png));

process.stdout.write(`| decile | invoices | mean predicted P(late) | observed late share |\n|---|---|---|---|\n`);
points.forEach((p, i) => process.stdout.write(`| ${i + 1} | ${p.n} | ${p.predicted.toFixed(3)} | ${p.observed.toFixed(3)} |\n`));
process.stdout.write(`expected calibration error (decile-weighted |predicted - observed|): ${ece.toFixed(4)}\nwrote ${out}\n`);
