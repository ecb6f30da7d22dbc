/** Amounts for the summary lines on stdout. */
import { currencyExponent, formatMinor } from "../../domain/money";

export function formatAmount(minor: number, currency: string): string {
  return formatMinor(minor, currencyExponent(currency) ?? 2);
}

/** "12,345" */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
