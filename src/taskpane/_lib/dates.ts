import { isoFromSerial, parseDate, serialFromLocalDate } from "../../domain/dates";

/** Today's local date as a serial: the task pane is an edge, so it may read the clock. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromLocalDate(now);
}

/** `<input type="date">` value -> serial, or undefined when it is not a date. */
export function serialFromInput(value: string): number | undefined {
  const r = parseDate(value);
  return r.ok ? r.serial : undefined;
}

export function inputFromSerial(serial: number): string {
  return isoFromSerial(serial);
}
