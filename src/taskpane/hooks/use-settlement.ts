import * as React from "react";
import type { TaskControl } from "../office/task";
import { ccError, fail, ok, type Result } from "../../domain/errors";
import { useAmounts } from "../i18n/I18nProvider";
import { type Ledger, loadLedger, openItems } from "../settlement/ledger";
import { checkEdits, postProposal, propose, proposeEdited, readHistory, readRates, unapply } from "../settlement/wizard";
import { dateSerialOf, initialWizard, newTypedPayment, type WizardAction, wizardInput, wizardReducer, type WizardState } from "../settlement/wizard-reducer";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

/** What a finished task says: a catalog key and its values (the screen translates it). */
export interface Notice {
  readonly key: string;
  readonly values: Record<string, string | number>;
}

/**
 * The settlement wizard's workbook work over its pure reducer (settlement/wizard-reducer.ts):
 * loading the ledger, proposing, the review's edits, posting and unapplying, each through the
 * gateway with progress and Cancel. Amounts typed anywhere are read in the pane's language.
 */
export function useSettlement(todaySerial: number, initialCustomer?: string) {
  const gateway = useGateway();
  const task = useTask();
  const { parse } = useAmounts();
  const [state, dispatch] = React.useReducer(wizardReducer, todaySerial, (today: number): WizardState => {
    const s = initialWizard(today);
    return initialCustomer === undefined ? s : wizardReducer(s, { type: "openOn", customer: initialCustomer });
  });
  const [notice, setNotice] = React.useState<Notice | undefined>(undefined);

  const read = React.useCallback(
    async (table: string, accounting: string, control?: TaskControl) => {
      // Cancel stops the read between blocks (the control reaches every read).
      const l = await loadLedger(gateway, table, control);
      if (!l.ok) return l;
      const h = await readHistory(gateway, control);
      if (!h.ok) return h;
      const r = await readRates(gateway, accounting, control);
      if (!r.ok) return r;
      return ok({ ledger: l.value, history: h.value, rates: r.value });
    },
    [gateway],
  );

  const succeed = (key: string, values: Record<string, string | number>): void => {
    setNotice({ key, values });
    task.succeed(key);
  };

  const load = async (): Promise<void> => {
    setNotice(undefined);
    const done = await task.run("settle.phase.reading", (control) => read(state.table, state.accountingCurrency, control));
    if (done !== undefined) dispatch({ type: "ledgerLoaded", ...done });
  };

  // Opened on a customer (Collections -> Settle): load once per request; a failed or cancelled load says why.
  const asked = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (initialCustomer === undefined) return;
    if (asked.current === initialCustomer) return;
    asked.current = initialCustomer;
    dispatch({ type: "openOn", customer: initialCustomer });
  }, [initialCustomer]);
  const pending = state.pendingCustomer;
  const loadedFor = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (pending === undefined || state.ledger !== undefined || task.state.running || loadedFor.current === pending) return;
    loadedFor.current = pending;
    void load();
  });

  const makeProposal = (): void => {
    const input = wizardInput(state, parse);
    if (state.ledger === undefined || input === undefined) return;
    dispatch({ type: "proposed", result: propose(state.ledger, input, state.rates, parse) });
  };

  /** Edit an amount to settle: checked at once; when every edit reads, the proposal is proposed again with them. */
  const editAmount = (voucher: string, text: string): void => {
    const { base, ledger } = state;
    const input = wizardInput(state, parse);
    if (base === undefined || ledger === undefined || input === undefined) return;
    const edits = new Map(state.edits).set(voucher, text);
    const checked = checkEdits(base, edits, parse);
    const result = checked.errors.size > 0 ? undefined : proposeEdited(ledger, input, base, checked.edits, state.rates, parse);
    dispatch({ type: "edited", edits, errors: checked.errors, result });
  };

  const post = async (): Promise<void> => {
    const { ledger, proposal } = state;
    if (ledger === undefined || proposal === undefined) return;
    setNotice(undefined);
    const done = await task.run("settle.phase.posting", (control) => postProposal(gateway, ledger, { proposal, accountingCurrency: state.accountingCurrency, history: state.history, ...(state.rates !== undefined ? { rates: state.rates } : {}) }, control));
    if (done === undefined) return;
    const fresh = await read(state.table, state.accountingCurrency);
    if (fresh.ok) {
      // The payment may be used up now: offer the customer's next open credit item. A typed
      // payment is a ledger row now: what remains of it is chosen as that row, never typed again.
      const posted = state.payment.kind === "typed" ? state.payment.voucher.trim() : state.payment.voucher;
      const row = fresh.value.ledger.byVoucher.get(state.customer)?.get(posted);
      const next = row !== undefined && row.amountMinor !== 0 ? row : openItems(fresh.value.ledger, state.customer).credits[0];
      dispatch({ type: "posted", ...fresh.value, payment: next === undefined ? newTypedPayment(fresh.value.ledger, state.customer) : { kind: "row", voucher: next.voucher } });
    }
    succeed(done.recovered === true ? "settle.done.recovered" : "settle.done.posted", { journal: done.journalId, lines: done.lines, sheet: done.sheet });
  };

  const unapplyJournal = async (journalId: string): Promise<void> => {
    const { ledger } = state;
    if (ledger === undefined) return;
    setNotice(undefined);
    const done = await task.run("settle.phase.unapplying", (control) => unapply(gateway, ledger, state.history, journalId, dateSerialOf(state) ?? todaySerial, control));
    if (done === undefined) return;
    const fresh = await read(state.table, state.accountingCurrency);
    if (fresh.ok) dispatch({ type: "historyChanged", ...fresh.value });
    succeed("settle.done.unapplied", { journal: journalId, reversal: done.journalId });
  };

  /** Take the payment from the row selected in the ledger sheet. */
  const pickSelected = async (): Promise<void> => {
    const { ledger } = state;
    if (ledger === undefined) return;
    setNotice(undefined);
    const picked = await task.run("settle.phase.selection", async (): Promise<Result<Ledger["transactions"][number]>> => {
      const n = await gateway.selectedRow(ledger.location);
      const t = n === undefined ? undefined : ledger.transactions.find((x) => x.row === n);
      if (t === undefined) return fail(ccError("selection_must_be_a_ledger_row", { table: ledger.location.name, sheet: ledger.location.sheet }));
      if (t.amountMinor >= 0) return fail(ccError("selection_must_be_a_credit_item", { voucher: t.voucher }, { table: ledger.location.name, row: t.row }));
      return ok(t);
    });
    if (picked === undefined) return;
    dispatch({ type: "selectionPicked", customer: picked.customer, voucher: picked.voucher, dateSerial: picked.dateSerial });
    succeed("settle.done.picked", { voucher: picked.voucher, customer: picked.customer });
  };

  const act = (a: WizardAction): void => dispatch(a);
  return { state, dispatch: act, task, notice, load, makeProposal, editAmount, post, unapplyJournal, pickSelected };
}

export type Settlement = ReturnType<typeof useSettlement>;
