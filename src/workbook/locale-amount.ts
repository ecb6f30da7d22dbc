/**
 * Amounts typed by a person, read and shown in the convention of Office's display language
 * (English, Swedish, Danish, Norwegian). Cells are numbers and never pass through here: this is
 * for text a user types in the task pane, and for text we show back. The rule, with every
 * ambiguous case and why it is refused, is in docs/nordic.md.
 *
 * Data flow: text -> parseLocaleAmount -> integer minor units -> domain -> formatLocaleAmount.
 * For every locale and currency, parseLocaleAmount(formatLocaleAmount(m)) = m (a property test).
 */
import { assert } from "../domain/_lib/assert";
import { ccError, type CcError, type ErrorCode } from "../domain/errors";
import { currencyExponent, formatMinor, MAX_MINOR, NO_CURRENCY } from "../domain/money";
import { CONVENTIONS, INTL_TAG, type NumberConvention, type NumberLocale, numberLocale } from "./_lib/number-locale";

export type AmountParse = { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly error: CcError };

const SPACES = /[ \u00A0\u202F]/g;
const SIGN_MINUS = /[-\u2212]/;
/** Leading text, the number (digits with separators, starting and ending with a digit), trailing text. */
const SHAPE = /^(?<pre>[^0-9]*?)(?<num>[0-9](?:[0-9 \u00A0\u202F.,]*[0-9])?)(?<post>[^0-9]*)$/;
const SYMBOLS_OF_OTHERS = new Set(["$", "€", "£", "¥", "kr", "kr.", "us$", "ikr"]);

/**
 * Reads an amount typed in the task pane as integer minor units of `currency`, by the number
 * convention of `locale` (an Office display language such as "sv-SE", or "en"/"sv"/"da"/"nb").
 * Ambiguous text is refused, never guessed; so is text with more decimals than the currency has.
 * @example parseLocaleAmount("1 918,18 kr", "sv-SE", "SEK") // { ok: true, minor: 191818 }
 * @example parseLocaleAmount("1.918,18", "da-DK", "DKK")    // { ok: true, minor: 191818 }
 * @example parseLocaleAmount("1,500", "sv-SE", "SEK")       // { ok: false, error: { code: "amount_is_ambiguous", ... } }
 */
export function parseLocaleAmount(text: string, locale: string, currency: string): AmountParse {
  const loc = numberLocale(locale);
  const exponent = currencyExponent(currency);
  if (exponent === undefined) return refuse("currency_is_unknown", `'${currency}' is not an ISO 4217 currency code we know`);
  const raw = text.trim();
  if (raw === "") return refuse("amount_is_blank", "the amount is blank");
  const shape = SHAPE.exec(raw);
  if (shape?.groups === undefined) return refuse("amount_is_not_a_number", `'${raw}' is not an amount`);
  const { pre = "", num = "", post = "" } = shape.groups;
  const outside = readOutside(pre, post, raw, currencyMarks(currency, loc), currency);
  if (!outside.ok) return outside;
  const digits = readNumber(num, raw, CONVENTIONS[loc], exponent, amountReading(currency));
  if (!digits.ok) return digits;
  const minorText = (digits.integer + digits.fraction.padEnd(exponent, "0")).replace(/^0+(?=\d)/, "");
  const magnitude = Number(minorText);
  if (minorText.length > 16 || magnitude > MAX_MINOR) return refuse("amount_is_too_large", `'${raw}' is too large (over 2^53 minor units)`);
  return { ok: true, minor: outside.negative && magnitude !== 0 ? -magnitude : magnitude };
}

function refuse(code: ErrorCode, message: string): { ok: false; error: CcError } {
  return { ok: false, error: ccError(code, message) };
}

export type DecimalParse = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: CcError };

export interface DecimalOptions {
  /** At most this many decimals; below 3, `1,500` (sv) and `1.500` (en) are refused as ambiguous, as for an amount. */
  readonly maxDecimals: number;
  /** A trailing `%` is allowed (`15 %`, `12,5%`). */
  readonly percent?: boolean;
}

