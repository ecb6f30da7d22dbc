/**
 * Function error messages in Office's display language (Swedish, Danish, Norwegian; English
 * otherwise). The frame of every message ("Transactions rad 7, DueDate: ...") and the errors a user
 * meets most — the cell, range, argument and option errors that every function shares — are
 * translated, with the offending value carried over. An engine-specific error keeps its English
 * sentence inside the translated frame: its details (vouchers, amounts, counts) matter more than its
 * language, and the code names it exactly. The decision is in docs/nordic.md.
 */
import type { CcError } from "../../domain/errors";
import { describeErrors } from "../../domain/errors";
import { numberLocale, type NumberLocale } from "../../workbook/_lib/number-locale";

type Nordic = Exclude<NumberLocale, "en">;

/** A translated sentence: with the offending value (the first 'quoted' text of the English message), and without. */
interface Sentence {
  readonly withValue?: string;
  readonly plain: string;
}

interface Frame {
  readonly row: string;
  /** "(and {n} more errors)". */
  readonly more: (n: number) => string;
}

const FRAMES: Readonly<Record<Nordic, Frame>> = {
  sv: { row: "rad", more: (n) => `(och ${n} fel till)` },
  da: { row: "række", more: (n) => `(og ${n} fejl mere)` },
  nb: { row: "rad", more: (n) => `(og ${n} feil til)` },
};

/**
 * The shared errors, by the end of their code (cell readers build `<column>_must_be_a_date` from
 * the column's name), most specific first.
 */
const SENTENCES: ReadonlyArray<{ readonly code: RegExp; readonly text: Readonly<Record<Nordic, Sentence>> }> = [
  {
    code: /^cell_must_not_be_an_excel_error$/,
    text: {
      sv: { withValue: "innehåller Excel-felet {value}; rätta formeln eller cellen den hänvisar till", plain: "innehåller ett Excel-fel; rätta formeln eller cellen den hänvisar till" },
      da: { withValue: "indeholder Excel-fejlen {value}; ret formlen eller den celle, den henviser til", plain: "indeholder en Excel-fejl; ret formlen eller den celle, den henviser til" },
      nb: { withValue: "inneholder Excel-feilen {value}; rett formelen eller cellen den viser til", plain: "inneholder en Excel-feil; rett formelen eller cellen den viser til" },
    },
  },
  {
    code: /^currency_must_be_known$/,
    text: {
      sv: { withValue: "{value} är inte en ISO 4217-valutakod med känt antal decimaler", plain: "är inte en ISO 4217-valutakod med känt antal decimaler" },
      da: { withValue: "{value} er ikke en ISO 4217-valutakode med et kendt antal decimaler", plain: "er ikke en ISO 4217-valutakode med et kendt antal decimaler" },
      nb: { withValue: "{value} er ikke en ISO 4217-valutakode med kjent antall desimaler", plain: "er ikke en ISO 4217-valutakode med kjent antall desimaler" },
    },
  },
  {
    code: /^range_must_have_a_header_row$/,
    text: {
      sv: { plain: "måste vara ett område med en rubrikrad" },
      da: { plain: "skal være et område med en overskriftsrække" },
      nb: { plain: "må være et område med en overskriftsrad" },
    },
  },
  {
    code: /^required_column_missing$/,
    text: {
      sv: { plain: "kolumnen saknas i rubrikraden" },
      da: { plain: "kolonnen mangler i overskriftsrækken" },
      nb: { plain: "kolonnen mangler i overskriftsraden" },
    },
  },
  {
    code: /^column_must_appear_once$/,
    text: {
      sv: { plain: "två rubriker avser samma kolumn; behåll en av dem" },
      da: { plain: "to overskrifter angiver den samme kolonne; behold én af dem" },
      nb: { plain: "to overskrifter angir samme kolonne; behold én av dem" },
    },
  },
  {
    code: /^option_must_be_known$/,
    text: {
      sv: { withValue: "{value} är inget alternativ som funktionen känner till", plain: "är inget alternativ som funktionen känner till" },
      da: { withValue: "{value} er ikke en indstilling, funktionen kender", plain: "er ikke en indstilling, funktionen kender" },
      nb: { withValue: "{value} er ikke et alternativ funksjonen kjenner", plain: "er ikke et alternativ funksjonen kjenner" },
    },
  },
  {
    code: /^option_value_must_fit$/,
    text: {
      sv: { withValue: "{value} är inte ett giltigt värde för alternativet", plain: "är inte ett giltigt värde för alternativet" },
      da: { withValue: "{value} er ikke en gyldig værdi for indstillingen", plain: "er ikke en gyldig værdi for indstillingen" },
      nb: { withValue: "{value} er ikke en gyldig verdi for alternativet", plain: "er ikke en gyldig verdi for alternativet" },
    },
  },
  {
    code: /^exchange_rate_must_exist$/,
    text: {
      sv: { plain: "det finns ingen växelkurs på eller före datumet (kursen antas aldrig vara 1)" },
      da: { plain: "der findes ingen valutakurs på eller før datoen (kursen antages aldrig at være 1)" },
      nb: { plain: "det finnes ingen valutakurs på eller før datoen (kursen antas aldri å være 1)" },
    },
  },
  {
    code: /^journal_must_not_be_posted_twice$/,
    text: {
      sv: { plain: "finns redan i journalen; den bokfördes inte igen" },
      da: { plain: "findes allerede i kladden; den blev ikke bogført igen" },
      nb: { plain: "finnes allerede i journalen; den ble ikke bokført igjen" },
    },
  },
  {
    code: /_must_not_be_blank$/,
    text: {
      sv: { plain: "saknar värde" },
      da: { plain: "mangler en værdi" },
      nb: { plain: "mangler verdi" },
    },
  },
  {
    code: /_must_be_a_date$/,
    text: {
      sv: { withValue: "{value} är inte ett datum", plain: "är inte ett datum (ett Excel-datum eller ÅÅÅÅ-MM-DD)" },
      da: { withValue: "{value} er ikke en dato", plain: "er ikke en dato (en Excel-dato eller ÅÅÅÅ-MM-DD)" },
      nb: { withValue: "{value} er ikke en dato", plain: "er ikke en dato (en Excel-dato eller ÅÅÅÅ-MM-DD)" },
    },
  },
  {
    code: /(_must_be_an_amount|_must_be_money)$/,
    text: {
      sv: { withValue: "{value} är inte ett belopp med valutans antal decimaler", plain: "är inte ett belopp med valutans antal decimaler (använd AVRUNDA)" },
      da: { withValue: "{value} er ikke et beløb med valutaens antal decimaler", plain: "er ikke et beløb med valutaens antal decimaler (brug AFRUND)" },
      nb: { withValue: "{value} er ikke et beløp med valutaens antall desimaler", plain: "er ikke et beløp med valutaens antall desimaler (bruk AVRUND)" },
    },
  },
  {
    code: /_must_be_a_number$/,
    text: {
      sv: { withValue: "{value} är inte ett tal", plain: "är inte ett tal" },
      da: { withValue: "{value} er ikke et tal", plain: "er ikke et tal" },
      nb: { withValue: "{value} er ikke et tall", plain: "er ikke et tall" },
    },
  },
  {
    code: /_must_be_a_percent$/,
    text: {
      sv: { withValue: "{value} är inte en procentsats", plain: "är inte en procentsats" },
      da: { withValue: "{value} er ikke en procentsats", plain: "er ikke en procentsats" },
      nb: { withValue: "{value} er ikke en prosentsats", plain: "er ikke en prosentsats" },
    },
  },
  {
    code: /_must_be_yes_or_no$/,
    text: {
      sv: { withValue: "{value} är varken ja eller nej (SANT/FALSKT)", plain: "är varken ja eller nej (SANT/FALSKT)" },
      da: { withValue: "{value} er hverken ja eller nej (SAND/FALSK)", plain: "er hverken ja eller nej (SAND/FALSK)" },
      nb: { withValue: "{value} er verken ja eller nei (SANN/USANN)", plain: "er verken ja eller nei (SANN/USANN)" },
    },
  },
  {
    code: /_must_be_text$/,
    text: {
      sv: { plain: "är inte text" },
      da: { plain: "er ikke tekst" },
      nb: { plain: "er ikke tekst" },
    },
  },
  {
    code: /_must_be_positive$/,
    text: {
      sv: { plain: "måste vara större än noll" },
      da: { plain: "skal være større end nul" },
      nb: { plain: "må være større enn null" },
    },
  },
  {
    code: /_must_not_be_negative$/,
    text: {
      sv: { plain: "får inte vara negativt" },
      da: { plain: "må ikke være negativt" },
      nb: { plain: "kan ikke være negativt" },
    },
  },
];

