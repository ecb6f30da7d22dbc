import { Body1, Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import type { NsfResult } from "../../domain/collections";
import type { WriteOffProposal } from "../../domain/collections/writeoff";
import { currencyExponent, parseMoney } from "../../domain/money";
import { money } from "../_lib/format";
import { nsfPreview, openItemsOf, postNsf } from "../collections/actions";
import { fieldErrors, M } from "../collections/messages";
import type { CustomerRow } from "../collections/worklist";
import { ConfirmButton } from "../components/ConfirmButton";
import type { Collections } from "../hooks/use-collections";
import { postWriteOff, proposal } from "../writeoff/writeoff";
import { useCollectionsStyles } from "./collections-styles";
import { SectionStatus } from "./SectionStatus";
import { Button } from "@fluentui/react-components";

/** Cancel a bounced payment: pick it, a reason and a fee, preview, confirm, post. */
export function NsfPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const ws = c.workspace;
  const payments = ws === undefined ? [] : openItemsOf(ws, row.customer).filter((t) => t.type === "Payment");
  const [voucher, setVoucher] = React.useState(payments[0]?.voucher ?? "");
  const [reason, setReason] = React.useState("");
  const [feeText, setFeeText] = React.useState("");
  const [preview, setPreview] = React.useState<NsfResult | undefined>(undefined);
  if (ws === undefined) return null;
  const payment = payments.find((p) => p.voucher === voucher);
  const errors = c.section === "nsf" ? [...c.task.state.errors, ...c.previewErrors] : [];
  const makePreview = (): void => {
    if (payment === undefined) return;
    const fee = feeText.trim() === "" ? undefined : parseMoney(feeText.trim(), currencyExponent(payment.currency) ?? 2);
    if (fee !== undefined && !fee.ok) {
      setPreview(c.check("nsf", { ok: false, errors: [{ code: "fee_must_be_an_amount", message: `'${feeText}' is not an amount: ${fee.reason}`, column: "Fee" }] }));
      return;
    }
    setPreview(c.check("nsf", nsfPreview(ws, { customer: row.customer, voucher, dateSerial: c.todaySerial, reason, ...(fee !== undefined ? { charge: { kind: "fixed", amountMinor: fee.minor } } : {}) })));
  };
  const post = (): void => {
    if (preview === undefined) return;
    void c.perform("nsf", "Posting the NSF", (g, control) => postNsf(g, ws, preview, control), () => {
      setPreview(undefined);
      setReason("");
      setFeeText("");
      return M.nsfPosted(preview.cancellation.journalId);
    });
  };
  const feeLine = preview?.fee?.lines.find((l) => l.accountType === "Customer");
  return (
    <form noValidate className={s.fieldset} aria-label={M.nsfSection} onSubmit={(e) => { e.preventDefault(); makePreview(); }}>
      <Field label={M.payment} validationMessage={fieldErrors(errors, "voucher", "Type", "Amount")}>
        <Select className={s.select} value={voucher} onChange={(_, d) => { setVoucher(d.value); setPreview(undefined); }}>
          {payments.length === 0 && <option value="">{M.choosePayment}</option>}
          {payments.map((p) => <option key={p.voucher} value={p.voucher}>{`${p.voucher} · ${money(p.amountMinor, p.currency)}`}</option>)}
        </Select>
      </Field>
      <Field label={M.reason} required validationMessage={fieldErrors(errors, "reason")}>
        <Input value={reason} onChange={(_, d) => { setReason(d.value); setPreview(undefined); }} />
      </Field>
      <Field label={M.nsfFee} hint={M.nsfFeeHint} validationMessage={fieldErrors(errors, "Fee")}>
        <Input inputMode="decimal" value={feeText} onChange={(_, d) => { setFeeText(d.value); setPreview(undefined); }} />
      </Field>
      <Button type="submit" disabled={c.task.state.running || payment === undefined}>{M.previewNsf}</Button>
      {preview !== undefined && (
        <>
          <Body1>{M.nsfLine(voucher, preview.changes.filter((x) => x.voucher !== voucher).length, feeLine === undefined ? undefined : money(feeLine.amountMinor, feeLine.currency))}</Body1>
          <ConfirmButton label={M.postNsf} title={M.nsfTitle} body={M.nsfBody(voucher)} disabled={c.task.state.running} onConfirm={post} />
        </>
      )}
      <SectionStatus c={c} id="nsf" />
    </form>
  );
}

/** Write off every open item of the customer with a reason code: preview, confirm, post. */
export function WriteOffPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const ws = c.workspace;
  const [reason, setReason] = React.useState("");
  const [preview, setPreview] = React.useState<WriteOffProposal | undefined>(undefined);
  if (ws === undefined) return null;
  const items = openItemsOf(ws, row.customer);
  const errors = c.section === "writeoff" ? [...c.task.state.errors, ...c.previewErrors] : [];
  const makePreview = (): void => setPreview(c.check("writeoff", proposal(ws.ledger, { customer: row.customer, vouchers: items.map((t) => t.voucher), reason, dateSerial: c.todaySerial, separateSalesTax: false })));
  const post = (): void => {
    if (preview === undefined) return;
    void c.perform("writeoff", "Posting the write-off", (g, control) => postWriteOff(g, ws.ledger, preview, control), () => {
      setPreview(undefined);
      setReason("");
      return M.writeOffPosted(preview.journalId);
    });
  };
  const net = preview?.items.reduce((a, i) => a + i.amountMinor, 0) ?? 0;
  return (
    <form noValidate className={s.fieldset} aria-label={M.writeOffSection} onSubmit={(e) => { e.preventDefault(); makePreview(); }}>
      <Field label={M.reason} required validationMessage={fieldErrors(errors, "reason")}>
        <Input value={reason} onChange={(_, d) => { setReason(d.value); setPreview(undefined); }} />
      </Field>
      <Button type="submit" disabled={c.task.state.running || items.length === 0}>{M.previewWriteOff}</Button>
      {preview !== undefined && (
        <>
          <Body1>{M.writeOffLine(preview.items.length, money(net, preview.items[0]?.currency ?? row.currency))}</Body1>
          <ConfirmButton label={M.postWriteOff} title={M.writeOffTitle} body={M.writeOffBody(preview.items.length)} disabled={c.task.state.running} onConfirm={post} />
        </>
      )}
      <SectionStatus c={c} id="writeoff" />
    </form>
  );
}
