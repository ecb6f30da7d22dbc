import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import * as React from "react";
import { CustomerSelect } from "../components/CustomerSelect";
import { TableSelect } from "../components/TableSelect";
import { useTableNames } from "../hooks/gateway-context";
import type { Settlement } from "../hooks/use-settlement";
import { useT } from "../i18n/I18nProvider";
import { openCustomers } from "../settlement/ledger";
import { useScreenStyles } from "./styles";

/** 1. Choose: the ledger table, loading it, and the customer (or the payment row selected in the sheet). */
export function SettlementChoose({ s }: { s: Settlement }): React.JSX.Element {
  const t = useT();
  const styles = useScreenStyles();
  const { names } = useTableNames();
  const { state, dispatch, task } = s;
  const busy = task.state.running;
  const customers = React.useMemo(() => (state.ledger === undefined ? [] : openCustomers(state.ledger)), [state.ledger]);
  const legend = t("settle.step.choose");
  return (
    <fieldset className={styles.step} aria-label={legend}>
      <legend className={styles.legend}>{legend}</legend>
      <TableSelect label={t("common.ledger.table")} value={state.table} names={names} onChange={(table) => dispatch({ type: "tableChosen", table })} />
      <Button onClick={() => void s.load()} disabled={busy}>{state.ledger === undefined ? t("common.ledger.load") : t("common.ledger.reload")}</Button>
      {state.ledger !== undefined && <Button onClick={() => void s.pickSelected()} disabled={busy}>{t("settle.useSelected")}</Button>}
      {state.ledger !== undefined && (
        <CustomerSelect value={state.customer} customers={customers} hint={t("settle.customerHint", { count: customers.length })} onChange={(customer) => dispatch({ type: "customerChosen", customer })} />
      )}
      {state.missingCustomer !== undefined && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{t("settle.missingCustomer", { customer: state.missingCustomer, table: state.table })}</MessageBarBody>
        </MessageBar>
      )}
    </fieldset>
  );
}
