/**
 * Gradient-boosted stumps on top of a logistic regression's log-odds (Newton boosting, as in
 * XGBoost with depth-1 trees): each round fits one split of one feature to the logistic loss's
 * gradient and Hessian at the current log-odds and adds a shrunken step on each side. The stumps
 * catch what a straight line in the features misses (thresholds, bends) while the regression
 * keeps the trend. Deterministic: no sampling, ties broken by feature and threshold order.
 *
 * For a stump splitting the rows into L and R, with G and H the sums of the rows' weighted gradient
 * c(p - y) and Hessian c p(1 - p), the Newton leaf values are -G_L/(H_L + lambda) and
 * -G_R/(H_R + lambda), and the split lowers the second-order loss by
 * gain = G_L^2/(H_L + lambda) + G_R^2/(H_R + lambda) - G^2/(H + lambda), all halved.
 */
import { sigmoid } from "./logistic";

export interface Stump {
  /** The feature's column. */
  readonly feature: number;
  /** Rows with x[feature] <= threshold take `left`, the others `right` (log-odds units). */
  readonly threshold: number;
  readonly left: number;
  readonly right: number;
}

export interface StumpOptions {
  /** Rounds (stumps), default 40. */
  readonly rounds?: number;
  /** Shrinkage of every step, default 0.1. */
  readonly learningRate?: number;
  /** L2 penalty on a leaf's value (Hessian units), default 10. */
  readonly lambda?: number;
  /** Candidate thresholds per feature: the quantiles of its values, default 16. */
  readonly bins?: number;
  /** Fewest (weighted) Hessian on each side of a split, default 5. */
  readonly minHessian?: number;
  readonly rowWeights?: Float64Array;
}

/**
 * Boost `rounds` stumps on `n` rows of `d` columns (`x` row-major) with labels `y`, starting from
 * the log-odds `base` (one per row; not changed).
 * One round, no shrinkage or penalty, from log-odds 0 (p = 1/2): the split at 5 separates five 0s
 * (G = 2.5, H = 1.25: leaf -2) from three 1s (G = -1.5, H = 0.75: leaf 2).
 * @example
 * const x = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]);
 * const y = new Uint8Array([0, 0, 0, 0, 0, 1, 1, 1]);
 * boostStumps(x, y, 8, 1, new Float64Array(8), { rounds: 1, learningRate: 1, lambda: 0, bins: 2, minHessian: 0.5 }) // [{ feature: 0, threshold: 5, left: -2, right: 2 }]
 */
export function boostStumps(x: Float64Array, y: Uint8Array, n: number, d: number, base: Float64Array, options: StumpOptions = {}): Stump[] {
  const rounds = options.rounds ?? 40;
  const rate = options.learningRate ?? 0.1;
  const lambda = options.lambda ?? 10;
  const bins = options.bins ?? 16;
  const minHessian = options.minHessian ?? 5;
  const c = options.rowWeights;
  if (n === 0) return [];
  // Candidate thresholds per feature and each row's bin (the first threshold >= its value).
  const thresholds: Float64Array[] = [];
  const bin = new Uint8Array(n * d);
  for (let j = 0; j < d; j++) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = x[i * d + j] as number;
    values.sort();
    const t: number[] = [];
    for (let b = 1; b < bins; b++) {
      const v = values[Math.min(n - 1, Math.floor((b * n) / bins))] as number;
      if (t.length === 0 || v > (t[t.length - 1] as number)) t.push(v);
    }
    // A threshold equal to the maximum splits nothing off.
    if (t.length > 0 && (t[t.length - 1] as number) >= (values[n - 1] as number)) t.pop();
    thresholds.push(Float64Array.from(t));
    for (let i = 0; i < n; i++) {
      const v = x[i * d + j] as number;
      let lo = 0;
      let hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v > (t[mid] as number)) lo = mid + 1;
        else hi = mid;
      }
      bin[i * d + j] = lo;
    }
  }
  const eta = Float64Array.from(base);
  const stumps: Stump[] = [];
  // Per feature, per bin: gradient and Hessian sums, interleaved (one table, small enough for the cache).
  const stride = bins + 1;
  const table = new Float64Array(d * stride * 2);
  for (let r = 0; r < rounds; r++) {
    table.fill(0);
    let gAll = 0;
    let hAll = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(eta[i] as number);
      const ci = c === undefined ? 1 : (c[i] as number);
      const gi = ci * (p - (y[i] as number));
      const hi = ci * p * (1 - p);
      gAll += gi;
      hAll += hi;
      const row = i * d;
      for (let j = 0; j < d; j++) {
        const at = (j * stride + (bin[row + j] as number)) * 2;
        table[at] = (table[at] as number) + gi;
        table[at + 1] = (table[at + 1] as number) + hi;
      }
    }
    let best: { gain: number; feature: number; split: number; gl: number; hl: number } | null = null;
    for (let j = 0; j < d; j++) {
      const t = thresholds[j] as Float64Array;
      let gl = 0;
      let hl = 0;
      for (let s = 0; s < t.length; s++) {
        gl += table[(j * stride + s) * 2] as number;
        hl += table[(j * stride + s) * 2 + 1] as number;
        const gr = gAll - gl;
        const hr = hAll - hl;
        if (hl < minHessian || hr < minHessian) continue;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - (gAll * gAll) / (hAll + lambda);
        if (best === null || gain > best.gain + 1e-12) best = { gain, feature: j, split: s, gl, hl };
      }
    }
    if (best === null || best.gain <= 1e-9) break;
    const stump: Stump = {
      feature: best.feature,
      threshold: (thresholds[best.feature] as Float64Array)[best.split] as number,
      left: (-rate * best.gl) / (best.hl + lambda),
      right: (-rate * (gAll - best.gl)) / (hAll - best.hl + lambda),
    };
    stumps.push(stump);
    for (let i = 0; i < n; i++) eta[i] = (eta[i] as number) + ((bin[i * d + stump.feature] as number) <= best.split ? stump.left : stump.right);
  }
  return stumps;
}

/**
 * A stump's log-odds for a value of its feature.
 * @example stumpValue({ feature: 0, threshold: 5, left: -2, right: 2 }, 5) // -2
 * @example stumpValue({ feature: 0, threshold: 5, left: -2, right: 2 }, 5.5) // 2
 */
export function stumpValue(stump: Stump, v: number): number {
  return v <= stump.threshold ? stump.left : stump.right;
}
