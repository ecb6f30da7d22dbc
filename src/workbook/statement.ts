/**
 * The `Statement` table (`LineId | Date | Amount | Currency | Counterparty | Account | Reference |
 * Text`) -> `StatementLine` records, and back. Amount is positive for money in. Every reader of a
 * statement (camt.053, CSV, a sheet) ends here, so one set of rules says what a line must hold.
 */
import type { Result } from "../domain/errors";
import { currencyExponent, exponentOf, minorToNumber } from "../domain/money";
import type { StatementLine } from "../domain/matching/types";
import { readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";

export const STATEMENT_HEADER = ["LineId", "Date", "Amount", "Currency", "Counterparty", "Account", "Reference", "Text"] as const;

export const STATEMENT_COLUMNS: readonly ColumnSpec[] = [
  { key: "lineId", header: "LineId", aliases: ["Line", "Id", "EntryId", "EntryReference", "NtryRef", "Verifikationsnummer", "Løbenummer", "Lopenummer"] },
  { key: "date", header: "Date", aliases: ["BookingDate", "BookedDate", "PostingDate", "ValueDate", "TransactionDate", "Datum", "Dato", "Bokforingsdag", "Bokforingsdatum", "Bogforingsdato", "Bokforingsdato", "Transaktionsdatum", "Valutadag", "Rentedato"], required: true },
  { key: "amount", header: "Amount", aliases: ["Belopp", "Belob", "Belop", "Credit", "Insattning", "Indbetaling", "Innbetaling"], required: true },
  { key: "currency", header: "Currency", aliases: ["Ccy", "Cur", "Valuta", "Valutakod", "Valutakode"] },
  { key: "counterparty", header: "Counterparty", aliases: ["Payer", "Name", "PayerName", "Debtor", "DebtorName", "Avsandare", "Betalare", "Betaler", "Afsender", "Avsender", "Motpart", "Modpart"] },
  { key: "account", header: "Account", aliases: ["IBAN", "PayerAccount", "FromAccount", "DebtorAccount", "Konto", "Avsandarkonto", "Frakonto", "Kontonummer"] },
  { key: "reference", header: "Reference", aliases: ["OCR", "KID", "FIK", "CreditorReference", "StructuredReference", "Referens", "Referanse", "Reference", "Betalingsreference", "Betalingsid"] },
  { key: "text", header: "Text", aliases: ["Message", "Description", "Remittance", "RemittanceInformation", "Details", "Meddelande", "Beskrivning", "Tekst", "Melding", "Besked", "Beskrivelse", "Specifikation"] },
];

export interface ReadStatementOptions extends ReadOptions {
  /** The name used in messages; default "statement". */
  readonly name?: string;
  /** The currency of rows with a blank Currency cell (or no Currency column). */
  readonly currency?: string;
}

/**
 * Read a Statement range. A blank LineId becomes the row number ("row 7"); two lines with one
 * LineId are an error, as are a blank date, a blank or non-numeric amount and an unknown currency.
 * @example readStatement([["Date", "Amount", "Currency"], ["2025-12-01", 100, "SEK"]]).value[0].amountMinor // 10000
 */
export function readStatement(range: unknown, options: ReadStatementOptions = {}): Result<StatementLine[]> {
  const name = options.name ?? "statement";
  const matched = matchTable(range, STATEMENT_COLUMNS, name);
  if (!matched.ok) return matched;
  const seen = new Map<string, number>();
  return readEachRow<StatementLine>(matched.value, options, (r, out) => {
    const lineId = r.text("lineId") ?? `row ${r.rowNumber}`;
    const first = seen.get(lineId);
    if (first !== undefined) r.error("lineId", "line_id_must_appear_once", { line: lineId, first });
    else seen.set(lineId, r.rowNumber);
    const dateSerial = r.date("date", true);
    const given = r.text("currency");
    const currency = (given ?? options.currency ?? "").toUpperCase();
    const exponent = currencyExponent(currency);
    if (exponent === undefined) r.unknownCurrency(currency);
    // Without a known currency the amount cannot be read; the rest of the row still is.
    const amountMinor = exponent === undefined ? undefined : r.money("amount", exponent, true);
    if (dateSerial === undefined || amountMinor === undefined) return;
    out.push({
      lineId, dateSerial, amountMinor, currency,
      counterparty: r.text("counterparty") ?? "", account: r.text("account") ?? "", reference: r.text("reference") ?? "", text: r.text("text") ?? "",
      row: r.rowNumber,
    });
  });
}

/**
 * Statement lines as the `Statement` table, header first (amounts in major units, dates as serials).
 * @example statementTable([line])[0] // ["LineId", "Date", "Amount", "Currency", "Counterparty", "Account", "Reference", "Text"]
 */
export function statementTable(lines: readonly StatementLine[]): (string | number)[][] {
  const out: (string | number)[][] = [[...STATEMENT_HEADER]];
  for (const l of lines) {
    out.push([l.lineId, l.dateSerial, minorToNumber(l.amountMinor, exponentOf(l.currency)), l.currency, l.counterparty, l.account, l.reference, l.text]);
  }
  return out;
}
