import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { writeWorkbook, type OutCell } from "../../src/cli/_lib/xlsx-write";
import { openWorkbook, totalsRowsOf } from "../../src/cli/_lib/workbook-package";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "cc-cli-"));
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cc(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: () => 46022 });
  return { code, stdout, stderr };
}

/**
 * Write a workbook of plain sheets (dates as serials in the named columns). `bare` writes them as
 * a minimal workbook from another program would be: no tables, widths or formats.
 */
export async function workbook(path: string, sheets: Record<string, OutCell[][]>, dateHeaders: readonly string[] = ["Date", "DueDate"], bare = false): Promise<string> {
  await writeWorkbook(
    path,
    Object.entries(sheets).map(([name, rows]) => ({
      name,
      rows,
      dateColumns: (rows[0] ?? []).map((h, i) => (dateHeaders.includes(String(h)) ? i : -1)).filter((i) => i >= 0),
    })),
    { bare },
  );
  return path;
}

/**
 * Every sheet of a workbook as rows of values (exceljs's full reader: independent of the CLI's
 * streaming reader). A table's totals row is a summary, not a row of the table: it is left out
 * (`totalsRows` of the workbook gives it when wanted).
 */
export async function readBack(path: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const totals = totalsRowsOf(openWorkbook(path));
  const out = new Map<string, unknown[][]>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    const skip = totals.get(ws.name);
    ws.eachRow((row) => {
      if (skip?.has(row.number) !== true) rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
    });
    out.set(ws.name, rows);
  });
  return out;
}

/** Sum of a numeric column grouped by another column. */
export function sumBy(rows: unknown[][], keyHeader: string, valueHeader: string): Map<string, number> {
  const header = (rows[0] ?? []).map(String);
  const k = header.indexOf(keyHeader);
  const v = header.indexOf(valueHeader);
  if (k < 0 || v < 0) throw new Error(`no ${keyHeader} or ${valueHeader} column in ${header.join(",")}`);
  const out = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const cell = row[v];
    const n = typeof cell === "number" ? cell : cell === "" || cell === null || cell === undefined ? 0 : Number(cell);
    out.set(String(row[k]), Math.round(((out.get(String(row[k])) ?? 0) + n) * 1000) / 1000);
  }
  return out;
}
