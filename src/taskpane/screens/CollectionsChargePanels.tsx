import { Body1, Button, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import type { ChargeCorrectionKind, InterestNote, LetterDue } from "../../domain/collections";
import { chargesOf, correctionPreview, interestPreview, letterPreview, postCorrection, postInterest, postLetter } from "../collections/actions";
import { type CollectText, useCollectText } from "../collections/text";
import type { CustomerRow } from "../collections/worklist";
import { ConfirmButton } from "../components/ConfirmButton";
import type { Collections } from "../hooks/use-collections";
import { useCollectionsStyles } from "./collections-styles";
import { SectionStatus } from "./SectionStatus";

/** Preview the collection letter due today, then post it with its fee. */
export function LetterPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const { t } = x;
  const [due, setDue] = React.useState<readonly LetterDue[] | undefined>(undefined);
  const ws = c.workspace;
  if (ws === undefined) return null;
  const preview = (): void => setDue(c.check("letter", letterPreview(ws, row.customer, c.todaySerial)));
  const post = (): void => {
    const letter = due?.[0];
    if (letter === undefined) return;
    void c.perform("letter", t("collect.phase.letter"), (g, control) => postLetter(g, ws, letter, c.todaySerial, control), (r) => {
      setDue(undefined);
      return r.feeJournalId === undefined ? t("collect.letterPosted", { id: r.letterId }) : t("collect.letterPostedFee", { id: r.letterId, fee: r.feeJournalId });
    });
  };
  return (
    <form noValidate className={s.fieldset} aria-label={t("collect.letterSection")} onSubmit={(e) => { e.preventDefault(); if (due === undefined || due.length === 0) preview(); else post(); }}>
      <Button type="button" onClick={preview} disabled={c.task.state.running}>{t("collect.previewLetter")}</Button>
      {due !== undefined && (due.length === 0 ? <Body1>{t("collect.noLetterDue")}</Body1> : (
        <>
          <ul className={s.list} aria-label={t("collect.letterSection")}>
            {due.map((d) => <li key={`${d.currency}${d.code}`} className={s.listItem}>{t("collect.letterLine", { code: d.code, level: d.level, currency: d.currency, overdue: x.money(d.overdueMinor, d.currency), fee: x.money(d.feeMinor, d.currency) })}<br />{t("collect.letterBasis", { days: d.basis.days, graceDays: d.basis.graceDays, sinceLevel: d.basis.sinceLevel ?? "none" })}</li>)}
          </ul>
          <Button type="submit" appearance="primary" disabled={c.task.state.running}>{t("collect.postLetter")}</Button>
        </>
      ))}
      <SectionStatus c={c} id="letter" />
    </form>
  );
}

/** Preview the interest note due today, then post it in the Interest journal. */
export function InterestPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const { t } = x;
  const [notes, setNotes] = React.useState<readonly InterestNote[] | undefined>(undefined);
  const ws = c.workspace;
  if (ws === undefined) return null;
  const preview = (): void => setNotes(c.check("interest", interestPreview(ws, row.customer, c.todaySerial)));
  const post = (): void => {
    const note = notes?.[0];
    if (note === undefined) return;
    void c.perform("interest", t("collect.phase.interest"), (g, control) => postInterest(g, note, control), () => {
      setNotes(undefined);
      return t("collect.interestPosted", { id: note.journalId });
    });
  };
  return (
    <form noValidate className={s.fieldset} aria-label={t("collect.interestSection")} onSubmit={(e) => { e.preventDefault(); if (notes === undefined || notes.length === 0) preview(); else post(); }}>
      <Button type="button" onClick={preview} disabled={c.task.state.running}>{t("collect.previewInterest")}</Button>
      {notes !== undefined && (notes.length === 0 ? <Body1>{t("collect.noInterest")}</Body1> : (
        <>
          {notes.map((n) => (
            <section key={n.journalId} aria-label={t("collect.interestTotal", { id: n.journalId, amount: x.money(n.totalMinor, n.currency) })}>
              <Body1 block>{t("collect.interestTotal", { id: n.journalId, amount: x.money(n.totalMinor, n.currency) })}</Body1>
              <ul className={s.list}>
                {n.lines.map((l) => <li key={l.voucher} className={s.listItem}>{t("collect.interestLine", { voucher: l.voucher, days: l.days, rate: l.ratePct, amount: x.money(l.interestMinor, n.currency) })}</li>)}
              </ul>
            </section>
          ))}
          <Button type="submit" appearance="primary" disabled={c.task.state.running}>{t("collect.postInterest")}</Button>
        </>
      ))}
      <SectionStatus c={c} id="interest" />
    </form>
  );
}

/** One posted charge: its kind, journal, date, amount and the corrections posted on it. */
function chargeLine(x: CollectText, ch: ReturnType<typeof chargesOf>[number]): string {
  const kind = x.t(ch.kind === "Fee" ? "collect.chargeKind.Fee" : "collect.chargeKind.Interest");
  const values = { kind, id: ch.journalId, date: x.date(ch.dateSerial), amount: x.money(ch.amountMinor, ch.currency) };
  if (ch.corrections.length === 0) return x.t("collect.chargeLine", values);
  return x.t("collect.chargeLineCorrected", { ...values, corrections: ch.corrections.map((k) => x.t(`collect.correction.${k.kind}`)).join(", ") });
}

/** Posted interest notes and fees, each with waive, reinstate and reverse (reverse asks first). */
export function ChargesPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const { t } = x;
  const [reason, setReason] = React.useState("");
  const ws = c.workspace;
  if (ws === undefined) return null;
  const charges = chargesOf(ws, row.customer);
  const errors = c.section === "charges" ? [...c.task.state.errors, ...c.previewErrors] : [];
  const correct = (journalId: string, kind: ChargeCorrectionKind): void => {
    const p = c.check("charges", correctionPreview(ws, journalId, kind, c.todaySerial, reason));
    if (p === undefined) return;
    void c.perform("charges", t(`collect.phase.${kind}`), (g, control) => postCorrection(g, p, control), () => {
      setReason("");
      return t(`collect.corrected.${kind}`, { id: p.journalId });
    });
  };
  return (
    <div className={s.fieldset}>
      <Field label={t("collect.reason")} required validationMessage={x.fieldErrors(errors, "reason")}>
        <Input value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      {charges.length === 0 ? <Body1>{t("collect.noCharges")}</Body1> : (
        <ul className={s.list} aria-label={t("collect.chargesSection")}>
          {charges.map((ch) => (
            <li key={ch.journalId} className={s.listItem}>
              <Body1 block>{chargeLine(x, ch)}</Body1>
              <div className={s.row}>
                <Button size="small" disabled={c.task.state.running} onClick={() => correct(ch.journalId, "Waive")}>{t("collect.waive", { id: ch.journalId })}</Button>
                <Button size="small" disabled={c.task.state.running} onClick={() => correct(ch.journalId, "Reinstate")}>{t("collect.reinstate", { id: ch.journalId })}</Button>
                <ConfirmButton size="small" appearance="secondary" label={t("collect.reverse", { id: ch.journalId })} title={t("collect.reverseTitle")} body={t("collect.reverseBody", { id: ch.journalId })} cancelLabel={t("collect.cancel")} disabled={c.task.state.running} onConfirm={() => correct(ch.journalId, "Reverse")} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <SectionStatus c={c} id="charges" />
    </div>
  );
}
