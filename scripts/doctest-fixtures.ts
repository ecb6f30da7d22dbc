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
