/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { AGING_BASES, type AgingBasis, DEFAULT_AGING_BASIS } from "../domain/aging/periods";
import { CcInputError, ccError, unwrap } from "../domain/errors";
import { agingTable } from "../workbook/aging-output";
import { matchChoice } from "../workbook/cells";
import { readPeriods } from "../workbook/periods";
import { ageRange } from "../workbook/aging-input";
import { dateArg, optionalText, runFunction } from "./_lib/adapter";

/**
 * Ages open items by customer and currency as of a date.
 * @customfunction AGING
 * @param transactions Range with a header row: Customer, Amount and the basis date column (DueDate by default); Currency optional.
 * @param asOf As-of date: a date or ISO text such as "2015-10-25".
 * @param [periods] Upper bounds in days such as {30,60,90,120}, or rows of Label and Days with a blank Days last.
 * @param [basis] "due" (default), "transaction" or "document".
 * @returns Customer, Currency, Balance and one column per period, then one Total row per currency.
 */
export function aging(transactions: any[][], asOf: any, periods?: any[][], basis?: string): any[][] {
  return runFunction(() => agingFunction(transactions, asOf, periods ?? null, basis ?? null));
}

export function agingFunction(transactions: unknown, asOf: unknown, periods: unknown, basis: unknown): (string | number)[][] {
  const asOfSerial = dateArg(asOf, "asOf");
  const basisText = optionalText(basis, "basis") ?? DEFAULT_AGING_BASIS;
  const chosen = matchChoice<AgingBasis>(basisText, AGING_BASES, { DueDate: "due", TransactionDate: "transaction", Date: "transaction", DocumentDate: "document" });
  if (chosen === undefined) {
    throw new CcInputError([ccError("basis_must_be_known", { value: basisText }, { column: "basis" })]);
  }
  const definition = unwrap(readPeriods(periods, chosen));
  return agingTable(unwrap(ageRange(transactions, { asOfSerial, definition, basis: chosen })));
}
