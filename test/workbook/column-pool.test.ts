import { float64Column, int32Column, pooledBytes, uint8Column, withColumnPool } from "../../src/workbook/_lib/column-pool";
import { interest, letters } from "../../src/functions/collections";
import { readLedger } from "../../src/workbook/ledger";
import { ledgerRange, BENCH_AS_OF } from "../../scripts/bench-data";

const BIG = 1 << 17;

describe("the column pool", () => {
  it("lends a returned buffer to the next scope, zero-filled", () => {
    let first: Float64Array | undefined;
    withColumnPool(() => {
      first = float64Column(BIG);
      first.fill(7);
    });
    withColumnPool(() => {
      const again = float64Column(BIG);
      expect(again.buffer).toBe(first?.buffer);
      expect(again.every((v) => v === 0)).toBe(true);
    });
  });

  it("lends a longer buffer as a view of the length asked for", () => {
    withColumnPool(() => int32Column(BIG * 2).fill(3));
    withColumnPool(() => {
      const shorter = int32Column(BIG + 5);
      expect(shorter.length).toBe(BIG + 5);
      expect(shorter.every((v) => v === 0)).toBe(true);
    });
  });

  it("returns nothing until the outermost scope ends", () => {
    withColumnPool(() => {
      const outer = uint8Column(BIG);
      let inner: Uint8Array | undefined;
      withColumnPool(() => {
        inner = uint8Column(BIG);
      });
      const later = uint8Column(BIG);
      expect(later.buffer).not.toBe(inner?.buffer);
      expect(later.buffer).not.toBe(outer.buffer);
    });
  });

  it("takes its columns back when the body throws", () => {
    let lent: Float64Array | undefined;
    expect(() =>
      withColumnPool(() => {
        lent = float64Column(BIG * 3);
        throw new Error("bad cell");
      }),
    ).toThrow("bad cell");
    withColumnPool(() => expect(float64Column(BIG * 3).buffer).toBe(lent?.buffer));
  });

  it("allocates plainly outside a scope and for small columns", () => {
    const a = float64Column(BIG);
    const b = float64Column(BIG);
    expect(a.buffer).not.toBe(b.buffer);
    withColumnPool(() => {
      const small = int32Column(10);
      small.fill(1);
    });
    withColumnPool(() => expect(int32Column(10).every((v) => v === 0)).toBe(true));
    expect(pooledBytes()).toBeGreaterThan(0);
  });

  it("gives a function the same answer on every call, whatever the calls before it left in the pool", () => {
    const a = ledgerRange(70000, 700, 1);
    const b = ledgerRange(90000, 900, 2);
    const tiers = [["FromMonth", "PercentPerMonth"], [0, 1.5], [2, 2]];
    const sequence = [["Code", "Fee", "MinOverdue", "GraceDays", "Block"], ["L1", 5, 50, 10, false], ["L2", 10, 50, 14, "yes"]];
    const fresh = letters(a, BENCH_AS_OF, sequence);
    expect(fresh.length).toBeGreaterThan(100);
    letters(b, BENCH_AS_OF, sequence);
    const charged = interest(b, BENCH_AS_OF, tiers);
    expect(charged.length).toBeGreaterThan(100);
    expect(letters(a, BENCH_AS_OF, sequence)).toStrictEqual(fresh);
    expect(interest(b, BENCH_AS_OF, tiers)).toStrictEqual(charged);
    // The ledger read inside a scope equals the one read outside (plain arrays).
    const inside = withColumnPool(() => {
      const l = readLedger(a);
      return l.ok ? [Array.from(l.value.amountMinor), Array.from(l.value.dueSerial)] : [];
    });
    const outside = readLedger(a);
    expect(outside.ok && [Array.from(outside.value.amountMinor), Array.from(outside.value.dueSerial)]).toStrictEqual(inside);
  });

  describe("invalid input", () => {
    it("refuses a negative length in a scope and outside it", () => {
      expect(() => float64Column(-1)).toThrow(RangeError);
      expect(() => withColumnPool(() => int32Column(-(BIG + 1)))).toThrow(RangeError);
    });
  });
});
