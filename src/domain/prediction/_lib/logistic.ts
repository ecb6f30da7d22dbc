/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares). The loss is convex, so Newton's method from zero weights reaches the one minimum; no
 * randomness is involved, and the same data give the same weights on every machine.
 *
 * Loss(w) = -sum_i c_i [y_i log p_i + (1 - y_i) log(1 - p_i)] + lambda/2 * |w_1..d|^2 + lambda0/2 * w_0^2,
 * with p_i = sigmoid(w_0 + sum_j w_j x_ij) and c_i the row's weight (1 unless given). The intercept w_0 gets a tiny penalty lambda0 only so
 * that a training set with one class still has a finite minimum.
 */
import { assert } from "../../_lib/assert";

export interface LogisticFit {
  /** Intercept first, then one weight per column. */
  readonly weights: Float64Array;
  readonly iterations: number;
  /** The penalised loss at the returned weights. */
  readonly loss: number;
}

export interface LogisticOptions {
  /** L2 penalty on the feature weights (default 1). */
  readonly lambda?: number;
  /** L2 penalty on the intercept (default 1e-4). */
  readonly lambdaIntercept?: number;
  readonly maxIterations?: number;
  /** One non-negative weight per row (default all 1): a row of weight 2 counts as two copies of it. */
  readonly rowWeights?: Float64Array;
}

/**
 * @example sigmoid(0) // 0.5
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + exp(z)) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Fit the model on `n` rows of `d` columns (`x` row-major) with labels `y` (0 or 1).
 * Without a penalty the fit reproduces the shares: p(x=0) = 1/2 (intercept 0), p(x=1) = 2/3 (weight log 2).
 * @example
 * const fit = fitLogistic(new Float64Array([0, 0, 1, 1, 1]), new Uint8Array([0, 1, 0, 1, 1]), 5, 1, { lambda: 0 });
 * Array.from(fit.weights, (w) => Math.round(w * 1000) / 1000) // [0, 0.693]
 * Math.round(sigmoid(fit.weights[0] + fit.weights[1]) * 1000) / 1000 // 0.667
 */
export function fitLogistic(x: Float64Array, y: Uint8Array, n: number, d: number, options: LogisticOptions = {}): LogisticFit {
  assert(x.length === n * d && y.length === n, "fitLogistic: x must be n*d and y must be n long");
  const lambda = options.lambda ?? 1;
  const lambda0 = options.lambdaIntercept ?? 1e-4;
  const maxIterations = options.maxIterations ?? 50;
  const c = options.rowWeights;
  assert(c === undefined || c.length === n, "fitLogistic: rowWeights must be n long");
  const m = d + 1;
  const w = new Float64Array(m);
  let loss = lossAt(x, y, n, d, w, lambda, lambda0, c);
  let iterations = 0;
  const h = new Float64Array(m * m);
  const g = new Float64Array(m);
  const row = new Float64Array(m);
  for (; iterations < maxIterations; iterations++) {
    h.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      row[0] = 1;
      let z = w[0] as number;
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j] as number;
        row[j + 1] = v;
        z += (w[j + 1] as number) * v;
      }
      const p = sigmoid(z);
      const ci = c === undefined ? 1 : (c[i] as number);
      const r = ci * (p - (y[i] as number));
      const s = ci * Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < m; a++) {
        const ra = row[a] as number;
        g[a] = (g[a] as number) + r * ra;
        const sa = s * ra;
        // Lower triangle only; mirrored in the solver.
        for (let b = 0; b <= a; b++) h[a * m + b] = (h[a * m + b] as number) + sa * (row[b] as number);
      }
    }
    for (let a = 0; a < m; a++) {
      const l = a === 0 ? lambda0 : lambda;
      g[a] = (g[a] as number) + l * (w[a] as number);
      h[a * m + a] = (h[a * m + a] as number) + l;
    }
    const step = solveSpd(h, g, m);
    // Converged: the Newton step is below rounding noise on standardised weights.
    let size = 0;
    for (let a = 0; a < m; a++) size = Math.max(size, Math.abs(step[a] as number));
    if (size < 1e-8) break;
    // Newton step, halved while it does not lower the loss (it always does near the minimum). The
    // tolerance is relative: the loss is a sum over n rows and carries n rounding errors.
    const tolerance = 1e-12 * Math.max(1, Math.abs(loss));
    let t = 1;
    const next = new Float64Array(m);
    let nextLoss = Infinity;
    for (let k = 0; k < 30; k++) {
      for (let a = 0; a < m; a++) next[a] = (w[a] as number) - t * (step[a] as number);
      nextLoss = lossAt(x, y, n, d, next, lambda, lambda0, c);
      if (nextLoss <= loss + tolerance) break;
      t /= 2;
    }
    if (nextLoss > loss + tolerance) break;
    w.set(next);
    loss = nextLoss;
  }
  return { weights: w, iterations, loss };
}

/**
 * The penalised loss (see the file comment).
 * @example Math.round(lossAt(new Float64Array([0, 1]), new Uint8Array([0, 1]), 2, 1, new Float64Array(2), 1, 1) * 1000) / 1000 // 1.386 (2 log 2 at zero weights)
 * @example Math.round(lossAt(new Float64Array([0, 1]), new Uint8Array([0, 1]), 2, 1, new Float64Array([0, 2]), 1, 0) * 1000) / 1000 // 2.82 (0.693 + 0.127 + 2 for the penalty)
 */
export function lossAt(x: Float64Array, y: Uint8Array, n: number, d: number, w: Float64Array, lambda: number, lambda0: number, rowWeights?: Float64Array): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let z = w[0] as number;
    for (let j = 0; j < d; j++) z += (w[j + 1] as number) * (x[i * d + j] as number);
    loss += (rowWeights === undefined ? 1 : (rowWeights[i] as number)) * (softplus(z) - (y[i] as number) * z);
  }
  let pen = lambda0 * (w[0] as number) ** 2;
  for (let j = 1; j <= d; j++) pen += lambda * (w[j] as number) ** 2;
  return loss + pen / 2;
}

/**
 * Solve A s = b for a symmetric positive-definite A given by its lower triangle (Cholesky).
 * A tiny ridge is added when rounding makes a pivot non-positive.
 * @example Array.from(solveSpd(new Float64Array([4, 0, 2, 5]), new Float64Array([6, 9]), 2)) // [0.75, 1.5] (4a + 2b = 6, 2a + 5b = 9)
 */
export function solveSpd(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * m + k] as number) * (l[j * m + k] as number);
      if (i === j) l[i * m + i] = Math.sqrt(s > 1e-12 ? s : 1e-12);
      else l[i * m + j] = s / (l[j * m + j] as number);
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * m + k] as number) * (z[k] as number);
    z[i] = s / (l[i * m + i] as number);
  }
  const out = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i] as number;
    for (let k = i + 1; k < m; k++) s -= (l[k * m + i] as number) * (out[k] as number);
    out[i] = s / (l[i * m + i] as number);
  }
  return out;
}
