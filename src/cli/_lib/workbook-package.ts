/**
 * The .xlsx package (OOXML in a zip) as the CLI sees it: opened and checked before any cell is read
 * (corrupt, truncated, macro-enabled, binary and legacy files are refused with the reason), and
 * written by adding parts, never by re-serializing the workbook. `--in-place` copies every existing
 * part's bytes unchanged except the four it must extend: `xl/workbook.xml` (a `<sheet>` per new
 * sheet), `xl/_rels/workbook.xml.rels` (their relationships), `[Content_Types].xml` (their content
 * type) and `xl/styles.xml` (a bold font, a yyyy-mm-dd number format and two cell formats appended
 * after the existing ones, so every existing style index keeps its meaning). Charts, pivot tables,
 * images, comments, defined names, data validation, conditional formats and document properties
 * live in parts that are copied as they are.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import type { DateSystem } from "../../domain/dates";
import { CliError } from "./cli-error";
import { planSheet, type SheetPlan } from "./sheet-format";
import { CHART_CT, CHART_REL, chartXml, DRAWING_CT, DRAWING_REL, drawingXml, relsXml as packageRelsXml, TABLE_CT, TABLE_REL, tableName, tableXml } from "./sheet-parts";
import { type OutCell, type OutputSheet, PLAIN_STYLES, type SheetParts, type SheetStyles, escapeXml, sheetXml } from "./sheet-xml";
import { entryData, entryText, readZip, type ZipArchive, ZipError, ZipWriter } from "./zip";

export interface PackageSheet {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
}

export interface WorkbookPackage {
  readonly path: string;
  readonly zip: ZipArchive;
  readonly dateSystem: DateSystem;
  readonly sheets: readonly PackageSheet[];
  readonly workbookXml: string;
  readonly relsXml: string;
  readonly contentTypesXml: string;
  readonly stylesXml: string | undefined;
  /**
   * Parts whose checksum was left to the caller (`openWorkbook`'s `verifyLater`): the streaming
   * sheet reader checks each worksheet part as it inflates it, instead of inflating it twice.
   */
  readonly unverified?: ReadonlySet<string>;
}

export interface OpenOptions {
  /** Parts not to inflate and check here, because the caller checks them as it reads them. */
  readonly verifyLater?: (part: string) => boolean;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const STYLES_TYPE = `${REL_NS}/styles`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const REFUSED_EXTENSIONS: Record<string, string> = {
  ".xlsm": "macro-enabled workbooks (.xlsm) are not read or written: save a copy as Excel Workbook (.xlsx)",
  ".xltm": "macro-enabled templates (.xltm) are not read or written: save a copy as Excel Workbook (.xlsx)",
  ".xlsb": "binary workbooks (.xlsb) are not supported: save a copy as Excel Workbook (.xlsx)",
  ".xls": "legacy Excel 97-2003 workbooks (.xls) are not supported: save a copy as Excel Workbook (.xlsx)",
};

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) => {
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name] ?? "";
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? undefined : unescapeXml(m[1] ?? m[2] ?? "");
}

/** `<workbookPr date1904="1"/>` (or "true"): the workbook counts days from 1904-01-01. */
export function dateSystemOf(workbookXml: string): DateSystem {
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const v = pr === null ? undefined : attr(pr[0], "date1904");
  return v === "1" || v === "true" ? "1904" : "1900";
}

function sheetsOf(workbookXml: string): PackageSheet[] {
  const out: PackageSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const tag = m[0];
    const rel = /\s(?:\w+:)id\s*=\s*"([^"]*)"/.exec(tag);
    out.push({ name: attr(tag, "name") ?? "", sheetId: Number(attr(tag, "sheetId") ?? 0), relId: rel?.[1] ?? "" });
  }
  return out;
}

function cannotRead(path: string, reason: string): CliError {
  return new CliError(`cannot read ${path}: ${reason}`);
}

