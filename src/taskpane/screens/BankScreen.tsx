import { Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, tokens } from "@fluentui/react-components";
import * as React from "react";
import { describeErrorIn } from "../../domain/messages";
import type { StatementMapping } from "../../workbook/statement-csv";
import { ConfirmButton } from "../components/ConfirmButton";
import { TaskStatus } from "../components/TaskStatus";
import { useBank } from "../hooks/use-bank";
import { useAmounts, useLanguage, useT } from "../i18n/I18nProvider";
import { BankReview } from "./BankReview";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalS} 0`, minWidth: 0 },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  file: { maxWidth: "100%", minWidth: 0, fontSize: tokens.fontSizeBase300 },
  select: { minWidth: 0, maxWidth: "100%" },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const FIELDS = ["lineId", "date", "amount", "currency", "counterparty", "account", "reference", "text"] as const;

/** Bank: import a statement, review its matches by confidence, post the accepted lines. */
export function BankScreen(): React.JSX.Element {
  const b = useBank();
  const t = useT();
  const { language } = useLanguage();
  const { format } = useAmounts();
  const styles = useStyles();
  const busy = b.task.state.running;
  const csv = b.file !== undefined && b.file.headers.length > 0;
  const totals = new Map<string, number>();
  for (const m of b.accepted) totals.set(m.line.currency, (totals.get(m.line.currency) ?? 0) + m.line.amountMinor);
  const total = [...totals].map(([c, v]) => format(v, c)).join(", ");
  return (
    <div className={styles.stack}>
      <form
        className={styles.stack}
        aria-label={t("bank.import.form")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && b.file !== undefined) void b.importFile();
        }}
      >
        <Field label={t("bank.file")} hint={t("bank.file.hint")}>
          {(props) => <input {...props} className={styles.file} type="file" accept=".xml,.csv,.txt,text/xml,text/csv" onChange={(e) => void b.chooseFile(e.target.files?.[0])} />}
        </Field>
        {csv && (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{t("bank.mapping")}</legend>
            <Caption1>{t("bank.mapping.hint")}</Caption1>
            {FIELDS.map((f) => (
              <Field key={f} label={t(`bank.column.${f}`)}>
                <Select className={styles.select} value={b.mapping[f] ?? ""} onChange={(_, d) => b.setMapping({ ...b.mapping, [f]: d.value === "" ? undefined : d.value } as StatementMapping)}>
                  <option value="">{t("bank.mapping.auto")}</option>
                  {b.file?.headers.map((h) => <option key={h} value={h}>{h}</option>)}
                </Select>
              </Field>
            ))}
            <Field label={t("bank.currency")} hint={t("bank.currency.hint")}>
              <Input value={b.currency} onChange={(_, d) => b.setCurrency(d.value)} />
            </Field>
          </fieldset>
        )}
        <Button type="submit" appearance="primary" disabled={busy || b.file === undefined}>{t("bank.import")}</Button>
      </form>
      <Field label={t("bank.accounting")}>
        <Input value={b.accountingCurrency} placeholder={t("common.fromLedger")} onChange={(_, d) => b.setAccountingCurrency(d.value.toUpperCase())} />
      </Field>
      <Button onClick={() => void b.load()} disabled={busy}>{b.loaded === undefined ? t("bank.load") : t("bank.reload")}</Button>
      {b.reviewed !== undefined && !b.reviewed.ok && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <ul className={styles.errors}>{b.reviewed.errors.slice(0, 5).map((e, i) => <li key={i}>{describeErrorIn(e, language)}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {b.loaded !== undefined && b.reviewed?.ok === true && (
        <>
          <BankReview matches={b.reviewed.value.matches} posted={b.reviewed.value.posted} choices={b.choices} ledger={b.loaded.ledger} customers={b.loaded.customers} onAccept={b.setAccepted} onAssign={b.assign} onUndo={b.undoChange} disabled={busy} />
          <ConfirmButton
            label={t("bank.post", { count: b.accepted.length })}
            title={t("bank.confirm.title")}
            body={t("bank.confirm.body", { count: b.accepted.length, total })}
            confirmLabel={t("bank.confirm.post")}
            cancelLabel={t("bank.cancel")}
            onConfirm={() => void b.post()}
            disabled={busy || b.accepted.length === 0}
          />
        </>
      )}
      <TaskStatus state={b.task.state} onCancel={b.task.cancel} />
    </div>
  );
}
