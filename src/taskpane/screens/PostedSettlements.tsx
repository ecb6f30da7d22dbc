import { Body1 } from "@fluentui/react-components";
import * as React from "react";
import type { JournalLine } from "../../domain/journal";
import { inputFromSerial } from "../_lib/dates";
import { ConfirmButton } from "../components/ConfirmButton";
import { unappliable } from "../settlement/wizard";

/** Posted settlements of the chosen customer, latest first, each with an Unapply button. */
export function PostedSettlements({ history, customer, onUnapply, busy }: { history: readonly JournalLine[]; customer: string; onUnapply: (journalId: string) => void; busy: boolean }): React.JSX.Element {
  const posted = unappliable(history, customer === "" ? undefined : customer);
  return (
    <section aria-label="Posted settlements">
      <h3 style={{ fontSize: 14, margin: "8px 0 4px" }}>Posted settlements</h3>
      {posted.length === 0 ? (
        <Body1>None{customer === "" ? "" : ` for ${customer}`}.</Body1>
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {posted.map((p) => (
            <li key={p.journalId} style={{ display: "flex", gap: 8, alignItems: "center", justifyContent: "space-between", padding: "4px 0" }}>
              <Body1>{p.journalId} · {inputFromSerial(p.dateSerial)} · {p.vouchers.slice(0, 3).join(", ")}{p.vouchers.length > 3 ? "…" : ""}</Body1>
              <ConfirmButton
                size="small"
                appearance="secondary"
                label="Unapply"
                ariaLabel={`Unapply ${p.journalId}`}
                title="Unapply this settlement?"
                body={`Unapplying ${p.journalId} appends reversing lines and reopens the amounts it closed. It cannot be undone by a click.`}
                onConfirm={() => onUnapply(p.journalId)}
                disabled={busy}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
