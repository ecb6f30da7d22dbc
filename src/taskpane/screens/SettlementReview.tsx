import { Body1, Button, Caption1, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import { useDateText } from "../components/date-text";
import { useErrorText } from "../components/error-text";
import { fieldMessage } from "../components/FieldErrors";
import type { Settlement } from "../hooks/use-settlement";
import { useDataWords } from "../i18n/data-words";
import { useAmounts, useT } from "../i18n/I18nProvider";
import { typedAmount } from "../_lib/format";
import { NotProposed } from "./NotProposed";
import { useScreenStyles } from "./styles";

/**
 * 4. Review: one card per open item with an editable amount to settle (read in the pane's
 * language, proposed again through the domain's editProposal), then the totals and Post.
 */
export function SettlementReview({ s }: { s: Settlement }): React.JSX.Element | null {
  const t = useT();
  const words = useDataWords();
  const { format, tag } = useAmounts();
  const dates = useDateText();
  const styles = useScreenStyles();
  const { error } = useErrorText();
  const { proposal, base, edits, editErrors, proposalErrors } = s.state;
  if (proposal === undefined || base === undefined) return null;
  const c = proposal.credit;
  const settled = proposal.lines.reduce((a, l) => a + l.creditUsedMinor, 0);
  const discount = proposal.lines.reduce((a, l) => a + l.discountMinor, 0);
  const difference = proposal.lines.reduce((a, l) => a + l.differenceMinor, 0) + proposal.creditDifferenceMinor;
  // Every open item of the method's proposal stays editable, also one an edit set to 0.
  const shown = base.lines.map((b) => proposal.lines.find((l) => l.item.voucher === b.item.voucher) ?? { ...b, amountToSettleMinor: 0, discountMinor: 0, differenceMinor: 0, creditUsedMinor: 0, balanceMinor: b.openMinor });
  const heading = t("settle.step.review");
  const totals: [string, string, string?][] = [
    [t("settle.total.payment"), `${c.voucher} ${format(-c.amountMinor, c.currency)}`],
    [t("settle.total.settled"), format(settled, c.currency)],
    [t("settle.total.discount"), format(discount, c.currency)],
    [t("settle.total.differences"), format(difference, c.currency)],
    [t("settle.total.unapplied"), format(proposal.unappliedMinor, c.currency), t("settle.total.unapplied")],
  ];
  return (
    <section aria-label={heading} className={styles.stack}>
      <h3 className={styles.heading}>{heading}</h3>
      <ul className={styles.plainList} aria-label={t("settle.openItems")}>
        {shown.map((l) => {
          const v = l.item.voucher;
          const e = editErrors.get(v);
          const messages = e === undefined ? [] : [error(e, { text: edits.get(v) ?? "", open: format(l.openMinor, l.item.currency) })];
          return (
            <li key={v} className={styles.card}>
              <Body1 block>
                <strong>{v}</strong> · {words.type(l.item.type)}
                {l.item.dueSerial !== undefined && <> · {dates.message("settle.due", l.item.dueSerial)}</>}
              </Body1>
              <Field label={t("settle.amountToSettle", { voucher: v, open: format(l.openMinor, l.item.currency) })} validationState={e === undefined ? "none" : "error"} validationMessage={fieldMessage(messages)}>
                <Input inputMode="decimal" value={edits.get(v) ?? typedAmount(l.amountToSettleMinor, l.item.currency, tag)} onChange={(_, d) => s.editAmount(v, d.value)} />
              </Field>
              <Caption1>
                {t("settle.lineSummary", { discount: format(l.discountMinor, l.item.currency), difference: format(l.differenceMinor, l.item.currency), balance: format(l.balanceMinor, l.item.currency) })}
              </Caption1>
            </li>
          );
        })}
      </ul>
      <dl aria-label={t("settle.totals")} className={styles.totals}>
        {totals.map(([label, value, name]) => (
          <React.Fragment key={label}>
            <dt>{label}</dt>
            <dd className={styles.total} {...(name !== undefined ? { "aria-label": `${name} ${value}` } : {})}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      {/* The edits read, but the settlement they make is refused (e.g. more than the payment): nothing to post. */}
      <NotProposed errors={proposalErrors} />
      <Button appearance="primary" onClick={() => void s.post()} disabled={s.task.state.running || editErrors.size > 0 || proposalErrors.length > 0 || settled === 0}>{t("settle.post")}</Button>
    </section>
  );
}
