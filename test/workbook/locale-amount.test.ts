/**
 * Amounts typed in the task pane are read by the convention of Office's display language; the
 * tables below are docs/nordic.md's rule, locale by locale: valid, ambiguous, invalid.
 */
import fc from "fast-check";
import { formatLocaleAmount, parseLocaleAmount, parseLocaleDecimal } from "../../src/workbook/locale-amount";
import { formatLocaleDate } from "../../src/workbook/locale-date";
import { numberLocale } from "../../src/workbook/_lib/number-locale";

const NBSP = "\u00A0";
const NNBSP = "\u202F";

function minorOf(text: string, locale: string, currency: string): number | string {
  const r = parseLocaleAmount(text, locale, currency);
  return r.ok ? r.minor : r.error.code;
}

describe("numberLocale", () => {
  it.each([
    ["sv-SE", "sv"], ["sv-FI", "sv"], ["da-DK", "da"], ["nb-NO", "nb"], ["nn-NO", "nb"], ["no", "nb"],
    ["en-US", "en"], ["en-GB", "en"], ["fi-FI", "en"], ["", "en"], [undefined, "en"],
  ])("reads %p as %p", (tag, loc) => {
    expect(numberLocale(tag)).toBe(loc);
  });
});

describe("parseLocaleAmount: valid amounts", () => {
  it.each([
    // English
    ["en-US", "SEK", "1,918.18", 191818],
    ["en-US", "SEK", "1918.18", 191818],
    ["en-US", "USD", "$1,918.18", 191818],
    ["en-US", "USD", "-$1,918.18", -191818],
    ["en-US", "USD", "(1,918.18)", -191818],
    ["en-US", "SEK", "SEK 1,918.18", 191818],
    ["en-US", "SEK", "1,500", 150000],
    ["en-US", "SEK", "1 918.18", 191818],
    ["en-US", "KWD", "1.500", 1500],
    ["en-US", "JPY", "1,500", 1500],
    ["en-US", "SEK", "0.5", 50],
    // Swedish
    ["sv-SE", "SEK", "1 918,18", 191818],
    ["sv-SE", "SEK", `1${NBSP}918,18`, 191818],
    ["sv-SE", "SEK", `1${NNBSP}918,18`, 191818],
    ["sv-SE", "SEK", "1918,18", 191818],
    ["sv-SE", "SEK", "1918,18 kr", 191818],
    ["sv-SE", "SEK", "1918,18kr", 191818],
    ["sv-SE", "SEK", "kr 1 918,18", 191818],
    ["sv-SE", "SEK", "-1 918,18", -191818],
    ["sv-SE", "SEK", "\u22121 918,18", -191818],
    ["sv-SE", "SEK", "\u22121 918,18 kr", -191818],
    ["sv-SE", "SEK", "1 918,18 SEK", 191818],
    ["sv-SE", "SEK", "1500 kr", 150000],
    ["sv-SE", "SEK", "10,50", 1050],
    ["sv-SE", "SEK", "10,5", 1050],
    ["sv-SE", "SEK", "0,05", 5],
    ["sv-SE", "SEK", "1 500", 150000],
    ["sv-SE", "SEK", "1 234 567,89", 123456789],
    ["sv-SE", "SEK", "1.918,18", 191818],
    ["sv-SE", "SEK", "1.234.567", 123456700],
    ["sv-SE", "EUR", "1 918,18 €", 191818],
    ["sv-SE", "KWD", "1,500", 1500],
    // Norwegian
    ["nb-NO", "NOK", "1 918,18", 191818],
    ["nb-NO", "NOK", `1${NBSP}918,18`, 191818],
    ["nb-NO", "NOK", "kr 1 918,18", 191818],
    ["nb-NO", "NOK", "kr -1 918,18", -191818],
    ["nb-NO", "NOK", "-kr 1 918,18", -191818],
    ["nb-NO", "NOK", "1918,18 kr", 191818],
    ["nb-NO", "NOK", "\u22121 918,18", -191818],
    ["nb-NO", "NOK", "NOK 1 918,18", 191818],
    // Danish
    ["da-DK", "DKK", "1.918,18", 191818],
    ["da-DK", "DKK", "1918,18", 191818],
    ["da-DK", "DKK", "1918,18 kr.", 191818],
    ["da-DK", "DKK", "1.918,18 kr.", 191818],
    ["da-DK", "DKK", "-1.918,18 kr.", -191818],
    ["da-DK", "DKK", "kr. 1.918,18", 191818],
    ["da-DK", "DKK", "1.500", 150000],
    ["da-DK", "DKK", "1 918,18", 191818],
    ["da-DK", "DKK", "DKK 1.918,18", 191818],
    ["da-DK", "DKK", "1.234.567,8", 123456780],
    // A zero stays a zero; the locale's language subtag alone decides.
    ["sv", "SEK", "-0,00", 0],
    ["da", "ISK", "1.500 kr", 1500],
  ])("%s %s reads %p as %p minor units", (locale, currency, text, minor) => {
    expect(minorOf(text, locale, currency)).toBe(minor);
  });
});

