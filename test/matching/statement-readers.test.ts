import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serialFromYmd } from "../../src/domain/dates";
import { readCamt053 } from "../../src/workbook/camt";
import { readStatement, statementTable } from "../../src/workbook/statement";
import { normalizeAmount, normalizeDate, parseCsv, readStatementCsv } from "../../src/workbook/statement-csv";

const fixture = (name: string): string => readFileSync(join(__dirname, "fixtures", name), "utf8");
const ok = <T,>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const codes = (r: { ok: boolean; errors?: readonly { code: string }[] }): string[] => (r.ok ? [] : (r.errors ?? []).map((e) => e.code));

describe("camt.053 readers, versions 001.02, 001.04 and 001.08", () => {
  it("001.02: an incoming payment with an OCR reference, and an outgoing bank charge as a negative line", () => {
    const lines = ok(readCamt053(fixture("camt053-v02.xml")));
    expect(lines).toEqual([
      { lineId: "SE-001", dateSerial: serialFromYmd(2025, 12, 1), amountMinor: 1250000, currency: "SEK", counterparty: "Nordvik Bygg AB", account: "SE3550000000054910000003", reference: "12345682", text: "", row: 1 },
      { lineId: "SE-002", dateSerial: serialFromYmd(2025, 12, 1), amountMinor: -9950, currency: "SEK", counterparty: "", account: "", reference: "", text: "Bank charges November", row: 2 },
    ]);
  });

  it("001.04: a batch entry with two TxDtls becomes two lines with their own amounts, parties and remittance", () => {
    const lines = ok(readCamt053(fixture("camt053-v04.xml")));
    expect(lines.map((l) => [l.lineId, l.amountMinor, l.counterparty, l.account, l.reference, l.text, l.dateSerial])).toEqual([
      ["DK-TX-1", 125025, "Skovgaard Møbler ApS", "DK8930000000123456", "+71<000000001234566+87654321<", "", serialFromYmd(2025, 12, 9)],
      ["DK-BATCH-1-2", 250000, "Hansen & Co", "30001234567", "", "Faktura 20451/20452 tak", serialFromYmd(2025, 12, 9)],
    ]);
  });

  it("001.08: Dbtr/Pty/Nm, a booking date-time, and two structured references joined", () => {
    const [line] = ok(readCamt053(fixture("camt053-v08.xml")));
    expect(line).toMatchObject({ lineId: "NO-REF-9", amountMinor: 480000, currency: "NOK", counterparty: "Fjordline Transport AS", account: "NO8330001234567", reference: "10006 RF18539007547034", dateSerial: serialFromYmd(2025, 12, 15) });
  });

  it.each(["01", "09", "1"])("refuses namespace version camt.053.001.%s, naming the namespace", (v) => {
    const r = readCamt053(fixture("camt053-v02.xml").replace("camt.053.001.02", `camt.053.001.${v}`));
    expect(codes(r)).toEqual(["statement_namespace_must_be_camt053"]);
    if (!r.ok) expect(r.errors[0]?.message).toContain(`camt.053.001.${v}`);
  });

  it("refuses a camt.054 or a document without a namespace", () => {
    expect(codes(readCamt053(fixture("camt053-v02.xml").replace("camt.053.001.02", "camt.054.001.02")))).toEqual(["statement_namespace_must_be_camt053"]);
    expect(codes(readCamt053("<Document><BkToCstmrStmt/></Document>"))).toEqual(["statement_namespace_must_be_camt053"]);
  });

  it("refuses malformed XML with the line and column", () => {
    const r = readCamt053(fixture("camt053-v02.xml").replace("</NtryRef>", "</NtryRf>"));
    expect(codes(r)).toEqual(["statement_must_be_well_formed_xml"]);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/^line \d+, column \d+/);
  });

  it("names the entry of a missing amount, an unknown currency, a bad sign and a bad date", () => {
    const xml = fixture("camt053-v02.xml");
    const noAmount = readCamt053(xml.replace('<Amt Ccy="SEK">12500.00</Amt>\n        <CdtDbtInd>', "<CdtDbtInd>"));
    expect(codes(noAmount)).toEqual(["amount_must_not_be_blank"]);
    if (!noAmount.ok) expect(noAmount.errors[0]).toMatchObject({ table: "camt.053 entry 1 (SE-001)", column: "Amt" });
    const xxx = readCamt053(xml.replace('<Amt Ccy="SEK">99.50</Amt>', '<Amt Ccy="XXY">99.50</Amt>'));
    expect(codes(xxx)).toEqual(["currency_must_be_known"]);
    if (!xxx.ok) expect(xxx.errors[0]?.table).toBe("camt.053 entry 2 (SE-002)");
    expect(codes(readCamt053(xml.replace('<Amt Ccy="SEK">99.50</Amt>', '<Amt>99.50</Amt>')))).toEqual(["currency_must_be_known"]);
    expect(codes(readCamt053(xml.replace("<CdtDbtInd>DBIT</CdtDbtInd>", "<CdtDbtInd>X</CdtDbtInd>")))).toEqual(["credit_debit_indicator_must_be_known"]);
    expect(codes(readCamt053(xml.replace('<Amt Ccy="SEK">99.50</Amt>', '<Amt Ccy="SEK">99.505</Amt>')))).toEqual(["amount_must_be_an_amount"]);
    expect(codes(readCamt053(xml.replace("<BookgDt><Dt>2025-12-01</Dt></BookgDt>\n        <ValDt><Dt>2025-12-01</Dt></ValDt>\n        <BkTxCd>", "<BkTxCd>")))).toEqual(["date_must_not_be_blank"]);
    expect(codes(readCamt053(xml.replace("<BookgDt><Dt>2025-12-01</Dt></BookgDt>", "<BookgDt><Dt>2025-13-01</Dt></BookgDt>")))).toEqual(["date_must_be_a_date"]);
  });

  it("a batch TxDtls without its own amount is an error naming the entry and the transaction", () => {
    const r = readCamt053(fixture("camt053-v04.xml").replace('<Amt Ccy="DKK">2500.00</Amt>', ""));
    expect(codes(r)).toEqual(["amount_must_not_be_blank"]);
    if (!r.ok) expect(r.errors[0]?.table).toBe("camt.053 entry 1 (DK-BATCH-1) transaction 2");
  });
});

