/**
 * The two parameter checks of docs/domain.md §5.3: an order whose payment terms (or cash discount) rank
 * higher than the customer's default is held. Ranks are relative numbers; ties pass.
 */
import { ccError, type CcError, type ErrorCode, fail, ok, type Result } from "../../errors";
import type { Customer, ReasonCode } from "../types";
import { normalizeKey } from "./keys";

interface RankInputs {
  readonly paymentTerms?: string | undefined;
  readonly cashDiscount?: string | undefined;
}

interface RankOptions {
  readonly paymentTermsRanks?: ReadonlyMap<string, number>;
  readonly cashDiscountRanks?: ReadonlyMap<string, number>;
}

/** The columns that can be ranked, and the codes of each. */
export type RankedColumn = "payment_terms" | "cash_discount";
const RANK_CODES = {
  payment_terms: { missing: "payment_terms_must_have_a_rank", malformed: "payment_terms_ranks_must_be_code_equals_number", option: "PaymentTermsRanks" },
  cash_discount: { missing: "cash_discount_must_have_a_rank", malformed: "cash_discount_ranks_must_be_code_equals_number", option: "CashDiscountRanks" },
} as const satisfies Record<RankedColumn, { missing: ErrorCode; malformed: ErrorCode; option: string }>;

/**
 * The rank holds of one order against the customer's defaults (ties pass; a code without a rank is an error).
 * @example
 * const ranks = parseRanks("Net10=1; Net30=2; Net60=3", "payment_terms").value;
 * rankReasons({ ...customerWith10000, paymentTerms: "Net30" }, { paymentTerms: "Net60" }, { paymentTermsRanks: ranks }).value // ["PaymentTermsRank"]
 * rankReasons({ ...customerWith10000, paymentTerms: "Net30" }, { paymentTerms: "Net10" }, { paymentTermsRanks: ranks }).value // []
 * rankReasons({ ...customerWith10000, paymentTerms: "Net30" }, { paymentTerms: "Net90" }, { paymentTermsRanks: ranks }).errors[0].code // "payment_terms_must_have_a_rank"
 */
export function rankReasons(customer: Customer, order: RankInputs, options: RankOptions): Result<ReasonCode[]> {
  const reasons: ReasonCode[] = [];
  const errors: CcError[] = [];
  const compare = (ranks: ReadonlyMap<string, number> | undefined, orderCode: string | undefined, defaultCode: string | undefined, reason: ReasonCode, what: RankedColumn): void => {
    if (ranks === undefined || orderCode === undefined || defaultCode === undefined) return;
    const o = ranks.get(normalizeKey(orderCode));
    const d = ranks.get(normalizeKey(defaultCode));
    for (const [code, rank] of [[orderCode, o], [defaultCode, d]] as const) {
      if (rank === undefined) errors.push(ccError(RANK_CODES[what].missing, { code }, { column: what === "payment_terms" ? "PaymentTerms" : "CashDiscount" }));
    }
    if (o !== undefined && d !== undefined && o > d) reasons.push(reason);
  };
  compare(options.paymentTermsRanks, order.paymentTerms, customer.paymentTerms, "PaymentTermsRank", "payment_terms");
  compare(options.cashDiscountRanks, order.cashDiscount, customer.cashDiscount, "CashDiscountRank", "cash_discount");
  return errors.length > 0 ? fail(...errors) : ok(reasons);
}

/**
 * Ranks from text such as "Net10=1; Net30=2; Net60=3" (`:` also separates).
 * @example parseRanks("Net10=1; Net30=2", "payment_terms").value.get("net30") // 2
 */
export function parseRanks(text: string, what: RankedColumn): Result<Map<string, number>> {
  const ranks = new Map<string, number>();
  for (const part of text.split(/[;,\n]/)) {
    if (part.trim() === "") continue;
    const m = /^\s*(.+?)\s*[=:]\s*([+-]?\d+(?:\.\d+)?)\s*$/.exec(part);
    if (m === null || m[1] === undefined || m[2] === undefined) {
      return fail(ccError(RANK_CODES[what].malformed, { part: part.trim() }, { column: RANK_CODES[what].option }));
    }
    ranks.set(normalizeKey(m[1]), Number(m[2]));
  }
  return ok(ranks);
}
