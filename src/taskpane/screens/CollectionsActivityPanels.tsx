import { Body1, Button, Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import { ACTIVITY_KINDS, type ActivityKind, STATUS_TRANSITIONS } from "../../domain/collections";
import type { CollectionStatus } from "../../domain/types";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { openItemsOf, postActivity, postCloseCase, postOpenCase, postStatus } from "../collections/actions";
import { useCollectText } from "../collections/text";
import type { CustomerRow } from "../collections/worklist";
import type { Collections } from "../hooks/use-collections";
import { useCollectionsStyles } from "./collections-styles";
import { SectionStatus } from "./SectionStatus";

const errorsOf = (c: Collections, id: string) => (c.section === id ? [...c.task.state.errors, ...c.previewErrors] : []);

/** Change an item's collection status; a promise to pay takes a date and an amount. */
export function StatusPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const { t } = x;
  const ws = c.workspace;
  const items = ws === undefined ? [] : openItemsOf(ws, row.customer).filter((t) => t.amountMinor > 0);
  const [voucher, setVoucher] = React.useState(items[0]?.voucher ?? "");
  const item = items.find((t) => t.voucher === voucher);
  const allowed = item === undefined ? [] : STATUS_TRANSITIONS[item.status];
  const [to, setTo] = React.useState<CollectionStatus>("PromiseToPay");
  const [date, setDate] = React.useState(inputFromSerial(c.todaySerial + 7));
  const [amountText, setAmountText] = React.useState("");
  const [kind, setKind] = React.useState<ActivityKind>("Call");
  const [agent, setAgent] = React.useState(row.agent);
  const errors = errorsOf(c, "status");
  if (ws === undefined) return null;
  const submit = (): void => {
    if (item === undefined) return;
    const promise = to === "PromiseToPay";
    // A typed amount is read in the user's convention; ambiguous text is refused next to the field.
    const parsed = amountText.trim() === "" ? undefined : x.amounts.parse(amountText, item.currency);
    if (promise && parsed !== undefined && !parsed.ok) {
      c.check("status", { ok: false, errors: [{ ...parsed.error, message: x.amountError(parsed.error, amountText), column: "PromiseAmount" }] });
      return;
    }
    const promiseSerial = serialFromInput(date);
    const change = promise
      ? { to, ...(promiseSerial !== undefined ? { promiseSerial } : {}), ...(parsed?.ok === true ? { promiseAmountMinor: parsed.minor } : {}) }
      : { to };
    const outcome = promise && parsed?.ok === true && promiseSerial !== undefined
      ? `${item.voucher}: ${x.promise({ dateSerial: promiseSerial, amountMinor: parsed.minor, broken: false }, item.currency)}`
      : t("collect.statusChange", { voucher: item.voucher, from: x.status(item.status), to: x.status(to) });
    void c.perform("status", t("collect.phase.status"), (g, control) => postStatus(g, ws, { customer: row.customer, voucher: item.voucher, change, dateSerial: c.todaySerial, agent, kind, outcome }, control), () => t("collect.statusSaved", { voucher: item.voucher, status: x.status(to) }));
  };
  return (
    <form noValidate className={s.fieldset} aria-label={t("collect.statusSection")} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Field label={t("collect.item")}>
        <Select className={s.select} value={voucher} onChange={(_, d) => setVoucher(d.value)}>
          {items.map((i) => <option key={i.voucher} value={i.voucher}>{`${i.voucher} · ${x.money(i.amountMinor, i.currency)} · ${x.status(i.status)}`}</option>)}
        </Select>
      </Field>
      <Field label={t("collect.newStatus")} validationMessage={x.fieldErrors(errors, "Status")}>
        <Select className={s.select} value={to} onChange={(_, d) => setTo(d.value as CollectionStatus)}>
          {(allowed.includes(to) ? allowed : [to, ...allowed]).map((st) => <option key={st} value={st}>{x.status(st)}</option>)}
        </Select>
      </Field>
      {to === "PromiseToPay" && (
        <>
          <Field label={t("collect.promiseDate")} required validationMessage={x.fieldErrors(errors, "PromiseDate")}>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={t("collect.promiseAmount")} required validationMessage={x.fieldErrors(errors, "PromiseAmount")}>
            <Input inputMode="decimal" value={amountText} onChange={(_, d) => setAmountText(d.value)} />
          </Field>
        </>
      )}
      <div className={s.row}>
        <Field label={t("collect.via")} className={s.grow}>
          <Select className={s.select} value={kind} onChange={(_, d) => setKind(d.value as ActivityKind)}>
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{x.kind(k)}</option>)}
          </Select>
        </Field>
        <Field label={t("collect.agentName")} className={s.grow}>
          <Input value={agent} onChange={(_, d) => setAgent(d.value)} />
        </Field>
      </div>
      <Button type="submit" appearance="primary" disabled={c.task.state.running || item === undefined}>{t("collect.saveStatus")}</Button>
      <SectionStatus c={c} id="status" />
    </form>
  );
}

