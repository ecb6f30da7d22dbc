/**
 * A cancelled payment's settlements count as unapplied everywhere (docs/reliability.md): the NSF
 * posts its unapply lines into the NSF journal, and the one settlement-history reader
 * (src/workbook/settlement-history.ts) makes the settlement wizard neither offer nor perform an
 * Unapply of them, and a second NSF of the same payment finds nothing left to cancel.
 */
import { Workbook } from "../../preview/workbook";
import { nsfPreview, postNsf } from "../../src/taskpane/collections/actions";
import { loadWorkspace, type Workspace } from "../../src/taskpane/collections/workspace";
import { createGateway } from "../../src/taskpane/office/gateway";
import { loadLedger } from "../../src/taskpane/settlement/ledger";
import { postProposal, propose, readHistory, unapply, unappliable } from "../../src/taskpane/settlement/wizard";
import { settlementHistory } from "../../src/workbook/settlement-history";
import { W1 } from "./_lib/ledger";

const DAY = 42302;

async function settledBook() {
  const book = new Workbook();
  book.seed("Ledger", W1, "Transactions");
  book.seed("Customers", [["Customer", "Name"], ["2050", "Alpha Trading"], ["=1+1", "Formula Ltd"]], "Customers");
  const gw = createGateway(book.run);
  const l = await loadLedger(gw, "Transactions");
  if (!l.ok) throw new Error(JSON.stringify(l.errors));
  const p = propose(l.value, { customer: "2050", payment: { kind: "row", voucher: "PAY-1" }, dateSerial: DAY, method: "duedate", options: {} });
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  const posted = await postProposal(gw, l.value, { proposal: p.value, accountingCurrency: "USD", history: [] });
  if (!posted.ok) throw new Error(JSON.stringify(posted.errors));
  return { book, gw, settlementId: posted.value.journalId };
}

async function workspace(gw: ReturnType<typeof createGateway>): Promise<Workspace> {
  const ws = await loadWorkspace(gw, { asOfSerial: DAY + 5, accountingCurrency: "USD" });
  if (!ws.ok) throw new Error(JSON.stringify(ws.errors));
  return ws.value;
}

describe("NSF and the settlement history", () => {
  it("after an NSF the wizard no longer offers the payment's settlement, and Unapply is refused", async () => {
    const { book, gw, settlementId } = await settledBook();
    const before = await readHistory(gw);
    expect(before.ok && unappliable(before.value, "2050").map((s) => s.journalId)).toEqual([settlementId]);

    const ws = await workspace(gw);
    const nsf = nsfPreview(ws, { customer: "2050", voucher: "PAY-1", dateSerial: DAY + 5, reason: "NSF" });
    if (!nsf.ok) throw new Error(JSON.stringify(nsf.errors));
    // PAY-1 (700.00) had settled INV-1 100.00, INV-2 250.00 and INV-3 350.00 (W1 by due date).
    expect(Object.fromEntries(nsf.value.changes.map((c) => [c.voucher, c.deltaMinor]))).toEqual({ "INV-1": 10000, "INV-2": 25000, "INV-3": 35000, "PAY-1": 0 });
    const posted = await postNsf(gw, ws, nsf.value);
    expect(posted.ok).toBe(true);
    // The unapply lines are in the NSF journal only: the Settlement journal still holds just the settlement.
    const settlementRows = book.usedValues(book.sheet("Settlement journal") as never).slice(1);
    expect(settlementRows.every((r) => r[0] === settlementId)).toBe(true);

    const after = await readHistory(gw);
    if (!after.ok) throw new Error(JSON.stringify(after.errors));
    expect(after.value.filter((l) => l.correctsJournalId === settlementId).length).toBeGreaterThan(0);
    expect(unappliable(after.value, "2050")).toEqual([]);
    const l = await loadLedger(gw, "Transactions");
    if (!l.ok) throw new Error("no ledger");
    const again = await unapply(gw, l.value, after.value, settlementId, DAY + 6);
    expect(!again.ok && again.errors[0]?.code).toBe("settlement_must_not_be_unapplied_twice");
    // The ledger keeps what the NSF wrote: the invoices open again, the payment closed.
    expect(l.value.transactions.slice(0, 5).map((t) => t.amountMinor)).toEqual([10000, 25000, 50000, 700, 0]);

    // A second NSF of the same payment on another day finds nothing left to cancel.
    const second = nsfPreview(await workspace(gw), { customer: "2050", voucher: "PAY-1", dateSerial: DAY + 9, reason: "NSF" });
    expect(!second.ok && second.errors[0]?.code).toBe("payment_must_not_be_cancelled");
  });

  describe("invalid input", () => {
    it("an NSF journal line that corrects no settlement is not settlement history", () => {
      const line = {
        journalId: "UNA-X", lineNumber: 1, dateSerial: DAY, customer: "2050", voucher: "INV-1", offsetVoucher: "", amountMinor: 100, currency: "USD", accountingMinor: 100,
        accountingCurrency: "USD", accountType: "Customer" as const, accountRole: "Customer", reason: "", linkId: "L", correctsJournalId: "SET-UNKNOWN",
        lineType: "Customer" as const, dimension: "", postingProfile: "", account: "", taxCode: "",
      };
      expect(settlementHistory([], [line])).toEqual([]);
      expect(settlementHistory([], [{ ...line, correctsJournalId: undefined } as never])).toEqual([]);
    });

    it("a malformed NSF journal table is refused with the table named", async () => {
      const { book, gw } = await settledBook();
      book.seed("NSF journal", [["JournalId", "Line", "Date", "LineType", "Customer", "Currency", "Debit", "Credit", "Voucher", "AccountingAmount", "AccountingCurrency", "AccountRole", "LinkId"], ["UNA-1", 1, DAY, "Customer", "2050", "USD", "abc", "", "INV-1", 1, "USD", "Customer", "L"]], "NsfJournal");
      const h = await readHistory(gw);
      expect(!h.ok && h.errors[0]?.table).toBe("NSF journal");
    });
  });
});
