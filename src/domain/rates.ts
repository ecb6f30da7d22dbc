/**
 * Exchange rates (docs/domain.md §1.4, §2 and §4.5). A rate is in units of the accounting currency per
 * one unit of a currency; the rate of a date is the latest rate on or before it; a missing rate is
 * an error, never 1. Cross rates go through the accounting currency.
 */
import { Decimal } from "./_lib/decimal";
import { ccError, type CcError, fail, ok, type Result } from "./errors";
import { exponentOf, fraction, HALF_AWAY_FROM_ZERO, pow10, type Ratio, ratio, tryMulDivRound } from "./money";
import { isoFromSerial } from "./dates";
import type { ExchangeRate } from "./types";

export interface RateTable {
  readonly accountingCurrency: string;
  /** Accounting-currency units per 1 unit of `currency` on `serial`. */
  rate(currency: string, serial: number): Result<Decimal>;
  /** Convert an amount in minor units of `from` to minor units of `to`, rounded half away from zero. */
  convert(minor: number, from: string, to: string, serial: number): Result<number>;
}

/**
 * @example
 * const t = rateTable([{ currency: "EUR", dateSerial: 42000, rate: "1.1", row: 2 }], "USD");
 * t.convert(10000, "EUR", "USD", 42010) // { ok: true, value: 11000 }
 */
export function rateTable(rates: readonly ExchangeRate[], accountingCurrency: string): RateTable {
  const acc = accountingCurrency.toUpperCase();
  const byCurrency = new Map<string, { serial: number; rate: Decimal }[]>();
  for (const r of rates) {
    const list = byCurrency.get(r.currency) ?? [];
    list.push({ serial: r.dateSerial, rate: new Decimal(r.rate) });
    byCurrency.set(r.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => a.serial - b.serial);

  const rate = (currency: string, serial: number): Result<Decimal> => {
    const cur = currency.toUpperCase();
    if (cur === acc || cur === "") return ok(new Decimal(1));
    const list = byCurrency.get(cur);
    let lo = 0;
    let hi = (list?.length ?? 0) - 1;
    let found: Decimal | undefined;
    while (list !== undefined && lo <= hi) {
      const mid = (lo + hi) >> 1;
      const entry = list[mid];
      if (entry === undefined) break;
      if (entry.serial <= serial) {
        found = entry.rate;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === undefined) {
      return fail(
        ccError("exchange_rate_must_exist", { case: "missing", currency: cur, date: isoFromSerial(serial), accounting: acc }, { table: "rates" }),
      );
    }
    return ok(found);
  };

  // Per (from, to, day): the factor as an exact, reduced fraction of integers; each conversion is
  // then one `mulDivRound` (doubles when exact, BigInt otherwise), rounded half away from zero.
  const factors = new Map<string, Ratio | CcError>();
  const factorOf = (f: string, t: string, serial: number): Ratio | CcError => {
    const key = `${f}\u0000${t}\u0000${serial}`;
    let hit = factors.get(key);
    if (hit === undefined) {
      const rf = rate(f, serial);
      const rt = rf.ok ? rate(t, serial) : rf;
      if (!rf.ok || !rt.ok) hit = (!rf.ok ? rf.errors[0] : !rt.ok ? rt.errors[0] : undefined) as CcError;
      else {
        // (rate of f x 10^exp(t)) / (rate of t x 10^exp(f)), each side exact, then one fraction.
        const a = ratio(rf.value.mul(pow10(exponentOf(t))));
        const b = ratio(rt.value.mul(pow10(exponentOf(f))));
        hit = b.num === 0n ? { num: 1n, den: 0n } : fraction(a.num * b.den, a.den * b.num);
      }
      factors.set(key, hit);
    }
    return hit;
  };

  const convert = (minor: number, from: string, to: string, serial: number): Result<number> => {
    if (from === to) return ok(minor);
    const f = from.toUpperCase();
    const t = to.toUpperCase();
    if (f === t) return ok(minor);
    const factor = factorOf(f, t, serial);
    if (!("num" in factor)) return fail(factor);
    const converted = factor.den === 0n ? undefined : tryMulDivRound(minor, factor.num, factor.den, HALF_AWAY_FROM_ZERO);
    if (converted === undefined) {
      return fail(ccError("converted_amount_must_fit_in_2_53_minor_units", { minor, from: f, to: t }, { table: "rates" }));
    }
    return ok(converted);
  };

  return { accountingCurrency: acc, rate, convert };
}

/**
 * The currency a ledger is kept in: the one most of its items use (the first seen on a tie), or
 * undefined for an empty ledger. The default accounting currency and typed-payment currency.
 * @example ledgerCurrency([{ currency: "SEK" }, { currency: "EUR" }, { currency: "SEK" }]) // "SEK"
 */
export function ledgerCurrency(items: readonly { readonly currency: string }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const i of items) {
    const c = i.currency.trim().toUpperCase();
    if (c !== "") counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [c, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = c;
  return best;
}

/**
 * The accounting currency a ledger implies without anyone naming it: its only currency, or, when it
 * has several, the only one the exchange rates give no rate for (rates are quoted in the accounting
 * currency, so it is the one that needs none). Undefined when neither settles it.
 * @example impliedAccountingCurrency([{ currency: "SEK" }, { currency: "sek" }], []) // "SEK"
 * @example impliedAccountingCurrency([{ currency: "SEK" }, { currency: "EUR" }], [{ currency: "EUR" }]) // "SEK"
 * @example impliedAccountingCurrency([{ currency: "SEK" }, { currency: "EUR" }], []) // undefined
 */
export function impliedAccountingCurrency(items: readonly { readonly currency: string }[], rates: readonly { readonly currency: string }[]): string | undefined {
  const currencies = new Set<string>();
  for (const i of items) {
    const c = i.currency.trim().toUpperCase();
    if (c !== "") currencies.add(c);
  }
  if (currencies.size <= 1) return [...currencies][0];
  const rated = new Set(rates.map((r) => r.currency.trim().toUpperCase()));
  const unrated = [...currencies].filter((c) => !rated.has(c));
  return unrated.length === 1 ? unrated[0] : undefined;
}

/**
 * The accounting currency to use when a field or option may be left blank: the one typed (in
 * capitals); else the one the ledger implies (`impliedAccountingCurrency`); else the ledger's main
 * currency ("" for an empty ledger). docs/decisions.md, decision 23.
 * @example accountingCurrencyOf(" ", [{ currency: "SEK" }, { currency: "EUR" }, { currency: "SEK" }]) // "SEK"
 * @example accountingCurrencyOf("eur", [{ currency: "SEK" }]) // "EUR"
 * @example accountingCurrencyOf("", [{ currency: "SEK" }, { currency: "EUR" }, { currency: "EUR" }], [{ currency: "EUR" }]) // "SEK"
 */
export function accountingCurrencyOf(typed: string, items: readonly { readonly currency: string }[], rates: readonly { readonly currency: string }[] = []): string {
  return typed.trim().toUpperCase() || (impliedAccountingCurrency(items, rates) ?? ledgerCurrency(items) ?? "");
}
