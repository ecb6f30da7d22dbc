import { isoFromSerial } from "../../src/domain/dates";
import { createGateway } from "../../src/taskpane/office/gateway";
import { type Ledger, loadLedger } from "../../src/taskpane/settlement/ledger";
import { proposal } from "../../src/taskpane/writeoff/writeoff";
import { canPreview, initialWriteOff, openItemsOf, type WriteOffAction, writeOffDate, writeOffReducer, type WriteOffState } from "../../src/taskpane/writeoff/writeoff-reducer";
import { bookWithLedger } from "./_lib/ledger";

const run = (s: WriteOffState, ...actions: WriteOffAction[]): WriteOffState => actions.reduce(writeOffReducer, s);

describe("the write-off screen's reducer", () => {
  let ledger: Ledger;
  let loaded: WriteOffState;
  beforeAll(async () => {
    const l = await loadLedger(createGateway(bookWithLedger().run), "Transactions");
    if (!l.ok) throw new Error("no ledger");
    ledger = l.value;
    loaded = run(initialWriteOff(42302), { type: "ledgerLoaded", ledger });
  });

  it("choosing a customer chooses all their open items", () => {
    const s = run(loaded, { type: "customerChosen", customer: "2050" });
    expect([...s.selected]).toEqual(["INV-1", "INV-2", "INV-3", "INT-1", "PAY-1"]);
    expect(openItemsOf(ledger, "2050")).toHaveLength(5);
    expect(canPreview(s)).toBe(true);
  });

  it("previews, and any change drops the preview", () => {
    const s = run(loaded, { type: "customerChosen", customer: "2050" }, { type: "itemToggled", voucher: "INV-1", on: false }, { type: "itemToggled", voucher: "INV-2", on: false }, { type: "reasonTyped", reason: "BADDEBT" });
    const previewed = run(s, { type: "previewed", result: proposal(ledger, { customer: "2050", vouchers: [...s.selected], reason: "BADDEBT", dateSerial: 42302, separateSalesTax: false }) });
    expect(previewed.preview?.items.map((i) => i.voucher)).toEqual(["INV-3", "INT-1", "PAY-1"]);
    expect(run(previewed, { type: "salesTaxChosen", on: true }).preview).toBeUndefined();
    expect(run(previewed, { type: "itemToggled", voucher: "INV-1", on: true }).preview).toBeUndefined();
  });

  it("starts over after a post: no customer, no items, no reason", () => {
    const s = run(loaded, { type: "customerChosen", customer: "2050" }, { type: "reasonTyped", reason: "X" }, { type: "posted", ledger });
    expect([s.customer, s.selected.size, s.reason, s.preview]).toEqual(["", 0, "", undefined]);
  });

  describe("invalid input", () => {
    it("a blank reason is refused by the preview, next to the reason", () => {
      const s = run(loaded, { type: "customerChosen", customer: "2050" });
      const r = run(s, { type: "previewed", result: proposal(ledger, { customer: "2050", vouchers: [...s.selected], reason: " ", dateSerial: 42302, separateSalesTax: false }) });
      expect(r.errors.map((e) => e.code)).toContain("reason_must_not_be_blank");
    });

    it("no items or no date: no preview can be asked", () => {
      const s = run(loaded, { type: "customerChosen", customer: "2050" });
      expect(canPreview(run(s, ...[...s.selected].map((voucher): WriteOffAction => ({ type: "itemToggled", voucher, on: false }))))).toBe(false);
      const noDate = run(s, { type: "dateTyped", text: "not a date" });
      expect([writeOffDate(noDate), canPreview(noDate)]).toEqual([undefined, false]);
      expect(initialWriteOff(42302).dateText).toBe(isoFromSerial(42302));
    });
  });
});
