/**
 * The four languages of the task pane and how one is chosen: the user's own choice (kept in
 * localStorage) first, then Office's display language (`Office.context.displayLanguage`, e.g.
 * "sv-SE"), then English. Only the language subtag decides; Nynorsk and "no" read as bokmål,
 * as the number conventions in src/workbook/_lib/number-locale.ts do.
 */
import { INTL_TAG, numberLocale, type NumberLocale } from "../../workbook/_lib/number-locale";

export type Language = NumberLocale;
export const LANGUAGES: readonly Language[] = ["en", "sv", "da", "nb"];

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: "English", sv: "Svenska", da: "Dansk", nb: "Norsk bokmål" };

/** The BCP 47 tag Intl formats with, and that parseLocaleAmount/formatLocaleAmount take. */
export function intlTag(language: Language): string {
  return INTL_TAG[language];
}

const STORAGE_KEY = "cc.language";

/** The language of an Office display-language tag. @example languageOf("da-DK") // "da" */
export function languageOf(tag: string | undefined | null): Language {
  return numberLocale(tag);
}

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: the stored choice, else Office's display language, else English. */
export function initialLanguage(displayLanguage: string | undefined): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be refused (private mode, sandboxed iframe): fall through to Office's language.
  }
  return languageOf(displayLanguage);
}

/** Remembers the user's choice for the next time the pane opens. */
export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the choice still holds for this session.
  }
}

/** Office's display language where the Office runtime is present. */
export function officeDisplayLanguage(): string | undefined {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return office?.context?.displayLanguage;
}
