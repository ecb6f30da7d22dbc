/**
 * Writes result sheets as .xlsx packages (see workbook-package.ts): a new workbook for `--out`,
 * or the input with sheets appended for `--in-place`. Both go through `writeAtomically` (a
 * temporary file in the target's directory, fsync, rename), and every cell value through the one
 * writer `cellXml` (text stays text: a ledger value such as `=cmd|' /C calc'!A0` or `-5 days`
 * becomes a string cell, never a formula or a number).
 */
import { writeAtomically } from "./safe-write";
import { openWorkbook, type WorkbookPackage, type WriteOptions, writePackage } from "./workbook-package";
import type { OutputSheet } from "./sheet-xml";

export type { OutCell, OutputSheet } from "./sheet-xml";

/**
 * Write `sheets` as a new workbook at `path`.
 * @example await writeWorkbook("out/aging.xlsx", [{ name: "Aging", rows: [["Customer"], ["C1"]] }])
 */
export async function writeWorkbook(path: string, sheets: readonly OutputSheet[], options: WriteOptions = {}): Promise<void> {
  await writeAtomically(path, (fd) => writePackage(fd, undefined, sheets, options).then(() => undefined));
}

/**
 * Append `sheets` to an existing workbook (`--in-place`) at the package level: every existing part
 * is copied byte for byte except the workbook part, its relationships, the content types and the
 * styles, which are extended. A name already taken gets a ` (2)`, ` (3)`, ... suffix. `opened` is
 * the package already opened (and checked) by the caller. Returns the names used.
 */
export async function appendSheets(path: string, sheets: readonly OutputSheet[], opened?: WorkbookPackage): Promise<string[]> {
  const pkg = opened ?? openWorkbook(path);
  let names: string[] = [];
  await writeAtomically(path, async (fd) => {
    names = await writePackage(fd, pkg, sheets);
  });
  return names;
}
