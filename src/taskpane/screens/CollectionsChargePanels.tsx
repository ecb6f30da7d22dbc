import { Body1, Button, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import type { ChargeCorrectionKind, InterestNote, LetterDue } from "../../domain/collections";
import { inputFromSerial } from "../_lib/dates";
import { money } from "../_lib/format";
import { chargesOf, correctionPreview, interestPreview, letterPreview, postCorrection, postInterest, postLetter } from "../collections/actions";
import { fieldErrors, M } from "../collections/messages";
import type { CustomerRow } from "../collections/worklist";
import { ConfirmButton } from "../components/ConfirmButton";
import type { Collections } from "../hooks/use-collections";
import { useCollectionsStyles } from "./collections-styles";
import { SectionStatus } from "./SectionStatus";

/** Preview the collection letter due today, then post it with its fee. */
export function LetterPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const [due, setDue] = React.useState<readonly LetterDue[] | undefined>(undefined);
  const ws = c.workspace;
  if (ws === undefined) return null;
  const preview = (): void => setDue(c.check("letter", letterPreview(ws, row.customer, c.todaySerial)));
  const post = (): void => {
    const letter = due?.[0];
    if (letter === undefined) return;
    void c.perform("letter", "Posting the letter", (g, control) => postLetter(g, ws, letter, c.todaySerial, control), (r) => {
      setDue(undefined);
      return M.letterPosted(r.letterId, r.feeJournalId);
    });
  };
  return (
    <form noValidate className={s.fieldset} aria-label={M.letterSection} onSubmit={(e) => { e.preventDefault(); if (due === undefined || due.length === 0) preview(); else post(); }}>
      <Button type="button" onClick={preview} disabled={c.task.state.running}>{M.previewLetter}</Button>
      {due !== undefined && (due.length === 0 ? <Body1>{M.noLetterDue}</Body1> : (
        <>
          <ul className={s.list} aria-label={M.letterSection}>
            {due.map((d) => <li key={`${d.currency}${d.code}`} className={s.listItem}>{M.letterLine(d.code, d.level, d.currency, money(d.overdueMinor, d.currency), money(d.feeMinor, d.currency))}<br />{d.reason}</li>)}
          </ul>
          <Button type="submit" appearance="primary" disabled={c.task.state.running}>{M.postLetter}</Button>
        </>
      ))}
      <SectionStatus c={c} id="letter" />
    </form>
  );
}

/** Preview the interest note due today, then post it in the Interest journal. */
export function InterestPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const [notes, setNotes] = React.useState<readonly InterestNote[] | undefined>(undefined);
  const ws = c.workspace;
  if (ws === undefined) return null;
  const preview = (): void => setNotes(c.check("interest", interestPreview(ws, row.customer, c.todaySerial)));
  const post = (): void => {
    const note = notes?.[0];
    if (note === undefined) return;
    void c.perform("interest", "Posting the interest note", (g, control) => postInterest(g, note, control), () => {
      setNotes(undefined);
      return M.interestPosted(note.journalId);
    });
  };
  return (
    <form noValidate className={s.fieldset} aria-label={M.interestSection} onSubmit={(e) => { e.preventDefault(); if (notes === undefined || notes.length === 0) preview(); else post(); }}>
      <Button type="button" onClick={preview} disabled={c.task.state.running}>{M.previewInterest}</Button>
      {notes !== undefined && (notes.length === 0 ? <Body1>{M.noInterest}</Body1> : (
        <>
          {notes.map((n) => (
            <section key={n.journalId} aria-label={M.interestTotal(n.journalId, money(n.totalMinor, n.currency))}>
              <Body1 block>{M.interestTotal(n.journalId, money(n.totalMinor, n.currency))}</Body1>
              <ul className={s.list}>
                {n.lines.map((l) => <li key={l.voucher} className={s.listItem}>{M.interestLine(l.voucher, l.days, l.ratePct, money(l.interestMinor, n.currency))}</li>)}
              </ul>
            </section>
          ))}
          <Button type="submit" appearance="primary" disabled={c.task.state.running}>{M.postInterest}</Button>
        </>
      ))}
      <SectionStatus c={c} id="interest" />
    </form>
  );
}

/** Posted interest notes and fees, each with waive, reinstate and reverse (reverse asks first). */
export function ChargesPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const [reason, setReason] = React.useState("");
  const ws = c.workspace;
  if (ws === undefined) return null;
  const charges = chargesOf(ws, row.customer);
  const errors = c.section === "charges" ? [...c.task.state.errors, ...c.previewErrors] : [];
  const correct = (journalId: string, kind: ChargeCorrectionKind): void => {
    const p = c.check("charges", correctionPreview(ws, journalId, kind, c.todaySerial, reason));
    if (p === undefined) return;
    void c.perform("charges", `Posting the ${kind.toLowerCase()}`, (g, control) => postCorrection(g, p, control), () => {
      setReason("");
      return M.corrected(kind, p.journalId);
    });
  };
  return (
    <div className={s.fieldset}>
      <Field label={M.reason} required validationMessage={fieldErrors(errors, "reason")}>
        <Input value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      {charges.length === 0 ? <Body1>{M.noCharges}</Body1> : (
        <ul className={s.list} aria-label={M.chargesSection}>
          {charges.map((ch) => (
            <li key={ch.journalId} className={s.listItem}>
              <Body1 block>{M.chargeLine(ch.kind, ch.journalId, inputFromSerial(ch.dateSerial), money(ch.amountMinor, ch.currency), ch.corrections.map((x) => x.kind).join(", "))}</Body1>
              <div className={s.row}>
                <Button size="small" disabled={c.task.state.running} onClick={() => correct(ch.journalId, "Waive")}>{M.waive(ch.journalId)}</Button>
                <Button size="small" disabled={c.task.state.running} onClick={() => correct(ch.journalId, "Reinstate")}>{M.reinstate(ch.journalId)}</Button>
                <ConfirmButton size="small" appearance="secondary" label={M.reverse(ch.journalId)} title={M.reverseTitle} body={M.reverseBody(ch.journalId)} disabled={c.task.state.running} onConfirm={() => correct(ch.journalId, "Reverse")} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <SectionStatus c={c} id="charges" />
    </div>
  );
}
