/**
 * The engine's data words shown in the task pane — hold reasons, transaction types and the default
 * aging period labels — in the
 * pane's language. The values themselves stay English in the workbook (they are what the functions
 * and the CLI read: `Invoice`, `CreditLimit`); the pane shows the catalog's word for a value it
 * knows and any other value (a type or reason the engine does not define) as it is.
 */
import * as React from "react";
import { NOT_DUE_LABEL } from "../../domain/aging/periods";
import type { HoldReason } from "../../domain/credit/holds/types";
import type { TransactionType } from "../../domain/types";
import { useT } from "./I18nProvider";

/** Every hold reason of the engine and its catalog key (credit.*); the Record type makes it complete. */
export const HOLD_REASON_KEYS: Readonly<Record<HoldReason, string>> = {
  CreditLimit: "credit.reason.CreditLimit",
  CreditGroupLimit: "credit.reason.CreditGroupLimit",
  Mandatory: "credit.reason.Mandatory",
  DaysOverdue: "credit.reason.DaysOverdue",
  AccountStatus: "credit.reason.AccountStatus",
  PaymentTerms: "credit.reason.PaymentTerms",
  CreditLimitExpired: "credit.reason.CreditLimitExpired",
  OverdueAmount: "credit.reason.OverdueAmount",
  SalesOrderAmount: "credit.reason.SalesOrderAmount",
  CreditLimitUsed: "credit.reason.CreditLimitUsed",
  PaymentTermsRank: "credit.reason.PaymentTermsRank",
  CashDiscountRank: "credit.reason.CashDiscountRank",
  Manual: "credit.reason.Manual",
};

/** Every transaction type of the engine and its catalog key (data.*). */
export const TRANSACTION_TYPE_KEYS: Readonly<Record<TransactionType, string>> = {
  Invoice: "data.type.Invoice",
  CreditNote: "data.type.CreditNote",
  Payment: "data.type.Payment",
  Refund: "data.type.Refund",
  InterestNote: "data.type.InterestNote",
  Fee: "data.type.Fee",
  CollectionLetter: "data.type.CollectionLetter",
};

/** The word for `value` by `keys`, or `value` itself when it is not one of the keys' values. */
export function dataWord(t: (id: string) => string, keys: Readonly<Record<string, string>>, value: string): string {
  const key = Object.prototype.hasOwnProperty.call(keys, value) ? keys[value] : undefined;
  return key === undefined ? value : t(key);
}

/**
 * An aging period label: the engine's default labels (`Not due`, `Over 120`) in the pane's
 * language; any other label (from the user's own periods table, or `1-30`) as it is.
 */
export function periodWord(t: (id: string, values?: Record<string, string>) => string, label: string): string {
  if (label === NOT_DUE_LABEL) return t("data.period.notDue");
  const over = /^Over (\d+)$/.exec(label);
  return over?.[1] === undefined ? label : t("data.period.over", { days: over[1] });
}

export interface DataWords {
  /** A hold reason (`CreditLimit` -> "Kreditgräns" in sv). */
  readonly reason: (reason: string) => string;
  /** A transaction type (`Invoice` -> "Faktura" in sv). */
  readonly type: (type: string) => string;
  /** An aging period label (`Not due` -> "Ej förfallet" in sv). */
  readonly period: (label: string) => string;
}

/** Hold reasons and transaction types in the pane's language. */
export function useDataWords(): DataWords {
  const t = useT();
  return React.useMemo(() => ({
    reason: (reason: string) => dataWord(t, HOLD_REASON_KEYS, reason),
    type: (type: string) => dataWord(t, TRANSACTION_TYPE_KEYS, type),
    period: (label: string) => periodWord(t, label),
  }), [t]);
}
