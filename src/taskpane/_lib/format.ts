import { currencyExponent, minorToNumber } from "../../domain/money";

/** Minor units as "1,234.50 USD" at the currency's precision. */
export function money(minor: number, currency: string): string {
  const e = currencyExponent(currency) ?? 2;
  const d = Math.max(0, e);
  return `${minorToNumber(minor, e).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d })} ${currency}`.trim();
}