/**
 * Reads a plain number typed in the task pane (a percentage, a change of every credit limit in
 * major units, a rounding step) by the same rule as parseLocaleAmount, without a currency: the
 * locale's decimal separator and thousands groups, one sign, and the same ambiguous shapes refused
 * (with the same codes), never guessed. The result is the exact decimal as a canonical string
 * (`.` decimal point, no grouping, no trailing zeros) for decimal arithmetic, never a double.
 * @example parseLocaleDecimal("1,000", "en-US", { maxDecimals: 2 })   // { ok: true, value: "1000" }
 * @example parseLocaleDecimal("1 000,5", "sv-SE", { maxDecimals: 2 }) // { ok: true, value: "1000.5" }
 * @example parseLocaleDecimal("1,500", "sv-SE", { maxDecimals: 2 })   // { ok: false, error: { code: "amount_is_ambiguous", ... } }
 */
export function parseLocaleDecimal(text: string, locale: string, options: DecimalOptions): DecimalParse {
  assert(Number.isInteger(options.maxDecimals) && options.maxDecimals >= 0, `parseLocaleDecimal: maxDecimals ${options.maxDecimals} is not a whole number`);
  const loc = numberLocale(locale);
  const raw = text.trim();
  if (raw === "") return refuse("amount_is_blank", "the number is blank");
  const shape = SHAPE.exec(raw);
  if (shape?.groups === undefined) return refuse("amount_is_not_a_number", `'${raw}' is not a number`);
  const { pre = "", num = "", post = "" } = shape.groups;
  const outside = readOutside(pre, post, raw, options.percent === true ? PERCENT_MARKS : NO_MARKS);
  if (!outside.ok) return outside;
  const n = options.maxDecimals;
  const digits = readNumber(num, raw, CONVENTIONS[loc], n, {
    noun: "a number",
    subject: `this number has at most ${n} decimals`,
    tooMany: `at most ${n} ${n === 1 ? "is" : "are"} allowed`,
  });
  if (!digits.ok) return digits;
  const integer = digits.integer.replace(/^0+(?=\d)/, "");
  const fraction = digits.fraction.replace(/0+$/, "");
  if (integer.length > 16 || Number(integer) > Number.MAX_SAFE_INTEGER) return refuse("amount_is_too_large", `'${raw}' is too large (over 2^53)`);
  const magnitude = fraction === "" ? integer : `${integer}.${fraction}`;
  return { ok: true, value: outside.negative && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude };
}

const NO_MARKS: ReadonlySet<string> = new Set();
const PERCENT_MARKS: ReadonlySet<string> = new Set(["%"]);

/**
 * The sign, parentheses and currency (or percent) mark around the number; `marks` are the ones
 * accepted. Without a `currency` (a plain number) any other mark is not a number.
 */
function readOutside(pre: string, post: string, raw: string, marks: ReadonlySet<string>, currency?: string): { ok: true; negative: boolean } | { ok: false; error: CcError } {
  let before = pre.replace(SPACES, "");
  let after = post.replace(SPACES, "");
  let negative = false;
  if (before.startsWith("(") && after.endsWith(")")) {
    negative = true;
    before = before.slice(1);
    after = after.slice(0, -1);
  }
  // One sign, before or after a leading currency mark: "-1 918,18", "−kr 1 918,18", "kr -1 918,18".
  const signed = /^(?<s1>[-\u2212+]?)(?<mark>[^-\u2212+]*)(?<s2>[-\u2212+]?)$/.exec(before)?.groups;
  const noun = currency === undefined ? "a number" : "an amount";
  if (signed === undefined || (signed.s1 !== "" && signed.s2 !== "") || (negative && (signed.s1 !== "" || signed.s2 !== ""))) {
    return refuse("amount_is_not_a_number", `'${raw}' is not ${noun}`);
  }
  if (SIGN_MINUS.test(`${signed.s1 ?? ""}${signed.s2 ?? ""}`)) negative = true;
  before = signed.mark ?? "";
  if (before !== "" && after !== "") return refuse("amount_is_not_a_number", `'${raw}' is not ${noun}`);
  const mark = (before || after).toLowerCase();
  if (mark === "" || marks.has(mark)) return { ok: true, negative };
  if (currency !== undefined && (SYMBOLS_OF_OTHERS.has(mark) || (/^[a-z]{3}$/.test(mark) && currencyExponent(mark) !== undefined))) {
    const expected = currency === NO_CURRENCY ? "no currency is set" : `the currency is ${currency}`;
    return refuse("amount_currency_mismatch", `'${raw}' names a currency, but ${expected}`);
  }
  return refuse("amount_is_not_a_number", `'${raw}' is not ${noun}`);
}