/**
 * Open and check an .xlsx: exists, is a file, is not empty, is a complete zip, is not macro-enabled,
 * binary or legacy, and has a readable workbook part. Any failure is a CliError (exit 1)
 * `cannot read FILE: <reason>`.
 */
export function openWorkbook(path: string, options: OpenOptions = {}): WorkbookPackage {
  const refused = REFUSED_EXTENSIONS[extname(path).toLowerCase()];
  if (refused !== undefined) throw cannotRead(path, refused);
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw cannotRead(path, "it is a directory, not a workbook");
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw cannotRead(path, code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : e instanceof Error ? e.message : String(e));
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE)) {
    throw cannotRead(path, "it is an OLE compound file: a legacy .xls workbook, or a password-protected (encrypted) one. Save a copy as Excel Workbook (.xlsx) without a password");
  }
  let zip: ZipArchive;
  try {
    zip = readZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) throw cannotRead(path, e.message === "not a zip archive" ? "not an .xlsx workbook (not a zip archive)" : e.message);
    throw e;
  }
  if (zip.byName.has("xl/workbook.bin")) throw cannotRead(path, REFUSED_EXTENSIONS[".xlsb"] as string);
  try {
    const contentTypesXml = entryText(zip, "[Content_Types].xml");
    if (zip.byName.has("xl/vbaProject.bin") || /macroEnabled/i.test(contentTypesXml ?? "")) throw cannotRead(path, `it contains macros (a VBA project): ${REFUSED_EXTENSIONS[".xlsm"] as string}`);
    const workbookXml = entryText(zip, "xl/workbook.xml");
    const relsXml = entryText(zip, "xl/_rels/workbook.xml.rels");
    if (contentTypesXml === undefined || workbookXml === undefined || relsXml === undefined) {
      throw cannotRead(path, "not an .xlsx workbook (no [Content_Types].xml, xl/workbook.xml or its relationships)");
    }
    // Every part is decompressed once and its checksum verified: a damaged byte anywhere is an
    // error here, not a wrong number later.
    const unverified = new Set<string>();
    for (const entry of zip.entries) {
      if (entry.name.endsWith("/")) continue;
      if (options.verifyLater?.(entry.name) === true) unverified.add(entry.name);
      else verifyEntry(zip, entry.name);
    }
    return { path, zip, dateSystem: dateSystemOf(workbookXml), sheets: sheetsOf(workbookXml), workbookXml, relsXml, contentTypesXml, stylesXml: entryText(zip, "xl/styles.xml"), ...(unverified.size > 0 ? { unverified } : {}) };
  } catch (e) {
    if (e instanceof ZipError) throw cannotRead(path, e.message);
    throw e;
  }
}

function verifyEntry(zip: ZipArchive, name: string): void {
  const entry = zip.byName.get(name);
  if (entry !== undefined) entryData(zip, entry);
}

function maxNumber(texts: Iterable<string>, pattern: RegExp): number {
  let max = 0;
  for (const t of texts) for (const m of t.matchAll(pattern)) max = Math.max(max, Number(m[1]));
  return max;
}

function insertBefore(xml: string, closing: RegExp, insert: string, what: string): string {
  const m = closing.exec(xml);
  if (m === null) throw new CliError(`cannot append to this workbook: its ${what} has no ${closing.source}`);
  return xml.slice(0, m.index) + insert + xml.slice(m.index);
}

const BOLD_FONT = '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
const DATE_FORMAT = "yyyy-mm-dd";
/** Custom number formats appended: the date, then amounts with 1, 3 and 4 decimals (0 and 2 are built in: 3 and 4). */
const CUSTOM_FORMATS = [DATE_FORMAT, "#,##0.0", "#,##0.000", "#,##0.0000"];
const BUILTIN_TEXT = 49;
const BUILTIN_THOUSANDS = 3;
const BUILTIN_THOUSANDS_2 = 4;
const BUILTIN_PERCENT = 10;

/**
 * Append the CLI's styles to a styles part; existing entries keep their indexes. Adds a bold font,
 * the number formats above and one cell format per use (header, date, text, count, percent, amounts
 * with 0-4 decimals, the totals row's label and amounts).
 */
