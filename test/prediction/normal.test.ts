import { conditionalTail, erfc, normalTail } from "../../src/domain/prediction/_lib/normal";

describe("the normal tail", () => {
  it("matches erfc's tabulated values to 1e-7", () => {
    // Abramowitz & Stegun table 7.1.
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(0.5)).toBeCloseTo(0.4795001222, 7);
    expect(erfc(1)).toBeCloseTo(0.1572992071, 7);
    expect(erfc(2)).toBeCloseTo(0.0046777350, 7);
    expect(erfc(-1)).toBeCloseTo(1.8427007929, 7);
  });

  it("gives P(X > x) for a normal X", () => {
    expect(normalTail(30, 30, 5)).toBeCloseTo(0.5, 7);
    expect(normalTail(35, 30, 5)).toBeCloseTo(0.1586552539, 7);
    expect(normalTail(20, 30, 5)).toBeCloseTo(0.9772498681, 7);
    expect(normalTail(35, 30, 5) + normalTail(25, 30, 5)).toBeCloseTo(1, 7);
  });

  it("gives P(X > b | X > a) as the ratio of the tails", () => {
    expect(conditionalTail(30, 30, 30, 5)).toBe(1);
    expect(conditionalTail(30, 35, 30, 5)).toBeCloseTo(0.1586552539 / 0.5, 6);
    expect(conditionalTail(0, 35, 30, 5)).toBeCloseTo(0.1586552539, 6);
    // Far beyond the mean the tail underflows: the chance is taken as 0, never NaN.
    expect(conditionalTail(1e6, 1e6 + 1, 30, 5)).toBe(0);
  });
});

describe("invalid input", () => {
  it("keeps within [0, 1] at infinities and never returns NaN for finite arguments", () => {
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    for (const [a, b] of [[-1e9, 1e9], [0, 0], [50, 51], [-50, -49]] as const) {
      const p = conditionalTail(a, b, 0, 1);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
