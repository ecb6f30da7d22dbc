/**
 * `cc nsf`: cancel a bounced payment (not sufficient funds) on the ledger as it stands, as CC.NSF
 * previews it: its settlements (read from the `Settlement journal` sheet) are unapplied latest
 * first, the invoices reopen, the payment is reversed against the bank and, with --fee, an NSF fee
 * is charged. The cancellation is the demo's (`src/cli/_lib/nsf.ts`). Writes `NSF changes`
 * (Voucher, Type, Change, Balance, Currency) and `NSF journal` (the Write-off journal's columns).
 */
import { exponentOf, minorToNumber, parseMoney } from "../../domain/money";
import { readCollectionsJournal } from "../../workbook/collections-journal";
import { settlementHistory } from "../../workbook/settlement-history";
import { readJournalLines } from "../../workbook/settlement-journal";
import { NSF_HEADER } from "../../workbook/nsf";
import { postedJournalIds, writeOffJournalTable } from "../../workbook/writeoff";
import { checkNotPosted } from "../../domain/journal";
import { COMMON_OPTIONS } from "../_lib/args";
import { CliError, inputError, USAGE_EXIT } from "../_lib/cli-error";
import type { Command, CommandResult } from "../_lib/command";
import type { RunContext } from "../_lib/context";
import { formatAmount } from "../_lib/format";
import { LEDGER_OPTIONS, loadLedger, must } from "../_lib/ledger";
import { cancelPayments } from "../_lib/nsf";
import { parseDate } from "../../domain/dates";
import { plainRequest } from "../_lib/tables";

export const NSF_JOURNAL_SHEET = "NSF journal";

export const nsfCommand: Command = {
  spec: {
    name: "nsf",
    summary: "Cancel a bounced payment: unapply its settlements, reverse it, charge an NSF fee (as CC.NSF does).",
    usage: "<input.xlsx> --payment VOUCHER --reason CODE [--date DATE] [--customer C] [--fee AMOUNT] [options]",
    options: [
      ...COMMON_OPTIONS,
      ...LEDGER_OPTIONS,
      { name: "payment", value: "VOUCHER", description: "the bounced payment's voucher (required)" },
      { name: "reason", value: "CODE", description: "reason code (required), e.g. NSF" },
      { name: "date", value: "DATE", description: "date of the cancellation (default: --as-of)" },
      { name: "customer", value: "ID", description: "the payment's customer, when vouchers repeat across customers" },
      { name: "fee", value: "AMOUNT", description: "NSF fee in the payment's currency, e.g. 25" },
    ],
    details: `Reads the ledger, the 'Settlement journal' sheet and the '${NSF_JOURNAL_SHEET}' sheet (an earlier NSF's unapply lines count as settlement history). Writes 'NSF changes' and '${NSF_JOURNAL_SHEET}'. Example: cc nsf ledger.xlsx --payment PAY-17 --date 2025-12-31 --reason NSF --fee 25`,
  },
  run: runNsf,
};

