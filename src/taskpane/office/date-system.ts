/**
 * The workbook's date system. Excel on the Mac may keep a workbook in the 1904 system, where the
 * serial 0 is 1904-01-01: read as 1900 serials its dates would be four years and a day early.
 * `Workbook.use1904DateSystem` (ExcelApi 1.16) tells; a host without it is taken as 1900, which is
 * what every Windows and web workbook uses by default.
 */
import type { DateSystem } from "../../domain/dates";
import type { XlContext } from "./excel-subset";

export async function dateSystemOf(ctx: XlContext): Promise<DateSystem> {
  const wb = ctx.workbook;
  if (typeof wb.load !== "function" || !supports116()) return "1900";
  try {
    wb.load("use1904DateSystem");
    await ctx.sync();
    return wb.use1904DateSystem === true ? "1904" : "1900";
  } catch {
    return "1900";
  }
}

/** Outside Office (the preview, tests) the workbook object itself says whether it has the property. */
function supports116(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(set: string, version: string): boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements === undefined || requirements.isSetSupported("ExcelApi", "1.16");
}
