/**
 * Loading the collections workspace: the ledger and Customers (required), and whatever else the
 * workbook has (Pools, Orders, ExchangeRates, LetterCodes, InterestCode and the collections
 * journals and logs written earlier), then the customer list built from them.
 */
import type { CollectionCase, CollectionsLine, InterestCode, LetterCode, Pool, SentLetter } from "../../domain/collections";
import type { CreditGroup, Customer, Order, TemporaryLimit } from "../../domain/credit/types";
import type { DateSystem } from "../../domain/dates";
import { ok, type Result } from "../../domain/errors";
import type { JournalLine } from "../../domain/journal";
import { accountingCurrencyOf } from "../../domain/rates";
import type { ExchangeRate } from "../../domain/types";
import { readInterestCode } from "../../workbook/collections-interest";
import { isLetterLogTable, readLetterLogs, readLetterSequence } from "../../workbook/collections-letters";
import { readCollectionsJournal } from "../../workbook/collections-journal";
import { readCreditGroups, readTemporaryLimits } from "../../workbook/credit-groups";
import { readCustomers } from "../../workbook/customers";
import { readOrders } from "../../workbook/orders";
import { readExchangeRates } from "../../workbook/transactions";
import { type LedgerPredictions, predictLedger } from "../../workbook/worklist";
import type { CellValue } from "../office/excel-subset";
import type { Gateway } from "../office/gateway";
import type { TaskControl } from "../office/task";
import { type Ledger, loadLedger } from "../settlement/ledger";
import { datesTo1900, readHistory } from "../settlement/wizard";
import { WRITEOFF_TARGET } from "../writeoff/writeoff";
import { ACTIVITY_TARGET, type ActivityEntry, CASE_TARGET, CORRECTION_TARGET, FEE_TARGET, INTEREST_TARGET, LETTER_TARGET, NSF_TARGET, readActivities, readCases } from "./logs";
import { readPools } from "./pools-table";
import { buildWorklist, poolsOf, type Worklist } from "./worklist";

/** Table names the workspace looks for; the journals are found by their targets' table names. */
export const INPUT_TABLES = { transactions: "Transactions", customers: "Customers", pools: "Pools", orders: "Orders", rates: "ExchangeRates", letterCodes: "LetterCodes", interestCode: "InterestCode", groups: "CreditGroups", temporaryLimits: "TemporaryLimits" } as const;

export interface Workspace {
  readonly asOfSerial: number;
  readonly accountingCurrency: string;
  readonly ledger: Ledger;
  readonly customers: readonly Customer[];
  readonly pools: readonly Pool[];
  readonly orders: readonly Order[];
  readonly rates: readonly ExchangeRate[];
  readonly letterCodes: readonly LetterCode[] | undefined;
  readonly interestCode: InterestCode | undefined;
  readonly activities: readonly ActivityEntry[];
  readonly cases: readonly CollectionCase[];
  readonly letters: readonly SentLetter[];
  readonly interest: readonly CollectionsLine[];
  readonly fees: readonly CollectionsLine[];
  readonly nsf: readonly CollectionsLine[];
  readonly corrections: readonly CollectionsLine[];
  readonly writeOffs: readonly CollectionsLine[];
  readonly settlements: readonly JournalLine[];
  readonly worklist: Worklist;
  /** Late-payment predictions of the open invoices, when the ledger has a ClosedDate history. */
  readonly predictions: LedgerPredictions;
}

/** Ledger date columns the prediction reads (as 1900-system serials in a 1904 workbook). */
const PREDICTION_DATES = ["Date", "DueDate", "ClosedDate", "SettledDate", "SettlementDate", "PaidDate", "DatePaid", "ClosedOn", "DisputeDate"];

export interface WorkspaceInput {
  readonly asOfSerial: number;
  readonly accountingCurrency: string;
}