export async function runNsf(ctx: RunContext): Promise<CommandResult> {
  const voucher = (ctx.args.values.get("payment") ?? "").trim();
  const reason = (ctx.args.values.get("reason") ?? "").trim();
  if (voucher === "") throw new CliError("cc nsf: name the bounced payment with --payment", USAGE_EXIT);
  if (reason === "") throw new CliError("cc nsf: give a reason code with --reason", USAGE_EXIT);
  const dateText = ctx.args.values.get("date");
  let dateSerial = ctx.asOfSerial;
  if (dateText !== undefined) {
    const parsed = parseDate(/^\d+$/.test(dateText) ? Number(dateText) : dateText);
    if (!parsed.ok) throw new CliError(`cc nsf: --date '${dateText}': ${parsed.reason}`, USAGE_EXIT);
    dateSerial = parsed.serial;
  }
  const ledger = await loadLedger(ctx, ["voucher"], [
    plainRequest("settlements", ["Settlement journal", "SettlementJournal"], ["journalid", "offsetvoucher", "accounttype"], false),
    plainRequest("nsfJournal", [NSF_JOURNAL_SHEET], ["journalid", "linetype", "accountrole"], false),
  ]);
  const s = ledger.tables.get("settlements");
  const nsfSheet = ledger.tables.get("nsfJournal");
  // The one settlement-history reader: an earlier NSF's unapply lines in the NSF journal count.
  const settled = s === undefined ? [] : must(readJournalLines(s.range, s.sheet), s);
  const history = nsfSheet === undefined ? settled : settlementHistory(settled, must(readCollectionsJournal(nsfSheet.range, { name: nsfSheet.sheet, ...(nsfSheet.dateSystem !== undefined ? { dateSystem: nsfSheet.dateSystem } : {}) }), nsfSheet));
  const customer = ctx.args.values.get("customer")?.trim();
  const payment = ledger.transactions.find((t) => t.voucher === voucher && (customer === undefined || t.customer === customer));
  if (payment === undefined) throw new CliError(`cc nsf: --payment: no transaction '${voucher}'${customer === undefined ? "" : ` of customer ${customer}`} on sheet '${ledger.sheet.sheet}'`);
  const feeText = ctx.args.values.get("fee");
  let feeMinor = 0;
  if (feeText !== undefined) {
    const parsed = parseMoney(feeText, exponentOf(payment.currency));
    if (!parsed.ok || parsed.minor < 0) throw new CliError(`cc nsf: --fee '${feeText}': ${parsed.ok ? "a fee cannot be negative" : parsed.reason}`, USAGE_EXIT);
    feeMinor = parsed.minor;
  }
  let batch;
  try {
    batch = cancelPayments(ledger.transactions, history, [`${payment.customer}\u0000${payment.voucher}`], {
      dateSerial,
      feeMinor: () => feeMinor,
      accounting: { currency: ledger.accountingCurrency, rates: ledger.rateTable },
      reason,
    });
  } catch (e) {
    // The shared cancellation speaks as the demo; this command reports in its own name.
    if (e instanceof CliError) throw new CliError(e.message.replace(/^cc demo: (--nsf: )?/, "cc nsf: "), e.exitCode);
    throw e;
  }
  const j = ledger.tables.get("nsfJournal");
  if (j !== undefined) {
    const posted = must(postedJournalIds(j.range, j.sheet), j);
    for (const id of new Set(batch.lines.map((l) => l.journalId))) {
      const check = checkNotPosted(id, posted);
      if (!check.ok) throw inputError(check.errors, j.sheet, j.headerRow);
    }
  }
  const rows: (string | number)[][] = [[...NSF_HEADER]];
  const tail: (string | number)[][] = [];
  batch.ledger.forEach((after, i) => {
    const before = ledger.transactions[i];
    const exp = exponentOf(after.currency);
    const change = after.amountMinor - (before?.amountMinor ?? 0);
    const row = [after.voucher, after.type, minorToNumber(change, exp), minorToNumber(after.amountMinor, exp), after.currency];
    if (before === undefined) tail.push(row); // the fee, a new open item
    else if (before === payment) tail.unshift(row);
    else if (change !== 0) rows.push(row);
  });
  const outcome = batch.outcomes[0];
  return {
    sheets: [
      { name: "NSF changes", rows: [...rows, ...tail] },
      { name: NSF_JOURNAL_SHEET, rows: writeOffJournalTable(batch.lines), dateColumns: [2] },
    ],
    summary: [
      `Cancelled payment ${voucher} of customer ${payment.customer}: ${formatAmount(outcome?.paymentMinor ?? 0, payment.currency)} ${payment.currency}, ${outcome?.unapplied ?? 0} settlements unapplied, ${outcome?.reopened ?? 0} items reopened${feeMinor > 0 ? `, fee ${formatAmount(feeMinor, payment.currency)}` : ""}`,
    ],
  };
}
