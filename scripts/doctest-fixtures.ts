/**
 * Named fixtures the `@example`s of src/domain may use (scripts/doctest.ts puts every export here in
 * scope). Keep each small and typed by the domain's own types.
 */
import type { CollectionCase } from "../src/domain/collections/cases";
import { temporaryLimitIndex } from "../src/domain/credit/limits";
import type { Checkpoint, Customer } from "../src/domain/credit/types";
import { serialFromYmd } from "../src/domain/dates";
import type { Transaction } from "../src/domain/types";

/** An open USD invoice of customer 2050, due 2015-10-01 (serial 42278), dated 2015-09-01. */
export const inv: Transaction = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42248, dueSerial: 42278, amountMinor: 10000, currency: "USD", status: "None", row: 2 };
export const inv1: Transaction = inv;
export const inv2: Transaction = { ...inv, voucher: "INV2", amountMinor: 25000, row: 3 };

/** An open collection case of customer 2050 on INV1 and INV2, opened on 42302. */
export const c: CollectionCase = { caseId: "CASE-1", customer: "2050", openedSerial: 42302, vouchers: ["INV1", "INV2"], activities: [], status: "Open" };

/** Customer C1: USD, a normal limit of 10,000.00, nothing else set. */
export const customerWith10000: Customer = {
  customer: "C1",
  currency: "USD",
  creditLimitMinor: 1000000,
  unlimited: false,
  mandatory: false,
  excludeFromCreditManagement: false,
  insuranceInExposure: false,
  row: 2,
};

/** No temporary limits. */
export const idx = temporaryLimitIndex([]);

/** Posting checkpoints at Confirmation and PackingSlip with 2 grace days; Invoice not checked. */
export const cps: Checkpoint[] = [
  { step: "Confirmation", posting: true, proForma: false, graceDays: 2, row: 2 },
  { step: "PackingSlip", posting: true, proForma: false, graceDays: 2, row: 3 },
  { step: "Invoice", posting: false, proForma: false, row: 4 },
];

/** An as-of date: 2024-06-30. */
export const asOfSerial = serialFromYmd(2024, 6, 30);

// --- doca ---
import { rateTable, type RateTable } from "../src/domain/rates";
import type { Proposal, SettlementItem } from "../src/domain/settlement/types";
import { proposeSettlement, type SettlementRequest } from "../src/domain/settlement/propose";
import { postSettlement, type PostedSettlement } from "../src/domain/settlement/post";
import { unwrap } from "../src/domain/errors";
import { interestNotes, type InterestNote } from "../src/domain/collections/interest";

/** W1 (docs/domain.md §8): customer 2050's open USD items, by voucher Invoice 1-3 and Interest 1. */
export const w1Items: SettlementItem[] = [
  { customer: "2050", voucher: "Invoice 1", type: "Invoice", dateSerial: 42231, dueSerial: 42261, amountMinor: 10000, currency: "USD", cashDiscountSerial: 42245, cashDiscountPct: 2, status: "None", row: 2 },
  { customer: "2050", voucher: "Invoice 2", type: "Invoice", dateSerial: 42248, dueSerial: 42278, amountMinor: 25000, currency: "USD", cashDiscountSerial: 42262, cashDiscountPct: 2, status: "None", row: 3 },
  { customer: "2050", voucher: "Invoice 3", type: "Invoice", dateSerial: 42292, dueSerial: 42322, amountMinor: 50000, currency: "USD", cashDiscountSerial: 42306, cashDiscountPct: 2, status: "None", row: 4 },
  { customer: "2050", voucher: "Interest 1", type: "InterestNote", dateSerial: 42292, dueSerial: 42322, amountMinor: 700, currency: "USD", status: "None", row: 5 },
];

/** W1's payment: 700.00 USD from customer 2050 on 2015-10-25 (serial 42302). */
export const payment700: SettlementItem = { customer: "2050", voucher: "PAY1", type: "Payment", dateSerial: 42302, amountMinor: -70000, currency: "USD", status: "None", row: 6 };

/** W5's rates, accounting currency USD: EUR 1.123 from 2020-01-01 (43831), 1.120 from 2020-02-01 (43862). */
export const w5Rates: RateTable = rateTable([
  { currency: "EUR", dateSerial: 43831, rate: "1.123", row: 2 },
  { currency: "EUR", dateSerial: 43862, rate: "1.120", row: 3 },
], "USD");

