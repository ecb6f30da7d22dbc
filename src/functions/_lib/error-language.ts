/**
 * Function error messages in Office's display language (Swedish, Danish, Norwegian; English
 * otherwise). The frame of every message ("Transactions rad 7, DueDate: ...") is translated, and so
 * is the sentence of every error raised with params: its code's template in the language's catalog
 * (src/domain/messages), filled with the error's values. A cell reader's column code
 * (`<column>_must_be_a_date`) is translated by the end of its code with the offending value carried
 * over (src/domain/messages/columns.ts); an error raised with a finished English sentence and no
 * such ending keeps its sentence inside the translated frame (docs/nordic.md).
 */
import type { CcError } from "../../domain/errors";
import { describeErrors } from "../../domain/errors";
import { describeErrorIn as describeInFrame, errorMessageIn, moreErrorsIn } from "../../domain/messages";
import { numberLocale, type NumberLocale } from "../../workbook/_lib/number-locale";

/** The sentence of one error in `language`: translated where the code is one of the shared errors. */
export function errorSentence(e: CcError, language: NumberLocale): string {
  return errorMessageIn(e, language);
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
