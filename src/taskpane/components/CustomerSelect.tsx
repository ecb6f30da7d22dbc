import { Field, Select } from "@fluentui/react-components";
import * as React from "react";
import { useT } from "../i18n/I18nProvider";
import { useSelectStyles } from "./TableSelect";

/** Picks one customer of a loaded ledger; blank = none chosen yet. */
export function CustomerSelect({ value, customers, onChange, hint }: { value: string; customers: readonly string[]; onChange: (customer: string) => void; hint?: string }): React.JSX.Element {
  const t = useT();
  const select = useSelectStyles();
  return (
    <Field label={t("common.customer")} {...(hint !== undefined ? { hint } : {})}>
      <Select root={{ className: select.root }} className={select.select} value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{t("common.chooseCustomer")}</option>
        {customers.map((c) => (
          <option key={c} value={c}>{c}</option>
        ))}
      </Select>
    </Field>
  );
}
