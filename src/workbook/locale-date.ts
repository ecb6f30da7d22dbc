/**
 * A day shown as the locale writes dates: sv-SE 2015-10-25, da-DK and nb-NO 25.10.2015, en-US
 * 10/25/2015. Cells keep their Excel number format instead, so that Excel shows them itself.
 */
import { assert } from "../domain/_lib/assert";
import { MAX_SERIAL, MIN_SERIAL, ymdFromSerial } from "../domain/dates";
import { INTL_TAG, numberLocale } from "./_lib/number-locale";

const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * An Excel serial (1900 system, 1900-03-01 or later) as a date in the locale's short form.
 * @example formatLocaleDate(42302, "sv-SE") // "2015-10-25"
 * @example formatLocaleDate(42302, "da-DK") // "25.10.2015"
 */
export function formatLocaleDate(serial: number, locale: string): string {
  assert(Number.isInteger(serial) && serial >= MIN_SERIAL && serial <= MAX_SERIAL, `formatLocaleDate: ${serial} is not a day from 1900-03-01 to 9999-12-31`);
  const tag = INTL_TAG[numberLocale(locale)];
  let format = cache.get(tag);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(tag, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
    cache.set(tag, format);
  }
  const { year, month, day } = ymdFromSerial(serial);
  return format.format(Date.UTC(year, month - 1, day));
}
