/**
 * What the rules of cash application share while a statement is matched: the ledger index with
 * its open amounts (consumed line by line), the options, and the decision a rule reaches.
 */
import type { DiscountCode, SettlementOptions } from "../../settlement/types";
import type { Confidence, MatchOptions } from "../types";
import type { LedgerIndex } from "./ledger-index";

export interface Ctx {
  readonly ix: LedgerIndex;
  readonly options: MatchOptions;
  readonly settlement: SettlementOptions;
  readonly codes: ReadonlyMap<string, DiscountCode>;
}

export interface Decision {
  readonly customer: string;
  readonly confidence: Confidence;
  readonly rule: string;
  /** Items to settle, in order. */
  readonly items: readonly number[];
  /** The payer paid in full and took no discount: settle without one. */
  readonly noDiscount?: boolean;
}

