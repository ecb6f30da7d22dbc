import fc from "fast-check";
import { Decimal } from "../../src/domain/_lib/decimal";
import { HALF_AWAY_FROM_ZERO, roundMinor } from "../../src/domain/money";
import { assertBalanced, checkNotPosted, journalIdFor, type Journal, type JournalLine } from "../../src/domain/journal";
import { rateTable } from "../../src/domain/rates";
import { describeErrors } from "../../src/domain/errors";

describe("rateTable", () => {
  const table = rateTable(
    [
      { currency: "EUR", dateSerial: 42000, rate: "1.10", row: 2 },
      { currency: "EUR", dateSerial: 42010, rate: "1.123", row: 3 },
      { currency: "SEK", dateSerial: 42000, rate: "0.12", row: 4 },
      { currency: "JPY", dateSerial: 42000, rate: "0.0091", row: 5 },
    ],
    "USD",
  );

  it("takes the latest rate on or before the date", () => {
    expect(table.rate("EUR", 42009).ok && table.rate("EUR", 42009)).toMatchObject({ value: expect.anything() });
    const r = table.rate("EUR", 42010);
    expect(r.ok && r.value.toString()).toBe("1.123");
    const earlier = table.rate("EUR", 42009);
    expect(earlier.ok && earlier.value.toString()).toBe("1.1");
  });

  it("converts to the accounting currency and across through it", () => {
    expect(table.convert(100000, "EUR", "USD", 42010)).toEqual({ ok: true, value: 112300 });
    // 100.00 EUR = 112.30 USD = 935.83 SEK at 0.12
    expect(table.convert(10000, "EUR", "SEK", 42010)).toEqual({ ok: true, value: 93583 });
    // 1,000 JPY (no decimals) = 9.10 USD
    expect(table.convert(1000, "JPY", "USD", 42010)).toEqual({ ok: true, value: 910 });
    expect(table.convert(123, "USD", "USD", 1)).toEqual({ ok: true, value: 123 });
  });

  describe("invalid input", () => {
    it("never assumes 1.0 for a missing rate", () => {
      const r = table.convert(100, "GBP", "USD", 42010);
      expect(!r.ok && describeErrors(r.errors)).toBe("rates: no exchange rate for GBP on or before 2015-01-06 (accounting currency USD)");
      expect(table.rate("EUR", 41999).ok).toBe(false);
    });
  });
});

describe("journals", () => {
  const line = (n: number, accountingMinor: number, journalId = "J-1"): JournalLine => ({
    journalId,
    lineNumber: n,
    dateSerial: 42302,
    customer: "C",
    voucher: "V",
    offsetVoucher: "P",
    amountMinor: accountingMinor,
    currency: "USD",
    accountingMinor,
    accountingCurrency: "USD",
    accountType: "Customer",
    accountRole: "Customer",
    reason: "",
    linkId: "L1",
  });

  it("derives the same ID from the same content, and another from other content", () => {
    expect(journalIdFor("Settlement", "a")).toBe(journalIdFor("Settlement", "a"));
    expect(journalIdFor("Settlement", "a")).not.toBe(journalIdFor("Settlement", "b"));
    expect(journalIdFor("Settlement", "a")).toMatch(/^SET-[0-9A-Z]{11}$/);
  });

  it("accepts a balanced journal and throws on an unbalanced one", () => {
    const ok: Journal = { journalId: "J-1", kind: "Settlement", lines: [line(1, 500), line(2, -500)] };
    expect(() => assertBalanced(ok)).not.toThrow();
    const bad: Journal = { journalId: "J-1", kind: "Settlement", lines: [line(1, 500), line(2, -499)] };
    expect(() => assertBalanced(bad)).toThrow(/off by 1 minor units/);
    const foreign: Journal = { journalId: "J-1", kind: "Settlement", lines: [line(1, 500), line(2, -500, "J-2")] };
    expect(() => assertBalanced(foreign)).toThrow(/another journal/);
  });

  it("refuses to post a journal ID twice", () => {
    expect(checkNotPosted("J-1", new Set(["J-0"])).ok).toBe(true);
    const r = checkNotPosted("J-1", new Set(["J-1"]));
    expect(!r.ok && r.errors[0]?.code).toBe("journal_must_not_be_posted_twice");
  });
});

describe("rateTable.convert's fast path", () => {
  it("always equals the decimal computation, ties included", () => {
    fc.assert(
      fc.property(
        // Up to 100 million in major units: products stay below 2^53 minor units.
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 100, max: 99999 }),
        fc.constantFrom("USD", "JPY", "KWD"),
        (minor, a, b, to) => {
          const rates = [
            { currency: "EUR", dateSerial: 42000, rate: String(a / 1000), row: 2 },
            { currency: "JPY", dateSerial: 42000, rate: String(b / 100000), row: 3 },
            { currency: "KWD", dateSerial: 42000, rate: String(b / 1000), row: 4 },
          ];
          const table = rateTable(rates, "USD");
          const rt = to === "USD" ? new Decimal(1) : new Decimal(rates.find((r) => r.currency === to)?.rate ?? "1");
          const exp = to === "JPY" ? 0 : to === "KWD" ? 3 : 2;
          const expected = roundMinor(new Decimal(minor).mul(new Decimal(a).div(1000)).div(rt).mul(10 ** exp).div(100), HALF_AWAY_FROM_ZERO);
          const got = table.convert(minor, "EUR", to, 42001);
          return got.ok && got.value === expected;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("sees an exact tie behind a repeating rate ratio (25.809 / 0.108) and rounds it away from zero", () => {
    const table = rateTable(
      [
        { currency: "EUR", dateSerial: 42000, rate: "25.809", row: 2 },
        { currency: "KWD", dateSerial: 42000, rate: "0.108", row: 3 },
      ],
      "USD",
    );
    // 2,990,271,105 x 258,090 / 108 = 7,145,917,310,087.5 exactly.
    expect(table.convert(2990271105, "EUR", "KWD", 42001)).toEqual({ ok: true, value: 7145917310088 });
  });

  it("rounds exact ties half away from zero", () => {
    const table = rateTable([{ currency: "EUR", dateSerial: 42000, rate: "0.5", row: 2 }], "USD");
    expect(table.convert(1, "EUR", "USD", 42000)).toEqual({ ok: true, value: 1 });
    expect(table.convert(-1, "EUR", "USD", 42000)).toEqual({ ok: true, value: -1 });
    expect(table.convert(3, "EUR", "USD", 42000)).toEqual({ ok: true, value: 2 });
  });
});
