/**
 * Dates that never break over two lines. In a narrow column a date such as 2025-12-01 would wrap
 * at its hyphens; here it is one unbreakable span (`white-space: nowrap`), alone or inside a
 * catalog message whose `{date}` placeholder it fills (react-intl rich values), so the sentence
 * may still wrap at its spaces.
 */
import { makeStyles } from "@fluentui/react-components";
import * as React from "react";
import { useIntl } from "react-intl";
import { useAmounts } from "../i18n/I18nProvider";

const useDateStyles = makeStyles({
  date: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

type Values = Record<string, string | number>;

export interface DateText {
  /** An Excel date serial as a date in the user's convention, in a span that never wraps. */
  readonly date: (serial: number) => React.JSX.Element;
  /** A catalog message whose `{date}` is the date of `serial`, never wrapped inside. */
  readonly message: (id: string, serial: number, values?: Values) => React.ReactNode;
}

export function useDateText(): DateText {
  const intl = useIntl();
  const amounts = useAmounts();
  const s = useDateStyles();
  return React.useMemo(() => {
    const date = (serial: number): React.JSX.Element => <span className={s.date}>{amounts.date(serial)}</span>;
    return {
      date,
      message: (id: string, serial: number, values: Values = {}) => intl.formatMessage({ id }, { ...values, date: date(serial) }),
    };
  }, [intl, amounts, s]);
}