describe("CSV statements", () => {
  it("splits quoted fields with delimiters, doubled quotes and CR LF; detects ; , and tab", () => {
    expect(parseCsv('a;b\r\n"x;1";"say ""hi"""\r\n')).toEqual([["a", "b"], ["x;1", 'say "hi"']]);
    expect(parseCsv("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv("a\tb\n1\t2")).toEqual([["a", "b"], ["1", "2"]]);
    expect(parseCsv('a,b\n"multi\nline",2')).toEqual([["a", "b"], ["multi\nline", "2"]]);
  });

  it.each([
    ["1 234,50", "1234.50"], ["1.234,50", "1234.50"], ["1,234.50", "1234.50"], ["-99,5", "-99.5"], ["1234.5", "1234.5"], ["1,234", "1,234"],
  ])("normalizes the amount %s to %s", (raw, want) => expect(normalizeAmount(raw)).toBe(want));

  it.each([["31.12.2025", "2025-12-31"], ["1.2.2025", "2025-02-01"], ["20251231", "2025-12-31"], ["2025-12-31", "2025-12-31"], ["12/31/2025", "12/31/2025"]])("normalizes the date %s to %s", (raw, want) => expect(normalizeDate(raw)).toBe(want));

  it("reads a Swedish bank export by its own headers, Nordic numbers and dates", () => {
    const csv = "Bokföringsdag;Belopp;Valuta;Avsändare;Konto;OCR;Meddelande\n01.12.2025;1 250,00;SEK;Nordvik Bygg AB;SE35 5000;12345682;\n02.12.2025;-99,50;SEK;;;;Avgift\n";
    const lines = ok(readStatementCsv(csv));
    expect(lines.map((l) => [l.lineId, l.dateSerial, l.amountMinor, l.counterparty, l.reference, l.text])).toEqual([
      ["row 2", serialFromYmd(2025, 12, 1), 125000, "Nordvik Bygg AB", "12345682", ""],
      ["row 3", serialFromYmd(2025, 12, 2), -9950, "", "", "Avgift"],
    ]);
  });

  it("takes a column mapping and a default currency", () => {
    const csv = "When,How much,Who,Ref\n2025-12-01,10.00,Acme,RF18539007547034\n";
    const lines = ok(readStatementCsv(csv, { mapping: { date: "When", amount: "How much", counterparty: "Who", reference: "Ref" }, currency: "EUR" }));
    expect(lines[0]).toMatchObject({ amountMinor: 1000, currency: "EUR", counterparty: "Acme", reference: "RF18539007547034" });
    expect(codes(readStatementCsv(csv, { mapping: { date: "Whenever" } }))).toEqual(["mapped_column_must_exist"]);
  });

  it("names the line of a missing amount, an unknown currency, an ambiguous date and a repeated LineId", () => {
    const csv = "LineId;Date;Amount;Currency\nA;2025-12-01;;SEK\nB;2025-12-01;10;SEKK\nC;12/01/2025;10;SEK\nA;2025-12-01;10;SEK\n";
    const r = readStatementCsv(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ["amount_must_not_be_blank", 2, "Amount"], ["currency_must_be_known", 3, "Currency"], ["date_must_be_a_date", 4, "Date"], ["line_id_must_appear_once", 5, "LineId"],
    ]);
  });

  it("refuses an empty file and a header without Date or Amount", () => {
    expect(codes(readStatementCsv(""))).toEqual(["range_must_have_a_header_row"]);
    expect(codes(readStatementCsv("Foo;Bar\n1;2\n"))).toEqual(["required_column_missing", "required_column_missing"]);
  });
});

describe("the Statement table", () => {
  it("round-trips through statementTable and readStatement", () => {
    const lines = ok(readCamt053(fixture("camt053-v04.xml")));
    const back = ok(readStatement(statementTable(lines)));
    expect(back.map(({ row: _row, ...l }) => l)).toEqual(lines.map(({ row: _row, ...l }) => l));
  });
});
