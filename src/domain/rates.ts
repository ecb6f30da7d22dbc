/**
 * Exchange rates (DOMAIN.md sections 2 and 4.5). A rate is in units of the accounting currency per
 * one unit of a currency; the rate of a date is the latest rate on or before it; a missing rate is
 * an error, never 1. Cross rates go through the accounting currency.
 */
import { Decimal } from "./_lib/decimal";
import { ccError, fail, ok, type Result } from "./errors";
import { currencyExponent, roundMinor, pow10 } from "./money";
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
        ccError("exchange_rate_must_exist", `no exchange rate for ${cur} on or before ${isoFromSerial(serial)} (accounting currency ${acc})`, { table: "rates" }),
      );
    }
    return ok(found);
  };

  const convert = (minor: number, from: string, to: string, serial: number): Result<number> => {
    const f = from.toUpperCase();
    const t = to.toUpperCase();
    if (f === t) return ok(minor);
    const rf = rate(f, serial);
    if (!rf.ok) return rf;
    const rt = rate(t, serial);
    if (!rt.ok) return rt;
    const ef = currencyExponent(f) ?? 2;
    const et = currencyExponent(t) ?? 2;
    return ok(roundMinor(new Decimal(minor).mul(rf.value).div(rt.value).mul(pow10(et)).div(pow10(ef))));
  };

  return { accountingCurrency: acc, rate, convert };
}
