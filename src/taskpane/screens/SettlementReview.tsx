import { Body1, Button, Caption1, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import { currencyExponent, minorToNumber } from "../../domain/money";
import type { Proposal } from "../../domain/settlement/types";
import { inputFromSerial } from "../_lib/dates";
import { money } from "../_lib/format";
import { stack } from "./styles";

export interface ReviewProps {
  readonly proposal: Proposal;
  readonly edits: ReadonlyMap<string, string>;
  readonly editErrors: ReadonlyMap<string, string>;
  readonly onEdit: (voucher: string, text: string) => void;
  readonly onPost: () => void;
  readonly busy: boolean;
}

/** 4. Review: one card per open item with an editable amount to settle, then the totals. */
export function SettlementReview({ proposal, edits, editErrors, onEdit, onPost, busy }: ReviewProps): React.JSX.Element {
  const c = proposal.credit;
  const settled = proposal.lines.reduce((a, l) => a + l.creditUsedMinor, 0);
  const discount = proposal.lines.reduce((a, l) => a + l.discountMinor, 0);
  const difference = proposal.lines.reduce((a, l) => a + l.differenceMinor, 0) + proposal.creditDifferenceMinor;
  return (
    <section aria-label="4. Review" style={stack}>
      <h3 style={{ fontSize: 14, margin: 0 }}>4. Review</h3>
      <ul style={{ ...stack, listStyle: "none", margin: 0, padding: 0 }} aria-label="Open items">
        {proposal.lines.map((l) => {
          const v = l.item.voucher;
          const e = currencyExponent(l.item.currency) ?? 2;
          const error = editErrors.get(v);
          return (
            <li key={v} style={{ borderBottom: "1px solid #e0e0e0", paddingBottom: 6 }}>
              <Body1 block><strong>{v}</strong> · {l.item.type}{l.item.dueSerial !== undefined ? ` · due ${inputFromSerial(l.item.dueSerial)}` : ""}</Body1>
              <Field
                label={`Amount to settle on ${v} (open ${money(l.openMinor, l.item.currency)})`}
                validationState={error === undefined ? "none" : "error"}
                validationMessage={error ?? null}
              >
                <Input inputMode="decimal" value={edits.get(v) ?? minorToNumber(l.amountToSettleMinor, e).toFixed(Math.max(0, e))} onChange={(_, d) => onEdit(v, d.value)} />
              </Field>
              <Caption1>Discount {money(l.discountMinor, l.item.currency)} · Difference {money(l.differenceMinor, l.item.currency)} · Balance {money(l.balanceMinor, l.item.currency)}</Caption1>
            </li>
          );
        })}
      </ul>
      <dl aria-label="Totals" style={{ display: "grid", gridTemplateColumns: "auto auto", gap: "2px 12px", margin: 0 }}>
        <dt>Payment</dt><dd style={{ margin: 0, textAlign: "right" }}>{c.voucher} {money(-c.amountMinor, c.currency)}</dd>
        <dt>Settled</dt><dd style={{ margin: 0, textAlign: "right" }}>{money(settled, c.currency)}</dd>
        <dt>Cash discount</dt><dd style={{ margin: 0, textAlign: "right" }}>{money(discount, c.currency)}</dd>
        <dt>Differences</dt><dd style={{ margin: 0, textAlign: "right" }}>{money(difference, c.currency)}</dd>
        <dt>Unapplied remainder</dt><dd style={{ margin: 0, textAlign: "right" }} aria-label="Unapplied remainder">{money(proposal.unappliedMinor, c.currency)}</dd>
      </dl>
      <Button appearance="primary" onClick={onPost} disabled={busy || editErrors.size > 0 || settled === 0}>Post settlement</Button>
    </section>
  );
}
