/**
 * --in-place appends at the package level: every part the CLI does not own stays byte-identical
 * (a chart and its drawing, a comment, data validation and conditional formatting inside the
 * ledger's sheet, a defined name, a custom document property), the parts it extends keep what
 * they had, and the result re-reads in the CLI and in exceljs. 1904 workbooks are read and written
 * in their own date system.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { OFFSET_1904, serialFromYmd } from "../../src/domain/dates";
import { cc, readBack, tempDir, workbook } from "./helpers";

const d = (y: number, m: number, day: number): number => serialFromYmd(y, m, day);
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Parts the CLI extends (never rewrites from scratch). */
const OWNED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);

const LEDGER = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
  ["C1", "INV-1", "Invoice", d(2025, 10, 1), d(2025, 10, 31), 100, "USD"],
  ["C1", "INV-2", "Invoice", d(2025, 11, 1), d(2025, 12, 1), 250, "USD"],
  ["C1", "PAY-1", "Payment", d(2025, 12, 10), d(2025, 12, 10), -300, "USD"],
  ["C2", "INV-3", "Invoice", d(2025, 6, 1), d(2025, 7, 1), 80, "USD"],
];

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Transactions!$F$2:$F$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Auditor</author></authors><commentList><comment ref="A2" authorId="0"><text><r><t>Checked with the customer</t></r></text></comment></commentList></comments>`;
const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;
const CUSTOM = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>Confidential</vt:lpwstr></property></Properties>`;

/** A ledger workbook with a chart, a comment, a defined name, data validation, conditional formatting and a custom property. */
async function richWorkbook(path: string): Promise<Buffer> {
  await workbook(path, { Transactions: LEDGER, Notes: [["Keep me"]] }, undefined, true);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
  zip.file(
    "xl/worksheets/sheet1.xml",
    sheet.replace(
      "</sheetData>",
      `</sheetData><conditionalFormatting sqref="F2:F5"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C100"><formula1>"Invoice,Payment,CreditNote"</formula1></dataValidation></dataValidations><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>`,
    ),
  );
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
  );
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file("xl/comments1.xml", COMMENTS);
  zip.file("xl/drawings/vmlDrawing1.vml", VML);
  zip.file("docProps/custom.xml", CUSTOM);
  const rels = (await zip.file("_rels/.rels")?.async("string")) as string;
  zip.file("_rels/.rels", rels.replace("</Relationships>", `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`));
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) as string;
  zip.file("xl/workbook.xml", wb.replace("</sheets>", '</sheets><definedNames><definedName name="LedgerAmounts">Transactions!$F$2:$F$5</definedName></definedNames>'));
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  writeFileSync(path, bytes);
  return bytes;
}

async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}

