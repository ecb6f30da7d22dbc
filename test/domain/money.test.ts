import fc from "fast-check";
import { Decimal } from "../../src/domain/_lib/decimal";
import { allocate, currencyExponent, minorToNumber, parseMoney, percentOf, roundMinor } from "../../src/domain/money";

describe("currencyExponent", () => {
  it.each([
    ["USD", 2],
    ["eur", 2],
    ["SEK", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["ISK", 0],
    ["BHD", 3],
    ["KWD", 3],
    ["OMR", 3],
    ["JOD", 3],
    ["TND", 3],
    ["", 2],
  ])("knows that %s has %i decimals", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it("does not guess the precision of an unknown code", () => {
    expect(currencyExponent("XYZ")).toBeUndefined();
  });
});

describe("parseMoney", () => {
  it("removes binary noise from doubles: 0.1 + 0.2 is 30 cents", () => {
    expect(parseMoney(0.1 + 0.2, 2)).toEqual({ ok: true, minor: 30 });
  });

  it("sums 0.1 ten times to exactly one unit once parsed", () => {
    const cells = new Array<number>(10).fill(0.1);
    const total = cells.reduce((a, c) => {
      const p = parseMoney(c, 2);
      if (!p.ok) throw new Error(p.reason);
      return a + p.minor;
    }, 0);
    expect(total).toBe(100);
  });

  it.each([
    [1234.56, 2, 123456],
    [-0.01, 2, -1],
    [100, 0, 100],
    [1.234, 3, 1234],
    ["1,234.50", 2, 123450],
    ["$12.30", 2, 1230],
    ["(5.00)", 2, -500],
    [" 7 ", 2, 700],
    [1.005, 2, 101],
  ])("parses %p at %i decimals as %i minor units", (value, exponent, minor) => {
    const p = parseMoney(value, exponent, false);
    if (typeof value === "number" && value === 1.005) {
      // 1.005 is 1.00499999999999989... as a double; at 15 digits it is 1.005, which has 3 decimals.
      expect(p.ok).toBe(false);
      expect(parseMoney(value, exponent, true)).toEqual({ ok: true, minor });
      return;
    }
    expect(p).toEqual({ ok: true, minor });
  });

  it("never returns negative zero", () => {
    const p = parseMoney(-0, 2);
    expect(p.ok && Object.is(p.minor, 0)).toBe(true);
  });

  describe("invalid input", () => {
    it.each([
      ["abc", "'abc' is not a number"],
      ["12.3.4", "is not a number"],
      ["1 234", "is not a number"],
      [Number.NaN, "not a finite number"],
      [Number.POSITIVE_INFINITY, "not a finite number"],
      [true, "is not a number"],
      [null, "is not a number"],
      [{}, "is not a number"],
    ])("refuses %p", (value, reason) => {
      const p = parseMoney(value, 2);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.reason).toContain(reason);
    });

    it("refuses more decimals than the currency allows and suggests ROUND()", () => {
      const p = parseMoney(33.3333, 2);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.reason).toMatch(/ROUND\(value, 2\)/);
      expect(parseMoney(1.5, 0).ok).toBe(false);
    });

    it("rounds half away from zero when RoundAmounts is on", () => {
      expect(parseMoney(33.3333, 2, true)).toEqual({ ok: true, minor: 3333 });
      expect(parseMoney(-0.125, 2, true)).toEqual({ ok: true, minor: -13 });
    });

    it("refuses magnitudes beyond 2^53 minor units", () => {
      expect(parseMoney("90071992547409.93", 2).ok).toBe(false);
      expect(parseMoney(1e300, 2).ok).toBe(false);
    });
  });

  it("round-trips every 2-decimal amount through the number a cell holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (minor) => {
        const cell = minorToNumber(minor, 2);
        const back = parseMoney(cell, 2);
        return back.ok && back.minor === minor;
      }),
    );
  });
});

describe("roundMinor", () => {
  it("rounds half away from zero", () => {
    expect(roundMinor(new Decimal("2.5"))).toBe(3);
    expect(roundMinor(new Decimal("-2.5"))).toBe(-3);
    expect(roundMinor(new Decimal("2.4999"))).toBe(2);
  });

  it("takes a percentage of an amount: 2 % of 350.00 is 7.00", () => {
    expect(percentOf(35000, 2)).toBe(700);
    expect(percentOf(50500, 1)).toBe(505);
  });
});

describe("allocate", () => {
  it("splits by largest remainder", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-5, [1, 1])).toEqual([-3, -2]);
    expect(allocate(1000, [0, 0])).toEqual([1000, 0]);
    expect(allocate(10, [3, 7])).toEqual([3, 7]);
  });

  it("always returns parts that sum to the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => allocate(total, weights).reduce((a, b) => a + b, 0) === total,
      ),
    );
  });

  it("refuses negative weights as a programmer error", () => {
    expect(() => allocate(10, [1, -1])).toThrow(/non-negative/);
  });
});

describe("minorToNumber", () => {
  it("gives exactly the double that the decimal text parses to", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(0, 2, 3), (minor, e) => {
        const text = (minor < 0 ? "-" : "") + String(Math.abs(minor)).padStart(e + 1, "0").replace(new RegExp(`(\\d{${e}})$`), e === 0 ? "$1" : ".$1");
        return minorToNumber(minor, e) === Number(text);
      }),
    );
  });
});
