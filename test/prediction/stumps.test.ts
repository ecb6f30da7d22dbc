import { lossAt } from "../../src/domain/prediction/_lib/logistic";
import { boostStumps, stumpValue } from "../../src/domain/prediction/_lib/stumps";

/** Mean log-loss of labels y at log-odds base + the stumps (one feature column per row). */
function logLoss(x: Float64Array, y: Uint8Array, n: number, d: number, base: Float64Array, stumps: ReturnType<typeof boostStumps>): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let z = base[i] as number;
    for (const s of stumps) z += stumpValue(s, x[i * d + s.feature] as number);
    sum += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - (y[i] as number) * z;
  }
  return sum / n;
}

describe("gradient-boosted stumps", () => {
  // One feature 0..19; late exactly when it is above 9.5.
  const n = 20;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Uint8Array.from({ length: n }, (_, i) => (i >= 10 ? 1 : 0));
  const zero = new Float64Array(n);

  it("takes the Newton step on each side of the best split in its first round", () => {
    const [s] = boostStumps(x, y, n, 1, zero, { rounds: 1, learningRate: 0.1, lambda: 1, bins: 4, minHessian: 0 });
    // Quantile thresholds at rows 5, 10 and 15: 5, 10, 15. At p = 1/2 every gradient is p - y = +-1/2
    // and every Hessian 1/4. Split at 10 (x <= 10): left 10 zeros and one 1 -> G = 5 - 0.5 = 4.5,
    // H = 11/4; right 9 ones -> G = -4.5, H = 9/4. The split at 5 gains less, at 15 less again.
    expect(s?.feature).toBe(0);
    expect(s?.threshold).toBe(10);
    expect(s?.left).toBeCloseTo((-0.1 * 4.5) / (11 / 4 + 1), 12);
    expect(s?.right).toBeCloseTo((-0.1 * -4.5) / (9 / 4 + 1), 12);
  });

  it("lowers the training loss round by round", () => {
    const losses = [0, 1, 5, 20, 60].map((rounds) => logLoss(x, y, n, 1, zero, boostStumps(x, y, n, 1, zero, { rounds, minHessian: 0 })));
    for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1] as number);
  });

  it("starts from the given log-odds and learns only what they miss", () => {
    // Base log-odds already right (+-4): the stumps add little; from 0 they add much.
    const good = Float64Array.from(y, (v) => (v === 1 ? 4 : -4));
    const size = (base: Float64Array): number => boostStumps(x, y, n, 1, base, { rounds: 5, minHessian: 0 }).reduce((a, s) => a + Math.abs(s.left) + Math.abs(s.right), 0);
    expect(size(good)).toBeLessThan(size(zero) / 5);
  });

  it("counts a row of weight 2 as two copies of it", () => {
    const w = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 2 : 1));
    // Some labels flipped so that more than one round has work to do.
    const noisy = Uint8Array.from(y, (v, i) => (i % 7 === 0 ? 1 - v : v));
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < (w[i] as number); c++) {
        xs.push(x[i] as number);
        ys.push(noisy[i] as number);
      }
    }
    const options = { rounds: 3, bins: 1000, minHessian: 0 };
    const weighted = boostStumps(x, noisy, n, 1, zero, { ...options, rowWeights: w });
    const copied = boostStumps(Float64Array.from(xs), Uint8Array.from(ys), xs.length, 1, new Float64Array(xs.length), options);
    const round = (s: { threshold: number; left: number; right: number }): string[] => [String(s.threshold), s.left.toFixed(12), s.right.toFixed(12)];
    expect(weighted).toHaveLength(3);
    expect(weighted.map(round)).toEqual(copied.map(round));
  });

  it("never splits a constant feature and is deterministic", () => {
    const d = 2;
    const x2 = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      x2[i * d] = 7;
      x2[i * d + 1] = i;
    }
    const a = boostStumps(x2, y, n, d, zero, { rounds: 10, minHessian: 0 });
    expect(a.every((s) => s.feature === 1)).toBe(true);
    expect(boostStumps(x2, y, n, d, zero, { rounds: 10, minHessian: 0 })).toEqual(a);
  });

  it("agrees with the logistic loss it reduces", () => {
    // With no stumps the loss is the logistic loss at weights (0): log 2 per row.
    expect(logLoss(x, y, n, 1, zero, [])).toBeCloseTo(lossAt(x, y, n, 1, new Float64Array(2), 0, 0) / n, 12);
  });
});

describe("invalid input", () => {
  it("returns no stumps for no rows, and stops when no split keeps minHessian on both sides", () => {
    expect(boostStumps(new Float64Array(0), new Uint8Array(0), 0, 1, new Float64Array(0))).toEqual([]);
    const tiny = boostStumps(Float64Array.from([1, 2]), Uint8Array.from([0, 1]), 2, 1, new Float64Array(2), { minHessian: 5 });
    expect(tiny).toEqual([]);
  });
});