/** The first 'quoted' text of an English message: the value the user typed or the cell held. */
function quotedValue(message: string): string | undefined {
  const excel = /#[A-Z0-9_/!?]+/.exec(message);
  const quoted = /'([^']*)'/.exec(message);
  if (quoted !== null) return `'${quoted[1]}'`;
  return excel?.[0];
}

/** The sentence of one error in `language`: translated where the code is one of the shared errors. */
export function errorSentence(e: CcError, language: NumberLocale): string {
  if (language === "en") return e.message;
  const entry = SENTENCES.find((s) => s.code.test(e.code));
  if (entry === undefined) return e.message;
  const sentence = entry.text[language];
  const value = quotedValue(e.message);
  return value !== undefined && sentence.withValue !== undefined ? sentence.withValue.replace("{value}", value) : sentence.plain;
}

/** "Transactions rad 7, DueDate: '31/02' är inte ett datum" in the language of `displayLanguage`. */
export function describeErrorIn(e: CcError, language: NumberLocale): string {
  if (language === "en") return describeErrors([e]);
  const frame = FRAMES[language];
  const parts: string[] = [];
  if (e.table !== undefined && e.row !== undefined) parts.push(`${e.table} ${frame.row} ${e.row}`);
  else if (e.row !== undefined) parts.push(`${frame.row} ${e.row}`);
  else if (e.table !== undefined) parts.push(e.table);
  if (e.column !== undefined) parts.push(e.column);
  const sentence = errorSentence(e, language);
  return parts.length > 0 ? `${parts.join(", ")}: ${sentence}` : sentence;
}

/** One message for a list of errors, in `displayLanguage` (an Office tag such as "sv-SE"; English when unknown). */
export function describeErrorsIn(errors: readonly CcError[], displayLanguage: string | undefined): string {
  const language = numberLocale(displayLanguage);
  if (language === "en") return describeErrors(errors);
  const first = errors[0];
  if (first === undefined) return describeErrors(errors);
  const more = errors.length - 1;
  const head = describeErrorIn(first, language);
  return more > 0 ? `${head} ${FRAMES[language].more(more)}` : head;
}

/** Office's display language in the shared runtime (undefined outside Office: English). */
export function officeDisplayLanguage(): string | undefined {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  try {
    return office?.context?.displayLanguage;
  } catch {
    return undefined;
  }
}
