/**
 * The arithmetic of interest codes (docs/domain.md §6.5, decision §9.5): tiered monthly rates charged
 * per overdue day by the tier the day falls in, and flat percents. Exact: decimal.js throughout,
 * rounded once per note line.
 */
import { Decimal } from "../../_lib/decimal";
import { assert } from "../../_lib/assert";
import { HALF_AWAY_FROM_ZERO, tryMulDivRound } from "../../money";

export interface InterestTier {
  /** The overdue month the tier starts at: day n of lateness falls in month floor((n - 1) / 30). */
  readonly fromMonth: number;
  /** Percent points per month (1.5 means 1.5 %). */
  readonly percentPerMonth: number;
}

/**
 * Interest in (unrounded) minor units for `days` overdue days of `amountMinor` under sorted tiers:
 * each day is charged monthly rate / 30 of the tier that day falls in. Linear in the tiers.
 * @example tieredInterest(100000, 45, [{ fromMonth: 0, percentPerMonth: 1.5 }]).toString() // "2250"
 */
export function tieredInterest(amountMinor: number, days: number, tiers: readonly InterestTier[]): Decimal {
  assert(Number.isInteger(days) && days >= 0, "tieredInterest: days must be a whole number >= 0");
  let dayPercent = new Decimal(0); // sum over days of (percent per month), still to be divided by 30 and 100
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i] as InterestTier;
    const next = tiers[i + 1];
    const firstDay = tier.fromMonth * 30 + 1;
    const lastDay = next === undefined ? days : Math.min(days, next.fromMonth * 30);
    if (lastDay < firstDay) continue;
    dayPercent = dayPercent.add(new Decimal(tier.percentPerMonth).mul(lastDay - firstDay + 1));
  }
  return new Decimal(amountMinor).mul(dayPercent).div(3000);
}

/**
 * The tier a day of lateness falls in (the rate charged on the last day); undefined before the first tier.
 * @example tierOfDay(31, [{ fromMonth: 0, percentPerMonth: 1.5 }, { fromMonth: 1, percentPerMonth: 2 }]) // { fromMonth: 1, percentPerMonth: 2 }
 */
export function tierOfDay(day: number, tiers: readonly InterestTier[]): InterestTier | undefined {
  const month = Math.floor((day - 1) / 30);
  let found: InterestTier | undefined;
  for (const t of tiers) if (t.fromMonth <= month) found = t;
  return found;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The same arithmetic in exact integers, for ledgers of a million rows: percents are scaled to
 * integers once, the day-weighted sum is cached per number of days, and each line is one
 * `mulDivRound`, rounded half away from zero (as `roundMinor` with
 * HALF_AWAY_FROM_ZERO would round `tieredInterest`; a property test holds them equal).
 * @example new InterestCalculator([{ fromMonth: 0, percentPerMonth: 1.5 }]).interestMinor(100000, 45) // 2250 (tieredInterest's "2250", rounded once)
 * @example new InterestCalculator([{ fromMonth: 0, percentPerMonth: 1.5 }]).interestMinor(2 ** 52, 7300) // undefined (past 2^53 minor units)
 */
export class InterestCalculator {
  private readonly scale: bigint;
  private readonly scaledTiers: { fromMonth: number; pct: bigint }[];
  private readonly cache = new Map<number, bigint>();
  /** The weights of `cache` that are safe integers, as numbers. */
  private readonly numbers = new Map<number, number>();
  /** 3000 x scale as a number when it is a safe integer, else 0 (never the fast path). */
  private readonly denominator: number;

  constructor(tiers: readonly InterestTier[]) {
    const places = Math.max(0, ...tiers.map((t) => new Decimal(t.percentPerMonth).decimalPlaces()));
    this.scale = 10n ** BigInt(places);
    this.scaledTiers = tiers.map((t) => ({ fromMonth: t.fromMonth, pct: BigInt(new Decimal(t.percentPerMonth).mul(this.scale.toString()).toFixed(0)) }));
    const den = 3000n * this.scale;
    this.denominator = den <= MAX_SAFE ? Number(den) : 0;
  }

  /**
   * Interest in minor units for `days` overdue days of `amountMinor`, rounded once; undefined when
   * it is past 2^53 minor units (a caller reports that against the row, never a wrong number).
   */
  interestMinor(amountMinor: number, days: number): number | undefined {
    // The common case in plain numbers: a day count met before, whose weight and the divisor are
    // safe integers, and a product that is one. Then this is tryMulDivRound's own exact integer
    // path (remainder, quotient, half away from zero), without its BigInt checks per call.
    const small = this.numbers.get(days);
    if (small !== undefined && Number.isInteger(amountMinor)) {
      const p = amountMinor * small;
      const d = this.denominator;
      if (Number.isSafeInteger(p) && d > 0) {
        const r = p % d;
        const q = (p - r) / d;
        const a = r < 0 ? -r : r;
        const result = r === 0 ? q : q + (a * 2 >= d ? (p < 0 ? -1 : 1) : 0);
        if (Number.isSafeInteger(result)) return result === 0 ? 0 : result;
      }
    }
    let weight = this.cache.get(days);
    if (weight === undefined) {
      weight = 0n;
      for (let i = 0; i < this.scaledTiers.length; i++) {
        const tier = this.scaledTiers[i] as { fromMonth: number; pct: bigint };
        const next = this.scaledTiers[i + 1];
        const firstDay = tier.fromMonth * 30 + 1;
        const lastDay = next === undefined ? days : Math.min(days, next.fromMonth * 30);
        if (lastDay >= firstDay) weight += tier.pct * BigInt(lastDay - firstDay + 1);
      }
      this.cache.set(days, weight);
      if (weight <= MAX_SAFE && weight >= -MAX_SAFE) this.numbers.set(days, Number(weight));
    }
    return tryMulDivRound(amountMinor, weight, 3000n * this.scale, HALF_AWAY_FROM_ZERO);
  }
}