describe("parseLocaleAmount: ambiguous amounts are refused, never guessed", () => {
  it.each([
    // A lone decimal separator before exactly three digits, in a 2- or 0-decimal currency.
    ["en-US", "SEK", "1.500"],
    ["en-US", "USD", "12.345"],
    ["en-US", "JPY", "1.500"],
    ["sv-SE", "SEK", "1,500"],
    ["sv-SE", "SEK", "123,456 kr"],
    ["sv-SE", "ISK", "1,500"],
    ["nb-NO", "NOK", "1,500"],
    ["da-DK", "DKK", "1,500"],
    ["da-DK", "DKK", "-12,345 kr."],
    // Swedish and Norwegian write no dot: one dot before three digits is a dot grouping or an
    // English decimal point.
    ["sv-SE", "SEK", "1.500"],
    ["sv-SE", "KWD", "1.500"],
    ["nb-NO", "NOK", "kr 1.500"],
  ])("%s %s refuses %p", (locale, currency, text) => {
    const r = parseLocaleAmount(text, locale, currency);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("amount_is_ambiguous");
      expect(r.error.message).toContain(text);
      expect(r.error.message).toMatch(/write \d{4,6} for thousands/);
    }
  });
});

describe("parseLocaleAmount: invalid amounts", () => {
  it.each([
    ["sv-SE", "SEK", "", "amount_is_blank"],
    ["sv-SE", "SEK", "   ", "amount_is_blank"],
    ["sv-SE", "XXX", "10", "currency_is_unknown"],
    ["sv-SE", "SEK", "ett tusen", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1 918.18", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "10.50", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1,918.18", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1,500,000", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1 9180,18", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1 918.000,18", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1  918", "amount_is_not_a_number"],
    ["sv-SE", "SEK", ",50", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1918,", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "--5", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "-(5)", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "kr 5 kr", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "5 apor", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1e5", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1 918,18 €", "amount_currency_mismatch"],
    ["sv-SE", "SEK", "EUR 5", "amount_currency_mismatch"],
    ["da-DK", "EUR", "5 kr.", "amount_currency_mismatch"],
    ["en-US", "", "$5", "amount_currency_mismatch"],
    ["sv-SE", "SEK", "1918,185", "amount_has_too_many_decimals"],
    ["sv-SE", "SEK", "1 918,180", "amount_has_too_many_decimals"],
    ["sv-SE", "SEK", "0,500", "amount_has_too_many_decimals"],
    ["sv-SE", "SEK", "00,500", "amount_has_too_many_decimals"],
    ["sv-SE", "SEK", "0.500", "amount_is_not_a_number"],
    ["en-US", "USD", "0,500", "amount_is_not_a_number"],
    ["da-DK", "DKK", "0.500", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "1,5005", "amount_has_too_many_decimals"],
    ["sv-SE", "JPY", "10,5", "amount_has_too_many_decimals"],
    ["da-DK", "DKK", "1.918,185", "amount_has_too_many_decimals"],
    ["en-US", "USD", "1,918.185", "amount_has_too_many_decimals"],
    ["en-US", "USD", "1.5", 150],
    ["en-US", "USD", "1,5", "amount_is_not_a_number"],
    ["en-US", "USD", "1.918,18", "amount_is_not_a_number"],
    ["da-DK", "DKK", "1918.18", "amount_is_not_a_number"],
    ["da-DK", "DKK", "1.9180", "amount_is_not_a_number"],
    ["sv-SE", "SEK", "99999999999999999", "amount_is_too_large"],
    ["sv-SE", "SEK", "90 071 992 547 409,92", "amount_is_too_large"],
  ])("%s %s: %p -> %p", (locale, currency, text, expected) => {
    expect(minorOf(text, locale, currency)).toBe(expected);
  });

  it("names the locale's separators when it refuses a number", () => {
    const r = parseLocaleAmount("10.50", "sv-SE", "SEK");
    expect(r.ok ? "" : r.error.message).toBe("'10.50' is not an amount in Swedish: write the decimals after ',' and thousands with a space, or no thousands separator");
  });

  it.each([
    ["1,500", "sv-SE", "SEK", "'1,500' is ambiguous: in Swedish ',' is the decimal separator, but SEK has 2 decimals, so ',' may be a thousands separator; write 1500 for thousands or 1,50 for decimals"],
    ["1,234", "da-DK", "DKK", "'1,234' is ambiguous: in Danish ',' is the decimal separator, but DKK has 2 decimals, so ',' may be a thousands separator; write 1234 for thousands"],
    ["1.500", "en-US", "ISK", "'1.500' is ambiguous: in English '.' is the decimal separator, but ISK has 0 decimals, so '.' may be a thousands separator; write 1500 for thousands"],
    ["1.000", "en-US", "ISK", "'1.000' is ambiguous: in English '.' is the decimal separator, but ISK has 0 decimals, so '.' may be a thousands separator; write 1000 for thousands or 1 for decimals"],
    ["kr 1.500", "nb-NO", "NOK", "'kr 1.500' is ambiguous: Norwegian writes thousands with a space and decimals after ',', so '.' may be a thousands separator or an English decimal point; write 1500 for thousands or 1,50 for decimals"],
  ])("says how to write each reading of %p (%s %s)", (text, locale, currency, message) => {
    const r = parseLocaleAmount(text, locale, currency);
    expect(r.ok ? "" : r.error.message).toBe(message);
  });
});

function decimalOf(text: string, locale: string, maxDecimals = 2, percent = false): string {
  const r = parseLocaleDecimal(text, locale, { maxDecimals, percent });
  return r.ok ? r.value : r.error.code;
}

describe("parseLocaleDecimal: valid numbers, as exact decimal strings", () => {
  it.each([
    // English: a comma groups thousands, a point is the decimal.
    ["en-US", "1,000", "1000"],
    ["en-US", "1,000.5", "1000.5"],
    ["en-US", "1000.50", "1000.5"],
    ["en-US", "-2,500", "-2500"],
    ["en-US", "+15", "15"],
    ["en-US", "0.25", "0.25"],
    ["en-US", "1 000", "1000"],
    ["en-US", "007", "7"],
    // Swedish: a space groups, a comma is the decimal; a dot groups only where it cannot be a decimal point.
    ["sv-SE", "1 000,5", "1000.5"],
    ["sv-SE", `1${NBSP}000,5`, "1000.5"],
    ["sv-SE", "1000,5", "1000.5"],
    ["sv-SE", "12,5", "12.5"],
    ["sv-SE", "\u22122 500", "-2500"],
    ["sv-SE", "1.000,5", "1000.5"],
    ["sv-SE", "1.000.000", "1000000"],
    ["sv-SE", "-0,00", "0"],
    // Norwegian, as Swedish.
    ["nb-NO", "1 000,5", "1000.5"],
    ["nb-NO", "-12,25", "-12.25"],
    // Danish: a dot groups, a comma is the decimal.
    ["da-DK", "1.000,5", "1000.5"],
    ["da-DK", "1.000", "1000"],
    ["da-DK", "1 000,5", "1000.5"],
    ["da-DK", "(2.500)", "-2500"],
  ])("%s reads %p as %p", (locale, text, value) => {
    expect(decimalOf(text, locale)).toBe(value);
  });

  it.each([
    ["sv-SE", "15 %", "15"],
    ["sv-SE", "12,5%", "12.5"],
    ["en-US", "-10%", "-10"],
    ["da-DK", "2,75 %", "2.75"],
  ])("a percentage: %s reads %p as %p where a percent sign is allowed", (locale, text, value) => {
    expect(decimalOf(text, locale, 2, true)).toBe(value);
  });

  it("allows three decimals where asked, so 1,500 is one and a half in sv and 1.500 in en", () => {
    expect(decimalOf("1,500", "sv-SE", 3)).toBe("1.5");
    expect(decimalOf("1.500", "en-US", 3)).toBe("1.5");
  });
});

describe("parseLocaleDecimal: ambiguous numbers are refused, never guessed", () => {
  it.each([
    ["en-US", "1.000"],
    ["en-US", "12.345"],
    ["sv-SE", "1,000"],
    ["sv-SE", "1.000"],
    ["sv-SE", "-12.345"],
    ["nb-NO", "1,500"],
    ["nb-NO", "1.500"],
    ["da-DK", "1,000"],
  ])("%s refuses %p", (locale, text) => {
    const r = parseLocaleDecimal(text, locale, { maxDecimals: 2 });
    expect(r.ok ? "" : r.error.code).toBe("amount_is_ambiguous");
    expect(r.ok ? "" : r.error.message).toMatch(/write \d{4,5} for thousands/);
  });

  it("says why and how to write each reading", () => {
    const r = parseLocaleDecimal("1,000", "sv-SE", { maxDecimals: 2 });
    expect(r.ok ? "" : r.error.message).toBe(
      "'1,000' is ambiguous: in Swedish ',' is the decimal separator, but this number has at most 2 decimals, so ',' may be a thousands separator; write 1000 for thousands or 1,00 for decimals",
    );
  });
});

describe("parseLocaleDecimal: invalid numbers", () => {
  it.each([
    ["sv-SE", "", "amount_is_blank"],
    ["sv-SE", "  ", "amount_is_blank"],
    ["sv-SE", "tusen", "amount_is_not_a_number"],
    ["sv-SE", "10.50", "amount_is_not_a_number"],
    ["sv-SE", "1,000.5", "amount_is_not_a_number"],
    ["sv-SE", "1 000 kr", "amount_is_not_a_number"],
    ["sv-SE", "15 %", "amount_is_not_a_number"],
    ["sv-SE", "1e3", "amount_is_not_a_number"],
    ["sv-SE", "--5", "amount_is_not_a_number"],
    ["en-US", "1,5", "amount_is_not_a_number"],
    ["en-US", "$1,000", "amount_is_not_a_number"],
    ["en-US", "1.000,5", "amount_is_not_a_number"],
    ["da-DK", "1000.5", "amount_is_not_a_number"],
    ["nb-NO", "1 000.5", "amount_is_not_a_number"],
    ["sv-SE", "12,345", "amount_is_ambiguous"],
    ["sv-SE", "1,2345", "amount_has_too_many_decimals"],
    ["en-US", "0.125", "amount_has_too_many_decimals"],
    ["da-DK", "1.000,125", "amount_has_too_many_decimals"],
    ["sv-SE", "99999999999999999", "amount_is_too_large"],
  ])("%s: %p -> %p", (locale, text, expected) => {
    expect(decimalOf(text, locale)).toBe(expected);
  });

  it("names the locale's separators, as a number", () => {
    const r = parseLocaleDecimal("10.50", "sv-SE", { maxDecimals: 2 });
    expect(r.ok ? "" : r.error.message).toBe("'10.50' is not a number in Swedish: write the decimals after ',' and thousands with a space, or no thousands separator");
  });

  it("refuses a maximum of decimals that is not a whole number (a programmer error)", () => {
    expect(() => parseLocaleDecimal("1", "sv", { maxDecimals: -1 })).toThrow(/maxDecimals/);
    expect(() => parseLocaleDecimal("1", "sv", { maxDecimals: 1.5 })).toThrow(/maxDecimals/);
  });
});

describe("decimal and amount agree", () => {
  it.each(["en-US", "sv-SE", "da-DK", "nb-NO"])("an amount in SEK and the same text as a 2-decimal number are the same value in %s", (locale) => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (minor) => {
        const shown = formatLocaleAmount(minor, "", locale);
        const value = decimalOf(shown, locale);
        expect(Math.round(Number(value) * 100)).toBe(minor);
      }),
      { numRuns: 300 },
    );
  });
});

