/**
 * The task pane's language: react-intl (FormatJS, ICU MessageFormat with plurals and
 * placeholders) over the catalogs in ./catalogs, plus the user's number convention for amounts.
 *
 * Screens call `useT()` for text, `useAmounts()` to read and show amounts, and `useLanguage()` for
 * the switch. Every string a user sees comes from a catalog: see docs/nordic.md.
 */
import * as React from "react";
import { IntlProvider, useIntl } from "react-intl";
import { ymdFromSerial } from "../../domain/dates";
import { type AmountParse, type DecimalOptions, type DecimalParse, formatLocaleAmount, parseLocaleAmount, parseLocaleDecimal } from "../../workbook/locale-amount";
import { messagesFor } from "./catalogs";
import { intlTag, storeLanguage, type Language } from "./languages";

type Values = Record<string, string | number | Date>;

interface LanguageState {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
}

const LanguageContext = React.createContext<LanguageState>({ language: "en", setLanguage: () => undefined });

export interface I18nProviderProps {
  readonly initial: Language;
  readonly children: React.ReactNode;
}

/** Provides the language, its messages and its Intl tag to the pane; the switch changes it live. */
export function I18nProvider({ initial, children }: I18nProviderProps): React.JSX.Element {
  const [language, setState] = React.useState<Language>(initial);
  const setLanguage = React.useCallback((next: Language) => {
    storeLanguage(next);
    setState(next);
  }, []);
  const messages = React.useMemo(() => messagesFor(language), [language]);
  const state = React.useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={state}>
      <IntlProvider locale={intlTag(language)} defaultLocale="en-US" messages={messages}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

/** The current language and the switch. */
export function useLanguage(): LanguageState {
  return React.useContext(LanguageContext);
}

/** `t("app.version", { version })`: one message of the current language, ICU-formatted. */
export function useT(): (id: string, values?: Values) => string {
  const intl = useIntl();
  return React.useCallback((id: string, values?: Values) => intl.formatMessage({ id }, values), [intl]);
}

export interface Amounts {
  /** The Intl tag of the current language, e.g. "sv-SE". */
  readonly tag: string;
  /** Integer minor units shown in the user's convention with the currency's decimals. */
  readonly format: (minor: number, currency: string) => string;
  /** Text typed by the user read in the user's convention; ambiguous text is refused, never guessed. */
  readonly parse: (text: string, currency: string) => AmountParse;
  /**
   * A plain number typed by the user (a percentage, a change in major units, a rounding step) read
   * by the same rule, as an exact decimal string ("1000.5"); ambiguous text is refused, never guessed.
   */
  readonly decimal: (text: string, options: DecimalOptions) => DecimalParse;
  /** An Excel date serial shown as a date in the user's convention. */
  readonly date: (serial: number) => string;
}

/** Amounts and dates in the current language's convention. */
export function useAmounts(): Amounts {
  const { language } = useLanguage();
  return React.useMemo(() => {
    const tag = intlTag(language);
    const dates = new Intl.DateTimeFormat(tag, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
    return {
      tag,
      format: (minor: number, currency: string) => formatLocaleAmount(minor, currency, tag),
      parse: (text: string, currency: string) => parseLocaleAmount(text, tag, currency),
      decimal: (text: string, options: DecimalOptions) => parseLocaleDecimal(text, tag, options),
      date: (serial: number) => {
        const { year, month, day } = ymdFromSerial(serial);
        return dates.format(new Date(Date.UTC(year, month - 1, day)));
      },
    };
  }, [language]);
}
