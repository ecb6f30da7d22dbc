import { isoFromSerial } from "../../../domain/dates";

/** ISO date of a serial for a sheet name; the serial itself when it is not a date. */
export function isoFromSerialSafe(serial: number): string {
  try {
    return isoFromSerial(serial);
  } catch {
    return String(serial);
  }
}
