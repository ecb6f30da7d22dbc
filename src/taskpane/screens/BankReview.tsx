import { Body1, Button, Caption1, Checkbox, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { LineResult } from "../../domain/matching/match";
import { CONFIDENCES, type MatchCustomer } from "../../domain/matching/types";
import type { LineChoice } from "../../workbook/statement-review";
import { useDateText } from "../components/date-text";
import { useAmounts, useT } from "../i18n/I18nProvider";
import { type Ledger, openItems } from "../settlement/ledger";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  line: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS, minWidth: 0, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  editor: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
});

export interface BankReviewProps {
  readonly matches: readonly LineResult[];
  readonly posted: ReadonlySet<string>;
  readonly choices: ReadonlyMap<string, LineChoice>;
  readonly ledger: Ledger;
  readonly customers: readonly MatchCustomer[];
  readonly onAccept: (lineId: string, accepted: boolean) => void;
  readonly onAssign: (lineId: string, customer: string, vouchers: readonly string[]) => void;
  readonly onUndo: (lineId: string) => void;
  readonly disabled: boolean;
}

/** The matches grouped by confidence (High, Medium, Low, None); lines posted already are counted, not shown. */
export function BankReview(props: BankReviewProps): React.JSX.Element {
  const t = useT();
  const styles = useStyles();
  const shown = props.matches.filter((m) => !props.posted.has(m.line.lineId));
  return (
    <div className={styles.group}>
      {props.posted.size > 0 && <Caption1>{t("bank.review.posted", { count: props.posted.size })}</Caption1>}
      {shown.length === 0 && <Body1>{t("bank.review.empty")}</Body1>}
      {CONFIDENCES.map((c) => {
        const group = shown.filter((m) => m.confidence === c);
        if (group.length === 0) return null;
        const id = `bank-group-${c}`;
        return (
          <section key={c} aria-labelledby={id} className={styles.group}>
            <h3 id={id} className={styles.heading}>{t(`bank.group.${c}`, { count: group.length })}</h3>
            <ul className={styles.list}>
              {group.map((m) => <BankLine key={m.line.lineId} match={m} {...props} />)}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function BankLine({ match, choices, ledger, customers, onAccept, onAssign, onUndo, disabled }: BankReviewProps & { match: LineResult }): React.JSX.Element {
  const t = useT();
  const { format } = useAmounts();
  const dates = useDateText();
  const styles = useStyles();
  const [editing, setEditing] = React.useState(false);
  const l = match.line;
  const choice = choices.get(l.lineId);
  const changed = choice?.assign !== undefined;
  const payer = [l.counterparty, l.reference, l.text].filter((x) => x !== "").join(" · ");
  return (
    <li className={styles.line} aria-label={t("bank.line.label", { line: l.lineId })}>
      <div className={styles.row}>
        <Checkbox
          checked={choice?.accepted === true}
          disabled={disabled || match.customer === ""}
          onChange={(_, d) => onAccept(l.lineId, d.checked === true)}
          label={t("bank.line.accept", { line: l.lineId, amount: format(l.amountMinor, l.currency) })}
        />
      </div>
      <Caption1 block>{dates.date(l.dateSerial)}{payer !== "" ? ` · ${payer}` : ""}</Caption1>
      <Body1 block>
        {match.customer === "" ? t("bank.line.nomatch") : t("bank.line.customer", { customer: match.customer })}
      </Body1>
      {match.settlements.map((s) => (
        <Caption1 block key={s.voucher}>{t("bank.line.settles", { voucher: s.voucher, amount: format(s.amountToSettleMinor, l.currency) })}</Caption1>
      ))}
      {match.customer !== "" && match.onAccountMinor > 0 && <Caption1 block>{t("bank.line.onaccount", { amount: format(match.onAccountMinor, l.currency) })}</Caption1>}
      <Caption1 block>{t("bank.line.rule", { rule: match.rule })}</Caption1>
      {l.amountMinor > 0 && (
        <div className={styles.row}>
          <Button size="small" disabled={disabled} aria-expanded={editing} onClick={() => setEditing(!editing)} aria-label={t("bank.line.change.label", { line: l.lineId })}>{t("bank.line.change")}</Button>
          {changed && <Button size="small" disabled={disabled} onClick={() => onUndo(l.lineId)} aria-label={t("bank.line.undo.label", { line: l.lineId })}>{t("bank.line.undo")}</Button>}
        </div>
      )}
      {editing && (
        <LineEditor
          match={match}
          ledger={ledger}
          customers={customers}
          onApply={(customer, vouchers) => {
            onAssign(l.lineId, customer, vouchers);
            setEditing(false);
          }}
        />
      )}
    </li>
  );
}

/** Change a line's customer and the items it pays (none chosen: the whole line on account). */
function LineEditor({ match, ledger, customers, onApply }: { match: LineResult; ledger: Ledger; customers: readonly MatchCustomer[]; onApply: (customer: string, vouchers: readonly string[]) => void }): React.JSX.Element {
  const t = useT();
  const { format } = useAmounts();
  const styles = useStyles();
  const l = match.line;
  const [customer, setCustomer] = React.useState(match.customer);
  const [vouchers, setVouchers] = React.useState<ReadonlySet<string>>(new Set(match.settlements.map((s) => s.voucher)));
  const ids = React.useMemo(() => {
    const all = new Set<string>(customers.map((c) => c.customer));
    for (const x of ledger.transactions) if (x.amountMinor > 0 && x.currency === l.currency) all.add(x.customer);
    return [...all].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  }, [customers, ledger, l.currency]);
  const names = new Map(customers.map((c) => [c.customer, c.name ?? ""]));
  const items = customer === "" ? [] : openItems(ledger, customer).debits.filter((x) => x.currency === l.currency);
  return (
    <div className={styles.editor} role="group" aria-label={t("bank.edit.label", { line: l.lineId })}>
      <Field label={t("bank.edit.customer")}>
        <Select className={styles.select} value={customer} onChange={(_, d) => { setCustomer(d.value); setVouchers(new Set()); }}>
          <option value="">{t("bank.edit.choose")}</option>
          {ids.map((c) => <option key={c} value={c}>{names.get(c) ? `${c} · ${names.get(c) ?? ""}` : c}</option>)}
        </Select>
      </Field>
      {customer !== "" && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("bank.edit.items")}</legend>
          {items.length === 0 && <Caption1>{t("bank.edit.noitems")}</Caption1>}
          {items.map((x) => (
            <Checkbox
              key={x.voucher}
              checked={vouchers.has(x.voucher)}
              onChange={(_, d) => {
                const next = new Set(vouchers);
                if (d.checked === true) next.add(x.voucher);
                else next.delete(x.voucher);
                setVouchers(next);
              }}
              label={`${x.voucher} · ${format(x.amountMinor, x.currency)}`}
            />
          ))}
        </fieldset>
      )}
      <Button appearance="primary" size="small" disabled={customer === ""} onClick={() => onApply(customer, [...vouchers])}>{t("bank.edit.apply")}</Button>
    </div>
  );
}
