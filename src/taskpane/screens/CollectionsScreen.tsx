import { Button, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import { useCollectText } from "../collections/text";
import { TaskStatus } from "../components/TaskStatus";
import { useCollections } from "../hooks/use-collections";
import { useCollectionsStyles } from "./collections-styles";
import { CustomerDetail } from "./CustomerDetail";
import { CustomerList } from "./CustomerList";

export interface CollectionsScreenProps {
  readonly todaySerial: number;
  /** Opens the settlement wizard on a customer. */
  readonly onSettle?: (customer: string) => void;
}

/** The collections workspace: the customer list by pool and agent, then one customer's detail and actions. */
export function CollectionsScreen({ todaySerial, onSettle }: CollectionsScreenProps): React.JSX.Element {
  const c = useCollections(todaySerial);
  const s = useCollectionsStyles();
  const { t } = useCollectText();
  const busy = c.task.state.running;
  const selected = c.workspace?.worklist.rows.find((r) => r.customer === c.list.selected);
  return (
    <div className={`cc-screen ${s.stack}`}>
      {selected === undefined && (
        <form noValidate className={s.stack} aria-label={t("collect.screen")} onSubmit={(e) => { e.preventDefault(); void c.load(); }}>
          <Field label={t("collect.accountingCurrency")}>
            <Input value={c.accountingCurrency} placeholder={t("common.fromLedger")} onChange={(_, d) => c.setAccountingCurrency(d.value.toUpperCase())} />
          </Field>
          <Button type="submit" appearance={c.workspace === undefined ? "primary" : "secondary"} disabled={busy}>{c.workspace === undefined ? t("collect.load") : t("collect.reload")}</Button>
        </form>
      )}
      {c.section === "" && <TaskStatus state={c.task.state} onCancel={c.task.cancel} />}
      {c.workspace !== undefined && selected === undefined && <CustomerList c={c} />}
      {c.workspace !== undefined && selected !== undefined && <CustomerDetail c={c} row={selected} {...(onSettle !== undefined ? { onSettle } : {})} />}
    </div>
  );
}
