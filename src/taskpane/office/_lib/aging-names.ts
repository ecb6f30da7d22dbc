import { isoFromSerial } from "../../../domain/dates";
import { currencyExponent as exponentOf } from "../../../domain/money";

/** The currency's decimals; 2 for an unknown code (the engine already rejected those). */
export function currencyExponent(code: string): number {
  return exponentOf(code) ?? 2;
}

/** ISO date of a serial for a sheet name; the serial itself when it is not a date. */
export function isoFromSerialSafe(serial: number): string {
  try {
    return isoFromSerial(serial);
  } catch {
    return String(serial);
  }
}
