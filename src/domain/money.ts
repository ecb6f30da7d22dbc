/**
 * Money is an integer count of a currency's minor units (dinero.js, TigerBeetle). Every amount
 * from a cell goes through `parseMoney` once; every conversion, percentage and interest amount is
 * computed by `mulDivRound` (exact, one rounding, the mode named by the caller); every split goes
 * through `allocate`.
 */
import { assert } from "./_lib/assert";
import { AWAY_FROM_ZERO, CEIL, Decimal, FLOOR, HALF_AWAY_FROM_ZERO, HALF_EVEN, type RoundingMode, TOWARDS_ZERO } from "./_lib/decimal";

export { AWAY_FROM_ZERO, CEIL, FLOOR, HALF_AWAY_FROM_ZERO, HALF_EVEN, TOWARDS_ZERO, type RoundingMode };

/** Largest magnitude of an amount in minor units: beyond it doubles stop being exact integers. */
export const MAX_MINOR = Number.MAX_SAFE_INTEGER;

/** ISO 4217 minor-unit exponents that differ from 2, plus the common 2-decimal codes. */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const TWO_DECIMAL = new Set(
  ("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD " +
    "CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD " +
    "HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD " +
    "MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON " +
    "RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD " +
    "TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWL").split(" "),
);

/** The currency code used when a range has no Currency column or a blank cell: 2 decimals. */
export const NO_CURRENCY = "";

/**
 * The minor-unit exponent of an ISO 4217 code, or undefined for a code we do not know.
 * @example currencyExponent("JPY") // 0
 * @example currencyExponent("KWD") // 3
 * @example currencyExponent("")    // 2 (no currency given)
 */
export function currencyExponent(code: string): number | undefined {
  if (code === NO_CURRENCY) return 2;
  const upper = code.toUpperCase();
  const special = EXPONENTS[upper];
  if (special !== undefined) return special;
  return TWO_DECIMAL.has(upper) ? 2 : undefined;
}

/**
 * The decimals to read and show a currency with, once the engine has accepted it: its ISO 4217
 * exponent, and 2 for a code we do not know (the one place that says so; readers that must refuse
 * an unknown code use `currencyExponent` and test for undefined).
 * @example exponentOf("JPY") // 0
 * @example exponentOf("XYZ") // 2
 */
