import { isoFromSerial } from "../../src/domain/dates";
import { parseLocaleAmount } from "../../src/workbook/locale-amount";
import { createGateway } from "../../src/taskpane/office/gateway";
import { type Ledger, loadLedger } from "../../src/taskpane/settlement/ledger";
import { checkEdits, propose, proposeEdited, type AmountReader } from "../../src/taskpane/settlement/wizard";
import {
  customerCurrency, dateSerialOf, initialWizard, NEW_PAYMENT_VOUCHER, paymentCurrency, readTolerances, typedAmountError, type WizardAction, wizardInput, wizardReducer, type WizardState,
} from "../../src/taskpane/settlement/wizard-reducer";
import { Workbook } from "../../preview/workbook";
import { bookWithLedger, W1 } from "./_lib/ledger";

const TODAY = 42310;
const sv: AmountReader = (t, c) => parseLocaleAmount(t, "sv-SE", c);
const en: AmountReader = (t, c) => parseLocaleAmount(t, "en-US", c);

async function ledgerOf(book: Workbook = bookWithLedger()): Promise<Ledger> {
  const l = await loadLedger(createGateway(book.run), "Transactions");
  if (!l.ok) throw new Error(JSON.stringify(l.errors));
  return l.value;
}

/** W1 in kronor: the same ledger with SEK for USD. */
function swedishBook(): Workbook {
  const book = new Workbook();
  book.seed("Ledger", W1.map((r) => r.map((v) => (v === "USD" ? "SEK" : v))), "Transactions");
  return book;
}

const run = (s: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, s);

