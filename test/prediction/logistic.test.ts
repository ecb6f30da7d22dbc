import { fitLogistic, lossAt, sigmoid, solveSpd } from "../../src/domain/prediction/_lib/logistic";

describe("logistic regression by Newton's method", () => {
  it("with no features, fits the intercept to the log-odds of the share of ones", () => {
    const y = new Uint8Array([1, 0, 0, 1, 0, 0, 0, 0]);
    const fit = fitLogistic(new Float64Array(0), y, 8, 0, { lambdaIntercept: 0 });
    expect(sigmoid(fit.weights[0] as number)).toBeCloseTo(2 / 8, 10);
  });

  it("without a penalty, reproduces each group's share for a binary feature", () => {
    // Group x=0: 1 of 4 late; group x=1: 3 of 4 late.
    const x = new Float64Array([0, 0, 0, 0, 1, 1, 1, 1]);
    const y = new Uint8Array([1, 0, 0, 0, 1, 1, 1, 0]);
    const w = fitLogistic(x, y, 8, 1, { lambda: 0, lambdaIntercept: 0 }).weights;
    expect(sigmoid(w[0] as number)).toBeCloseTo(0.25, 9);
    expect(sigmoid((w[0] as number) + (w[1] as number))).toBeCloseTo(0.75, 9);
    expect(w[1]).toBeCloseTo(2 * Math.log(3), 9);
  });

  it("stops at the penalised minimum: the gradient is zero and no nearby point has a lower loss", () => {
    const n = 200;
    const d = 3;
    const x = new Float64Array(n * d);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) x[i * d + j] = Math.sin(i * (j + 1) * 0.37) * (j + 1);
      y[i] = Math.cos(i * 0.91) + (x[i * d] as number) > 0.3 ? 1 : 0;
    }
    const lambda = 2;
    const fit = fitLogistic(x, y, n, d, { lambda, lambdaIntercept: 0 });
    const grad = new Float64Array(d + 1);
    for (let i = 0; i < n; i++) {
      let z = fit.weights[0] as number;
      for (let j = 0; j < d; j++) z += (fit.weights[j + 1] as number) * (x[i * d + j] as number);
      const r = sigmoid(z) - (y[i] as number);
      grad[0] = (grad[0] as number) + r;
      for (let j = 0; j < d; j++) grad[j + 1] = (grad[j + 1] as number) + r * (x[i * d + j] as number);
    }
    for (let j = 1; j <= d; j++) grad[j] = (grad[j] as number) + lambda * (fit.weights[j] as number);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-6);
    for (let j = 0; j <= d; j++) {
      for (const step of [-1e-3, 1e-3]) {
        const w = Float64Array.from(fit.weights);
        w[j] = (w[j] as number) + step;
        expect(lossAt(x, y, n, d, w, lambda, 0)).toBeGreaterThan(fit.loss);
      }
    }
  });

  it("a larger penalty shrinks the weights towards zero", () => {
    const x = new Float64Array([0, 0, 0, 0, 1, 1, 1, 1]);
    const y = new Uint8Array([1, 0, 0, 0, 1, 1, 1, 0]);
    const small = fitLogistic(x, y, 8, 1, { lambda: 0.1 }).weights[1] as number;
    const large = fitLogistic(x, y, 8, 1, { lambda: 10 }).weights[1] as number;
    expect(Math.abs(large)).toBeLessThan(Math.abs(small));
    expect(large).toBeGreaterThan(0);
  });

  it("keeps a finite intercept when every label is the same", () => {
    const fit = fitLogistic(new Float64Array([1, 2, 3]), new Uint8Array([0, 0, 0]), 3, 1);
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(sigmoid((fit.weights[0] as number) + 2 * (fit.weights[1] as number))).toBeLessThan(0.01);
  });

  it("solves a symmetric positive-definite system given by its lower triangle", () => {
    // A = [[4, 2], [2, 3]] (upper entry left 0), b = [2, 1] -> s = [0.5, 0].
    const s = solveSpd(new Float64Array([4, 0, 2, 3]), new Float64Array([2, 1]), 2);
    expect(s[0]).toBeCloseTo(0.5, 12);
    expect(s[1]).toBeCloseTo(0, 12);
  });

  it("computes the sigmoid without overflow at both ends", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });
});

describe("row weights", () => {
  it("count a row of weight 2 as two copies of it", () => {
    const x = new Float64Array([0, 1, 2, 3, 4, 5]);
    const y = new Uint8Array([0, 0, 1, 0, 1, 1]);
    const weighted = fitLogistic(x, y, 6, 1, { lambda: 0.5, rowWeights: new Float64Array([2, 1, 1, 2, 1, 1]) });
    const copied = fitLogistic(new Float64Array([0, 0, 1, 2, 3, 3, 4, 5]), new Uint8Array([0, 0, 0, 1, 0, 0, 1, 1]), 8, 1, { lambda: 0.5 });
    expect(weighted.weights[0]).toBeCloseTo(copied.weights[0] as number, 9);
    expect(weighted.weights[1]).toBeCloseTo(copied.weights[1] as number, 9);
    expect(weighted.loss).toBeCloseTo(copied.loss, 9);
  });

  it("of 0 leave a row out", () => {
    const x = new Float64Array([0, 1, 2, 3, 9]);
    const y = new Uint8Array([0, 1, 0, 1, 0]);
    const weighted = fitLogistic(x, y, 5, 1, { rowWeights: new Float64Array([1, 1, 1, 1, 0]) }).weights;
    const dropped = fitLogistic(x.subarray(0, 4), y.subarray(0, 4), 4, 1).weights;
    expect(weighted[1]).toBeCloseTo(dropped[1] as number, 9);
  });
});

describe("invalid input", () => {
  it("refuses x, y or row weights of the wrong length", () => {
    expect(() => fitLogistic(new Float64Array(3), new Uint8Array(2), 2, 1)).toThrow("x must be n*d");
    expect(() => fitLogistic(new Float64Array(2), new Uint8Array(2), 2, 1, { rowWeights: new Float64Array(3) })).toThrow("rowWeights must be n long");
  });
});