describe("formatLocaleAmount", () => {
  it.each([
    [191818, "SEK", "sv-SE", `1${NBSP}918,18${NBSP}kr`],
    [-191818, "SEK", "sv-SE", `\u22121${NBSP}918,18${NBSP}kr`],
    [191818, "DKK", "da-DK", `1.918,18${NBSP}kr.`],
    [191818, "NOK", "nb-NO", `1${NBSP}918,18${NBSP}kr`],
    [191818, "SEK", "en-US", `SEK${NBSP}1,918.18`],
    [1500, "JPY", "en-US", "¥1,500"],
    [1500, "KWD", "sv-SE", `1,500${NBSP}KWD`],
    [150, "", "da-DK", "1,50"],
  ])("shows %p %p in %p as %p", (minor, currency, locale, shown) => {
    expect(formatLocaleAmount(minor, currency, locale)).toBe(shown);
  });

  it("keeps every digit up to 2^53 minor units", () => {
    expect(formatLocaleAmount(Number.MAX_SAFE_INTEGER, "SEK", "sv").replace(/\D/g, "")).toBe(String(Number.MAX_SAFE_INTEGER));
  });

  it("refuses a currency it does not know (a programmer error)", () => {
    expect(() => formatLocaleAmount(1, "XXX", "sv")).toThrow(/unknown currency/);
  });
});