describe("the settlement wizard's reducer", () => {
  let ledger: Ledger;
  let loaded: WizardState;
  beforeAll(async () => {
    ledger = await ledgerOf();
    loaded = run(initialWizard(TODAY), { type: "ledgerLoaded", ledger, history: [], rates: undefined });
  });

  it("starts on today with no customer, no currency and the due-date method", () => {
    const s = initialWizard(TODAY);
    expect([s.customer, s.dateText, s.method, s.accountingCurrency, s.ledger]).toEqual(["", isoFromSerial(TODAY), "duedate", "", undefined]);
    expect(dateSerialOf(s)).toBe(TODAY);
  });

  it("takes the accounting currency from the ledger (most of its items), not a fixed default", async () => {
    expect(loaded.accountingCurrency).toBe("USD");
    const sek = run(initialWizard(TODAY), { type: "ledgerLoaded", ledger: await ledgerOf(swedishBook()), history: [], rates: undefined });
    expect(sek.accountingCurrency).toBe("SEK");
    // A currency the user typed survives a reload.
    const typed = run(loaded, { type: "accountingTyped", currency: " eur " }, { type: "ledgerLoaded", ledger, history: [], rates: undefined });
    expect(typed.accountingCurrency).toBe("EUR");
  });

  it("choosing a customer picks their first open payment and its date", () => {
    const s = run(loaded, { type: "customerChosen", customer: "2050" });
    expect(s.payment).toEqual({ kind: "row", voucher: "PAY-1" });
    expect(s.dateText).toBe(isoFromSerial(42302));
    expect(paymentCurrency(s)).toBe("USD");
  });

  it("a customer without an open payment gets a typed payment in their own currency", () => {
    const s = run(loaded, { type: "customerChosen", customer: "=1+1" });
    expect(s.payment).toEqual({ kind: "typed", voucher: NEW_PAYMENT_VOUCHER, amount: "", currency: "JPY" });
    expect(customerCurrency(ledger, "=1+1")).toBe("JPY");
  });

  it("opened on a customer before the ledger is loaded: waits, then chooses them", () => {
    const waiting = run(initialWizard(TODAY), { type: "openOn", customer: "2050" });
    expect([waiting.pendingCustomer, waiting.customer]).toEqual(["2050", ""]);
    const s = run(waiting, { type: "ledgerLoaded", ledger, history: [], rates: undefined });
    expect([s.pendingCustomer, s.customer, s.payment]).toEqual([undefined, "2050", { kind: "row", voucher: "PAY-1" }]);
  });

  it("opened on a customer with no open items: says so and chooses no one", () => {
    const s = run(initialWizard(TODAY), { type: "openOn", customer: "9999" }, { type: "ledgerLoaded", ledger, history: [], rates: undefined });
    expect([s.customer, s.missingCustomer, s.pendingCustomer]).toEqual(["", "9999", undefined]);
    expect(run(loaded, { type: "openOn", customer: "2050" }).customer).toBe("2050");
  });

  it("any change of a choice drops the proposal and its edits", () => {
    const chosen = run(loaded, { type: "customerChosen", customer: "2050" });
    const input = wizardInput(chosen, en);
    if (input === undefined) throw new Error("no input");
    const proposed = run(chosen, { type: "proposed", result: propose(ledger, input) });
    expect(proposed.proposal?.lines.map((l) => l.amountToSettleMinor)).toEqual([10000, 25000, 35000, 0]);
    for (const a of [{ type: "methodChosen", method: "priority" }, { type: "dateTyped", text: "2015-10-26" }, { type: "toleranceTyped", key: "maxOverUnderMinor", text: "1" }, { type: "paymentKindChosen", kind: "typed" }] as WizardAction[]) {
      const after = run(proposed, a);
      expect([after.proposal, after.base, after.edits.size]).toEqual([undefined, undefined, 0]);
    }
  });

  it("edits of the review are proposed again through the domain's editProposal; a bad edit keeps the last good proposal", () => {
    const chosen = run(loaded, { type: "customerChosen", customer: "2050" });
    const input = wizardInput(chosen, sv);
    if (input === undefined) throw new Error("no input");
    const proposed = run(chosen, { type: "proposed", result: propose(ledger, input) });
    const base = proposed.base;
    if (base === undefined) throw new Error("no proposal");
    const edits = new Map([["INV-3", "300,00"]]);
    const checked = checkEdits(base, edits, sv);
    expect(checked.edits).toEqual([{ voucher: "INV-3", amountToSettleMinor: 30000 }]);
    const edited = run(proposed, { type: "edited", edits, errors: checked.errors, result: proposeEdited(ledger, input, base, checked.edits) });
    expect(edited.proposal?.unappliedMinor).toBe(5000);
    const bad = new Map([["INV-3", "1,500"]]);
    const badChecked = checkEdits(base, bad, sv);
    expect(badChecked.errors.get("INV-3")).toMatchObject({ code: "amount_to_settle_must_be_an_amount", reason: "amount_is_ambiguous" });
    const after = run(edited, { type: "edited", edits: bad, errors: badChecked.errors, result: undefined });
    expect([after.proposal?.unappliedMinor, after.editErrors.size, after.edits.get("INV-3")]).toEqual([5000, 1, "1,500"]);
  });

  it("after a post the review starts over on the fresh ledger with the payment given", () => {
    const chosen = run(loaded, { type: "customerChosen", customer: "2050" });
    const input = wizardInput(chosen, en);
    if (input === undefined) throw new Error("no input");
    const proposed = run(chosen, { type: "proposed", result: propose(ledger, input) });
    expect(proposed.proposal).toBeDefined();
    const posted = run(proposed, { type: "posted", ledger, history: [], rates: undefined, payment: { kind: "typed", voucher: "PAY-NEW", amount: "", currency: "USD" } });
    expect([posted.proposal, posted.customer, posted.payment.kind]).toEqual([undefined, "2050", "typed"]);
  });

  it("reads the tolerances in the pane's language and the payment's currency; blank is 0", () => {
    const chosen = run(loaded, { type: "customerChosen", customer: "2050" }, { type: "toleranceTyped", key: "maxPennyDifferenceMinor", text: "0,05" }, { type: "toleranceTyped", key: "maxOverUnderMinor", text: " " });
    expect(readTolerances(chosen, sv)).toEqual({ values: { maxPennyDifferenceMinor: 5, maxOverUnderMinor: 0 }, errors: {} });
    expect(wizardInput(chosen, sv)?.options).toEqual({ maxPennyDifferenceMinor: 5, maxOverUnderMinor: 0 });
  });

  describe("invalid input", () => {
    it.each([
      ["sv", sv, "1,500", "amount_is_ambiguous"],
      ["sv", sv, "0.05", "amount_is_not_a_number"],
      ["en", en, "0,05", "amount_is_not_a_number"],
      ["en", en, "0.001", "amount_has_too_many_decimals"],
    ])("a tolerance in %s: %#", (_, parse, text, reason) => {
      const s = run(loaded, { type: "customerChosen", customer: "2050" }, { type: "toleranceTyped", key: "maxPennyDifferenceMinor", text });
      expect(readTolerances(s, parse).errors.maxPennyDifferenceMinor).toMatchObject({ reason });
      expect(wizardInput(s, parse)).toBeUndefined();
    });

    it("a negative tolerance is refused", () => {
      const s = run(loaded, { type: "customerChosen", customer: "2050" }, { type: "toleranceTyped", key: "maxOverUnderMinor", text: "-1" });
      expect(readTolerances(s, en).errors.maxOverUnderMinor).toMatchObject({ code: "max_over_under_must_be_an_amount", reason: "amount_is_negative" });
    });

    it("no date, no customer or no ledger: nothing to propose", () => {
      expect(wizardInput(run(loaded, { type: "customerChosen", customer: "2050" }, { type: "dateTyped", text: "" }), en)).toBeUndefined();
      expect(wizardInput(loaded, en)).toBeUndefined();
      expect(wizardInput(initialWizard(TODAY), en)).toBeUndefined();
    });

    it.each([
      ["1 918,18", undefined],
      ["1,500", "amount_is_ambiguous"],
      ["10.50", "amount_is_not_a_number"],
      ["12 €", "amount_currency_mismatch"],
    ])("a typed payment of %j in Swedish: %s", async (amount, reason) => {
      const sek = await ledgerOf(swedishBook());
      const s = run(initialWizard(TODAY), { type: "ledgerLoaded", ledger: sek, history: [], rates: undefined }, { type: "customerChosen", customer: "2050" }, { type: "paymentKindChosen", kind: "typed" }, { type: "typedPaymentChanged", patch: { amount } });
      expect(typedAmountError(s, sv)?.reason).toBe(reason);
    });

    it("an edit action before any proposal changes nothing", () => {
      expect(run(loaded, { type: "edited", edits: new Map([["INV-1", "1"]]), errors: new Map(), result: undefined })).toBe(loaded);
    });
  });
});