/** W1's payment proposed against W1's items by due date (the default method) on 2015-10-25. */
export const w1Request: SettlementRequest = { credit: payment700, items: w1Items, dateSerial: 42302, method: { kind: "duedate" } };

/** The proposal of `w1Request`: Invoice 1 100.00, Invoice 2 250.00, Invoice 3 350.00, Interest 1 untouched. */
export const w1DueDate: Proposal = unwrap(proposeSettlement(w1Request));

/** `w1DueDate` posted in a USD book: journal SET-… and the items' new open amounts. */
export const w1Posted: PostedSettlement = unwrap(postSettlement(w1DueDate, { accountingCurrency: "USD" }));

/** After `w1Posted`: a second payment PAY2 of 200.00 on 2015-11-02 (42310) closes Invoice 3's 150.00 and Interest 1's 7.00, posted. */
export const pay2Posted: PostedSettlement = unwrap(postSettlement(unwrap(proposeSettlement({
  credit: { ...payment700, voucher: "PAY2", dateSerial: 42310, amountMinor: -20000, row: 7 },
  items: [{ ...(w1Items[2] as SettlementItem), amountMinor: 15000 }, w1Items[3] as SettlementItem],
  dateSerial: 42310,
  method: { kind: "duedate" },
})), { accountingCurrency: "USD" }));

/** W1's interest note on 2015-10-15 (42292): 2 % of Invoice 1 (2.00) and Invoice 2 (5.00), its journal one pair of lines per invoice. */
export const w1Note: InterestNote = unwrap(interestNotes(w1Items, 42292, { kind: "flat", percent: 2, minDays: 30, basis: "transaction" }))[0] as InterestNote;
// --- docb ---

import { type CreditBook, creditBook } from "../src/domain/credit/book";
import { type CompiledRule, compileRules, type Measures } from "../src/domain/credit/_lib/measure";
import { type BatchCheck, checkOrders } from "../src/domain/credit/batch";
import { checkCredit } from "../src/domain/credit/check";
import type { HoldRecord } from "../src/domain/credit/holds/types";
import type { BlockingRule, CreditCheckResult, Order } from "../src/domain/credit/types";
import type { Ctx } from "../src/domain/matching/_lib/context";
import { buildIndex, type LedgerIndex } from "../src/domain/matching/_lib/ledger-index";
import { DEFAULT_MATCH_OPTIONS, type MatchCustomer, type MatchItem, type StatementLine } from "../src/domain/matching/types";
import { DEFAULT_SETTLEMENT_OPTIONS } from "../src/domain/settlement/types";
import { type PaymentModel, trainPaymentModel } from "../src/domain/prediction/train";
import type { LedgerInvoice } from "../src/domain/prediction/types";
import { type CustomerHistory, historyAt, type HistorySummary } from "../src/domain/prediction/_lib/history";

/** Customer C2: USD, limit 0 (no credit). */
export const customerNoCredit: Customer = { ...customerWith10000, customer: "C2", creditLimitMinor: 0, row: 3 };

/** C1's open invoice of 9,000.00, dated 2024-05-01, due 2024-05-31: 30 days overdue on asOfSerial. */
export const c1Invoice: Transaction = {
  customer: "C1",
  voucher: "INV9",
  type: "Invoice",
  dateSerial: serialFromYmd(2024, 5, 1),
  dueSerial: serialFromYmd(2024, 5, 31),
  amountMinor: 900000,
  currency: "USD",
  status: "None",
  row: 2,
};

/** Open orders: SO1 of C1 (500.00), SO2 of C2 (1,000.00), SO3 of C1 invoiced already (not exposure). */
export const creditOrders: Order[] = [
  { order: "SO1", customer: "C1", amountMinor: 50000, currency: "USD", packingSlipMinor: 0, status: "Open", row: 2 },
  { order: "SO2", customer: "C2", amountMinor: 100000, currency: "USD", packingSlipMinor: 0, status: "Open", row: 3 },
  { order: "SO3", customer: "C1", amountMinor: 70000, currency: "USD", packingSlipMinor: 0, status: "Invoiced", row: 4 },
];

/**
 * The credit book on asOfSerial of C1 (limit 10,000.00; the 9,000.00 invoice, 30 days overdue; order
 * SO1 of 500.00: exposure 9,500.00) and C2 (limit 0; order SO2 of 1,000.00).
 */
