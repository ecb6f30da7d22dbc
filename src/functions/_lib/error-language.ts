/**
 * Function error messages in Office's display language (Swedish, Danish, Norwegian; English
 * otherwise). The frame of every message ("Transactions rad 7, DueDate: ...") is translated, and so
 * is the sentence of every error raised with params: its code's template in the language's catalog
 * (src/domain/messages), filled with the error's values. An error still raised with a finished
 * English sentence (the cell readers' column codes, areas not yet converted: docs/nordic.md) is
 * translated here by the end of its code where it is one of the shared errors, with the offending
 * value carried over, and keeps its English sentence inside the translated frame otherwise.
 */
import type { CcError } from "../../domain/errors";
import { describeErrors } from "../../domain/errors";
import { describeErrorIn as describeInFrame, isTemplatedCode, errorMessageIn, moreErrorsIn } from "../../domain/messages";
import { numberLocale, type NumberLocale } from "../../workbook/_lib/number-locale";

type Nordic = Exclude<NumberLocale, "en">;

/** A translated sentence: with the offending value (the first 'quoted' text of the English message), and without. */
interface Sentence {
  readonly withValue?: string;
  readonly plain: string;
}

/**
 * The shared errors, by the end of their code (cell readers build `<column>_must_be_a_date` from
 * the column's name), most specific first.
 */
const SENTENCES: ReadonlyArray<{ readonly code: RegExp; readonly text: Readonly<Record<Nordic, Sentence>> }> = [
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
  if (e.params !== undefined && isTemplatedCode(e.code)) return errorMessageIn(e, language);
  const entry = SENTENCES.find((s) => s.code.test(e.code));
  if (entry === undefined) return e.message;
  const sentence = entry.text[language];
  const value = quotedValue(e.message);
  return value !== undefined && sentence.withValue !== undefined ? sentence.withValue.replace("{value}", value) : sentence.plain;
}

/** "Transactions rad 7, DueDate: '31/02' är inte ett datum" in the language of `displayLanguage`. */
export function describeErrorIn(e: CcError, language: NumberLocale): string {
  if (language === "en") return describeErrors([e]);
  return describeInFrame(e, language, errorSentence(e, language));
}

/** One message for a list of errors, in `displayLanguage` (an Office tag such as "sv-SE"; English when unknown). */
export function describeErrorsIn(errors: readonly CcError[], displayLanguage: string | undefined): string {
  const language = numberLocale(displayLanguage);
  if (language === "en") return describeErrors(errors);
  const first = errors[0];
  if (first === undefined) return describeErrors(errors);
  const more = errors.length - 1;
  const head = describeErrorIn(first, language);
  return more > 0 ? `${head} ${moreErrorsIn(more, language)}` : head;
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
