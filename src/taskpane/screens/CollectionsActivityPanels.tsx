import { Body1, Button, Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import { ACTIVITY_KINDS, type ActivityKind, STATUS_TRANSITIONS } from "../../domain/collections";
import { currencyExponent, parseMoney } from "../../domain/money";
import type { CollectionStatus } from "../../domain/types";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { money } from "../_lib/format";
import { openItemsOf, postActivity, postCloseCase, postOpenCase, postStatus } from "../collections/actions";
import { fieldErrors, M } from "../collections/messages";
import type { CustomerRow } from "../collections/worklist";
import type { Collections } from "../hooks/use-collections";
import { useCollectionsStyles } from "./collections-styles";
import { SectionStatus } from "./SectionStatus";

const errorsOf = (c: Collections, id: string) => (c.section === id ? [...c.task.state.errors, ...c.previewErrors] : []);

/** Change an item's collection status; a promise to pay takes a date and an amount. */
export function StatusPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
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
    const parsed = parseMoney(amountText.trim(), currencyExponent(item.currency) ?? 2);
    const promiseSerial = serialFromInput(date);
    const change = promise
      ? { to, ...(promiseSerial !== undefined ? { promiseSerial } : {}), ...(parsed.ok ? { promiseAmountMinor: parsed.minor } : {}) }
      : { to };
    const outcome = promise && parsed.ok && promiseSerial !== undefined ? `${item.voucher}: ${M.promise(date, money(parsed.minor, item.currency), false)}` : `${item.voucher}: ${item.status} → ${to}`;
    void c.perform("status", "Saving the status", (g, control) => postStatus(g, ws, { customer: row.customer, voucher: item.voucher, change, dateSerial: c.todaySerial, agent, kind, outcome }, control), () => M.statusSaved(item.voucher, to));
  };
  return (
    <form noValidate className={s.fieldset} aria-label={M.statusSection} onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Field label={M.item}>
        <Select className={s.select} value={voucher} onChange={(_, d) => setVoucher(d.value)}>
          {items.map((t) => <option key={t.voucher} value={t.voucher}>{`${t.voucher} · ${money(t.amountMinor, t.currency)} · ${t.status}`}</option>)}
        </Select>
      </Field>
      <Field label={M.newStatus} validationMessage={fieldErrors(errors, "Status")}>
        <Select className={s.select} value={to} onChange={(_, d) => setTo(d.value as CollectionStatus)}>
          {(allowed.includes(to) ? allowed : [to, ...allowed]).map((x) => <option key={x} value={x}>{x}</option>)}
        </Select>
      </Field>
      {to === "PromiseToPay" && (
        <>
          <Field label={M.promiseDate} required validationMessage={fieldErrors(errors, "PromiseDate")}>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={M.promiseAmount} required validationMessage={fieldErrors(errors, "PromiseAmount")}>
            <Input inputMode="decimal" value={amountText} onChange={(_, d) => setAmountText(d.value)} />
          </Field>
        </>
      )}
      <div className={s.row}>
        <Field label={M.via} className={s.grow}>
          <Select className={s.select} value={kind} onChange={(_, d) => setKind(d.value as ActivityKind)}>
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
          </Select>
        </Field>
        <Field label={M.agentName} className={s.grow}>
          <Input value={agent} onChange={(_, d) => setAgent(d.value)} />
        </Field>
      </div>
      <Button type="submit" appearance="primary" disabled={c.task.state.running || item === undefined}>{M.saveStatus}</Button>
      <SectionStatus c={c} id="status" />
    </form>
  );
}

/** Log a call, email or note (on a case or not); open and close cases; the history. */
export function ActivitiesPanel({ c, row }: { c: Collections; row: CustomerRow }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const ws = c.workspace;
  const [kind, setKind] = React.useState<ActivityKind>("Call");
  const [outcome, setOutcome] = React.useState("");
  const [note, setNote] = React.useState("");
  const [agent, setAgent] = React.useState(row.agent);
  const [caseId, setCaseId] = React.useState("");
  const errors = errorsOf(c, "activities");
  if (ws === undefined) return null;
  const cases = ws.cases.filter((x) => x.customer === row.customer);
  const openCases = cases.filter((x) => x.status === "Open");
  const history = ws.activities.filter((a) => a.customer === row.customer).sort((a, b) => b.dateSerial - a.dateSerial);
  const overdue = openItemsOf(ws, row.customer).filter((t) => t.amountMinor > 0 && t.dueSerial !== undefined && t.dueSerial < c.todaySerial).map((t) => t.voucher);
  const log = (): void => {
    void c.perform("activities", "Logging the activity", (g, control) => postActivity(g, row.customer, caseId, { kind, dateSerial: c.todaySerial, agent, outcome: outcome.trim(), ...(note.trim() !== "" ? { note: note.trim() } : {}) }, control), () => {
      setOutcome("");
      setNote("");
      return M.activityLogged(kind);
    });
  };
  return (
    <div className={s.fieldset}>
      <form noValidate className={s.fieldset} aria-label={M.logActivity} onSubmit={(e) => { e.preventDefault(); log(); }}>
        <div className={s.row}>
          <Field label={M.kind} className={s.grow}>
            <Select className={s.select} value={kind} onChange={(_, d) => setKind(d.value as ActivityKind)}>
              {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
            </Select>
          </Field>
          <Field label={M.agentName} className={s.grow}>
            <Input value={agent} onChange={(_, d) => setAgent(d.value)} />
          </Field>
        </div>
        <Field label={M.outcome} validationMessage={fieldErrors(errors, "Outcome")}>
          <Input value={outcome} onChange={(_, d) => setOutcome(d.value)} />
        </Field>
        <Field label={M.note}>
          <Input value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
        <Field label={M.case}>
          <Select className={s.select} value={caseId} onChange={(_, d) => setCaseId(d.value)}>
            <option value="">{M.noCase}</option>
            {openCases.map((x) => <option key={x.caseId} value={x.caseId}>{x.caseId}</option>)}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={c.task.state.running}>{M.logActivity}</Button>
      </form>
      <SectionStatus c={c} id="activities" />
      <h5 className={s.heading}>{M.cases}</h5>
      {cases.length === 0 ? <Body1>{M.noCases}</Body1> : (
        <ul className={s.list} aria-label={M.cases}>
          {cases.map((x) => (
            <li key={x.caseId} className={s.listItem}>
              <Body1 block>{M.caseLine(x.caseId, x.status, inputFromSerial(x.openedSerial), x.vouchers.length)}</Body1>
              {x.status === "Open" && (
                <Button size="small" disabled={c.task.state.running} onClick={() => void c.perform("activities", "Closing the case", (g, control) => postCloseCase(g, x, c.todaySerial, control), () => M.caseClosed(x.caseId))}>
                  {M.closeCase(x.caseId)}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Button disabled={c.task.state.running || overdue.length === 0} onClick={() => void c.perform("activities", "Opening a case", (g, control) => postOpenCase(g, ws, row.customer, overdue, c.todaySerial, control), (r) => M.caseOpened(r.caseId))}>
        {M.openCase}
      </Button>
      <h5 className={s.heading}>{M.history}</h5>
      {history.length === 0 ? <Body1>{M.noHistory}</Body1> : (
        <ul className={s.list} aria-label={M.history}>
          {history.map((a) => <li key={a.activityId} className={s.listItem}>{M.activityLine(inputFromSerial(a.dateSerial), a.kind, a.agent, a.outcome || (a.note ?? ""))}</li>)}
        </ul>
      )}
    </div>
  );
}