const marksCache = new Map<string, ReadonlySet<string>>();

/** Marks accepted for a currency: its code, its Intl symbols in the locale and in English, and "kr" for the krona/krone. */
function currencyMarks(currency: string, loc: NumberLocale): ReadonlySet<string> {
  const key = `${currency}|${loc}`;
  const cached = marksCache.get(key);
  if (cached !== undefined) return cached;
  const marks = new Set<string>();
  if (currency !== NO_CURRENCY) {
    const code = currency.toUpperCase();
    marks.add(code.toLowerCase());
    for (const tag of [INTL_TAG[loc], INTL_TAG.en]) {
      for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
        const part = new Intl.NumberFormat(tag, { style: "currency", currency: code, currencyDisplay }).formatToParts(1).find((p) => p.type === "currency");
        if (part !== undefined) marks.add(part.value.replace(SPACES, "").toLowerCase());
      }
    }
    if (["SEK", "NOK", "DKK", "ISK"].includes(code)) {
      marks.add("kr");
      marks.add("kr.");
    }
  }
  marksCache.set(key, marks);
  return marks;
}

type Digits = { ok: true; integer: string; fraction: string } | { ok: false; error: CcError };

/** How the messages of readNumber name what is read and the decimals allowed. */
interface Reading {
  /** "an amount" or "a number". */
  readonly noun: string;
  /** "SEK has 2 decimals": why a lone separator before three digits cannot be a decimal. */
  readonly subject: string;
  /** "SEK has 2": after "'1,5005' has 4 decimals; ". */
  readonly tooMany: string;
}

function amountReading(currency: string): Reading {
  const exponent = currencyExponent(currency) ?? 0;
  return {
    noun: "an amount",
    subject: `${currency === NO_CURRENCY ? "an amount" : currency} has ${exponent} decimals`,
    tooMany: `${currency === NO_CURRENCY ? "the amount" : currency} has ${exponent}`,
  };
}

