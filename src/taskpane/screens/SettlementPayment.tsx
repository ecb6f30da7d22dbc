import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import * as React from "react";
import type { Transaction } from "../../domain/types";
import { useErrorText } from "../components/error-text";
import { fieldMessage } from "../components/FieldErrors";
import { useSelectStyles } from "../components/TableSelect";
import type { Settlement } from "../hooks/use-settlement";
import { type DataWords, useDataWords } from "../i18n/data-words";
import { type Amounts, useAmounts, useT } from "../i18n/I18nProvider";
import { openItems } from "../settlement/ledger";
import { dateSerialOf, typedAmountError } from "../settlement/wizard-reducer";
import { useScreenStyles } from "./styles";

function creditLabel(c: Transaction, a: Amounts, words: DataWords): string {
  return [c.voucher, words.type(c.type), ...(c.dateSerial !== undefined ? [a.date(c.dateSerial)] : []), a.format(c.amountMinor, c.currency)].join(" · ");
}

/** 2. Payment: an open payment or credit note of the customer, or a payment typed in; and the settlement date. */
export function SettlementPayment({ s }: { s: Settlement }): React.JSX.Element | null {
  const t = useT();
  const words = useDataWords();
  const amounts = useAmounts();
  const styles = useScreenStyles();
  const select = useSelectStyles();
  const { error } = useErrorText();
  const { state, dispatch } = s;
  if (state.ledger === undefined || state.customer === "") return null;
  const { credits } = openItems(state.ledger, state.customer);
  const p = state.payment;
  // The amount field's errors: as typed (live), then what the last proposal said about it.
  const amountErrors = [typedAmountError(state, amounts.parse), ...state.proposalErrors.filter((e) => e.column === "Amount")]
    .flatMap((e) => (e === undefined ? [] : [error(e, { text: p.kind === "typed" ? p.amount : "" })]))
    .filter((m, i, all) => all.indexOf(m) === i);
  const fieldErrors = (column: string): string[] => state.proposalErrors.filter((e) => e.column === column).map((e) => error(e, { text: p.kind === "typed" ? p.currency : "" }));
  const legend = t("settle.step.payment");
  return (
    <fieldset className={styles.step} aria-label={legend}>
      <legend className={styles.legend}>{legend}</legend>
      <Field label={t("settle.paymentSource")}>
        <RadioGroup value={p.kind} onChange={(_, d) => dispatch({ type: "paymentKindChosen", kind: d.value === "row" ? "row" : "typed" })}>
          <Radio value="row" label={t("settle.source.row")} disabled={credits.length === 0} />
          <Radio value="typed" label={t("settle.source.typed")} />
        </RadioGroup>
      </Field>
      {p.kind === "row" ? (
        <Field label={t("settle.payment")} validationState={fieldErrors("Payment").length > 0 ? "error" : "none"} validationMessage={fieldMessage(fieldErrors("Payment"))}>
          <Select root={{ className: select.root }} className={select.select} value={p.voucher} onChange={(_, d) => dispatch({ type: "paymentRowChosen", voucher: d.value })}>
            {credits.map((c) => (
              <option key={c.voucher} value={c.voucher}>{creditLabel(c, amounts, words)}</option>
            ))}
          </Select>
        </Field>
      ) : (
        <>
          <Field label={t("settle.amount")} hint={t("common.amountHint", { currency: p.currency || "-" })} validationState={amountErrors.length > 0 ? "error" : "none"} validationMessage={fieldMessage(amountErrors)}>
            <Input inputMode="decimal" value={p.amount} onChange={(_, d) => dispatch({ type: "typedPaymentChanged", patch: { amount: d.value } })} />
          </Field>
          <Field label={t("settle.currency")} validationState={fieldErrors("Currency").length > 0 ? "error" : "none"} validationMessage={fieldMessage(fieldErrors("Currency"))}>
            <Input value={p.currency} onChange={(_, d) => dispatch({ type: "typedPaymentChanged", patch: { currency: d.value } })} />
          </Field>
          <Field label={t("settle.voucher")} validationState={fieldErrors("Voucher").length > 0 ? "error" : "none"} validationMessage={fieldMessage(fieldErrors("Voucher"))}>
            <Input value={p.voucher} onChange={(_, d) => dispatch({ type: "typedPaymentChanged", patch: { voucher: d.value } })} />
          </Field>
        </>
      )}
      <Field label={t("settle.date")} validationState={dateSerialOf(state) === undefined ? "error" : "none"} validationMessage={dateSerialOf(state) === undefined ? t("settle.dateMissing") : null}>
        <Input type="date" value={state.dateText} onChange={(_, d) => dispatch({ type: "dateTyped", text: d.value })} />
      </Field>
    </fieldset>
  );
}
