/**
 * The four number conventions the task pane reads and writes: English, Swedish, Danish and
 * Norwegian (bokmål). Office reports its display language as a BCP 47 tag (`Office.context.
 * displayLanguage`, e.g. "sv-SE"); only the language subtag decides the convention, and every
 * language we do not know reads and writes English numbers, as Office falls back to English.
 */

export type NumberLocale = "en" | "sv" | "da" | "nb";

export const NUMBER_LOCALES: readonly NumberLocale[] = ["en", "sv", "da", "nb"];

/** The Intl tag each convention formats with. */
export const INTL_TAG: Readonly<Record<NumberLocale, string>> = { en: "en-US", sv: "sv-SE", da: "da-DK", nb: "nb-NO" };

/**
 * How a convention writes a number. `decimal` is the only decimal separator. `grouping` is the
 * thousands separator the locale writes; `toleratedGrouping` is one it reads only where it cannot
 * be taken for a decimal point (see docs/nordic.md). Spaces (U+0020, U+00A0, U+202F) group in
 * every locale: no locale uses a space as its decimal separator, so a space is never ambiguous.
 */
export interface NumberConvention {
  readonly decimal: "." | ",";
  readonly grouping: "." | "," | " ";
  readonly toleratedGrouping?: ".";
  readonly name: string;
}

export const CONVENTIONS: Readonly<Record<NumberLocale, NumberConvention>> = {
  en: { decimal: ".", grouping: ",", name: "English" },
  sv: { decimal: ",", grouping: " ", toleratedGrouping: ".", name: "Swedish" },
  da: { decimal: ",", grouping: ".", name: "Danish" },
  nb: { decimal: ",", grouping: " ", toleratedGrouping: ".", name: "Norwegian" },
};

/**
 * The number convention of an Office display language.
 * @example numberLocale("sv-SE") // "sv"
 * @example numberLocale("nn-NO") // "nb" (Nynorsk writes numbers as bokmål does)
 * @example numberLocale("fi-FI") // "en"
 */
export function numberLocale(tag: string | undefined | null): NumberLocale {
  const language = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (language === "sv") return "sv";
  if (language === "da") return "da";
  if (language === "nb" || language === "no" || language === "nn") return "nb";
  return "en";
}
