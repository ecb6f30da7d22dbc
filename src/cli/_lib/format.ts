/** Amounts for the summary lines on stdout. */
import { currencyExponent, formatMinor } from "../../domain/money";

/**
 * An amount with its currency's decimals and comma thousands separators, as every summary line
 * prints amounts. @example formatAmount(123456789, "USD") // "1,234,567.89"
 */
export function formatAmount(minor: number, currency: string): string {
  const plain = formatMinor(minor, currencyExponent(currency) ?? 2);
  const sign = plain.startsWith("-") ? "-" : "";
  const [whole = "", fraction] = plain.slice(sign.length).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** "12,345" */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
