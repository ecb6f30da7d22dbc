/**
 * The sample ledger as sheets to write: the generator's sheets with their date columns marked, and
 * with `--headers sv|da|nb` the Nordic header names (nordic-headers.ts) a Swedish, Danish or
 * Norwegian export would have.
 */
import type { OutputSheet } from "../_lib/sheet-xml";
import { generateSampleLedger } from "./ledger";
import { type HeaderLanguage, inputHeader } from "./nordic-headers";

/** The sheets an ERP exports in the user's language; the credit-management setup sheets keep their names. */
const TRANSLATED = new Set(["Transactions", "Customers", "ExchangeRates"]);

/**
 * @example sampleOutputSheets("sv")[0]?.rows[0]?.[0] // "Kund"
 */
export function sampleOutputSheets(language: HeaderLanguage = "en"): OutputSheet[] {
  return generateSampleLedger().map((s) => {
    const header = (s.rows[0] ?? []).map(String);
    const dateColumns = s.dateColumns.map((h) => header.indexOf(h)).filter((i) => i >= 0);
    const rows = language === "en" || !TRANSLATED.has(s.name) ? s.rows : [header.map((h) => inputHeader(h, language)), ...s.rows.slice(1)];
    return { name: s.name, rows, dateColumns };
  });
}
