/**
 * The sentences of the cell readers' column codes (`due_date_must_be_a_date`: src/domain/column-codes.ts
 * lists them by column and check), by the end of the code (the check's ending), in Swedish, Danish and Norwegian. A cell reader's error carries its
 * English sentence (often a parser's reason); here the offending value (its first 'quoted' text or
 * Excel error) is carried into the translation. Codes with a template (./en.ts) do not come here.
 */
import type { MessageLanguage } from "./index";

type Nordic = Exclude<MessageLanguage, "en">;

/** A translated sentence: with the offending value (the first 'quoted' text of the English message), and without. */
interface Sentence {
  readonly withValue?: string;
  readonly plain: string;
}

/**
 * The shared errors, by the end of their code (a column code is the column's name and its check's
 * ending, `due_date` + `_must_be_a_date`), most specific first; test/domain/messages.test.ts checks
 * that every column code has one, the same for every code of a check.
 */
export const COLUMN_SENTENCES: ReadonlyArray<{ readonly code: RegExp; readonly text: Readonly<Record<Nordic, Sentence>> }> = [
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
    code: /_must_be_one_of$/,
    text: {
      sv: { withValue: "{value} är inte ett av de tillåtna värdena", plain: "är inte ett av de tillåtna värdena" },
      da: { withValue: "{value} er ikke en af de tilladte værdier", plain: "er ikke en af de tilladte værdier" },
      nb: { withValue: "{value} er ikke en av de tillatte verdiene", plain: "er ikke en av de tillatte verdiene" },
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

/**
 * The sentence of a column-code error in `language`, or undefined when the code ends in none of the patterns.
 * @example columnSentence("due_date_must_be_a_date", "'31/02' is not a real calendar date", "sv") // "'31/02' är inte ett datum"
 */
export function columnSentence(code: string, message: string, language: Nordic): string | undefined {
  const entry = COLUMN_SENTENCES.find((s) => s.code.test(code));
  if (entry === undefined) return undefined;
  const sentence = entry.text[language];
  const value = quotedValue(message);
  return value !== undefined && sentence.withValue !== undefined ? sentence.withValue.replace("{value}", value) : sentence.plain;
}