/** Log a call, email or note (on a case or not); open and close cases; the history. */
export function ActivitiesPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const { t } = x;
  const ws = c.workspace;
  const [kind, setKind] = React.useState<ActivityKind>("Call");
  const [outcome, setOutcome] = React.useState("");
  const [note, setNote] = React.useState("");
  const [agent, setAgent] = React.useState(row.agent);
  const [caseId, setCaseId] = React.useState("");
  const errors = errorsOf(c, "activities");
  if (ws === undefined) return null;
  const cases = ws.cases.filter((k) => k.customer === row.customer);
  const openCases = cases.filter((k) => k.status === "Open");
  const history = ws.activities.filter((a) => a.customer === row.customer).sort((a, b) => b.dateSerial - a.dateSerial);
  const overdue = openItemsOf(ws, row.customer).filter((i) => i.amountMinor > 0 && i.dueSerial !== undefined && i.dueSerial < c.todaySerial).map((i) => i.voucher);
  const log = (): void => {
    void c.perform("activities", t("collect.phase.activity"), (g, control) => postActivity(g, row.customer, caseId, { kind, dateSerial: c.todaySerial, agent, outcome: outcome.trim(), ...(note.trim() !== "" ? { note: note.trim() } : {}) }, control), () => {
      setOutcome("");
      setNote("");
      return t("collect.activityLogged", { kind: x.kind(kind) });
    });
  };
  return (
    <div className={s.fieldset}>
      <form noValidate className={s.fieldset} aria-label={t("collect.logActivity")} onSubmit={(e) => { e.preventDefault(); log(); }}>
        <div className={s.row}>
          <Field label={t("collect.kind")} className={s.grow}>
            <Select className={s.select} value={kind} onChange={(_, d) => setKind(d.value as ActivityKind)}>
              {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{x.kind(k)}</option>)}
            </Select>
          </Field>
          <Field label={t("collect.agentName")} className={s.grow}>
            <Input value={agent} onChange={(_, d) => setAgent(d.value)} />
          </Field>
        </div>
        <Field label={t("collect.outcome")} validationMessage={x.fieldErrors(errors, "Outcome")}>
          <Input value={outcome} onChange={(_, d) => setOutcome(d.value)} />
        </Field>
        <Field label={t("collect.note")}>
          <Input value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
        <Field label={t("collect.case")}>
          <Select className={s.select} value={caseId} onChange={(_, d) => setCaseId(d.value)}>
            <option value="">{t("collect.noCase")}</option>
            {openCases.map((k) => <option key={k.caseId} value={k.caseId}>{k.caseId}</option>)}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={c.task.state.running}>{t("collect.logActivity")}</Button>
      </form>
      <SectionStatus c={c} id="activities" />
      <h5 className={s.heading}>{t("collect.cases")}</h5>
      {cases.length === 0 ? <Body1>{t("collect.noCases")}</Body1> : (
        <ul className={s.list} aria-label={t("collect.cases")}>
          {cases.map((k) => (
            <li key={k.caseId} className={s.listItem}>
              <Body1 block>{t("collect.caseLine", { id: k.caseId, status: k.status === "Open" ? t("collect.caseStatus.Open") : t("collect.caseStatus.Closed"), opened: x.date(k.openedSerial), count: k.vouchers.length })}</Body1>
              {k.status === "Open" && (
                <Button size="small" disabled={c.task.state.running} onClick={() => void c.perform("activities", t("collect.phase.closeCase"), (g, control) => postCloseCase(g, k, c.todaySerial, control), () => t("collect.caseClosed", { id: k.caseId }))}>
                  {t("collect.closeCase", { id: k.caseId })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Button disabled={c.task.state.running || overdue.length === 0} onClick={() => void c.perform("activities", t("collect.phase.openCase"), (g, control) => postOpenCase(g, ws, row.customer, overdue, c.todaySerial, control), (r) => t("collect.caseOpened", { id: r.caseId }))}>
        {t("collect.openCase")}
      </Button>
      <h5 className={s.heading}>{t("collect.history")}</h5>
      {history.length === 0 ? <Body1>{t("collect.noHistory")}</Body1> : (
        <ul className={s.list} aria-label={t("collect.history")}>
          {history.map((a) => <li key={a.activityId} className={s.listItem}>{[x.date(a.dateSerial), x.kind(a.kind), a.agent, a.outcome || (a.note ?? "")].filter((p) => p !== "").join(" · ")}</li>)}
        </ul>
      )}
    </div>
  );
}