describe("--in-place keeps what it does not own", () => {
  it("settle --in-place: every original part byte-identical, the extended parts keep their content, the new sheets read back", async () => {
    const dir = tempDir();
    const path = join(dir, "rich.xlsx");
    const original = await parts(await richWorkbook(path));
    const r = await cc("settle", path, "--as-of", "2025-12-31", "--in-place", "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const after = await parts(readFileSync(path));
    for (const [name, bytes] of original) {
      expect(after.has(name)).toBe(true);
      if (!OWNED.has(name)) expect([name, (after.get(name) as Buffer).equals(bytes)]).toEqual([name, true]);
    }
    const text = (m: Map<string, Buffer>, name: string): string => (m.get(name) as Buffer).toString("utf8");
    // The workbook part keeps its sheets and defined name; relationships and content types keep every entry.
    for (const kept of ['<definedName name="LedgerAmounts">Transactions!$F$2:$F$5</definedName>', '<sheet name="Transactions" sheetId="1" r:id="rId3"/>', '<sheet name="Notes" sheetId="2" r:id="rId4"/>']) {
      expect(text(original, "xl/workbook.xml")).toContain(kept);
      expect(text(after, "xl/workbook.xml")).toContain(kept);
    }
    for (const name of ["xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) {
      for (const m of text(original, name).matchAll(/<(?:Relationship|Override|Default)\b[^>]*\/>/g)) expect(text(after, name)).toContain(m[0]);
    }
    // Styles: the existing cell formats stay first, so every existing style index keeps its meaning.
    const xfs = (xml: string): string => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
    expect(xfs(text(after, "xl/styles.xml")).startsWith(xfs(text(original, "xl/styles.xml")))).toBe(true);

    // exceljs reads the result, with the new sheets after the old ones.
    const sheets = await readBack(path);
    expect([...sheets.keys()]).toEqual(["Transactions", "Notes", "Settlement journal", "Settlement balances"]);
    expect(sheets.get("Notes")).toEqual([["Keep me"]]);
    expect(sheets.get("Settlement journal")?.[1]?.[2]).toBe("2025-12-10");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet("Settlement journal")?.getCell("C2").numFmt).toBe("yyyy-mm-dd");
    expect(wb.getWorksheet("Settlement journal")?.getCell("A1").font?.bold).toBe(true);
    // The CLI reads it again: aging works, and the settlement is recognised as posted.
    expect((await cc("aging", path, "--as-of", "2025-12-31", "--out", join(dir, "a.xlsx"), "--quiet")).code).toBe(0);
    expect((await cc("settle", path, "--as-of", "2025-12-31", "--in-place", "--quiet")).code).toBe(1);
  });

  it("writes and re-reads small and larger workbooks many times, in the CLI and in exceljs", async () => {
    const dir = tempDir();
    const path = join(dir, "grow.xlsx");
    const rows: (string | number)[][] = [["Customer", "Amount", "DueDate"]];
    for (let i = 0; i < 3000; i++) rows.push([`K${i % 97}`, (i % 500) + 0.25, d(2025, 1, 1) + (i % 300)]);
    await workbook(path, { Transactions: rows });
    for (let run = 1; run <= 8; run++) {
      const r = await cc("aging", path, "--as-of", `2025-12-${String(10 + run).padStart(2, "0")}`, "--in-place", "--quiet");
      expect([run, r.code, r.stderr]).toEqual([run, 0, ""]);
      const names = [...(await readBack(path)).keys()];
      expect(names.length).toBe(1 + run);
    }
  });
});

describe("1904 workbooks", () => {
  /** The same ledger as a 1904-system workbook: serials 1,462 lower, and workbookPr date1904="1". */
  async function twin1904(path: string, rows: (string | number)[][], dateColumns: readonly number[]): Promise<void> {
    const shifted = rows.map((r, i) => (i === 0 ? r : r.map((v, k) => (dateColumns.includes(k) && typeof v === "number" ? v - OFFSET_1904 : v))));
    await workbook(path, { Transactions: shifted }, []);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const wb = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    zip.file("xl/workbook.xml", wb.replace("<workbookPr/>", '<workbookPr date1904="1"/>'));
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }

  it("ages a 1904 workbook and its 1900 twin to the same result", async () => {
    const dir = tempDir();
    const rows: (string | number)[][] = [["Customer", "Amount", "Date", "DueDate"]];
    for (let i = 0; i < 200; i++) rows.push([`K${i % 13}`, 10 + i, d(2025, 1, 1) + i, d(2025, 2, 1) + i]);
    await workbook(join(dir, "1900.xlsx"), { Transactions: rows }, []);
    await twin1904(join(dir, "1904.xlsx"), rows, [2, 3]);
    for (const basis of ["due", "transaction"]) {
      expect((await cc("aging", join(dir, "1900.xlsx"), "--as-of", "2025-09-30", "--basis", basis, "--out", join(dir, "a1900.xlsx"), "--quiet")).code).toBe(0);
      expect((await cc("aging", join(dir, "1904.xlsx"), "--as-of", "2025-09-30", "--basis", basis, "--out", join(dir, "a1904.xlsx"), "--quiet")).code).toBe(0);
      const a = (await readBack(join(dir, "a1900.xlsx"))).get("Aging");
      expect((a ?? []).length).toBeGreaterThan(10);
      expect((await readBack(join(dir, "a1904.xlsx"))).get("Aging")).toEqual(a);
    }
  });

  it("settles a 1904 workbook in place with its journal dates in the 1904 system", async () => {
    const dir = tempDir();
    const path = join(dir, "1904.xlsx");
    await twin1904(path, LEDGER as (string | number)[][], [3, 4]);
    expect((await cc("settle", path, "--as-of", "2025-12-31", "--in-place", "--quiet")).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const journal = (await zip.file("xl/worksheets/sheet2.xml")?.async("string")) as string;
    // The payment's date, 2025-12-10, as a 1904 serial in the Date column (C).
    expect(journal).toContain(`<c r="C2" s="`);
    expect(journal).toMatch(new RegExp(`<c r="C2" s="\\d+"><v>${d(2025, 12, 10) - OFFSET_1904}</v></c>`));
    // exceljs honours date1904 and shows the same day.
    expect((await readBack(path)).get("Settlement journal")?.[1]?.[2]).toBe("2025-12-10");
  });
});
