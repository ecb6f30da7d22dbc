import { join } from "node:path";
import { parseExpected, runDoctest, same } from "../../scripts/doctest";

const SAMPLE = join(__dirname, "fixtures/doctest-sample.ts");

describe("the doctest (scripts/doctest.ts)", () => {
  it("runs each example and fails the deliberately wrong one, naming it", async () => {
    const { outcomes, prose, unfinished } = await runDoctest([SAMPLE]);
    expect(outcomes.map((o) => [o.example.fn, o.example.expr, o.ok])).toEqual([
      ["double", "double(21)", true],
      ["double", "double(2)", false],
      ["pair", "pair(x)", true],
      ["triple", "triple(2)", true],
      ["triple", "triple(3)", true],
    ]);
    expect(unfinished.map((u) => [u.fn, u.expr])).toEqual([["half", "half(8)"]]);
    expect(outcomes[1]?.message).toBe("expected 5, got 4");
    expect(prose.map((p) => p.fn)).toEqual(["greet"]);
  });

  it("compares deeply: objects, NaN, -0 and class instances by their JSON form", () => {
    expect(same({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(same({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(same(Number.NaN, Number.NaN)).toBe(true);
    expect(same(-0, 0)).toBe(true);
  });

  describe("invalid input", () => {
    it("treats an expected side that is not a literal as prose", () => {
      expect(parseExpected("ok: lines Invoice 1 100.00", {})).toBeUndefined();
      expect(parseExpected("4 (the median)", {})).toEqual({ value: 4 });
      expect(parseExpected("", {})).toBeUndefined();
    });
  });
});
