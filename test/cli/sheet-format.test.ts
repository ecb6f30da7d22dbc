/**
 * The writer's formatting: each sheet an Excel table with a frozen header, widths that fit, amounts
 * at their currency's decimals, IDs as text, dates as dates, and a journal's totals row; a table per
 * sheet with workbook-unique names and ids, also when appending to a workbook that has tables.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { planSheet } from "../../src/cli/_lib/sheet-format";
import { appendSheets, writeWorkbook } from "../../src/cli/_lib/xlsx-write";
import { readTables } from "../../src/cli/_lib/xlsx-read";
import { readBack, tempDir } from "./helpers";

const JOURNAL = [
  ["JournalId", "Line", "Date", "Customer", "Amount", "Currency", "AccountingAmount", "AccountingCurrency"],
  ["SET-1", 1, 46022, "00123", -1500, "JPY", -10.5, "USD"],
  ["SET-1", 2, 46022, "00123", 1500, "JPY", 10.5, "USD"],
  ["SET-2", 1, 46022, "C2", -1234.567, "KWD", -4012.34, "USD"],
  ["SET-2", 2, 46022, "C2", 1234.567, "KWD", 4012.34, "USD"],
];

async function parts(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

describe("planSheet", () => {
  it("classifies columns by header and values, and totals the journal's single-currency amounts", () => {
    const plan = planSheet({ name: "J", rows: JOURNAL, dateColumns: [2] });
    expect(plan.columns.map((c) => c.kind)).toEqual(["id", "integer", "date", "id", "money", "text", "money", "text"]);
    expect(plan.columns[4]?.currencyColumn).toBe(5);
    expect(plan.columns[6]?.currencyColumn).toBe(7);
    // Amount mixes JPY and KWD: no total; AccountingAmount is all USD: total 0.
    expect(plan.columns[4]?.total).toBeUndefined();
    expect(plan.columns[6]?.total).toBe(0);
    expect(plan.totals).toBe(true);
    expect(plan.table).toBe(true);
  });

  it("fits widths to the longest shown value: separators and the currency's decimals count", () => {
    const plan = planSheet({ name: "A", rows: [["Customer", "Balance", "Currency"], ["C1", 1234567.5, "USD"], ["A customer with a long name", 7, "JPY"]] });
    expect(plan.columns[0]?.width).toBe("A customer with a long name".length + 2);
    expect(plan.columns[1]?.width).toBe("1,234,567.50".length + 2);
  });

  describe("invalid input", () => {
    it("makes no table of a header with a blank or repeated name (an autofilter instead)", () => {
      expect(planSheet({ name: "X", rows: [["A", "", "C"], [1, 2, 3]] }).table).toBe(false);
      expect(planSheet({ name: "X", rows: [["A", "a"], [1, 2]] }).table).toBe(false);
      expect(planSheet({ name: "X", rows: [[1, "B"], [1, 2]] }).table).toBe(false);
    });
    it("gives a journal with amounts in several accounting currencies no totals row", () => {
      const rows = [JOURNAL[0] ?? [], ["J", 1, 1, "C", 1, "USD", 1, "USD"], ["J", 2, 1, "C", -1, "EUR", -1, "EUR"]];
      expect(planSheet({ name: "J", rows }).totals).toBe(false);
    });
  });
});

describe("the written package", () => {
  it("has a table, a frozen header, widths and currency number formats; the totals row is left out when read", async () => {
    const path = join(tempDir(), "j.xlsx");
    await writeWorkbook(path, [{ name: "Settlement journal", rows: JOURNAL, dateColumns: [2] }]);
    const zip = await parts(path);
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<cols><col min="1" max="1" width="\d+" customWidth="1"\/>/);
    expect(sheet).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
    expect(sheet).not.toMatch(/<f[ >]/);
    // The ID "00123" stays text; the totals row: "Total" and AccountingAmount 0.
    expect(sheet).toMatch(/<c r="D2" s="\d+" t="inlineStr"><is><t>00123<\/t><\/is><\/c>/);
    expect(sheet).toMatch(/<row r="6"><c r="A6" s="\d+" t="inlineStr"><is><t>Total<\/t><\/is><\/c><c r="G6" s="\d+"><v>0<\/v><\/c><\/row>/);
    const table = (await zip.file("xl/tables/table1.xml")?.async("string")) as string;
    expect(table).toContain('name="Table_Settlement_journal" displayName="Table_Settlement_journal" ref="A1:H6" totalsRowCount="1"');
    expect(table).toContain('<autoFilter ref="A1:H5"/>');
    const styles = (await zip.file("xl/styles.xml")?.async("string")) as string;
    // JPY amounts without decimals (#,##0 = built-in 3), KWD with three.
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    const styleOf = (ref: string): number => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1]);
    expect(xfs[styleOf("E2")]).toBe(3);
    const kwd = xfs[styleOf("E4")] as number;
    expect(styles).toContain(`<numFmt numFmtId="${kwd}" formatCode="#,##0.000"/>`);
    expect(styles).toMatch(new RegExp(`<numFmt numFmtId="${xfs[styleOf("C2")] as number}" formatCode="yyyy-mm-dd"/>`));
    expect((await readBack(path)).get("Settlement journal")).toHaveLength(5);
    const read = await readTables(path, [{ key: "j", sheets: ["Settlement journal"], identifyBy: ["journalid"] }]);
    expect(read.get("j")?.range).toHaveLength(5);
  });

  it("keeps table names and ids unique across the workbook, also when sheets are appended", async () => {
    const path = join(tempDir(), "t.xlsx");
    await writeWorkbook(path, [{ name: "Aging", rows: [["Customer", "Balance"], ["C1", 1]] }]);
    const names = await appendSheets(path, [{ name: "Aging", rows: [["Customer", "Balance"], ["C2", 2]] }]);
    expect(names).toEqual(["Aging (2)"]);
    const zip = await parts(path);
    const tables = await Promise.all(["xl/tables/table1.xml", "xl/tables/table2.xml"].map((n) => zip.file(n)?.async("string") as Promise<string>));
    expect(tables.map((t) => /\sid="(\d+)" name="([^"]+)"/.exec(t)?.slice(1))).toEqual([["1", "Table_Aging"], ["2", "Table_Aging_2"]]);
    const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
    expect(types).toContain('<Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>');
    expect([...(await readBack(path)).keys()]).toEqual(["Aging", "Aging (2)"]);
  });

  it("writes a header-only sheet as a table over one blank row", async () => {
    const path = join(tempDir(), "e.xlsx");
    await writeWorkbook(path, [{ name: "Credit holds", rows: [["Order", "Customer", "Amount"]] }]);
    const table = (await (await parts(path)).file("xl/tables/table1.xml")?.async("string")) as string;
    expect(table).toContain('ref="A1:C2" totalsRowShown="0"');
  });
});