export function extendStyles(stylesXml: string): { xml: string; styles: SheetStyles } {
  if (/<\w+:styleSheet\b/.test(stylesXml)) return { xml: stylesXml, styles: PLAIN_STYLES }; // a prefixed stylesheet: written unstyled
  let xml = stylesXml;
  const numFmtIds = [...xml.matchAll(/<numFmt\b[^>]*\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const firstId = Math.max(163, ...numFmtIds) + 1;
  const ids = CUSTOM_FORMATS.map((_f, k) => firstId + k);
  const numFmt = CUSTOM_FORMATS.map((f, k) => `<numFmt numFmtId="${ids[k] as number}" formatCode="${escapeXml(f)}"/>`).join("");
  if (/<numFmts\b[^>]*\/>/.test(xml)) xml = xml.replace(/<numFmts\b[^>]*\/>/, `<numFmts count="${CUSTOM_FORMATS.length}">${numFmt}</numFmts>`);
  else if (/<numFmts\b/.test(xml)) xml = bumpCount(insertBefore(xml, /<\/numFmts>/, numFmt, "styles"), "numFmts", CUSTOM_FORMATS.length);
  else xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${CUSTOM_FORMATS.length}">${numFmt}</numFmts>`);
  const fonts = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml);
  const fontCount = fonts === null ? 0 : [...(fonts[1] ?? "").matchAll(/<font\b[^>]*?(?:\/>|>)/g)].length;
  if (fonts === null) xml = xml.replace(/(<\/numFmts>)/, `$1<fonts count="2"><font/>${BOLD_FONT}</fonts>`);
  else xml = bumpCount(insertBefore(xml, /<\/fonts>/, BOLD_FONT, "styles"), "fonts", 1);
  const boldFontId = fonts === null ? 1 : fontCount;
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (xfs === null) throw new CliError("cannot append to this workbook: its styles have no cell formats (cellXfs)");
  const xfCount = [...(xfs[1] ?? "").matchAll(/<xf\b/g)].length;
  const [dateId, one, three, four] = ids as [number, number, number, number];
  const moneyFormats = [BUILTIN_THOUSANDS, one, BUILTIN_THOUSANDS_2, three, four];
  const xf = (numFmtId: number, bold = false): string =>
    `<xf numFmtId="${numFmtId}" fontId="${bold ? boldFontId : 0}" fillId="0" borderId="0" xfId="0"${bold ? ' applyFont="1"' : ""}${numFmtId === 0 ? "" : ' applyNumberFormat="1"'}/>`;
  const added = [xf(0, true), xf(dateId), xf(BUILTIN_TEXT), xf(BUILTIN_THOUSANDS), xf(BUILTIN_PERCENT), ...moneyFormats.map((f) => xf(f)), xf(0, true), ...moneyFormats.map((f) => xf(f, true))];
  xml = bumpCount(insertBefore(xml, /<\/cellXfs>/, added.join(""), "styles"), "cellXfs", added.length);
  const at = (k: number): number => xfCount + k;
  return {
    xml,
    styles: { header: at(0), date: at(1), text: at(2), integer: at(3), percent: at(4), money: [at(5), at(6), at(7), at(8), at(9)], totalLabel: at(10), totalMoney: [at(11), at(12), at(13), at(14), at(15)] },
  };
}

function bumpCount(xml: string, element: string, by: number): string {
  return xml.replace(new RegExp(`<${element}\\b[^>]*>`), (tag) => tag.replace(/\scount="(\d+)"/, (_m, n: string) => ` count="${Number(n) + by}"`));
}

const FRESH_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The parts of a new, empty workbook (no sheets yet; `appendSheets` adds them). */
function freshParts(): Map<string, string> {
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return new Map([
    [
      "[Content_Types].xml",
      `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${STYLES_CT}"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ],
    ["_rels/.rels", `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `${decl}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`],
    [
      "xl/_rels/workbook.xml.rels",
      `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${STYLES_TYPE}" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", FRESH_STYLES],
    // An empty shared-string table: the CLI writes inline strings, but exceljs's streaming reader
    // parses sheets directly (instead of through temporary files) only when the part exists.
    ["xl/sharedStrings.xml", `${decl}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`],
  ]);
}

/** Parts that readers want first (exceljs's streaming reader needs the workbook before any sheet). */
const FIRST = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"];

/** Unique sheet names: a taken name gets " (2)", " (3)", ... (case-insensitively, at most 31 characters). */
export function sheetNames(existing: readonly string[], wanted: readonly string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  return wanted.map((w) => {
    let name = w.slice(0, 31);
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${w.slice(0, 31 - ` (${k})`.length)} (${k})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * Write the package `base` (or a new workbook when undefined) with `sheets` appended, to `fd`.
 * Dates are written in the base's date system. Returns the sheet names used.
 */
export interface WriteOptions {
  /** Cells only, no tables, widths, formats or charts (test fixtures that stand for other programs' workbooks). */
  readonly bare?: boolean;
}

export async function writePackage(fd: number, base: WorkbookPackage | undefined, sheets: readonly OutputSheet[], options: WriteOptions = {}): Promise<string[]> {
  const fresh = base === undefined ? freshParts() : undefined;
  const text = (name: string): string | undefined => (fresh !== undefined ? fresh.get(name) : name === "xl/workbook.xml" ? base?.workbookXml : name === "xl/_rels/workbook.xml.rels" ? base?.relsXml : name === "[Content_Types].xml" ? base?.contentTypesXml : name === "xl/styles.xml" ? base?.stylesXml : undefined);
  const dateSystem: DateSystem = base?.dateSystem ?? "1900";
  let workbookXml = (text("xl/workbook.xml") as string).replace(/<((?:\w+:)?sheets)\s*\/>/, "<$1></$1>");
  let relsXml = text("xl/_rels/workbook.xml.rels") as string;
  let contentTypesXml = text("[Content_Types].xml") as string;
  let stylesXml = text("xl/styles.xml");
  const edited = new Map<string, string>();

  if (stylesXml === undefined) {
    stylesXml = FRESH_STYLES;
    const relId = `rId${maxNumber([relsXml], /Id="rId(\d+)"/g) + 1}`;
    relsXml = insertBefore(relsXml, /<\/(?:\w+:)?Relationships>/, `<Relationship Id="${relId}" Type="${STYLES_TYPE}" Target="styles.xml"/>`, "workbook relationships");
    contentTypesXml = insertBefore(contentTypesXml, /<\/(?:\w+:)?Types>/, `<Override PartName="/xl/styles.xml" ContentType="${STYLES_CT}"/>`, "content types");
  }
  const extended = options.bare === true ? { xml: stylesXml, styles: PLAIN_STYLES } : extendStyles(stylesXml);
  const styles: SheetStyles = extended.styles;
  edited.set("xl/styles.xml", extended.xml);

  const names = sheetNames(sheetsOf(workbookXml).map((s) => s.name), sheets.map((s) => s.name));
  const partNames = base === undefined ? [] : base.zip.entries.map((e) => e.name);
  let sheetNo = maxNumber(partNames, /^xl\/worksheets\/sheet(\d+)\.xml$/g);
  let tableNo = maxNumber(partNames, /^xl\/tables\/table(\d+)\.xml$/g);
  let drawingNo = maxNumber(partNames, /^xl\/drawings\/drawing(\d+)\.xml$/g);
  let chartNo = maxNumber(partNames, /^xl\/charts\/chart(\d+)\.xml$/g);
  const existingTables = base === undefined ? [] : partNames.filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n)).map((n) => entryText(base.zip, n) ?? "");
  let tableId = maxNumber(existingTables.map((t) => /<(?:\w+:)?table\b[^>]*>/.exec(t)?.[0] ?? ""), /\sid="(\d+)"/g);
  const takenNames = new Set<string>([...existingTables.flatMap((t) => [...t.matchAll(/\s(?:name|displayName)="([^"]*)"/g)].map((m) => unescapeXml(m[1] ?? "").toLowerCase())), ...[...workbookXml.matchAll(/<(?:\w+:)?definedName\b[^>]*\sname="([^"]*)"/g)].map((m) => unescapeXml(m[1] ?? "").toLowerCase())]);
  let relNo = maxNumber([relsXml], /Id="rId(\d+)"/g);
  let sheetId = Math.max(0, ...sheetsOf(workbookXml).map((s) => s.sheetId));
  const sheetsTag = /<((?:\w+:)?)sheets>/.exec(workbookXml);
  const prefix = sheetsTag?.[1] ?? "";
  const relPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS.replace(/[.]/g, "\\.")}"`).exec(workbookXml)?.[1];
  const parts: { part: string; sheet: OutputSheet; plan: SheetPlan | undefined; sheetParts: SheetParts }[] = [];
  const override = (part: string, type: string): void => {
    contentTypesXml = insertBefore(contentTypesXml, /<\/(?:\w+:)?Types>/, `<Override PartName="/${part}" ContentType="${type}"/>`, "content types");
  };
  sheets.forEach((given, i) => {
    const rows = Array.isArray(given.rows) ? (given.rows as readonly (readonly OutCell[])[]) : [...given.rows];
    const sheet: OutputSheet = { ...given, rows };
    const plan = options.bare === true ? undefined : planSheet({ ...sheet, rows });
    const part = `xl/worksheets/sheet${++sheetNo}.xml`;
    const relId = `rId${++relNo}`;
    const idAttr = relPrefix === undefined ? `xmlns:r="${REL_NS}" r:id="${relId}"` : `${relPrefix}:id="${relId}"`;
    const name = names[i] as string;
    workbookXml = insertBefore(workbookXml, /<\/(?:\w+:)?sheets>/, `<${prefix}sheet name="${escapeXml(name)}" sheetId="${++sheetId}" ${idAttr}/>`, "workbook part");
    relsXml = insertBefore(relsXml, /<\/(?:\w+:)?Relationships>/, `<Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${sheetNo}.xml"/>`, "workbook relationships");
    override(part, WORKSHEET_CT);
    const sheetRels: { id: string; type: string; target: string }[] = [];
    let sheetParts: SheetParts = {};
    if (plan?.table === true) {
      const table = `xl/tables/table${++tableNo}.xml`;
      edited.set(table, tableXml(++tableId, tableName(name, takenNames), shownHeader(sheet), rows.length, plan));
      override(table, TABLE_CT);
      sheetRels.push({ id: "rId1", type: TABLE_REL, target: `../tables/table${tableNo}.xml` });
      sheetParts = { tableRelId: "rId1" };
    }
    if (plan !== undefined && sheet.chart !== undefined && rows.length > 1) {
      const drawing = `xl/drawings/drawing${++drawingNo}.xml`;
      const chart = `xl/charts/chart${++chartNo}.xml`;
      edited.set(drawing, drawingXml(plan.columns.length + 1));
      edited.set(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, packageRelsXml([{ id: "rId1", type: CHART_REL, target: `../charts/chart${chartNo}.xml` }]));
      edited.set(chart, chartXml(name, [shownHeader(sheet), ...rows.slice(1)], rows.length, sheet.chart));
      override(drawing, DRAWING_CT);
      override(chart, CHART_CT);
      sheetRels.push({ id: "rId2", type: DRAWING_REL, target: `../drawings/drawing${drawingNo}.xml` });
      sheetParts = { ...sheetParts, drawingRelId: "rId2" };
    }
    if (sheetRels.length > 0) edited.set(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`, packageRelsXml(sheetRels));
    parts.push({ part, sheet, plan, sheetParts });
  });
  edited.set("xl/workbook.xml", workbookXml);
  edited.set("xl/_rels/workbook.xml.rels", relsXml);
  edited.set("[Content_Types].xml", contentTypesXml);

  const writer = new ZipWriter(fd);
  const all = [...new Set([...FIRST, ...partNames, ...(fresh === undefined ? [] : fresh.keys())])];
  for (const name of all) {
    const change = edited.get(name) ?? fresh?.get(name);
    if (change !== undefined) writer.add(name, change);
    else {
      const entry = base?.zip.byName.get(name);
      if (entry !== undefined) writer.copy(base?.zip as ZipArchive, entry);
    }
  }
  for (const name of edited.keys()) if (!all.includes(name)) writer.add(name, edited.get(name) as string);
  for (const { part, sheet, plan, sheetParts } of parts) await writer.addChunks(part, sheetXml(sheet, styles, dateSystem, plan, sheetParts));
  writer.finish();
  return names;
}

/** The header row as written: `header` over `rows[0]`, cell by cell. */
function shownHeader(sheet: OutputSheet): OutCell[] {
  const first = ((sheet.rows as readonly (readonly OutCell[])[])[0] ?? []) as readonly OutCell[];
  return first.map((v, i) => sheet.header?.[i] ?? v);
}

function relTargets(relsText: string | undefined, type: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (relsText ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    if (attr(m[0], "Type") !== type) continue;
    out.set(attr(m[0], "Id") ?? "", attr(m[0], "Target") ?? "");
  }
  return out;
}

function resolvePart(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromDir.split("/").filter((p) => p !== "");
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/**
 * The row numbers of the Excel tables' totals rows, by sheet name: computed summaries, not data,
 * so the readers skip them (a journal written with its totals row reads back as the journal).
 */
export function totalsRowsOf(pkg: WorkbookPackage): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const sheetTargets = relTargets(pkg.relsXml, WORKSHEET_TYPE);
  for (const sheet of pkg.sheets) {
    const target = sheetTargets.get(sheet.relId);
    if (target === undefined) continue;
    const part = resolvePart("xl", target);
    const dir = part.slice(0, part.lastIndexOf("/"));
    const rels = entryText(pkg.zip, `${dir}/_rels/${part.slice(dir.length + 1)}.rels`);
    for (const tableTarget of relTargets(rels, `${REL_NS}/table`).values()) {
      const table = /<(?:\w+:)?table\b[^>]*>/.exec(entryText(pkg.zip, resolvePart(dir, tableTarget)) ?? "")?.[0];
      if (table === undefined) continue;
      const count = Number(attr(table, "totalsRowCount") ?? 0);
      const end = /:[A-Z]+(\d+)$/.exec(attr(table, "ref") ?? "");
      if (count <= 0 || end === null) continue;
      const rows = out.get(sheet.name) ?? new Set<number>();
      for (let k = 0; k < count; k++) rows.add(Number(end[1]) - k);
      out.set(sheet.name, rows);
    }
  }
  return out;
}

/** A worksheet of the package and its part, in the workbook's sheet order. */
export interface SheetPart {
  readonly name: string;
  readonly part: string;
}

/**
 * The worksheets (not chart sheets) in workbook order, each with its part name resolved through
 * the workbook's relationships (transitional or strict OOXML), and the shared-string part.
 */
export function sheetPartsOf(pkg: WorkbookPackage): { sheets: SheetPart[]; sharedStrings: string | undefined } {
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of pkg.relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    targets.set(attr(m[0], "Id") ?? "", { type: attr(m[0], "Type") ?? "", target: attr(m[0], "Target") ?? "" });
  }
  const sheets: SheetPart[] = [];
  for (const sheet of pkg.sheets) {
    const rel = targets.get(sheet.relId);
    if (rel === undefined || !rel.type.endsWith("/worksheet")) continue;
    sheets.push({ name: sheet.name, part: resolvePart("xl", rel.target) });
  }
  const shared = [...targets.values()].find((t) => t.type.endsWith("/sharedStrings"));
  return { sheets, sharedStrings: shared === undefined ? (pkg.zip.byName.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : undefined) : resolvePart("xl", shared.target) };
}
