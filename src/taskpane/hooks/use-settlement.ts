import * as React from "react";
import type { TaskControl } from "../office/task";
import { type CcError, ccError, fail, ok, type Result } from "../../domain/errors";
import type { JournalLine } from "../../domain/journal";
import type { RateTable } from "../../domain/rates";
import type { Proposal, SettlementOptions } from "../../domain/settlement/types";
import { type Ledger, loadLedger, openItems } from "../settlement/ledger";
import { checkAmount, type MethodKind, type PaymentChoice, postProposal, propose, readHistory, readRates, unapply } from "../settlement/wizard";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

export interface SettlementChoices {
  customer: string;
  payment: PaymentChoice;
  dateSerial: number | undefined;
  method: MethodKind;
  options: Partial<SettlementOptions>;
  accountingCurrency: string;
}

/** State and actions of the settlement wizard; all workbook work goes through the gateway. */
export function useSettlement(todaySerial: number) {
  const gateway = useGateway();
  const task = useTask();
  const [table, setTable] = React.useState("Transactions");
  const [ledger, setLedger] = React.useState<Ledger | undefined>(undefined);
  const [history, setHistory] = React.useState<JournalLine[]>([]);
  const [rates, setRates] = React.useState<RateTable | undefined>(undefined);
  const [choices, setChoices] = React.useState<SettlementChoices>({
    customer: "", payment: { kind: "row", voucher: "" }, dateSerial: todaySerial, method: "duedate", options: {}, accountingCurrency: "USD",
  });
  const [proposal, setProposal] = React.useState<Proposal | undefined>(undefined);
  const [proposalErrors, setProposalErrors] = React.useState<readonly CcError[]>([]);
  const [edits, setEdits] = React.useState<ReadonlyMap<string, string>>(new Map());
  const [editErrors, setEditErrors] = React.useState<ReadonlyMap<string, string>>(new Map());

  const refresh = React.useCallback(
    async (name: string, accounting: string, control?: TaskControl): Promise<Result<Ledger>> => {
      // Cancel stops the read between blocks (the control reaches every read).
      const l = await loadLedger(gateway, name, control);
      if (!l.ok) return l;
      const h = await readHistory(gateway, control);
      if (!h.ok) return h;
      const r = await readRates(gateway, accounting, control);
      if (!r.ok) return r;
      setLedger(l.value);
      setHistory(h.value);
      setRates(r.value);
      return ok(l.value);
    },
    [gateway],
  );

  const load = (): Promise<unknown> => task.run("Reading the ledger", (control) => refresh(table, choices.accountingCurrency, control));

  const update = (patch: Partial<SettlementChoices>): void => {
    setChoices((c) => ({ ...c, ...patch }));
    setProposal(undefined);
    setProposalErrors([]);
    setEdits(new Map());
    setEditErrors(new Map());
  };

  const makeProposal = (marks?: ReadonlyMap<string, number>): void => {
    if (ledger === undefined || choices.dateSerial === undefined) return;
    const r = propose(ledger, { customer: choices.customer, payment: choices.payment, dateSerial: choices.dateSerial, method: choices.method, options: choices.options, ...(marks !== undefined ? { marks } : {}) }, rates);
    if (r.ok) {
      setProposal(r.value);
      setProposalErrors([]);
    } else {
      setProposalErrors(r.errors);
    }
  };

  /** Edit an amount to settle: checked at once; when every edit is valid, the proposal is recomputed as marks. */
  const editAmount = (voucher: string, text: string): void => {
    if (proposal === undefined) return;
    const nextEdits = new Map(edits).set(voucher, text);
    setEdits(nextEdits);
    const errors = new Map<string, string>();
    const marks = new Map<string, number>();
    for (const line of proposal.lines) {
      const t = nextEdits.get(line.item.voucher);
      if (t === undefined) {
        marks.set(line.item.voucher, line.amountToSettleMinor);
        continue;
      }
      const c = checkAmount(t, line);
      if (c.ok) marks.set(line.item.voucher, c.value);
      else errors.set(line.item.voucher, c.errors[0]?.message ?? "is not valid");
    }
    setEditErrors(errors);
    if (errors.size > 0 || ledger === undefined || choices.dateSerial === undefined) return;
    const r = propose(ledger, { customer: choices.customer, payment: choices.payment, dateSerial: choices.dateSerial, method: "manual", options: choices.options, marks }, rates);
    if (r.ok) {
      setProposal(r.value);
      setProposalErrors([]);
    } else setProposalErrors(r.errors);
  };

  const post = async (): Promise<void> => {
    if (ledger === undefined || proposal === undefined) return;
    const done = await task.run("Posting the settlement", (control) => postProposal(gateway, ledger, { proposal, accountingCurrency: choices.accountingCurrency, history, ...(rates !== undefined ? { rates } : {}) }, control));
    if (done === undefined) return;
    const fresh = await refresh(table, choices.accountingCurrency);
    // The payment may be fully applied now: offer the customer's next open credit item.
    // The payment may be fully applied now: offer the customer's next open credit item. A typed
    // payment is a ledger row now: what remains of it is chosen as that row, never typed again.
    const posted = choices.payment.kind === "typed" ? choices.payment.voucher.trim() : choices.payment.voucher;
    const row = fresh.ok ? fresh.value.byVoucher.get(choices.customer)?.get(posted) : undefined;
    if (fresh.ok && row !== undefined && (row.amountMinor === 0 || choices.payment.kind === "typed")) {
      const next = row.amountMinor !== 0 ? row : openItems(fresh.value, choices.customer).credits[0];
      setChoices((c) => ({ ...c, payment: next === undefined ? { kind: "typed", voucher: "PAY-NEW", amount: "", currency: "USD" } : { kind: "row", voucher: next.voucher } }));
    }
    setProposal(undefined);
    setEdits(new Map());
    const how = done.recovered === true ? `Completed journal ${done.journalId} (an earlier post of it had been interrupted)` : `Posted journal ${done.journalId}`;
    task.succeed(`${how}: ${done.lines} lines in ${done.sheet}; the settled open amounts were updated.`);
  };

  const unapplyJournal = async (journalId: string): Promise<void> => {
    if (ledger === undefined) return;
    const done = await task.run("Unapplying", (control) => unapply(gateway, ledger, history, journalId, choices.dateSerial ?? todaySerial, control));
    if (done === undefined) return;
    await refresh(table, choices.accountingCurrency);
    task.succeed(`Unapplied ${journalId} with journal ${done.journalId}; the amounts it closed are open again.`);
  };

  /** Take the payment from the row selected in the ledger sheet. */
  const pickSelected = async (): Promise<void> => {
    if (ledger === undefined) return;
    const picked = await task.run("Reading the selection", async () => {
      const n = await gateway.selectedRow(ledger.location);
      const t = n === undefined ? undefined : ledger.transactions.find((x) => x.row === n);
      if (t === undefined) return fail(ccError("selection_must_be_a_ledger_row", `select a row of ${ledger.location.name} (sheet ${ledger.location.sheet}) first`));
      if (t.amountMinor >= 0) return fail(ccError("selection_must_be_a_credit_item", `${t.voucher} is not an open payment or credit note`, { table: ledger.location.name, row: t.row }));
      return ok(t);
    });
    if (picked === undefined) return;
    update({ customer: picked.customer, payment: { kind: "row", voucher: picked.voucher }, ...(picked.dateSerial !== undefined ? { dateSerial: picked.dateSerial } : {}) });
    task.succeed(`Using ${picked.voucher} of ${picked.customer} from the selected row.`);
  };

  return { task, pickSelected, table, setTable, ledger, history, choices, update, load, proposal, proposalErrors, makeProposal, edits, editErrors, editAmount, post, unapplyJournal };
}
