/**
 * Error messages in the user's language. Every error carries its code and the values of its
 * message (`params`); its sentence is the code's template in ./en.ts, ./sv.ts, ./da.ts or ./nb.ts,
 * filled with those values (./format.ts). The values are text the engine already wrote (vouchers,
 * amounts in minor units, ISO dates, counts), so a message reads the same on every machine; the
 * language is chosen by the edge (Office's display language, the pane's switch). An error made
 * from a finished English sentence (no params) shows that sentence in every language.
 */
import type { CcError } from "../errors";
import { columnSentence } from "./columns";
import { DA } from "./da";
import { EN, type TemplatedCode } from "./en";
import { formatMessage } from "./format";
import { NB } from "./nb";
import { SV } from "./sv";

export type { TemplatedCode } from "./en";
export { formatMessage, placeholdersOf, type MessageParams } from "./format";

/** The languages of the catalogs. */
export type MessageLanguage = "en" | "sv" | "da" | "nb";
export const MESSAGE_LANGUAGES: readonly MessageLanguage[] = ["en", "sv", "da", "nb"];

/** The catalogs: every language has a template for every code English has (the types check it). */
export const CATALOGS: Readonly<Record<MessageLanguage, Readonly<Record<TemplatedCode, string>>>> = { en: EN, sv: SV, da: DA, nb: NB };

/**
 * Has `code` a template (is it raised with params)?
 * @example isTemplatedCode("exchange_rate_must_exist") // true
 */
export function isTemplatedCode(code: string): code is TemplatedCode {
  return Object.prototype.hasOwnProperty.call(EN, code);
}

/**
 * The sentence of `e` in `language`: its code's template filled with its params; the English
 * sentence it was made with when it has no params or no template (a cell reader's column code is
 * translated by the end of its code, ./columns.ts).
 * @example errorMessageIn(ccError("exchange_rate_must_exist", { case: "missing", currency: "EUR", date: "2024-01-31", accounting: "SEK" }), "sv") // "det finns ingen växelkurs för EUR på eller före 2024-01-31 (redovisningsvaluta SEK)"
 */
export function errorMessageIn(e: CcError, language: MessageLanguage): string {
  if (e.params !== undefined && isTemplatedCode(e.code)) return formatMessage(CATALOGS[language][e.code], e.params);
  if (language === "en") return e.message;
  return columnSentence(e.code, e.message, language) ?? e.message;
}

interface Frame {
  readonly row: string;
  readonly more: string;
}

/** Where an error is ("Transactions rad 7, DueDate: ...") and how many more there are, per language. */
const FRAMES: Readonly<Record<MessageLanguage, Frame>> = {
  en: { row: "row", more: "(and {n} more {n, plural, one {error} other {errors}})" },
  sv: { row: "rad", more: "(och {n} fel till)" },
  da: { row: "række", more: "(og {n} fejl mere)" },
  nb: { row: "rad", more: "(og {n} feil til)" },
};

/**
 * "Transactions rad 7, DueDate: ..." — the frame of one error in `language`, around `sentence`
 * (by default the error's own sentence in that language).
 * @example describeErrorIn(ccError("customer_must_exist", { case: "range", customer: "C9" }, { table: "orders", row: 7, column: "Customer" }), "da") // "orders række 7, Customer: debitor 'C9' findes ikke i debitorområdet"
 */
export function describeErrorIn(e: CcError, language: MessageLanguage, sentence: string = errorMessageIn(e, language)): string {
  const parts: string[] = [];
  const row = FRAMES[language].row;
  if (e.table !== undefined && e.row !== undefined) parts.push(`${e.table} ${row} ${e.row}`);
  else if (e.row !== undefined) parts.push(`${row} ${e.row}`);
  else if (e.table !== undefined) parts.push(e.table);
  if (e.column !== undefined) parts.push(e.column);
  return parts.length > 0 ? `${parts.join(", ")}: ${sentence}` : sentence;
}

/** "(and 2 more errors)" in `language`. @example moreErrorsIn(2, "nb") // "(og 2 feil til)" */
export function moreErrorsIn(n: number, language: MessageLanguage): string {
  return formatMessage(FRAMES[language].more, { n });
}
