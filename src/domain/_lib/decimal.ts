/**
 * The only module that imports decimal.js. It is configured once; every rounding call in the
 * engine names its rounding mode explicitly.
 */
import DecimalBase from "decimal.js";

export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Half away from zero: decimal.js's ROUND_HALF_UP rounds ties away from zero. */
export const HALF_AWAY_FROM_ZERO = DecimalBase.ROUND_HALF_UP;
/** Half to even (banker's rounding): a tie goes to the even neighbour. */
export const HALF_EVEN = DecimalBase.ROUND_HALF_EVEN;
export const TOWARDS_ZERO = DecimalBase.ROUND_DOWN;
export const AWAY_FROM_ZERO = DecimalBase.ROUND_UP;
export const FLOOR = DecimalBase.ROUND_FLOOR;
export const CEIL = DecimalBase.ROUND_CEIL;
export type RoundingMode =
  | typeof HALF_AWAY_FROM_ZERO
  | typeof HALF_EVEN
  | typeof TOWARDS_ZERO
  | typeof AWAY_FROM_ZERO
  | typeof FLOOR
  | typeof CEIL;
