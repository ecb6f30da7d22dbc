import ExcelJS from "exceljs";
import { openWorkbook, sheetPartsOf } from "../../src/cli/_lib/workbook-package";
import { decodeText, readSharedStrings, readSheetRows, SheetError, SheetScanner, stringItemText } from "../../src/cli/_lib/sheet-reader";
import { readTables } from "../../src/cli/_lib/xlsx-read";

const SAMPLE = "samples/sample-ledger.xlsx";

/** Scan a sheet's text fed in pieces of `size` characters; the rows as [number, cells]. */
function scan(xml: string, size: number, sharedStrings: string[] = [], dateSystem: "1900" | "1904" = "1900"): [number, unknown[]][] {
  const rows: [number, unknown[]][] = [];
  const scanner = new SheetScanner({ sharedStrings, dateSystem, sheet: "S" }, (n, cells) => {
    rows.push([n, Array.from(cells, (v) => (v === undefined ? null : v))]);
  });
  for (let at = 0; at < xml.length; at += size) scanner.feed(xml.slice(at, at + size), false);
  scanner.feed("", true);
  return rows;
}

const sheet = (rows: string, prefix = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix === "" ? "" : `:${prefix.slice(0, -1)}`}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}dimension ref="A1:F9"/><${prefix}sheetData>${rows}</${prefix}sheetData><${prefix}pageMargins left="0.7"/></${prefix}worksheet>`;

describe("the streaming sheet reader", () => {
  const SHARED = ["Customer", "Amount", "C1 & Co"];
  const XML = sheet(
    [
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Note</t></is></c></row>',
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="3"><v>1234.5</v></c><c r="C2" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></is></c></row>',
      '<row r="4"><c r="A4" t="str"><f>A2&amp;"x"</f><v>C1 &amp; Cox</v></c><c r="B4"><f>B2*2</f><v>2469</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#N/A</v></c><c r="E4" t="d"><v>2025-12-31T00:00:00</v></c><c r="F4"><f>NOW()</f></c></row>',
      '<row r="5"><c r="B5" s="1"/><c r="C5" t="inlineStr"><is><t>a_x000D__x005F_x0041_&#233;&lt;</t></is></c></row>',
      "<row/>",
      "<row><c><v>7</v></c><c/><c><v>9</v></c></row>",
    ].join(""),
  );
  const EXPECTED: [number, unknown[]][] = [
    [1, ["Customer", "Amount", "Note"]],
    [2, ["C1 & Co", 1234.5, "Bold and plain"]],
    [4, ["C1 & Cox", 2469, true, "#N/A", 46022]], // F4: a formula without a cached value is blank
    [5, [null, null, "a\r_x0041_é<"]],
    [6, []],
    [7, [7, null, 9]],
  ];

  it("reads every kind of cell as Excel holds it, whatever the pieces the text arrives in", () => {
    for (const size of [1, 2, 3, 7, 64, 100000]) expect([size, scan(XML, size, SHARED)]).toEqual([size, EXPECTED]);
  });

  it("reads a sheet whose elements carry a namespace prefix (x:row, x:c)", () => {
    const prefixed = sheet('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Customer</x:t></x:is></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row><x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c></x:row>', "x:");
    expect(scan(prefixed, 5, ["Amount"])).toEqual([
      [1, ["Customer", null, 3]],
      [3, [null, "Amount"]],
    ]);
  });

  it("a date cell in a 1904 workbook is a 1904 serial; a sheet without rows has none", () => {
    expect(scan(sheet('<row r="1"><c r="A1" t="d"><v>2025-12-31</v></c></row>'), 10, [], "1904")).toEqual([[1, [46022 - 1462]]]);
    expect(scan(sheet(""), 4)).toEqual([]);
    expect(scan('<worksheet><sheetData/></worksheet>', 3)).toEqual([]);
  });

  it("a formula's cached boolean or error is that boolean or error text (LibreOffice writes TRUE as =TRUE())", () => {
    expect(scan(sheet('<row r="1"><c r="A1" t="b"><f>FALSE()</f><v>0</v></c><c r="B1" t="b"><f>TRUE()</f><v>1</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'), 9)).toEqual([[1, [false, true, "#DIV/0!"]]]);
  });

  it("decodes text exactly: entities, character references and Excel's _xHHHH_ escapes", () => {
    expect(decodeText("a &amp; b &#x41;&#66;_x0009_")).toBe("a & b AB\t");
    expect(decodeText("_x005F_x0041_")).toBe("_x0041_");
    expect(stringItemText("<t/>")).toBe("");
    expect(stringItemText('<r><t>x</t></r><rPh sb="0" eb="1"><t>y</t></rPh><r><t>z</t></r>')).toBe("xz");
  });

  it("reads the sample workbook's every sheet to exactly the values exceljs's full reader finds", async () => {
    const pkg = openWorkbook(SAMPLE);
    const parts = sheetPartsOf(pkg);
    const sharedStrings = readSharedStrings(pkg.zip, parts.sharedStrings);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE);
    expect(parts.sheets.map((s) => s.name)).toEqual(book.worksheets.map((w) => w.name));
    for (const { name, part } of parts.sheets) {
      const ours = new Map<string, unknown>();
      await readSheetRows(pkg.zip, pkg.zip.byName.get(part) as never, { sharedStrings, dateSystem: pkg.dateSystem, sheet: name }, (n, cells) => {
        cells.forEach((v, c) => ours.set(`${n}:${c}`, v));
      });
      const theirs = new Map<string, unknown>();
      (book.getWorksheet(name) as ExcelJS.Worksheet).eachRow({ includeEmpty: false }, (row, n) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const v = cell.value as unknown;
          const plain = v instanceof Date ? 25569 + v.getTime() / 86400000 : v !== null && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
          if (plain !== null && plain !== undefined) theirs.set(`${n}:${c - 1}`, plain);
        });
      });
      expect([name, ours.size]).toEqual([name, theirs.size]);
      expect(ours).toEqual(theirs);
    }
  });

  it("keeps only the requested columns and the sheet's row numbers (blank rows stay)", async () => {
    const tables = await readTables(SAMPLE, [{ key: "rates", sheets: ["ExchangeRates"], identifyBy: ["currency"], keep: (h) => h === "rate" || h === "currency" }]);
    const rates = tables.get("rates");
    expect(rates?.range[0]).toEqual(["Currency", "Rate"]);
    expect(rates?.range.every((r) => r.length === 2)).toBe(true);
    expect(rates?.headerRow).toBe(1);
  });
});

describe("the streaming sheet reader: invalid input", () => {
  const damaged = (xml: string, shared: string[] = []): string => {
    try {
      scan(xml, 16, shared);
    } catch (e) {
      expect(e).toBeInstanceOf(SheetError);
      return (e as Error).message;
    }
    throw new Error("no error");
  };

  it("refuses a damaged sheet, naming the sheet and the cell", () => {
    expect(damaged(sheet('<row r="1"><c r="B1"><v>12x</v></c></row>'))).toBe("sheet 'S' is damaged (cell B1 is a number cell holding '12x')");
    expect(damaged(sheet('<row r="2"><c r="C2" t="s"><v>5</v></c></row>'), ["a"])).toBe("sheet 'S' is damaged (cell C2 refers to shared string 5, which does not exist)");
    expect(damaged(sheet('<row r="3"/><row r="2"/>'))).toBe("sheet 'S' is damaged (row number 2 after row 3)");
    expect(damaged(sheet('<row r="1"><c r="B1"/><c r="A1"><v>1</v></c></row>'))).toBe("sheet 'S' is damaged (cell reference 'A1' in row 1)");
    expect(damaged(sheet('<row r="1"><c r="A1" t="b"><v>yes</v></c></row>'))).toBe("sheet 'S' is damaged (cell A1 is a boolean cell holding 'yes')");
    expect(damaged(sheet('<row r="1"><c r="A1" t="d"><v>31/12/2025</v></c></row>'))).toBe("sheet 'S' is damaged (cell A1 is a date cell holding '31/12/2025')");
    expect(damaged(sheet('<row r="1"><c r="A1" t="q"><v>1</v></c></row>'))).toBe("sheet 'S' is damaged (cell A1 has the unknown type 'q')");
    expect(damaged('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v>')).toBe("sheet 'S' is damaged (it ends inside or after row 1)");
  });
});
