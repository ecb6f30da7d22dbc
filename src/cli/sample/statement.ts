/**
 * Statements that pay a ledger's invoices, labelled with the truth (which customer, which
 * vouchers), with the noise real bank files have: structured references, invoice numbers in free
 * text (some with a typo), combined payments, short payments after a bank fee, payer names that
 * differ from the customer's, payments by account only, cash discounts taken, and lines that belong
 * to no customer. The sample statement and the matching benchmark both come from here.
 */
import { type StatementLine } from "../../domain/matching/types";
import { Prng } from "../_lib/prng";

export interface PayableItem {
  readonly customer: string;
  readonly voucher: string;
  readonly invoice: string;
  readonly dateSerial: number;
  readonly dueSerial: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly paymentReference: string;
  readonly cashDiscountSerial?: number;
  readonly cashDiscountPct?: number;
}

export interface Payer {
  readonly customer: string;
  readonly name: string;
  readonly accounts: readonly string[];
}

/** What the line really pays: the customer and vouchers ("" and [] for a line of no customer). */
export interface Truth {
  readonly customer: string;
  readonly vouchers: readonly string[];
}

export interface LabelledLine {
  readonly line: StatementLine;
  readonly truth: Truth;
  /** The kind of payment generated, for reports. */
  readonly kind: string;
}

/** Shares of each kind of payment (the rest pay by structured reference). */
export interface Noise {
  readonly invoiceInText: number;
  readonly typo: number;
  readonly combined: number;
  readonly bankFee: number;
  readonly accountOnly: number;
  readonly nameOnly: number;
  /** Lines of no customer, per paying line. */
  readonly foreign: number;
  /** Share of lines whose payer name differs from the customer's name. */
  readonly otherName: number;
  /** Bank fee in minor units. */
  readonly feeMinor: number;
}

export const SAMPLE_NOISE: Noise = { invoiceInText: 0.12, typo: 0.03, combined: 0.08, bankFee: 0.05, accountOnly: 0.06, nameOnly: 0.03, foreign: 0.02, otherName: 0.3, feeMinor: 1500 };

export interface StatementPlan {
  readonly items: readonly PayableItem[];
  readonly payers: ReadonlyMap<string, Payer>;
  /** Payments are dated from `fromSerial` to `toSerial`. */
  readonly fromSerial: number;
  readonly toSerial: number;
  /** Share of the items that get paid. */
  readonly paidShare: number;
  readonly noise: Noise;
  readonly seed: number;
  readonly linePrefix?: string;
}

const FOREIGN = ["Skatteverket", "Okänd insättare", "Nets Denmark A/S", "Vipps MobilePay", "Refund Booking.com", "Ukjent innbetaler"];

/**
 * Statement lines, in date order, paying about `paidShare` of the items.
 * @example generateStatement({ items, payers, fromSerial, toSerial, paidShare: 0.7, noise: SAMPLE_NOISE, seed: 1 }).length // > 0
 */
