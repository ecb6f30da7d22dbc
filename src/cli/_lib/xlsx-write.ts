/**
 * Writes result sheets with exceljs's streaming writer: rows go to disk as they come, so a large
 * journal never sits in memory as a workbook model. Text is always written as text: a ledger value
 * such as `=cmd|' /C calc'!A0` or `-5 days` becomes a string cell, never a formula (exceljs writes
 * a formula only for `{ formula }` values, which this module never produces).
 */
import { mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";

export type OutCell = string | number | boolean | null | undefined;

export interface OutputSheet {
  readonly name: string;
  /** Header row first. */
  readonly rows: Iterable<readonly OutCell[]>;
  /** 0-based indexes of the columns whose numbers are date serials (written as dates). */
  readonly dateColumns?: readonly number[];
}

const DATE_FORMAT = "yyyy-mm-dd";

/** 1900-system serial -> the JS Date exceljs turns back into the same serial. */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

/** A value as it goes into a cell: text stays text (a leading `=` is not a formula). */
function cellValue(v: OutCell): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}

/**
 * Write `sheets` as a new workbook at `path` (written to a temporary name and renamed, so a
 * failed run never leaves half a file where the output should be).
 * @example await writeWorkbook("out/aging.xlsx", [{ name: "Aging", rows: [["Customer"], ["C1"]] }])
 */
export async function writeWorkbook(path: string, sheets: readonly OutputSheet[]): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}.xlsx`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: true });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const dates = new Set(sheet.dateColumns ?? []);
    let header = true;
    for (const row of sheet.rows) {
      const values = row.map((v, i) => (!header && dates.has(i) && typeof v === "number" ? dateFromSerial(v) : cellValue(v)));
      const r = ws.addRow(values);
      if (header) r.font = { bold: true };
      else for (const i of dates) if (typeof row[i] === "number") r.getCell(i + 1).numFmt = DATE_FORMAT;
      r.commit();
      header = false;
    }
    ws.commit();
  }
  await wb.commit();
  renameSync(tmp, path);
}

/**
 * Append `sheets` to an existing workbook (`--in-place`): the workbook is loaded, the sheets are
 * added after the existing ones and the file is replaced. Existing sheets are never changed; a
 * name already taken gets a ` (2)`, ` (3)`, ... suffix. Returns the names used.
 */
export async function appendSheets(path: string, sheets: readonly OutputSheet[]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  const names: string[] = [];
  for (const sheet of sheets) {
    let name = sheet.name;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${sheet.name.slice(0, 25)} (${k})`;
    taken.add(name.toLowerCase());
    names.push(name);
    const ws = wb.addWorksheet(name);
    const dates = new Set(sheet.dateColumns ?? []);
    let header = true;
    for (const row of sheet.rows) {
      const r = ws.addRow(row.map((v, i) => (!header && dates.has(i) && typeof v === "number" ? dateFromSerial(v) : cellValue(v))));
      if (header) r.font = { bold: true };
      else for (const i of dates) if (typeof row[i] === "number") r.getCell(i + 1).numFmt = DATE_FORMAT;
      header = false;
    }
  }
  const tmp = `${path}.tmp-${process.pid}.xlsx`;
  await wb.xlsx.writeFile(tmp);
  renameSync(tmp, path);
  return names;
}
