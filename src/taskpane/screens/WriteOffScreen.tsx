import { Body1, Button, Caption1, Checkbox, Field, Input, mergeClasses, MessageBar, MessageBarBody } from "@fluentui/react-components";
import * as React from "react";
import { ConfirmButton } from "../components/ConfirmButton";
import { useErrorText } from "../components/error-text";
import { fieldMessage } from "../components/FieldErrors";
import { CustomerSelect } from "../components/CustomerSelect";
import { TableSelect } from "../components/TableSelect";
import { TaskStatus } from "../components/TaskStatus";
import { useTableNames } from "../hooks/gateway-context";
import { useWriteOff } from "../hooks/use-writeoff";
import { useDataWords } from "../i18n/data-words";
import { useAmounts, useT } from "../i18n/I18nProvider";
import { openCustomers } from "../settlement/ledger";
import { canPreview, openItemsOf, writeOffDate } from "../writeoff/writeoff-reducer";
import { useScreenStyles } from "./styles";

const REASON_MISSING = "reason_must_not_be_blank";

/** Write-off: pick a customer and items, a reason code, preview the journal lines, post them (asked first). */
export function WriteOffScreen({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const w = useWriteOff(todaySerial);
  const t = useT();
  const words = useDataWords();
  const { format } = useAmounts();
  const styles = useScreenStyles();
  const { error, has } = useErrorText();
  const { names } = useTableNames();
  const { state, dispatch } = w;
  const customers = React.useMemo(() => (state.ledger === undefined ? [] : openCustomers(state.ledger)), [state.ledger]);
  const items = openItemsOf(state.ledger, state.customer);
  const busy = w.task.state.running;
  const reasonErrors = state.errors.filter((e) => e.code === REASON_MISSING).map(() => t("writeoff.reasonMissing"));
  const others = state.errors.filter((e) => e.code !== REASON_MISSING);
  const dateMissing = writeOffDate(state) === undefined;
  return (
    <div className={mergeClasses("cc-screen", styles.stack)}>
      <TableSelect label={t("common.ledger.table")} value={state.table} names={names} onChange={(table) => dispatch({ type: "tableChosen", table })} />
      <Button onClick={() => void w.load()} disabled={busy}>{state.ledger === undefined ? t("common.ledger.load") : t("common.ledger.reload")}</Button>
      {state.ledger !== undefined && (
        <CustomerSelect value={state.customer} customers={customers} onChange={(customer) => dispatch({ type: "customerChosen", customer })} />
      )}
      {items.length > 0 && (
        <fieldset className={styles.step}>
          <legend className={styles.legend}>{t("writeoff.items")}</legend>
          {items.map((i) => (
            <Checkbox key={i.voucher} checked={state.selected.has(i.voucher)} onChange={(_, d) => dispatch({ type: "itemToggled", voucher: i.voucher, on: d.checked === true })} label={`${i.voucher} · ${words.type(i.type)} · ${format(i.amountMinor, i.currency)}`} />
          ))}
        </fieldset>
      )}
      {state.customer !== "" && (
        <form
          noValidate
          className={styles.step}
          aria-label={t("writeoff.details")}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) w.makePreview();
          }}
        >
          <Field label={t("writeoff.reason")} required validationState={reasonErrors.length > 0 ? "error" : "none"} validationMessage={fieldMessage(reasonErrors)}>
            <Input value={state.reason} onChange={(_, d) => dispatch({ type: "reasonTyped", reason: d.value })} />
          </Field>
          <Field label={t("writeoff.date")} validationState={dateMissing ? "error" : "none"} validationMessage={dateMissing ? t("writeoff.dateMissing") : null}>
            <Input type="date" value={state.dateText} onChange={(_, d) => dispatch({ type: "dateTyped", text: d.value })} />
          </Field>
          <Checkbox label={t("writeoff.separateSalesTax")} checked={state.separateSalesTax} onChange={(_, d) => dispatch({ type: "salesTaxChosen", on: d.checked === true })} />
          <Button type="submit" disabled={busy || !canPreview(state)}>{t("writeoff.preview")}</Button>
        </form>
      )}
      {others.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <ul className={styles.errors}>
              {others.map((e, i) => <li key={i}>{error(e)}</li>)}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.preview !== undefined && (
        <section aria-label={t("writeoff.previewRegion")} className={styles.stack}>
          <h3 className={styles.heading}>{t("writeoff.journal", { journal: state.preview.journalId })}</h3>
          <ul className={styles.plainList}>
            {state.preview.lines.map((l) => (
              <li key={l.lineNumber} className={styles.card}>
                <Body1 block>{[has(`writeoff.lineType.${l.lineType}`) ? t(`writeoff.lineType.${l.lineType}`) : l.lineType, l.account || l.customer, ...(l.dimension !== "" ? [l.dimension] : [])].join(" · ")}</Body1>
                <Caption1>{t(l.amountMinor >= 0 ? "writeoff.debit" : "writeoff.credit", { amount: format(Math.abs(l.amountMinor), l.currency) })} · {l.reason}</Caption1>
              </li>
            ))}
          </ul>
          <ConfirmButton
            label={t("writeoff.post")}
            title={t("writeoff.confirmTitle")}
            body={t("writeoff.confirmBody", { count: state.preview.items.length, customer: state.preview.customer, journal: state.preview.journalId })}
            onConfirm={() => void w.post()}
            disabled={busy}
          />
        </section>
      )}
      <TaskStatus state={w.task.state} onCancel={w.task.cancel} values={w.values} />
    </div>
  );
}
