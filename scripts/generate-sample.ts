/**
 * Regenerates samples/sample-ledger.xlsx, samples/sample-ledger.json and the camt.053 bank
 * statement samples/sample-statement.xml from the seeded generator (src/cli/sample/ledger.ts).
 * Run: npx tsx scripts/generate-sample.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { isoFromSerial } from "../src/domain/dates";
import { generateSampleLedger, generateSampleStatement, SAMPLE_STATEMENT_OPTIONS } from "../src/cli/sample/ledger";
import { camt053Xml } from "../src/workbook/camt-write";
import { writeWorkbook } from "../src/cli/_lib/xlsx-write";
import { sampleOutputSheets } from "../src/cli/sample/sample-sheets";

async function main(): Promise<void> {
  const dir = join(__dirname, "..", "samples");
  const sheets = generateSampleLedger();
  const withDates = sheets.map((s) => {
    const header = (s.rows[0] ?? []).map(String);
    return { ...s, dateIdx: s.dateColumns.map((h) => header.indexOf(h)).filter((i) => i >= 0) };
  });
  await writeWorkbook(join(dir, "sample-ledger.xlsx"), sampleOutputSheets());
  const json: Record<string, unknown[][]> = {};
  for (const s of withDates) {
    const dates = new Set(s.dateIdx);
    json[s.name] = s.rows.map((row, r) => row.map((v, i) => (r > 0 && dates.has(i) && typeof v === "number" ? isoFromSerial(v) : v)));
  }
  writeFileSync(join(dir, "sample-ledger.json"), `${JSON.stringify(json)}\n`);
  const statement = generateSampleStatement().map((l) => l.line);
  writeFileSync(join(dir, "sample-statement.xml"), camt053Xml(statement, SAMPLE_STATEMENT_OPTIONS));
  process.stderr.write(`wrote samples/sample-ledger.xlsx, samples/sample-ledger.json and samples/sample-statement.xml (${statement.length} lines; ${sheets.map((s) => `${s.name} ${s.rows.length - 1}`).join(", ")})\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