describe("format -> parse is the identity", () => {
  const locales = ["en-US", "sv-SE", "da-DK", "nb-NO"];
  const currencies = ["SEK", "DKK", "NOK", "EUR", "USD", "GBP", "ISK", "JPY", "KWD", "CLF", ""];
  it.each(locales)("for every currency in %s", (locale) => {
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger(), fc.constant(0)), (currency, minor) => {
        const shown = formatLocaleAmount(minor, currency, locale);
        expect(minorOf(shown, locale, currency)).toBe(minor);
      }),
      { numRuns: 500 },
    );
  });
});

describe("formatLocaleDate", () => {
  it.each([
    [42302, "sv-SE", "2015-10-25"],
    [42302, "da-DK", "25.10.2015"],
    [42302, "nb-NO", "25.10.2015"],
    [42302, "en-US", "10/25/2015"],
    [61, "sv", "1900-03-01"],
    [2958465, "da", "31.12.9999"],
  ])("shows serial %p in %p as %p", (serial, locale, shown) => {
    expect(formatLocaleDate(serial, locale)).toBe(shown);
  });

  it("refuses a serial that is not a ledger day", () => {
    expect(() => formatLocaleDate(60, "sv")).toThrow(/not a day/);
    expect(() => formatLocaleDate(42302.5, "sv")).toThrow(/not a day/);
  });
});
