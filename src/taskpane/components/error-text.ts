/**
 * Errors in the pane's language: a code with a message in the catalogs (`common.error.<code>`, or
 * `common.amount.<reason>` for an amount that did not read) is shown translated, with the text as
 * typed; any other error is the engine's own sentence in the pane's language (src/domain/messages:
 * the code's template where it has one, else the English sentence it was raised with).
 */
import * as React from "react";
import { useIntl } from "react-intl";
import type { CcError } from "../../domain/errors";
import { describeErrorIn } from "../../domain/messages";
import { useLanguage } from "../i18n/I18nProvider";

/** An error, optionally with the amount reader's own code as its reason and the text typed. */
export type ShownError = CcError & { readonly reason?: string };

/** Capitalised and ending with a full stop. */
export function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** `text(key)` when the catalog has `key`, else undefined; and an error as a translated sentence. */
export function useErrorText(): { has: (key: string) => boolean; error: (e: ShownError, values?: Record<string, string | number>) => string } {
  const intl = useIntl();
  const { language } = useLanguage();
  return React.useMemo(() => {
    const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(intl.messages, key);
    const error = (e: ShownError, values: Record<string, string | number> = {}): string => {
      const where = { table: e.table ?? "", row: e.row ?? "", column: e.column ?? "" };
      for (const key of [e.reason !== undefined ? `common.amount.${e.reason}` : "", `common.error.${e.code}`]) {
        if (key !== "" && has(key)) return sentence(intl.formatMessage({ id: key }, { ...where, ...values }));
      }
      return sentence(describeErrorIn(e, language));
    };
    return { has, error };
  }, [intl, language]);
}