export function exponentOf(code: string): number {
  return currencyExponent(code) ?? 2;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * @example pow10(3) // 1000
 */
export function pow10(exponent: number): number {
  const p = POW10[exponent];
  assert(p !== undefined, `unsupported currency exponent ${exponent}`);
  return p;
}

/**
 * Round a decimal to an integer of minor units in the named mode (there is no default: every call
 * says how it rounds). Prefer `mulDivRound` when the value is a product and quotient of integers.
 * @example roundMinor(new Decimal("2.5"), HALF_AWAY_FROM_ZERO) // 3
 * @example roundMinor(new Decimal("2.5"), HALF_EVEN) // 2
 */
export function roundMinor(value: Decimal, mode: RoundingMode): number {
  const n = value.toDecimalPlaces(0, mode).toNumber();
  assert(Number.isSafeInteger(n), `amount ${value.toString()} exceeds 2^53 minor units`);
  return n === 0 ? 0 : n;
}

const SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** An exact fraction of integers: `num / den`, den > 0. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * A finite decimal (a rate, a percent) as an exact fraction of integers, reduced. A number is read
 * by its shortest decimal text, as a cell shows it (1.1 is 11/10, not the double's binary value).
 * @example ratio("1.25") // { num: 5n, den: 4n }
 * @example ratio(-0.5) // { num: -1n, den: 2n }
 */
export function ratio(value: number | string | Decimal): Ratio {
  const d = value instanceof Decimal ? value : new Decimal(value);
  assert(d.isFinite(), `ratio: ${d.toString()} is not a finite number`);
  const places = d.decimalPlaces();
  const den = 10n ** BigInt(places);
  const num = BigInt(d.mul(new Decimal(10).pow(places)).toFixed(0));
  return fraction(num, den);
}

/**
 * The fraction num / den reduced, with a positive denominator.
 * @example fraction(6n, -4n) // { num: -3n, den: 2n }
 */
export function fraction(num: bigint, den: bigint): Ratio {
  assert(den !== 0n, "fraction: den must not be 0");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num < 0n ? -num : num, den < 0n ? -den : den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/**
 * The one arithmetic seam: `minor x num / den` rounded once to an integer in `mode`, exact for
 * every integer input. Doubles when the product is an exact (safe) integer, BigInt otherwise.
 * Undefined when the result is past 2^53 minor units (the caller reports that; see `mulDivRound`).
 * @example tryMulDivRound(2 ** 52, 4, 1, HALF_AWAY_FROM_ZERO) // undefined
 */
export function tryMulDivRound(minor: number, num: number | bigint, den: number | bigint, mode: RoundingMode): number | undefined {
  // Any integer double is accepted (a sum past 2^53 is still an integer); the result must be safe.
  assert(Number.isInteger(minor), `mulDivRound: ${minor} is not an integer of minor units`);
  if (typeof num === "bigint" && num <= SAFE_BIG && num >= -SAFE_BIG) num = Number(num);
  if (typeof den === "bigint" && den <= SAFE_BIG && den >= -SAFE_BIG) den = Number(den);
  if (typeof num === "number" && typeof den === "number") {
    assert(Number.isSafeInteger(num) && Number.isSafeInteger(den) && den !== 0, "mulDivRound: num and den must be integers, den not 0");
    const p = minor * num;
    if (Number.isSafeInteger(p)) {
      // p % den and (p - r) / den are exact for safe integers: no double rounding can creep in.
      const d = den < 0 ? -den : den;
      const n = den < 0 ? -p : p;
      const r = n % d;
      const q = (n - r) / d;
      const result = r === 0 ? q : q + roundStep(q % 2 !== 0, n < 0 ? -1 : 1, r < 0 ? -r : r, d, mode);
      return Number.isSafeInteger(result) ? (result === 0 ? 0 : result) : undefined;
    }
  }
  const result = mulDivRoundBig(BigInt(minor), BigInt(num), BigInt(den), mode);
  if (result > SAFE_BIG || result < -SAFE_BIG) return undefined;
  const out = Number(result);
  return out === 0 ? 0 : out;
}

/**
 * `minor x num / den` rounded once in `mode`, in BigInt, for a result of any size (a percentage
 * beyond 2^53 hundredths shown as text).
 * @example mulDivRoundBig(10n ** 20n, 1n, 3n, HALF_AWAY_FROM_ZERO) // 33333333333333333333n
 */
export function mulDivRoundBig(minor: bigint, num: bigint, den: bigint, mode: RoundingMode): bigint {
  assert(den !== 0n, "mulDivRound: den must not be 0");
  const n = den < 0n ? -minor * num : minor * num;
  const d = den < 0n ? -den : den;
  const r = n % d;
  const q = n / d;
  return r === 0n ? q : q + BigInt(roundStep(q % 2n !== 0n, n < 0n ? -1 : 1, r < 0n ? -r : r, d, mode));
}

/**
 * `minor x num / den` rounded once in `mode`, exact for every integer input (see `tryMulDivRound`);
 * throws when the result is past 2^53 minor units.
 * @example mulDivRound(10000, 2, 100, HALF_AWAY_FROM_ZERO) // 200
 * @example mulDivRound(-5, 1, 2, HALF_AWAY_FROM_ZERO) // -3
 * @example mulDivRound(5, 1, 2, HALF_EVEN) // 2
 * @example mulDivRound(-5, 1, 2, FLOOR) // -3
 */
export function mulDivRound(minor: number, num: number | bigint, den: number | bigint, mode: RoundingMode): number {
  const result = tryMulDivRound(minor, num, den, mode);
  assert(result !== undefined, `amount ${minor} x ${num} / ${den} exceeds 2^53 minor units`);
  return result;
}

/**
 * The step (0 or +-1 toward `sign`) that rounds the truncated quotient q (odd or not) when the
 * remainder magnitude `r` over `d` is not zero and the exact value has `sign`.
 */
function roundStep<T extends number | bigint>(odd: boolean, sign: number, r: T, d: T, mode: RoundingMode): number {
  const twice = (typeof r === "bigint" ? (r as bigint) * 2n : (r as number) * 2) as T;
  switch (mode) {
    case TOWARDS_ZERO:
      return 0;
    case AWAY_FROM_ZERO:
      return sign;
    case FLOOR:
      return sign < 0 ? -1 : 0;
    case CEIL:
      return sign > 0 ? 1 : 0;
    case HALF_AWAY_FROM_ZERO:
      return twice >= d ? sign : 0;
    case HALF_EVEN:
      return twice > d || (twice === d && odd) ? sign : 0;
  }
  assert(false, `mulDivRound: unknown rounding mode ${String(mode)}`);
}

/**
 * Minor units as the number a cell shows: 1234 at 2 decimals -> 12.34. Dividing two exact integers
 * gives the double nearest the true quotient, which is the double the decimal text "12.34" parses
 * to, so no rounding through text is needed.
 * @example minorToNumber(1234, 2) // 12.34
 */
export function minorToNumber(minor: number, exponent: number): number {
  if (exponent === 0) return minor;
  return minor / pow10(exponent);
}

/**
 * Minor units as plain text with the currency's decimals.
 * @example formatMinor(123456, 2) // "1234.56"
 * @example formatMinor(-5, 3) // "-0.005"
 */
export function formatMinor(minor: number, exponent: number): string {
  return new Decimal(minor).div(pow10(exponent)).toFixed(exponent);
}

export type MoneyParse = { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly reason: string };

const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const CURRENCY_SYMBOL = /^([$€£¥]|kr(?![a-z])|[a-z]{3}(?![a-z]))\s?/i;
/** The currencies a leading symbol may stand for; a code stands for itself. */
const SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  $: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD"],
  "€": ["EUR"],
  "£": ["GBP"],
  "¥": ["JPY", "CNY"],
  KR: ["SEK", "DKK", "NOK", "ISK"],
};
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * The one parser from a cell to minor units. A number is first normalized to 15 significant digits
 * (Excel's precision), which removes binary noise such as 0.1 + 0.2 = 0.30000000000000004. Text
 * must be a plain decimal; a leading currency symbol and comma thousands separators are accepted.
 * A value with more decimals than the currency allows is refused unless `roundAmounts` is set.
 * @example parseMoney(0.1 + 0.2, 2) // { ok: true, minor: 30 }
 * @example parseMoney(33.3333, 2)   // { ok: false, reason: "33.3333 has more than 2 decimals for its currency; use ROUND(value, 2) or the RoundAmounts option" }
 */
export function parseMoney(value: unknown, exponent: number, roundAmounts = false, currency?: string): MoneyParse {
  if (typeof value === "number") return parseMoneyNumber(value, exponent, roundAmounts);
  if (typeof value === "string") return parseMoneyText(value, exponent, roundAmounts, currency);
  if (typeof value === "boolean") return { ok: false, reason: `${String(value).toUpperCase()} is not a number` };
  return { ok: false, reason: "is not a number" };
}

/**
 * The allocation-free first step of `parseMoney` for a number cell: the minor units when the double,
 * normalized to 15 significant digits (Excel's precision), is a whole number of minor units below
 * 10^15; else NaN (then `parseMoney` decides, with a reason). Hot loops over a million cells call
 * this first. It follows exactly the rule of `parseMoney`: normalize, then refuse extra decimals.
 * The cheap test decides when the double is clearly within (or clearly outside) half a unit of the
 * 15th digit of a whole number of minor units; the narrow band between asks `toPrecision(15)`.
 * @example minorFromNumber(0.1 + 0.2, 100) // 30
 * @example minorFromNumber(33.3333, 100)   // NaN
 * @example minorFromNumber(0.0999999999999998, 100) // NaN (15 digits: 0.0999999999999998)
 */
export function minorFromNumber(value: number, factor: number): number {
  const scaled = value * factor;
  const nearest = Math.round(scaled);
  if (!(Math.abs(nearest) < 1e15)) return Number.NaN;
  const diff = Math.abs(scaled - nearest);
  if (diff === 0) return nearest === 0 ? 0 : nearest;
  // Within 4e-16 of |scaled| the difference is below 0.9 of the half digit below (which is at least
  // 5e-16 of |scaled|): the binary representation's own error, accepted without a logarithm.
  if (diff < Math.abs(scaled) * 4e-16) return nearest === 0 ? 0 : nearest;
  const magnitude = Math.abs(value);
  // Half a unit of the 15th significant digit of `value`, in minor units (approximate: log10 is
  // not exact at powers of ten, hence the band).
  const halfDigit = 0.5 * 10 ** (Math.floor(Math.log10(magnitude)) - 14) * factor;
  if (diff < 0.9 * halfDigit) return nearest === 0 ? 0 : nearest;
  if (diff > 1.1 * halfDigit) return Number.NaN;
  const normalized = Number(value.toPrecision(15)) * factor;
  const whole = Math.round(normalized);
  return Math.abs(normalized - whole) <= Math.abs(normalized) * 1e-15 && whole === nearest ? (nearest === 0 ? 0 : nearest) : Number.NaN;
}

function parseMoneyNumber(value: number, exponent: number, roundAmounts: boolean): MoneyParse {
  if (!Number.isFinite(value)) return { ok: false, reason: "is not a number (the cell holds no valid number)" };
  const fast = minorFromNumber(value, pow10(exponent));
  if (!Number.isNaN(fast)) return { ok: true, minor: fast };
  const shown = String(value);
  // A number past 15 significant digits in minor units is not what Excel holds exactly.
  if (Math.abs(value) * pow10(exponent) >= 1e15 && Number(value.toPrecision(15)) !== value) {
    return { ok: false, reason: `${shown} has more than 15 significant digits, which Excel does not hold exactly` };
  }
  return parseDecimalText(value.toPrecision(15), exponent, roundAmounts, shown);
}

function parseMoneyText(raw: string, exponent: number, roundAmounts: boolean, currency: string | undefined): MoneyParse {
  let text = raw.trim();
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith("-")) {
    negative = !negative;
    text = text.slice(1).trim();
  }
  const found = CURRENCY_SYMBOL.exec(text)?.[1];
  const symbol = found !== undefined && (found.length !== 3 || currencyExponent(found) !== undefined) ? found : undefined;
  if (symbol !== undefined) {
    // A symbol must agree with the row's currency: €-5 on a USD row is not 5 dollars of anything.
    const upper = symbol.toUpperCase();
    const stands = SYMBOLS[upper] ?? [upper];
    if (currency !== undefined && currency !== NO_CURRENCY && !stands.includes(currency.toUpperCase())) {
      return { ok: false, reason: `'${raw}' is written in ${symbol}, but the currency is ${currency.toUpperCase()}` };
    }
    text = text.slice(symbol.length).trim();
    if (/^[+-]/.test(text)) return { ok: false, reason: `'${raw}' has its sign after the currency symbol; write -${symbol}${text.slice(1)}` };
  }
  if (THOUSANDS.test(text)) text = text.replace(/,/g, "");
  if (!PLAIN_DECIMAL.test(text)) return { ok: false, reason: `'${raw}' is not a number` };
  return parseDecimalText(negative ? `-${text}` : text, exponent, roundAmounts, raw);
}

function parseDecimalText(text: string, exponent: number, roundAmounts: boolean, shown: string): MoneyParse {
  const d = new Decimal(text);
  const scaled = d.mul(pow10(exponent));
  if (scaled.abs().greaterThan(MAX_MINOR)) return { ok: false, reason: `${shown} is too large (over 2^53 minor units)` };
  if (!scaled.isInteger() && !roundAmounts) {
    return {
      ok: false,
      reason: `${shown} has more than ${exponent} decimals for its currency; use ROUND(value, ${exponent}) or the RoundAmounts option`,
    };
  }
  const rounded = scaled.toDecimalPlaces(0, HALF_AWAY_FROM_ZERO);
  if (rounded.abs().greaterThan(MAX_MINOR)) return { ok: false, reason: `${shown} is too large (over 2^53 minor units)` };
  const minor = rounded.toNumber();
  return { ok: true, minor: minor === 0 ? 0 : minor };
}

/**
 * Split `total` over `weights` by largest remainder: the parts always sum to `total` exactly.
 * Ties in the remainder go to the earlier weight. Weights may be any non-negative numbers.
 * @example allocate(100, [1, 1, 1]) // [34, 33, 33]
 * @example allocate(-5, [1, 1])     // [-3, -2]
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assert(Number.isSafeInteger(total), "allocate: total must be an integer of minor units");
  assert(weights.length > 0, "allocate: at least one weight");
  assert(weights.every((w) => Number.isFinite(w) && w >= 0), "allocate: weights must be non-negative");
  // Exact integers: every weight scaled by 10^(most decimal places), so that quotas and remainders
  // are BigInt quotients and a tie in the remainder is seen as one.
  const decimals = weights.map((w) => new Decimal(w));
  const places = Math.max(...decimals.map((d) => d.decimalPlaces()));
  const ws = decimals.map((d) => BigInt(d.mul(new Decimal(10).pow(places)).toFixed(0)));
  const sum = ws.reduce((a, w) => a + w, 0n);
  if (sum === 0n) {
    const parts = weights.map(() => 0);
    parts[0] = total;
    return parts;
  }
  const sign = total < 0 ? -1 : 1;
  const magnitude = BigInt(Math.abs(total));
  const floors = ws.map((w) => (magnitude * w) / sum);
  const rems = ws.map((w) => (magnitude * w) % sum);
  let remaining = magnitude - floors.reduce((a, p) => a + p, 0n);
  const order = ws.map((_, i) => i).sort((a, b) => {
    const ra = rems[a] as bigint;
    const rb = rems[b] as bigint;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  for (const i of order) {
    if (remaining <= 0n) break;
    floors[i] = (floors[i] as bigint) + 1n;
    remaining--;
  }
  const result = floors.map((p) => (p === 0n ? 0 : sign * Number(p)));
  assert(result.reduce((a, p) => a + p, 0) === total, "allocate: parts must sum to the total");
  return result;
}

/**
 * A percentage of an amount in minor units, rounded once in `mode`. `pct` is in percent points
 * (2 means 2 %), read exactly as its decimal text.
 * @example percentOf(10000, 2, HALF_AWAY_FROM_ZERO) // 200
 * @example percentOf(50, 1, HALF_AWAY_FROM_ZERO) // 1
 */
export function percentOf(minor: number, pct: number | Decimal, mode: RoundingMode): number {
  const r = ratio(pct);
  return mulDivRound(minor, r.num, r.den * 100n, mode);
}
