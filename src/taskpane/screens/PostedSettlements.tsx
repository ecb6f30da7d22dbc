import { Body1 } from "@fluentui/react-components";
import * as React from "react";
import { ConfirmButton } from "../components/ConfirmButton";
import { useDateText } from "../components/date-text";
import type { Settlement } from "../hooks/use-settlement";
import { useT } from "../i18n/I18nProvider";
import { unappliable } from "../settlement/wizard";
import { useScreenStyles } from "./styles";

/** 5. Posted settlements of the chosen customer, latest first, each with Unapply (asked first). */
export function PostedSettlements({ s }: { s: Settlement }): React.JSX.Element | null {
  const t = useT();
  const dates = useDateText();
  const styles = useScreenStyles();
  const { history, customer, ledger } = s.state;
  if (ledger === undefined) return null;
  const posted = unappliable(history, customer === "" ? undefined : customer);
  const heading = t("settle.posted");
  return (
    <section aria-label={heading}>
      <h3 className={styles.headingSpaced}>{heading}</h3>
      {posted.length === 0 ? (
        <Body1>{customer === "" ? t("settle.posted.none") : t("settle.posted.noneFor", { customer })}</Body1>
      ) : (
        <ul className={styles.plainList}>
          {posted.map((p) => (
            <li key={p.journalId} className={styles.row}>
              <Body1>{p.journalId} · {dates.date(p.dateSerial)} · {p.vouchers.slice(0, 3).join(", ") + (p.vouchers.length > 3 ? "…" : "")}</Body1>
              <ConfirmButton
                size="small"
                appearance="secondary"
                label={t("settle.unapply")}
                ariaLabel={t("settle.unapplyName", { journal: p.journalId })}
                title={t("settle.unapplyTitle")}
                body={t("settle.unapplyBody", { journal: p.journalId })}
                onConfirm={() => void s.unapplyJournal(p.journalId)}
                disabled={s.task.state.running}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
