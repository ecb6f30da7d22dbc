import fc from "fast-check";
import { naturalCompare } from "../../src/domain/_lib/natural-compare";

describe("naturalCompare", () => {
  it("orders digit runs as numbers and the rest by code unit", () => {
    expect(["C10", "C9", "B", "C09", "10", "9", "C1a", "C1"].sort(naturalCompare)).toEqual(["9", "10", "B", "C1", "C1a", "C09", "C9", "C10"]);
  });

  it("is a total order: antisymmetric, transitive and zero only for equal strings", () => {
    const text = fc.stringMatching(/^[A-Za-z0-9 -]{0,6}$/);
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const ab = Math.sign(naturalCompare(a, b));
        expect(ab + Math.sign(naturalCompare(b, a))).toBe(0);
        if (ab === 0) expect(a).toBe(b);
        if (ab <= 0 && naturalCompare(b, c) <= 0) expect(naturalCompare(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });
});
