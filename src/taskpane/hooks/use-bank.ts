import * as React from "react";
import { accountingCurrencyOf } from "../../domain/rates";
import { ok, type Result } from "../../domain/errors";
import type { JournalLine } from "../../domain/journal";
import type { LineResult } from "../../domain/matching/match";
import { DEFAULT_MATCH_OPTIONS, type MatchCustomer, type StatementLine } from "../../domain/matching/types";
import type { RateTable } from "../../domain/rates";
import { parseCsv, type StatementMapping } from "../../workbook/statement-csv";
import { initialChoices, type LineChoice } from "../../workbook/statement-review";
import { type BankInput, importStatement, planBank, postBank, readCustomers, readStatementTable, readStatementText, review } from "../bank/bank";
import { useT } from "../i18n/I18nProvider";
import type { TaskControl } from "../office/task";
import { type Ledger, loadLedger } from "../settlement/ledger";
import { readHistory, readRates } from "../settlement/wizard";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

export interface StatementFile {
  readonly name: string;
  readonly text: string;
  /** The CSV header row (empty for camt.053). */
  readonly headers: readonly string[];
}

interface Loaded {
  readonly ledger: Ledger;
  readonly customers: readonly MatchCustomer[];
  readonly lines: readonly StatementLine[];
  readonly history: readonly JournalLine[];
  readonly rates: RateTable | undefined;
  /** The accounting currency: as typed, or the ledger's main currency (ledgerCurrency) when blank. */
  readonly accountingCurrency: string;
}

/** A chosen file's text (UTF-8), through FileReader: every host's browser has it. */
function readText(f: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${f.name}`));
    reader.readAsText(f, "utf-8");
  });
}

/** State and actions of the Bank screen: import, match, review, post. All workbook work goes through the gateway. */
export function useBank() {
  const gateway = useGateway();
  const task = useTask();
  const t = useT();
  const [file, setFile] = React.useState<StatementFile | undefined>(undefined);
  const [mapping, setMapping] = React.useState<StatementMapping>({});
  const [currency, setCurrency] = React.useState("");
  const [accountingCurrency, setAccountingCurrency] = React.useState("");
  const [loaded, setLoaded] = React.useState<Loaded | undefined>(undefined);
  const [choices, setChoices] = React.useState<ReadonlyMap<string, LineChoice>>(new Map());

  const chooseFile = async (f: File | undefined): Promise<void> => {
    if (f === undefined) {
      setFile(undefined);
      return;
    }
    const text = await readText(f);
    const xml = /\.xml$/i.test(f.name) || /^\s*(<\?xml|<Document)/.test(text);
    setFile({ name: f.name, text, headers: xml ? [] : (parseCsv(text)[0] ?? []).map((h) => h.trim()) });
    setMapping({});
  };

  const input = (l: Loaded, c: ReadonlyMap<string, LineChoice>): BankInput => ({ ledger: l.ledger, customers: l.customers, lines: l.lines, options: {}, choices: c });

  /** Read the ledger, customers, Statement table, journal and rates; match; preselect the sure lines. */
  const refresh = React.useCallback(
    async (control?: TaskControl): Promise<Result<Loaded>> => {
      const ledger = await loadLedger(gateway, "Transactions", control);
      if (!ledger.ok) return ledger;
      const customers = await readCustomers(gateway, control);
      if (!customers.ok) return customers;
      const lines = await readStatementTable(gateway, control);
      if (!lines.ok) return lines;
      const history = await readHistory(gateway, control);
      if (!history.ok) return history;
      const accounting = accountingCurrencyOf(accountingCurrency, ledger.value.transactions);
      const rates = await readRates(gateway, accounting, control);
      if (!rates.ok) return rates;
      const l: Loaded = { ledger: ledger.value, customers: customers.value, lines: lines.value, history: history.value, rates: rates.value, accountingCurrency: accounting };
      const r = review(input(l, new Map()));
      if (!r.ok) return r;
      setLoaded(l);
      setChoices(initialChoices(r.value.matches, DEFAULT_MATCH_OPTIONS.autoApply, r.value.posted));
      return ok(l);
    },
    [gateway, accountingCurrency],
  );

  const importFile = async (): Promise<void> => {
    if (file === undefined) return;
    const added = await task.run(t("bank.phase.import"), async (control) => {
      const lines = readStatementText(file.name, file.text, { mapping, currency: currency.trim().toUpperCase() });
      if (!lines.ok) return lines;
      const imported = await importStatement(gateway, lines.value, control);
      if (!imported.ok) return imported;
      const l = await refresh(control);
      return l.ok ? imported : l;
    });
    if (added !== undefined) task.succeed(t("bank.imported", { added: added.added, already: added.already }));
  };

  const load = async (): Promise<void> => {
    const l = await task.run(t("bank.phase.load"), (control) => refresh(control));
    if (l !== undefined) task.succeed(t("bank.loaded", { count: l.lines.length }));
  };

  /** The review as it stands: every line matched with the person's changes applied. */
  const reviewed = React.useMemo((): Result<{ matches: LineResult[]; posted: Set<string> }> | undefined => (loaded === undefined ? undefined : review(input(loaded, choices))), [loaded, choices]);

  const setAccepted = (lineId: string, accepted: boolean): void => {
    setChoices((c) => new Map(c).set(lineId, { ...(c.get(lineId) ?? { accepted }), accepted }));
  };
  const assign = (lineId: string, customer: string, vouchers: readonly string[]): void => {
    setChoices((c) => new Map(c).set(lineId, { accepted: true, assign: { customer, vouchers } }));
  };
  const undoChange = (lineId: string): void => {
    setChoices((c) => new Map(c).set(lineId, { accepted: c.get(lineId)?.accepted ?? false }));
  };

  const accepted = React.useMemo(() => {
    const m = reviewed?.ok === true ? reviewed.value.matches : [];
    return m.filter((r) => choices.get(r.line.lineId)?.accepted === true && r.customer !== "" && r.confidence !== "None");
  }, [reviewed, choices]);

  const post = async (): Promise<void> => {
    if (loaded === undefined) return;
    const done = await task.run(t("bank.phase.post"), async (control) => {
      const plan = planBank(input(loaded, choices), loaded.history, loaded.accountingCurrency, loaded.rates);
      if (!plan.ok) return plan;
      const posted = await postBank(gateway, loaded.ledger, plan.value, control);
      if (!posted.ok) return posted;
      return ok({ ...posted.value, count: plan.value.matches.length, journals: plan.value.journalIds.length });
    });
    if (done === undefined) return;
    await refresh();
    task.succeed(t("bank.posted", { count: done.count, journals: done.journals, lines: done.lines, sheet: done.sheet }));
  };

  return { task, file, chooseFile, mapping, setMapping, currency, setCurrency, accountingCurrency, setAccountingCurrency, importFile, load, loaded, reviewed, choices, setAccepted, assign, undoChange, accepted, post };
}
