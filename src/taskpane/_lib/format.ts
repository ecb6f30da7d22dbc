import { exponentOf, minorToNumber } from "../../domain/money";

/**
 * Minor units as a person would type them in the locale: no grouping, no currency, the
 * currency's decimals ("350,00" in sv-SE, "350.00" in en-US), for an editable amount field.
 */
export function typedAmount(minor: number, currency: string, tag: string): string {
  const e = exponentOf(currency);
  const d = Math.max(0, e);
  return new Intl.NumberFormat(tag, { useGrouping: false, minimumFractionDigits: d, maximumFractionDigits: d }).format(minorToNumber(minor, e)).replace("\u2212", "-");
}
