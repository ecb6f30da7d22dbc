import { Body1, Button, Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import type { NsfResult } from "../../domain/collections";
import type { WriteOffProposal } from "../../domain/collections/writeoff";
import { nsfPreview, openItemsOf, postNsf } from "../collections/actions";
import { useCollectText } from "../collections/text";
import type { CustomerRow } from "../collections/worklist";
import { ConfirmButton } from "../components/ConfirmButton";
import type { Collections } from "../hooks/use-collections";
import { postWriteOff, proposal } from "../writeoff/writeoff";
import { useCollectionsStyles } from "./collections-styles";
import { SectionStatus } from "./SectionStatus";

/** Cancel a bounced payment: pick it, a reason and a fee, preview, confirm, post. */
export function NsfPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const { t } = x;
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
    // The fee is typed in the user's convention and the payment's currency; ambiguous text is refused.
    const fee = feeText.trim() === "" ? undefined : x.amounts.parse(feeText, payment.currency);
    if (fee !== undefined && !fee.ok) {
      setPreview(c.check("nsf", { ok: false, errors: [{ ...fee.error, code: "fee_must_be_an_amount", message: x.amountError(fee.error, feeText), column: "Fee" }] }));
      return;
    }
    setPreview(c.check("nsf", nsfPreview(ws, { customer: row.customer, voucher, dateSerial: c.todaySerial, reason, ...(fee !== undefined ? { charge: { kind: "fixed", amountMinor: fee.minor } } : {}) })));
  };
  const post = (): void => {
    if (preview === undefined) return;
    void c.perform("nsf", t("collect.phase.nsf"), (g, control) => postNsf(g, ws, preview, control), () => {
      setPreview(undefined);
      setReason("");
      setFeeText("");
      return t("collect.nsfPosted", { id: preview.cancellation.journalId });
    });
  };
  const feeLine = preview?.fee?.lines.find((l) => l.accountType === "Customer");
  const reopened = preview?.changes.filter((ch) => ch.voucher !== voucher).length ?? 0;
  return (
    <form noValidate className={s.fieldset} aria-label={t("collect.nsfSection")} onSubmit={(e) => { e.preventDefault(); makePreview(); }}>
      <Field label={t("collect.payment")} validationMessage={x.fieldErrors(errors, "voucher", "Type", "Amount")}>
        <Select className={s.select} value={voucher} onChange={(_, d) => { setVoucher(d.value); setPreview(undefined); }}>
          {payments.length === 0 && <option value="">{t("collect.choosePayment")}</option>}
          {payments.map((p) => <option key={p.voucher} value={p.voucher}>{`${p.voucher} · ${x.money(p.amountMinor, p.currency)}`}</option>)}
        </Select>
      </Field>
      <Field label={t("collect.reason")} required validationMessage={x.fieldErrors(errors, "reason")}>
        <Input value={reason} onChange={(_, d) => { setReason(d.value); setPreview(undefined); }} />
      </Field>
      <Field label={t("collect.nsfFee")} hint={t("collect.nsfFeeHint")} validationMessage={x.fieldErrors(errors, "Fee")}>
        <Input inputMode="decimal" value={feeText} onChange={(_, d) => { setFeeText(d.value); setPreview(undefined); }} />
      </Field>
      <Button type="submit" disabled={c.task.state.running || payment === undefined}>{t("collect.previewNsf")}</Button>
      {preview !== undefined && (
        <>
          <Body1>{feeLine === undefined
            ? t("collect.nsfLine", { payment: voucher, count: reopened })
            : t("collect.nsfLineFee", { payment: voucher, count: reopened, fee: x.money(feeLine.amountMinor, feeLine.currency) })}</Body1>
          <ConfirmButton label={t("collect.postNsf")} title={t("collect.nsfTitle")} body={t("collect.nsfBody", { voucher })} cancelLabel={t("collect.cancel")} disabled={c.task.state.running} onConfirm={post} />
        </>
      )}
      <SectionStatus c={c} id="nsf" />
    </form>
  );
}

/** Write off every open item of the customer with a reason code: preview, confirm, post. */
export function WriteOffPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const { t } = x;
  const ws = c.workspace;
  const [reason, setReason] = React.useState("");
  const [preview, setPreview] = React.useState<WriteOffProposal | undefined>(undefined);
  if (ws === undefined) return null;
  const items = openItemsOf(ws, row.customer);
  const errors = c.section === "writeoff" ? [...c.task.state.errors, ...c.previewErrors] : [];
  const makePreview = (): void => setPreview(c.check("writeoff", proposal(ws.ledger, { customer: row.customer, vouchers: items.map((t) => t.voucher), reason, dateSerial: c.todaySerial, separateSalesTax: false })));
  const post = (): void => {
    if (preview === undefined) return;
    void c.perform("writeoff", t("collect.phase.writeOff"), (g, control) => postWriteOff(g, ws.ledger, preview, control), () => {
      setPreview(undefined);
      setReason("");
      return t("collect.writeOffPosted", { id: preview.journalId });
    });
  };
  const net = preview?.items.reduce((a, i) => a + i.amountMinor, 0) ?? 0;
  return (
    <form noValidate className={s.fieldset} aria-label={t("collect.writeOffSection")} onSubmit={(e) => { e.preventDefault(); makePreview(); }}>
      <Field label={t("collect.reason")} required validationMessage={x.fieldErrors(errors, "reason")}>
        <Input value={reason} onChange={(_, d) => { setReason(d.value); setPreview(undefined); }} />
      </Field>
      <Button type="submit" disabled={c.task.state.running || items.length === 0}>{t("collect.previewWriteOff")}</Button>
      {preview !== undefined && (
        <>
          <Body1>{t("collect.writeOffLine", { count: preview.items.length, amount: x.money(net, preview.items[0]?.currency ?? row.currency) })}</Body1>
          <ConfirmButton label={t("collect.postWriteOff")} title={t("collect.writeOffTitle")} body={t("collect.writeOffBody", { count: preview.items.length })} cancelLabel={t("collect.cancel")} disabled={c.task.state.running} onConfirm={post} />
        </>
      )}
      <SectionStatus c={c} id="writeoff" />
    </form>
  );
}
