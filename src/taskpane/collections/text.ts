/**
 * The collections workspace's words: `useCollectText()` gives the screens `t` (the `collect.*`
 * catalogs, src/taskpane/i18n/catalogs) and the phrases they share (statuses, promises, amounts
 * and dates in the user's convention). Errors from the engine become sentences here.
 */
import * as React from "react";
import { useErrorText } from "../components/error-text";
import type { CcError } from "../../domain/errors";
import { describeErrorIn, errorMessageIn, type MessageLanguage } from "../../domain/messages";
import { useAmounts, useLanguage, useT } from "../i18n/I18nProvider";

const STATUSES = new Set(["None", "Disputed", "PromiseToPay", "PromiseToPayBroken", "Resolved"]);
/** The statuses with a hyphenated form for narrow columns (collect.statusCell.*). */
const CELL_STATUSES = new Set(["PromiseToPay", "PromiseToPayBroken"]);
const KINDS = new Set(["Call", "Email", "Letter", "Note"]);

export function useCollectText() {
  const t = useT();
  const amounts = useAmounts();
  const { language } = useLanguage();
  const errorText = useErrorText();
  return React.useMemo(() => {
    const money = (minor: number, currency: string): string => amounts.format(minor, currency);
    return {
      t,
      amounts,
      money,
      date: amounts.date,
      /** An amount, or "not available" when a missing exchange rate left it unknown. */
      amountOrUnknown: (minor: number | undefined, currency: string): string => (minor === undefined ? t("collect.unknown") : money(minor, currency)),
      status: (status: string): string => (STATUSES.has(status) ? t(`collect.status.${status}`) : status),
      /**
       * A status for a narrow column: the long compounds (Betalningslöfte) carry a soft hyphen at
       * their joint, so they break there with a hyphen and never mid-word (browsers without a
       * hyphenation dictionary, as Office's WebView may be, do not hyphenate on their own).
       */
      statusCell: (status: string): string => (CELL_STATUSES.has(status) ? t(`collect.statusCell.${status}`) : STATUSES.has(status) ? t(`collect.status.${status}`) : status),
      kind: (kind: string): string => (KINDS.has(kind) ? t(`collect.kind.${kind}`) : kind),
      promise: (p: { dateSerial: number; amountMinor: number; broken: boolean }, currency: string): string =>
        t(p.broken ? "collect.promiseBroken" : "collect.promise", { amount: money(p.amountMinor, currency), date: amounts.date(p.dateSerial) }),
      oldest: (period: string, days: number): string =>
        period === "" ? t("collect.nothingOverdue") : days > 0 ? t("collect.oldestDays", { period, days }) : t("collect.oldest", { period }),
      customer: (customer: string, name: string): string => `${customer} ${name}`.trim(),
      /** Why a typed amount did not read, as a sentence in the pane's language, quoting the text typed. */
      amountError: (e: CcError, text: string): string => errorText.error({ ...e, reason: e.code }, { text: text.trim() }),
      /** Errors as sentences in the pane's language. */
      sentences: (errors: readonly CcError[]): string[] => sentences(errors, language),
      /** The errors about one field as sentences in the pane's language; null when none. */
      fieldErrors: (errors: readonly CcError[], ...columns: string[]): string | null => fieldErrorsIn(errors, language, columns),
    };
  }, [t, amounts, language, errorText]);
}

export type CollectText = ReturnType<typeof useCollectText>;

function sentence(s: string): string {
  const first = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** Errors as sentences in `language` (src/domain/messages), one per list item, for a Field or a message bar. */
export function sentences(errors: readonly CcError[], language: MessageLanguage = "en"): string[] {
  return errors.map((e) => sentence(describeErrorIn(e, language)));
}

/** The errors about one field (by the column the engine names), as sentences; null when none. */
export function fieldErrors(errors: readonly CcError[], ...columns: string[]): string | null {
  return fieldErrorsIn(errors, "en", columns);
}

function fieldErrorsIn(errors: readonly CcError[], language: MessageLanguage, columns: readonly string[]): string | null {
  const wanted = new Set(columns.map((c) => c.toLowerCase()));
  const mine = errors.filter((e) => e.column !== undefined && wanted.has(e.column.toLowerCase()));
  return mine.length === 0 ? null : mine.map((e) => sentence(errorMessageIn(e, language))).join(" ");
}