export const creditBookC1C2: CreditBook = unwrap(creditBook({ customers: [customerWith10000, customerNoCredit], transactions: [c1Invoice], orders: creditOrders, asOfSerial }));

/** A blocking rule for all customers: held above 60 days overdue. */
export const block60All: BlockingRule = { ruleType: "DaysOverdue", validFor: "All", kind: "Blocking", valueType: "Days", value: "60", releaseOrder: false, row: 2 };
/** An exclusion for customer C1: up to 90 days overdue is fine. */
export const exclude90C1: BlockingRule = { ruleType: "DaysOverdue", validFor: "Customer", account: "C1", kind: "Exclusion", valueType: "Days", value: "90", releaseOrder: false, row: 3 };

/** What a rule measures for an order of 1,000.00 of a customer with nothing overdue, 5,000.00 of 10,000.00 used (USD). */
export const quietMeasures: Measures = {
  daysOverdue: 0,
  limitExpiredDays: null,
  overdueMinor: 0,
  orderMinor: 100000,
  limitMinor: 1000000,
  exposureMinor: 500000,
  exponent: 2,
  ignoreBlankExpiry: true,
};

/** A held order: SO1 of C1, 500.00, held at the packing slip for its credit limit. */
export const heldSO1: HoldRecord = { order: "SO1", customer: "C1", amountMinor: 50000, currency: "USD", status: "Hold", reasons: ["CreditLimit"], forced: false, step: "PackingSlip" };

/** C1's order of 1,500.00 checked on creditBookC1C2: exposure 11,000.00 of 10,000.00, held for the credit limit. */
export const heldCheck: CreditCheckResult = unwrap(checkCredit(creditBookC1C2, { customer: "C1", amountMinor: 150000 }, []));
/** C1's order of 100.00 checked on creditBookC1C2: exposure 9,600.00, OK. */
export const okCheck: CreditCheckResult = unwrap(checkCredit(creditBookC1C2, { customer: "C1", amountMinor: 10000 }, []));
/** The batch check of creditBookC1C2 without rules: SO1 OK, SO2 held (C2 has no credit), SO3 skipped (invoiced). */
export const creditBatch: BatchCheck = unwrap(checkOrders(creditBookC1C2, []));
/** block60All compiled. */
export const compiledBlock60All: readonly CompiledRule[] = compileRules([block60All]);

/**
 * Open SEK items for cash application: C0201 (Nordvik Bygg AS) INV-1 1,250.00 with OCR 12345682 and
 * INV-2 400.00 (invoice number 20452); C0305 (Skovgaard Møbler A/S) INV-3 800.00 with 2 % cash
 * discount until 2025-01-15.
 */
export const matchItems: MatchItem[] = [
  { customer: "C0201", voucher: "INV-1", type: "Invoice", dateSerial: serialFromYmd(2025, 1, 1), dueSerial: serialFromYmd(2025, 1, 31), amountMinor: 125000, currency: "SEK", status: "None", paymentReference: "12345682", row: 2 },
  { customer: "C0201", voucher: "INV-2", invoice: "20452", type: "Invoice", dateSerial: serialFromYmd(2025, 1, 10), dueSerial: serialFromYmd(2025, 2, 9), amountMinor: 40000, currency: "SEK", status: "None", row: 3 },
  {
    customer: "C0305",
    voucher: "INV-3",
    type: "Invoice",
    dateSerial: serialFromYmd(2025, 1, 5),
    dueSerial: serialFromYmd(2025, 2, 4),
    cashDiscountSerial: serialFromYmd(2025, 1, 15),
    cashDiscountPct: 2,
    amountMinor: 80000,
    currency: "SEK",
    status: "None",
    row: 4,
  },
];
/** C0201 pays from account SE35 5000 0000 0549 1000 0003; C0305 has no account on file. */
export const matchCustomers: MatchCustomer[] = [
  { customer: "C0201", name: "Nordvik Bygg AS", bankAccounts: ["SE35 5000 0000 0549 1000 0003"], row: 2 },
  { customer: "C0305", name: "Skovgaard Møbler A/S", bankAccounts: [], row: 3 },
];
/** Every item and customer indexed. */
export const matchIndex: LedgerIndex = buildIndex(matchItems, matchCustomers);
/** What the rules share: matchIndex, the default options (no tolerances). */
export const matchCtx: Ctx = { ix: matchIndex, options: DEFAULT_MATCH_OPTIONS, settlement: DEFAULT_SETTLEMENT_OPTIONS, codes: new Map() };
/** 1,250.00 SEK in on 2025-01-10 from C0201's account with OCR 12345682 (INV-1). */
export const ocrLine: StatementLine = {
  lineId: "L1",
  dateSerial: serialFromYmd(2025, 1, 10),
  amountMinor: 125000,
  currency: "SEK",
  counterparty: "NORDVIK BYGG AS",
  account: "SE3550000000054910000003",
  reference: "12345682",
  text: "",
  row: 2,
};

