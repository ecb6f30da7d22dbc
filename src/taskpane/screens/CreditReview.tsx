import { Body1, Button, Caption1, Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { money } from "../_lib/format";
import { TaskStatus } from "../components/TaskStatus";
import { useCreditReview } from "../hooks/use-credit-review";
import { selectStyle, stack } from "./styles";

/** Credit review: check the Orders table, then release, reject or force-hold with a reason. */
export function CreditReview({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const c = useCreditReview(todaySerial);
  const [asOf, setAsOf] = React.useState(inputFromSerial(todaySerial));
  const [forceOrder, setForceOrder] = React.useState("");
  const busy = c.task.state.running;
  return (
    <div className="cc-screen" style={stack}>
      <Field label="As-of date" validationState={c.asOfSerial === undefined ? "error" : "none"} validationMessage={c.asOfSerial === undefined ? "Enter a date" : null}>
        <Input type="date" value={asOf} onChange={(_, d) => { setAsOf(d.value); c.setAsOfSerial(serialFromInput(d.value)); }} />
      </Field>
      <Field label="Accounting currency">
        <Input value={c.accountingCurrency} onChange={(_, d) => c.setAccountingCurrency(d.value.toUpperCase())} />
      </Field>
      <Button appearance="primary" onClick={() => void c.run()} disabled={busy || c.asOfSerial === undefined}>Run credit check</Button>
      <TaskStatus state={c.task.state} onCancel={c.task.cancel} />
      {c.review !== undefined && (
        <>
          <Field label="Reason for the action" hint="Required to release, reject or force a hold">
            <Input value={c.reason} onChange={(_, d) => c.setReason(d.value)} />
          </Field>
          <section aria-label="Held orders">
            <h3 style={{ fontSize: 14, margin: "4px 0" }}>Held orders ({c.review.holds.length})</h3>
            <ul style={{ ...stack, listStyle: "none", margin: 0, padding: 0 }}>
              {c.review.holds.map((h) => (
                <li key={h.order} aria-label={`Order ${h.order}`} style={{ borderBottom: "1px solid #e0e0e0", paddingBottom: 6 }}>
                  <Body1 block><strong>{h.order}</strong> · {h.customer} · {money(h.amountMinor, h.currency)}</Body1>
                  <Caption1 block>Reasons: {h.reasons.join(", ") || "none"}{h.forced ? " (manual hold)" : ""}</Caption1>
                  <div style={{ display: "flex", flexWrap: "wrap", gap: 4, marginTop: 4 }}>
                    <Button size="small" disabled={busy} onClick={() => void c.perform(h, "Release")} aria-label={`Release ${h.order}`}>Release</Button>
                    <Button size="small" disabled={busy} onClick={() => void c.perform(h, "ReleaseWithPosting")} aria-label={`Release ${h.order} with posting`}>Release + post</Button>
                    <Button size="small" disabled={busy} onClick={() => void c.perform(h, "Reject")} aria-label={`Reject ${h.order}`}>Reject</Button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <Field label="Force a hold on an order that passed">
            <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={forceOrder} onChange={(_, d) => setForceOrder(d.value)}>
              <option value="">Choose an order</option>
              {c.review.passed.map((p) => (
                <option key={p.order} value={p.order}>{p.order} · {p.customer} · {money(p.amountMinor, p.currency)}</option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={busy || forceOrder === ""}
            onClick={() => {
              const p = c.review?.passed.find((x) => x.order === forceOrder);
              if (p !== undefined) void c.perform(p, "ForceHold").then(() => setForceOrder(""));
            }}
          >
            Force hold
          </Button>
        </>
      )}
    </div>
  );
}