export async function loadWorkspace(gateway: Gateway, input: WorkspaceInput, control?: TaskControl): Promise<Result<Workspace>> {
  const listed = await gateway.listTables();
  const names = new Set([...listed.tables, ...listed.sheets].map((n) => n.toLowerCase()));
  const dateSystems: Record<string, DateSystem | undefined> = {};
  const readIf = async (name: string): Promise<Result<CellValue[][] | undefined>> => {
    if (!names.has(name.toLowerCase())) return ok(undefined);
    const r = await gateway.readTable(name, undefined, control);
    if (!r.ok) return r;
    dateSystems[name] = r.value.dateSystem;
    return ok(r.value.values);
  };
  const ledger = await loadLedger(gateway, INPUT_TABLES.transactions, control);
  if (!ledger.ok) return ledger;
  const customersRead = await gateway.readTable(INPUT_TABLES.customers, undefined, control);
  if (!customersRead.ok) return customersRead;
  const customers = readCustomers(customersRead.value.values, { name: customersRead.value.location.name });
  if (!customers.ok) return customers;

  const raw: Record<string, CellValue[][] | undefined> = {};
  for (const name of [INPUT_TABLES.groups, INPUT_TABLES.temporaryLimits, INPUT_TABLES.pools, INPUT_TABLES.orders, INPUT_TABLES.rates, INPUT_TABLES.letterCodes, INPUT_TABLES.interestCode, ACTIVITY_TARGET.table, CASE_TARGET.table, INTEREST_TARGET.table, FEE_TARGET.table, NSF_TARGET.table, CORRECTION_TARGET.table, WRITEOFF_TARGET.table]) {
    const r = await readIf(name);
    if (!r.ok) return r;
    raw[name] = r.value;
  }
  const pools = readPools(raw[INPUT_TABLES.pools]);
  if (!pools.ok) return pools;
  const orders = raw[INPUT_TABLES.orders] === undefined ? ok<Order[]>([]) : readOrders(raw[INPUT_TABLES.orders], { name: INPUT_TABLES.orders });
  if (!orders.ok) return orders;
  const rates = raw[INPUT_TABLES.rates] === undefined ? ok<ExchangeRate[]>([]) : readExchangeRates(raw[INPUT_TABLES.rates], { name: INPUT_TABLES.rates });
  if (!rates.ok) return rates;
  const groups = raw[INPUT_TABLES.groups] === undefined ? ok<CreditGroup[]>([]) : readCreditGroups(raw[INPUT_TABLES.groups], { name: INPUT_TABLES.groups });
  if (!groups.ok) return groups;
  const temporaryLimits = raw[INPUT_TABLES.temporaryLimits] === undefined ? ok<TemporaryLimit[]>([]) : readTemporaryLimits(raw[INPUT_TABLES.temporaryLimits], { name: INPUT_TABLES.temporaryLimits });
  if (!temporaryLimits.ok) return temporaryLimits;
  const letterCodes = raw[INPUT_TABLES.letterCodes] === undefined ? ok(undefined) : readLetterSequence(raw[INPUT_TABLES.letterCodes]);
  if (!letterCodes.ok) return letterCodes;
  const interestCode = raw[INPUT_TABLES.interestCode] === undefined ? ok(undefined) : readInterestCode(raw[INPUT_TABLES.interestCode]);
  if (!interestCode.ok) return interestCode;
  const activities = readActivities(raw[ACTIVITY_TARGET.table]);
  if (!activities.ok) return activities;
  const cases = readCases(raw[CASE_TARGET.table], activities.value);
  if (!cases.ok) return cases;
  // The pane's own log and every `cc letters` run in the workbook: one history of letters sent.
  const logs: { name: string; values: unknown; dateSystem?: DateSystem }[] = [];
  for (const name of [LETTER_TARGET.table, ...listed.tables.filter((n) => isLetterLogTable(n) && n.toLowerCase() !== LETTER_TARGET.table.toLowerCase())]) {
    const r = await readIf(name);
    if (!r.ok) return r;
    const dateSystem = dateSystems[name];
    if (r.value !== undefined) logs.push({ name, values: r.value, ...(dateSystem !== undefined ? { dateSystem } : {}) });
  }
  const letters = readLetterLogs(logs);
  if (!letters.ok) return letters;
  const journals: Record<string, CollectionsLine[]> = {};
  for (const t of [INTEREST_TARGET, FEE_TARGET, NSF_TARGET, CORRECTION_TARGET, WRITEOFF_TARGET]) {
    const values = raw[t.table];
    const dateSystem = dateSystems[t.table];
    const j = values === undefined || values.length === 0 ? ok<CollectionsLine[]>([]) : readCollectionsJournal(values, { name: t.sheet, ...(dateSystem !== undefined ? { dateSystem } : {}) });
    if (!j.ok) return j;
    journals[t.table] = j.value;
  }
  const settlements = await readHistory(gateway, control);
  if (!settlements.ok) return settlements;
  // Blank: the ledger's main currency, as in the settlement wizard (docs/decisions.md).
  const accountingCurrency = accountingCurrencyOf(input.accountingCurrency, ledger.value.transactions);
  const worklist = buildWorklist({
    customers: customers.value, transactions: ledger.value.transactions, orders: orders.value, groups: groups.value, temporaryLimits: temporaryLimits.value, rates: rates.value, accountingCurrency, activities: activities.value, asOfSerial: input.asOfSerial,
  });
  if (!worklist.ok) return worklist;
  const predictions = predictLedger(datesTo1900(ledger.value.values as CellValue[][], PREDICTION_DATES, ledger.value.dateSystem), input.asOfSerial);
  if (!predictions.ok) return predictions;
  return ok({
    asOfSerial: input.asOfSerial,
    accountingCurrency,
    ledger: ledger.value,
    customers: customers.value,
    pools: poolsOf(customers.value, pools.value),
    orders: orders.value,
    rates: rates.value,
    letterCodes: letterCodes.value,
    interestCode: interestCode.value,
    activities: activities.value,
    cases: cases.value,
    letters: letters.value,
    interest: journals[INTEREST_TARGET.table] ?? [],
    fees: journals[FEE_TARGET.table] ?? [],
    nsf: journals[NSF_TARGET.table] ?? [],
    corrections: journals[CORRECTION_TARGET.table] ?? [],
    writeOffs: journals[WRITEOFF_TARGET.table] ?? [],
    settlements: settlements.value,
    worklist: worklist.value,
    predictions: predictions.value,
  });
}