/** The digits of the number by the convention; the cases it refuses are the table in docs/nordic.md. */
function readNumber(num: string, raw: string, conv: NumberConvention, exponent: number, reading: Reading): Digits {
  const text = num.replace(SPACES, " ");
  const runs = text.split(/[ .,]/);
  const seps = [...text.replace(/[0-9]/g, "")];
  if (runs.some((r) => r === "")) return notANumber(raw, conv, reading.noun);
  const decimals = seps.filter((s) => s === conv.decimal).length;
  if (decimals > 1 || (decimals === 1 && seps[seps.length - 1] !== conv.decimal)) return notANumber(raw, conv, reading.noun);
  const groupSeps = decimals === 1 ? seps.slice(0, -1) : seps;
  const groups = decimals === 1 ? runs.slice(0, -1) : runs;
  const fraction = decimals === 1 ? (runs[runs.length - 1] ?? "") : "";
  const grouping = new Set(groupSeps);
  if (grouping.size > 1) return notANumber(raw, conv, reading.noun);
  const first = groups[0] ?? "";
  if (grouping.size === 1 && (first.length > 3 || first.startsWith("0") || groups.slice(1).some((g) => g.length !== 3))) return notANumber(raw, conv, reading.noun);
  const [sep] = grouping;
  // Swedish and Norwegian write no dot in numbers; one dot before three digits is a dot grouping
  // or an English decimal point, and the two readings differ by a factor of 1,000.
  if (sep !== undefined && sep === conv.toleratedGrouping && decimals === 0 && groupSeps.length === 1) {
    const why = `${conv.name} writes thousands with a space and decimals after '${conv.decimal}', so '.' may be a thousands separator or an English decimal point`;
    return ambiguous(raw, why, conv, exponent, first, groups[1] ?? "");
  }
  // One decimal separator before exactly three digits, in a currency with fewer decimals: as a
  // decimal it has too many, so it can only be another convention's thousands separator.
  if (decimals === 1 && groupSeps.length === 0 && fraction.length === 3 && exponent < 3 && !first.startsWith("0") && first.length <= 3) {
    const why = `in ${conv.name} '${conv.decimal}' is the decimal separator, but ${reading.subject}, so '${conv.decimal}' may be a thousands separator`;
    return ambiguous(raw, why, conv, exponent, first, fraction);
  }
  if (fraction.length > exponent) {
    return { ok: false, error: ccError("amount_has_too_many_decimals", `'${raw}' has ${fraction.length} decimals; ${reading.tooMany}`) };
  }
  return { ok: true, integer: groups.join(""), fraction };
}

function notANumber(raw: string, conv: NumberConvention, noun: string): Digits {
  const groupingName = conv.grouping === " " ? "a space" : `'${conv.grouping}'`;
  return {
    ok: false,
    error: ccError("amount_is_not_a_number", `'${raw}' is not ${noun} in ${conv.name}: write the decimals after '${conv.decimal}' and thousands with ${groupingName}, or no thousands separator`),
  };
}

/** Refuses `first<sep>three` and says how to write each reading the currency allows. */
function ambiguous(raw: string, why: string, conv: NumberConvention, exponent: number, first: string, three: string): Digits {
  const trimmed = three.replace(/0+$/, "");
  let advice = `write ${first}${three} for thousands`;
  if (trimmed.length <= exponent) {
    const decimal = exponent === 0 ? first : `${first}${conv.decimal}${trimmed.padEnd(exponent, "0")}`;
    advice += ` or ${decimal} for decimals`;
  }
  return { ok: false, error: ccError("amount_is_ambiguous", `'${raw}' is ambiguous: ${why}; ${advice}`) };
}

const formatCache = new Map<string, (value: string) => string>();

/**
 * Minor units as the locale shows an amount: its separators, its currency symbol and position, and
 * the currency's decimals (from the ISO 4217 table in src/domain/money.ts, not Intl's own).
 * @example formatLocaleAmount(191818, "SEK", "sv-SE")  // "1 918,18 kr" (U+00A0 groups)
 * @example formatLocaleAmount(-191818, "DKK", "da-DK") // "-1.918,18 kr."
 */
export function formatLocaleAmount(minor: number, currency: string, locale: string): string {
  assert(Number.isSafeInteger(minor), `formatLocaleAmount: ${minor} is not an integer of minor units`);
  const exponent = currencyExponent(currency);
  assert(exponent !== undefined, `formatLocaleAmount: unknown currency ${currency}`);
  const tag = INTL_TAG[numberLocale(locale)];
  const key = `${tag}|${currency}`;
  let format = formatCache.get(key);
  if (format === undefined) {
    const options: Intl.NumberFormatOptions = { minimumFractionDigits: exponent, maximumFractionDigits: exponent };
    if (currency !== NO_CURRENCY) Object.assign(options, { style: "currency", currency: currency.toUpperCase() });
    // Intl formats a decimal string exactly (no detour through a double), which keeps every
    // digit of amounts up to 2^53 minor units.
    format = new Intl.NumberFormat(tag, options).format as unknown as (value: string) => string;
    formatCache.set(key, format);
  }
  return format(formatMinor(minor, exponent));
}
