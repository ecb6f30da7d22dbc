/**
 * The byte writer of sheet XML (`SheetBytes`) against the one writer of cell values (`cellXml`):
 * every cell it writes is, byte for byte, the UTF-8 of what `cellXml` gives for the same reference,
 * value and style: text that needs no escape, text that does (markup, `_xHHHH_`, control
 * characters, unpaired surrogates, non-ASCII), numbers written by their digits or by `String`,
 * booleans, blanks, across chunk boundaries.
 */
import fc from "fast-check";
import { cellXml, columnName, type OutCell, SheetBytes } from "../../src/cli/_lib/sheet-xml";

/** The XML `SheetBytes` writes for one row of cells, as text. */
function written(row: number, cells: readonly { col: number; value: OutCell; style: number }[]): string {
  const out = new SheetBytes();
  out.openRow(row);
  for (const c of cells) out.cell(c.col, c.value, c.style);
  out.closeRow();
  return Buffer.concat(out.take()).toString("utf8");
}

/** The same row by `cellXml`. */
function expected(row: number, cells: readonly { col: number; value: OutCell; style: number }[]): string {
  return `<row r="${row}">${cells.map((c) => cellXml(columnName(c.col) + row, c.value, c.style)).join("")}</row>`;
}

const one = (value: OutCell, style = 0, col = 0, row = 2): string => written(row, [{ col, value, style }]);

describe("SheetBytes", () => {
  it("writes clean text, numbers and booleans as cellXml does", () => {
    expect(one("C006012", 19, 3, 2)).toBe('<row r="2"><c r="D2" s="19" t="inlineStr"><is><t>C006012</t></is></c></row>');
    expect(one(-624.56, 24, 6, 258129)).toBe('<row r="258129"><c r="G258129" s="24"><v>-624.56</v></c></row>');
    expect(one(45989, 18, 2)).toBe('<row r="2"><c r="C2" s="18"><v>45989</v></c></row>');
    expect(one(true, 0, 16383, 1048576)).toBe('<row r="1048576"><c r="XFD1048576" t="b"><v>1</v></c></row>');
    expect(one(false)).toBe('<row r="2"><c r="A2" t="b"><v>0</v></c></row>');
  });

  it("writes every number as String() does: cents by their digits, the rest by String", () => {
    const numbers = [0, -0, 1, -1, 0.1, 0.5, 0.05, -0.07, 10.1, 10.01, 99.99, 100, 1234567.8, 0.1 + 0.2, 1 / 3, 1e-7, 5e-324, 9999999999999.99, 1e13, 1e13 + 0.5, 123456789012.34, 2 ** 53, 1e21, -1e21, 1.5e300];
    for (const n of numbers) expect(one(n, 24)).toBe(expected(2, [{ col: 0, value: n, style: 24 }]));
    expect(one(-0)).toContain("<v>0</v>");
    expect(one(0.1 + 0.2)).toContain("<v>0.30000000000000004</v>");
  });

  it("writes any number's shortest text, as String() does (property)", () => {
    const cents = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e15, max: 1e15, noNaN: true }).map(Math.round)).map((c) => c / 100);
    fc.assert(
      fc.property(fc.array(fc.oneof(cents, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e14, max: 1e14, noNaN: true })), { maxLength: 50 }), (numbers) => {
        const cells = numbers.map((value, col) => ({ col, value, style: 24 }));
        expect(written(7, cells)).toBe(`<row r="7">${numbers.map((n, col) => `<c r="${columnName(col)}7" s="24"><v>${String(n)}</v></c>`).join("")}</row>`);
      }),
      { numRuns: 500 },
    );
  });

  it("escapes text that needs it exactly as escapeXml does", () => {
    const texts = ["=1+1", "a&b", "<b>", 'say "x"', "_x0041_", "snake_case", "\ttab", "lead ", " trail", "line\r\nbreak", "Müller", "東京", "😀", "\u007f", "\u0001", "\ud800x", "x\udc00", "\ufffe", "_x005F_x0041_"];
    for (const t of texts) expect(one(t, 19)).toBe(expected(2, [{ col: 0, value: t, style: 19 }]));
    expect(one("lead ")).toContain('<t xml:space="preserve">lead </t>');
    expect(one("\ud800x")).toContain("<t>\ufffdx</t>");
  });

  it("agrees with cellXml on any cell (property)", () => {
    const unit = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0xffff })).map((c) => String.fromCharCode(c));
    const value: fc.Arbitrary<OutCell> = fc.oneof(
      fc.string({ unit, maxLength: 24 }),
      fc.string({ maxLength: 24 }),
      fc.double(),
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(null, undefined, ""),
    );
    const cell = fc.record({ col: fc.integer({ min: 0, max: 16383 }), value, style: fc.integer({ min: 0, max: 64 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1048576 }), fc.array(cell, { maxLength: 12 }), (row, cells) => {
        expect(written(row, cells)).toBe(expected(row, cells));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes chunks of about a megabyte, and texts larger than a chunk, without losing a byte", () => {
    const out = new SheetBytes();
    const big = "x".repeat(3 << 20);
    let text = "";
    for (let r = 1; r <= 30000; r++) {
      out.openRow(r);
      const cells = [
        { col: 0, value: `C${r}`, style: 19 },
        { col: 1, value: r / 100, style: 24 },
        { col: 2, value: r === 15000 ? big : "Müller & Co", style: 0 },
      ];
      for (const c of cells) out.cell(c.col, c.value, c.style);
      out.closeRow();
      text += expected(r, cells);
    }
    const chunks = out.take();
    expect(chunks.length).toBeGreaterThan(3);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(text);
  });

  describe("invalid input", () => {
    it("writes a number that is not finite as its text, as cellXml does", () => {
      for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(one(n, 24)).toBe(expected(2, [{ col: 0, value: n, style: 24 }]));
      expect(one(Number.NaN, 24)).toContain('t="inlineStr"><is><t>NaN</t>');
    });
    it("writes no cell for a blank value", () => {
      for (const v of [null, undefined, ""]) expect(one(v, 19)).toBe('<row r="2"></row>');
    });
    it("never writes a formula, whatever the text", () => {
      expect(one("=HYPERLINK(\"http://evil\",\"x\")", 0)).toBe('<row r="2"><c r="A2" t="inlineStr"><is><t>=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)</t></is></c></row>');
    });
  });
});
