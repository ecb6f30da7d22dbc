/**
 * Dates are whole days, held as Excel serial numbers of the 1900 system (serial 61 = 1900-03-01).
 * A serial is a plain integer, so differences are calendar days and comparisons are cheap.
 * Serial 60 is Excel's phantom 1900-02-29; serials below 61 are not real ledger dates.
 */

/** The earliest serial accepted as a ledger date: 1900-03-01. */
export const MIN_SERIAL = 61;
/** Excel's last date, 9999-12-31. */
export const MAX_SERIAL = 2958465;
/** Serial of 1904-01-01 in the 1900 system minus its serial (0) in the 1904 system. */
export const OFFSET_1904 = 1462;

const MS_PER_DAY = 86400000;
/** Date.UTC(1899, 11, 30): serial 0 for every date from 1900-03-01 on. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export type DateSystem = "1900" | "1904";

/**
 * A serial from a civil date. Valid for 1900-03-01 and later.
 * @example serialFromYmd(2015, 10, 25) // 42302
 */
export function serialFromYmd(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / MS_PER_DAY);
}

/**
 * The civil date of a serial (61 or later).
 * @example ymdFromSerial(42302) // { year: 2015, month: 10, day: 25 }
 */
export function ymdFromSerial(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH_MS + serial * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** @example isoFromSerial(42302) // "2015-10-25" */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

export type DateParse = { readonly ok: true; readonly serial: number } | { readonly ok: false; readonly reason: string };

/**
 * The one parser from a cell to a day. Numbers are serials of `system` (a fraction of a day, the
 * time, is dropped); text must be ISO `yyyy-mm-dd`. Serials before 1900-03-01 are refused.
 * @example parseDate(42302.75) // { ok: true, serial: 42302 }
 * @example parseDate("2015-10-25") // { ok: true, serial: 42302 }
 */
export function parseDate(value: unknown, system: DateSystem = "1900"): DateParse {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "is not a date (the cell holds no valid number)" };
    let serial = Math.floor(value);
    if (system === "1904") serial += OFFSET_1904;
    return checkRange(serial, String(value));
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { ok: false, reason: "is not a valid date" };
    return checkRange(Math.floor((ms - EPOCH_MS) / MS_PER_DAY), value.toISOString().slice(0, 10));
  }
  if (typeof value === "string") {
    const text = value.trim();
    const m = ISO_DATE.exec(text);
    if (m === null) return { ok: false, reason: `'${value}' is not a date (use a date cell or yyyy-mm-dd)` };
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const serial = serialFromYmd(year, month, day);
    const back = ymdFromSerial(serial);
    if (month < 1 || month > 12 || back.day !== day || back.month !== month) {
      return { ok: false, reason: `'${value}' is not a real calendar date` };
    }
    return checkRange(serial, text);
  }
  return { ok: false, reason: "is not a date" };
}

function checkRange(serial: number, shown: string): DateParse {
  if (serial < MIN_SERIAL) return { ok: false, reason: `${shown} is before 1900-03-01 and not a real ledger date` };
  if (serial > MAX_SERIAL) return { ok: false, reason: `${shown} is after 9999-12-31` };
  return { ok: true, serial };
}

/**
 * Add calendar months, clamping to the month's last day (2015-01-31 + 1 month = 2015-02-28).
 * @example isoFromSerial(addMonths(serialFromYmd(2015, 1, 31), 1)) // "2015-02-28"
 */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const last = daysInMonth(y, m);
  return serialFromYmd(y, m, Math.min(day, last));
}

/**
 * @example daysInMonth(2016, 2) // 29
 * @example daysInMonth(2015, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The last day of the serial's month.
 * @example isoFromSerial(endOfMonth(serialFromYmd(2015, 2, 10))) // "2015-02-28"
 */
export function endOfMonth(serial: number): number {
  const { year, month } = ymdFromSerial(serial);
  return serialFromYmd(year, month, daysInMonth(year, month));
}

/**
 * The serial of the calendar day a local clock shows: "today" for every edge (custom functions,
 * task pane, CLI) is the user's local date, never the UTC date (docs/decisions.md). Pure: the edge
 * passes `new Date()`.
 * @example serialFromLocalDate(new Date(2024, 0, 31, 23, 30)) // 45322 (2024-01-31 in any time zone: the local calendar day, not the UTC one)
 * @example serialFromLocalDate(new Date(2015, 9, 25, 13)) // 42302
 */
export function serialFromLocalDate(d: Date): number {
  return serialFromYmd(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/**
 * The serial of the UTC day of a clock reading. Not "today" for a user: use `serialFromLocalDate`.
 * @example serialFromEpochMs(Date.UTC(2015, 9, 25, 13)) // 42302
 */
export function serialFromEpochMs(ms: number): number {
  return Math.floor((ms - EPOCH_MS) / MS_PER_DAY);
}

/**
 * A 1900-system serial from a serial of a workbook in the 1904 date system (Mac workbooks), where
 * serial 0 is 1904-01-01.
 * @example serialFrom1904(40840) // 42302 (2015-10-25)
 */
export function serialFrom1904(serial1904: number): number {
  return serial1904 + OFFSET_1904;
}

/**
 * The serial a 1904-system workbook stores for a 1900-system serial.
 * @example serialTo1904(42302) // 40840 (2015-10-25)
 */
export function serialTo1904(serial: number): number {
  return serial - OFFSET_1904;
}