export function generateStatement(plan: StatementPlan): LabelledLine[] {
  const rng = new Prng(plan.seed);
  const n = plan.noise;
  const span = plan.toSerial - plan.fromSerial;
  const out: LabelledLine[] = [];
  const byCustomer = new Map<string, PayableItem[]>();
  for (const it of plan.items) {
    const list = byCustomer.get(`${it.customer}\u0000${it.currency}`);
    if (list === undefined) byCustomer.set(`${it.customer}\u0000${it.currency}`, [it]);
    else list.push(it);
  }
  let id = 0;
  const push = (l: Omit<StatementLine, "lineId" | "row">, truth: Truth, kind: string): void => {
    id++;
    out.push({ line: { ...l, lineId: `${plan.linePrefix ?? "BK"}-${String(id).padStart(6, "0")}`, row: id }, truth, kind });
  };
  for (const list of byCustomer.values()) {
    const queue = list.filter(() => rng.chance(plan.paidShare));
    while (queue.length > 0) {
      const first = queue.shift() as PayableItem;
      const payer = plan.payers.get(first.customer);
      const roll = rng.next();
      const kinds: [string, number][] = [["invoice in text", n.invoiceInText], ["typo", n.typo], ["combined", n.combined], ["bank fee", n.bankFee], ["account only", n.accountOnly], ["name only", n.nameOnly]];
      let edge = 0;
      const kind = kinds.find(([, share]) => roll < (edge += share))?.[0] ?? "reference";
      const paid = kind === "combined" && queue.length > 0 ? [first, queue.shift() as PayableItem] : [first];
      const date = Math.min(plan.toSerial, Math.max(plan.fromSerial + rng.int(0, span), first.dateSerial + 1));
      // A payer within the discount period takes the discount.
      const due = paid.reduce((s, it) => s + it.amountMinor - (it.cashDiscountPct !== undefined && it.cashDiscountSerial !== undefined && date <= it.cashDiscountSerial ? Math.round((it.amountMinor * it.cashDiscountPct) / 100) : 0), 0);
      const amountMinor = kind === "bank fee" ? due - n.feeMinor : due;
      const name = payer === undefined ? "" : rng.chance(n.otherName) ? otherName(payer.name, rng) : payer.name;
      const account = payer === undefined || payer.accounts.length === 0 ? "" : rng.pick(payer.accounts);
      const refs = paid.map((it) => it.paymentReference).filter((r) => r !== "");
      const invoices = paid.map((it) => it.invoice);
      const base = { dateSerial: date, amountMinor, currency: first.currency, counterparty: name, account: "", reference: "", text: "" };
      const truth = { customer: first.customer, vouchers: paid.map((it) => it.voucher) };
      switch (kind) {
        case "invoice in text":
          push({ ...base, text: `${rng.pick(["Faktura", "Fakt.", "Invoice", "Faktura nr", "Fakturanr"])} ${invoices.join("/")}` }, truth, kind);
          break;
        case "typo":
          push({ ...base, text: `Faktura ${typo(first.invoice, rng)}`, account }, truth, kind);
          break;
        case "combined":
          push(rng.chance(0.5) && refs.length === paid.length ? { ...base, reference: refs.join(" ") } : { ...base, text: `Fakturor ${invoices.join(rng.pick(["/", ", ", " + ", " & "]))}` }, truth, kind);
          break;
        case "account only":
          push({ ...base, account }, truth, kind);
          break;
        case "name only":
          push({ ...base, counterparty: payer?.name ?? name }, truth, kind);
          break;
        default:
          push(refs.length > 0 ? { ...base, reference: refs.join(" "), account: rng.chance(0.5) ? account : "" } : { ...base, text: `Faktura ${invoices.join("/")}` }, truth, kind);
      }
      if (rng.chance(n.foreign)) {
        push({ dateSerial: plan.fromSerial + rng.int(0, span), amountMinor: rng.int(100, 90000) * 100 + rng.int(1, 99), currency: first.currency, counterparty: rng.pick(FOREIGN), account: "", reference: "", text: rng.pick(["", "Återbetalning", "Utbetaling", "Refusion"]) }, { customer: "", vouchers: [] }, "no customer");
      }
    }
  }
  out.sort((a, b) => a.line.dateSerial - b.line.dateSerial || a.line.row - b.line.row);
  // Numbered in statement (date) order.
  return out.map((l, i) => ({ ...l, line: { ...l.line, lineId: `${plan.linePrefix ?? "BK"}-${String(i + 1).padStart(6, "0")}`, row: i + 1 } }));
}

/** The payer's name as a bank may show it: upper case, legal form dropped, abbreviated, or a parent. */
function otherName(name: string, rng: Prng): string {
  const words = name.split(" ");
  switch (rng.int(0, 3)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return words.slice(0, -1).join(" ");
    case 2:
      return `${words[0] ?? ""} Holding`;
    default:
      return `${(words[0] ?? "").slice(0, 8)} ${words.slice(1, -1).join(" ")}`.trim();
  }
}

/** One typo: two neighbouring digits swapped, or one digit changed. */
function typo(invoice: string, rng: Prng): string {
  const i = rng.int(0, Math.max(0, invoice.length - 2));
  if (rng.chance(0.5) && invoice[i] !== invoice[i + 1]) return invoice.slice(0, i) + (invoice[i + 1] ?? "") + (invoice[i] ?? "") + invoice.slice(i + 2);
  const d = (Number(invoice[i]) + rng.int(1, 9)) % 10;
  return invoice.slice(0, i) + String(d) + invoice.slice(i + 1);
}
