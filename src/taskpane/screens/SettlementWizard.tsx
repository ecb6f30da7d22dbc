import { mergeClasses } from "@fluentui/react-components";
import * as React from "react";
import { TaskStatus } from "../components/TaskStatus";
import { useSettlement } from "../hooks/use-settlement";
import { PostedSettlements } from "./PostedSettlements";
import { SettlementChoose } from "./SettlementChoose";
import { SettlementMethod } from "./SettlementMethod";
import { SettlementPayment } from "./SettlementPayment";
import { SettlementReview } from "./SettlementReview";
import { useScreenStyles } from "./styles";

export interface SettlementWizardProps {
  readonly todaySerial: number;
  /** Open on this customer (Collections -> Settle): the ledger is loaded and the customer chosen. */
  readonly initialCustomer?: string;
}

/**
 * Settlement wizard (collectors), one component per step: Choose, Payment and Method (one form:
 * Enter proposes), Review with editable amounts and Post, Posted settlements with Unapply. The
 * state is the pure reducer of settlement/wizard-reducer.ts behind hooks/use-settlement.ts.
 */
export function SettlementWizard({ todaySerial, initialCustomer }: SettlementWizardProps): React.JSX.Element {
  const s = useSettlement(todaySerial, initialCustomer);
  const styles = useScreenStyles();
  return (
    <div className={mergeClasses("cc-screen", styles.stack)}>
      <SettlementChoose s={s} />
      <form
        noValidate
        className={styles.stack}
        onSubmit={(e) => {
          e.preventDefault();
          s.makeProposal();
        }}
      >
        <SettlementPayment s={s} />
        <SettlementMethod s={s} />
      </form>
      <SettlementReview s={s} />
      <TaskStatus state={s.task.state} onCancel={s.task.cancel} values={s.notice?.values} />
      <PostedSettlements s={s} />
    </div>
  );
}