/**
 * The README's worked example for CC.PAYPREDICT: Prompt and Slow are invoiced 100.00 (no currency)
 * on the 1st and the 15th of every month of 2024, net 30; Prompt pays 5 days before the due date,
 * Slow 12 days after it; invoices dated from 2024-11-01 on are open. Vouchers V1, V2, ... alternate
 * Prompt, Slow.
 */
export const twoCustomers: LedgerInvoice[] = [];
for (let month = 1, v = 1; month <= 12; month++) {
  for (const day of [1, 15]) {
    const dateSerial = serialFromYmd(2024, month, day);
    const dueSerial = dateSerial + 30;
    for (const [customer, offset] of [["Prompt", -5], ["Slow", 12]] as const) {
      const open = dateSerial >= serialFromYmd(2024, 11, 1);
      const row = v + 1;
      twoCustomers.push({ customer, voucher: `V${v++}`, row, dateSerial, dueSerial, amountMinor: 10000, currency: "", ...(open ? {} : { closedSerial: dueSerial + offset }) });
    }
  }
}
/** The as-of date of the README's example: 2024-11-20. */
export const predictionAsOf = serialFromYmd(2024, 11, 20);
/** The model trained on twoCustomers as known on 2024-11-20. */
export const twoCustomersModel: PaymentModel = unwrap(trainPaymentModel(twoCustomers, predictionAsOf));
/** Slow's history in twoCustomersModel, and what it says on 2024-11-20 (19 invoices settled, each 12 days late). */
export const slowHistory: CustomerHistory | undefined = twoCustomersModel.histories.get("Slow");
export const slowSummary: HistorySummary = historyAt(slowHistory, predictionAsOf);

import { type CustomerRisk, riskJournal, type RiskReview, scoreCustomers } from "../src/domain/credit/risk/review";
import type { RiskGroupRange, ScoringGroup } from "../src/domain/credit/risk/score";
import type { AutomaticLimitRule } from "../src/domain/credit/risk/auto-limits";

/** C1 (a customer since 2015-07-01: 8 whole years on asOfSerial) and C2 (no CustomerSince). */
export const riskCustomers: Customer[] = [{ ...customerWith10000, customerSinceSerial: serialFromYmd(2015, 7, 1) }, customerNoCredit];

/** Tenure scoring: 10 points under 5 years, 30 from 5 years; blank tenure scores 0. */
export const tenureScoring: ScoringGroup[] = [{ name: "Tenure", attribute: "yearsAsCustomer", bands: [{ from: 0, to: 5, points: 10 }, { from: 5, points: 30 }] }];

/** Risk groups: Low from 20 points, High below. */
export const tenureRiskGroups: RiskGroupRange[] = [
  { riskGroup: "High", fromScore: 0, toScore: 19 },
  { riskGroup: "Low", fromScore: 20, toScore: 1000 },
];

/** The automatic limits: Low USD customers 20,000.00. */
export const lowLimit20000: AutomaticLimitRule[] = [{ riskGroup: "Low", currency: "USD", limitMinor: 2000000 }];

/** C1 and C2 scored on asOfSerial with c1Invoice as the ledger: C1 30 points (Low), C2 0. */
export const riskScores: CustomerRisk[] = unwrap(scoreCustomers({ customers: riskCustomers, items: [c1Invoice], extras: new Map(), groups: tenureScoring, riskGroups: tenureRiskGroups, asOfSerial }));

/** The review of those scores with the automatic limits: C1 proposed 20,000.00. */
const riskJournalC1 = unwrap(riskJournal(riskCustomers, riskScores, lowLimit20000, { asOfSerial }));
export const riskReviewC1: RiskReview = riskJournalC1 === undefined ? { scores: riskScores } : { scores: riskScores, journal: riskJournalC1 };
