import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, tokens } from "@fluentui/react-components";
import * as React from "react";
import { describeError } from "../../domain/errors";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { money } from "../_lib/format";
import { TableSelect } from "../components/TableSelect";
import { ConfirmButton } from "../components/ConfirmButton";
import { TaskStatus } from "../components/TaskStatus";
import { useTableNames } from "../hooks/gateway-context";
import { useWriteOff } from "../hooks/use-writeoff";
import { openCustomers } from "../settlement/ledger";
import { selectStyle, stack } from "./styles";

const useStyles = makeStyles({
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** An error as a sentence: capitalised, ending with a full stop. */
function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** Write-off: pick a customer and items, a reason code, preview the journal lines, post them. */
export function WriteOffScreen({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const w = useWriteOff(todaySerial);
  const styles = useStyles();
  const { names } = useTableNames();
  const [date, setDate] = React.useState(inputFromSerial(todaySerial));
  const customers = React.useMemo(() => (w.ledger === undefined ? [] : openCustomers(w.ledger)), [w.ledger]);
  const items = w.ledger === undefined || w.customer === "" ? [] : [...(w.ledger.byVoucher.get(w.customer)?.values() ?? [])].filter((t) => t.amountMinor !== 0);
  const busy = w.task.state.running;
  return (
    <div className="cc-screen" style={stack}>
      <TableSelect label="Transactions table" value={w.table} names={names} onChange={w.setTable} />
      <Button onClick={() => void w.load()} disabled={busy}>{w.ledger === undefined ? "Load ledger" : "Reload ledger"}</Button>
      {w.ledger !== undefined && (
        <Field label="Customer">
          <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={w.customer} onChange={(_, d) => w.setCustomer(d.value)}>
            <option value="">Choose a customer</option>
            {customers.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </Select>
        </Field>
      )}
      {items.length > 0 && (
        <fieldset style={{ border: "none", margin: 0, padding: 0 }}>
          <legend style={{ fontWeight: 600 }}>Items to write off</legend>
          {items.map((t) => (
            <Checkbox key={t.voucher} checked={w.selected.has(t.voucher)} onChange={(_, d) => w.toggle(t.voucher, d.checked === true)} label={`${t.voucher} · ${t.type} · ${money(t.amountMinor, t.currency)}`} />
          ))}
        </fieldset>
      )}
      {w.customer !== "" && (
        <form noValidate className={styles.form} aria-label="Write-off details" onSubmit={(e) => { e.preventDefault(); if (!busy && w.selected.size > 0 && w.dateSerial !== undefined) w.makePreview(); }}>
          <Field label="Reason code" required validationState={w.errors.some((e) => e.code === "reason_must_not_be_blank") ? "error" : "none"} validationMessage={w.errors.some((e) => e.code === "reason_must_not_be_blank") ? "A write-off needs a reason code" : null}>
            <Input value={w.reason} onChange={(_, d) => w.setReason(d.value)} />
          </Field>
          <Field label="Date">
            <Input type="date" value={date} onChange={(_, d) => { setDate(d.value); w.setDateSerial(serialFromInput(d.value)); }} />
          </Field>
          <Checkbox label="Separate sales tax" checked={w.separateSalesTax} onChange={(_, d) => w.setSeparateSalesTax(d.checked === true)} />
          <Button type="submit" disabled={busy || w.selected.size === 0 || w.dateSerial === undefined}>Preview journal</Button>
        </form>
      )}
      {w.errors.length > 0 && w.errors.some((e) => e.code !== "reason_must_not_be_blank") && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <ul className={styles.errors}>
              {w.errors.filter((e) => e.code !== "reason_must_not_be_blank").map((e, i) => <li key={i}>{sentence(describeError(e))}</li>)}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {w.preview !== undefined && (
        <section aria-label="Journal preview" style={stack}>
          <h3 style={{ fontSize: 14, margin: 0 }}>Journal {w.preview.journalId}</h3>
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {w.preview.lines.map((l) => (
              <li key={l.lineNumber} style={{ borderBottom: "1px solid #e0e0e0", padding: "2px 0" }}>
                <Body1 block>{l.lineType} · {l.account || l.customer}{l.dimension !== "" ? ` · ${l.dimension}` : ""}</Body1>
                <Caption1>{l.amountMinor >= 0 ? "Debit" : "Credit"} {money(Math.abs(l.amountMinor), l.currency)} · {l.reason}</Caption1>
              </li>
            ))}
          </ul>
          <ConfirmButton
            label="Post write-off"
            title="Write off these items?"
            body={`${w.preview.items.length} open items of ${w.customer} will be closed by journal ${w.preview.journalId}. It cannot be undone by a click.`}
            onConfirm={() => void w.post()}
            disabled={busy}
          />
        </section>
      )}
      <TaskStatus state={w.task.state} onCancel={w.task.cancel} />
    </div>
  );
}
