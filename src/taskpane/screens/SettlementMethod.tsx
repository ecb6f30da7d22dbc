import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import * as React from "react";
import { DISCOUNT_ADMINISTRATION, type DiscountAdministration, USE_CASH_DISCOUNT, type UseCashDiscount } from "../../domain/settlement/types";
import { useErrorText } from "../components/error-text";
import { fieldMessage } from "../components/FieldErrors";
import { useSelectStyles } from "../components/TableSelect";
import type { Settlement } from "../hooks/use-settlement";
import { useAmounts, useT } from "../i18n/I18nProvider";
import type { MethodKind } from "../settlement/wizard";
import { paymentCurrency, readTolerances, TOLERANCE_KEYS, wizardInput } from "../settlement/wizard-reducer";
import { NotProposed } from "./NotProposed";
import { useScreenStyles } from "./styles";

const METHODS: readonly MethodKind[] = ["duedate", "priority", "manual"];
const FIELD_COLUMNS = new Set(["Amount", "Currency", "Voucher", "Payment"]);

/** 3. Method: how the payment is spread, the discount and tolerance options, then Propose. */
export function SettlementMethod({ s }: { s: Settlement }): React.JSX.Element | null {
  const t = useT();
  const { parse } = useAmounts();
  const styles = useScreenStyles();
  const select = useSelectStyles();
  const { error } = useErrorText();
  const { state, dispatch } = s;
  if (state.ledger === undefined || state.customer === "") return null;
  const currency = paymentCurrency(state);
  const tolerances = readTolerances(state, parse);
  const ready = wizardInput(state, parse) !== undefined;
  // Errors of the review's edits are shown in the review; these are the proposal's own.
  const others = state.proposal !== undefined ? [] : state.proposalErrors.filter((e) => e.column === undefined || !FIELD_COLUMNS.has(e.column));
  const legend = t("settle.step.method");
  return (
    <fieldset className={styles.step} aria-label={legend}>
      <legend className={styles.legend}>{legend}</legend>
      <Field label={t("settle.method")}>
        <RadioGroup value={state.method} onChange={(_, d) => dispatch({ type: "methodChosen", method: d.value as MethodKind })}>
          {METHODS.map((m) => (
            <Radio key={m} value={m} label={t(`settle.method.${m}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Checkbox label={t("settle.partialDiscount")} checked={state.options.partialDiscount === true} onChange={(_, d) => dispatch({ type: "optionsChanged", patch: { partialDiscount: d.checked === true } })} />
      {TOLERANCE_KEYS.map((key) => {
        const e = tolerances.errors[key];
        return (
          <Field
            key={key}
            label={t(key === "maxPennyDifferenceMinor" ? "settle.maxPenny" : "settle.maxOverUnder")}
            hint={t("common.amountHint", { currency: currency || "-" })}
            validationState={e !== undefined ? "error" : "none"}
            validationMessage={fieldMessage(e === undefined ? [] : [error(e, { text: state.tolerances[key] })])}
          >
            <Input inputMode="decimal" value={state.tolerances[key]} onChange={(_, d) => dispatch({ type: "toleranceTyped", key, text: d.value })} />
          </Field>
        );
      })}
      <Field label={t("settle.useCashDiscount")}>
        <Select root={{ className: select.root }} className={select.select} value={state.options.useCashDiscount ?? "Normal"} onChange={(_, d) => dispatch({ type: "optionsChanged", patch: { useCashDiscount: d.value as UseCashDiscount } })}>
          {USE_CASH_DISCOUNT.map((u) => (
            <option key={u} value={u}>{t(`settle.useCashDiscount.${u}`)}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("settle.discountAdministration")}>
        <Select root={{ className: select.root }} className={select.select} value={state.options.discountAdministration ?? "Specific"} onChange={(_, d) => dispatch({ type: "optionsChanged", patch: { discountAdministration: d.value as DiscountAdministration } })}>
          {DISCOUNT_ADMINISTRATION.map((u) => (
            <option key={u} value={u}>{t(`settle.discountAdministration.${u}`)}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("settle.accountingCurrency")}>
        <Input value={state.accountingCurrency} onChange={(_, d) => dispatch({ type: "accountingTyped", currency: d.value })} />
      </Field>
      <Button type="submit" appearance="primary" disabled={!ready}>{t("settle.propose")}</Button>
      <NotProposed errors={others} />
    </fieldset>
  );
}
