/**
 * ISO 20022 camt.053 (BankToCustomerStatement, versions 001.02 to 001.08) -> `StatementLine`
 * records: one line per entry (`Ntry`), or one per transaction (`TxDtls`) when an entry batches
 * several. A pure function over the file's text: the CLI and the task pane read the file.
 *
 * Where each column comes from (money in, CdtDbtInd CRDT; money out is negative and the parties
 * swap):
 * - LineId: TxDtls/Refs/AcctSvcrRef, else Ntry/NtryRef, else Ntry/AcctSvcrRef, else "E<n>"; with
 *   several TxDtls and no own reference, "<entry id>-<k>".
 * - Date: Ntry/BookgDt (Dt or DtTm), else ValDt.
 * - Amount, Currency: TxDtls/Amt or TxDtls/AmtDtls/TxAmt/Amt when an entry has several TxDtls,
 *   else Ntry/Amt, with its Ccy attribute.
 * - Counterparty: RltdPties/Dbtr/Nm (Dbtr/Pty/Nm in 001.08), Account: RltdPties/DbtrAcct/Id/IBAN
 *   (or Id/Othr/Id).
 * - Reference: RmtInf/Strd/CdtrRefInf/Ref (several joined by a space); Text: RmtInf/Ustrd
 *   (several joined), else AddtlTxInf, else Ntry/AddtlNtryInf.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import { parseDate } from "../domain/dates";
import { currencyExponent, parseMoney } from "../domain/money";
import type { StatementLine } from "../domain/matching/types";

/** The camt.053 versions read: 001.02 to 001.08. */
export const CAMT053_NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.0([2-8])$/;

const ARRAYS = new Set(["Stmt", "Ntry", "NtryDtls", "TxDtls", "Ustrd", "Strd"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

export interface ReadCamtOptions {
  /** The file name used in messages; default "camt.053". */
  readonly name?: string;
}

/**
 * @example
 * readCamt053(xml).value[0] // { lineId: "NTRY-1", dateSerial: 46001, amountMinor: 125000, currency: "SEK", counterparty: "Nordvik AB", ... }
 */
export function readCamt053(xml: string, options: ReadCamtOptions = {}): Result<StatementLine[]> {
  const name = options.name ?? "camt.053";
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return fail(ccError("statement_must_be_well_formed_xml", { line: valid.err.line, column: valid.err.col, detail: valid.err.msg }, { table: name }));
  }
  const namespaces = [...xml.matchAll(/xmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']/g)].map((m) => m[1] ?? "");
  if (!namespaces.some((n) => CAMT053_NAMESPACE.test(n))) {
    const found = namespaces.filter((n) => n.startsWith("urn:iso")).join(", ") || "none";
    return fail(ccError("statement_namespace_must_be_camt053", { found }, { table: name }));
  }
  const doc = parser.parse(xml) as Node;
  const root = child(child(doc, "Document"), "BkToCstmrStmt");
  if (root === undefined) return fail(ccError("statement_must_be_a_bank_to_customer_statement", {}, { table: name }));
  const errors: CcError[] = [];
  const out: StatementLine[] = [];
  const ids = new Map<string, number>();
  let entryNo = 0;
  for (const stmt of list(root["Stmt"])) {
    for (const ntry of list(stmt["Ntry"])) {
      entryNo++;
      readEntry(ntry, entryNo, name, errors, out, ids);
    }
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}

function readEntry(ntry: Node, entryNo: number, name: string, errors: CcError[], out: StatementLine[], ids: Map<string, number>): void {
  const entryRef = text(ntry["NtryRef"]) || text(ntry["AcctSvcrRef"]);
  const entryId = entryRef || `E${entryNo}`;
  const where = (column: string, k?: number): { table: string; column: string } => ({
    table: `${name} entry ${entryNo}${entryRef ? ` (${entryRef})` : ""}${k === undefined ? "" : ` transaction ${k}`}`, column,
  });
  const date = text(child(ntry["BookgDt"], "Dt")) || text(child(ntry["BookgDt"], "DtTm")).slice(0, 10) || text(child(ntry["ValDt"], "Dt")) || text(child(ntry["ValDt"], "DtTm")).slice(0, 10);
  const parsedDate = parseDate(date);
  if (date === "") errors.push(ccError("date_must_not_be_blank", { case: "statement" }, where("BookgDt")));
  else if (!parsedDate.ok) errors.push(ccError("date_must_be_a_date", { reason: parsedDate.reason }, where("BookgDt")));
  const entrySign = text(ntry["CdtDbtInd"]);
  const txs = list(ntry["NtryDtls"]).flatMap((d) => list(d["TxDtls"]));
  const several = txs.length > 1;
  const parts: (Node | undefined)[] = txs.length === 0 ? [undefined] : txs;
  parts.forEach((tx, i) => {
    const k = several ? i + 1 : undefined;
    const amtNode = several ? (child(tx, "Amt") ?? child(child(child(tx, "AmtDtls"), "TxAmt"), "Amt")) : ntry["Amt"];
    const amount = readAmount(amtNode, errors, where("Amt", k));
    const sign = (several ? text(tx?.["CdtDbtInd"]) : "") || entrySign;
    if (sign !== "CRDT" && sign !== "DBIT") {
      errors.push(ccError("credit_debit_indicator_must_be_known", { value: sign }, where("CdtDbtInd", k)));
      return;
    }
    if (amount === undefined || !parsedDate.ok) return;
    const incoming = sign === "CRDT";
    const parties = child(tx, "RltdPties");
    const party = child(parties, incoming ? "Dbtr" : "Cdtr");
    const acct = child(child(parties, incoming ? "DbtrAcct" : "CdtrAcct"), "Id");
    const rmt = child(tx, "RmtInf");
    const ustrd = values(rmt?.["Ustrd"]).map(text).filter((t) => t !== "");
    const refs = list(rmt?.["Strd"]).map((s) => text(child(child(s, "CdtrRefInf"), "Ref"))).filter((t) => t !== "");
    const ownRef = text(child(child(tx, "Refs"), "AcctSvcrRef"));
    let lineId = ownRef || (several ? `${entryId}-${k ?? 1}` : entryId);
    const dup = ids.get(lineId);
    ids.set(lineId, (dup ?? 0) + 1);
    if (dup !== undefined) lineId = `${lineId}-${dup + 1}`;
    out.push({
      lineId,
      dateSerial: parsedDate.serial,
      amountMinor: incoming ? amount.minor : -amount.minor,
      currency: amount.currency,
      counterparty: text(child(party, "Nm")) || text(child(child(party, "Pty"), "Nm")),
      account: text(child(acct, "IBAN")) || text(child(child(acct, "Othr"), "Id")),
      reference: refs.join(" "),
      text: ustrd.join(" ") || text(tx?.["AddtlTxInf"]) || text(ntry["AddtlNtryInf"]),
      row: entryNo,
    });
  });
}

function readAmount(node: unknown, errors: CcError[], where: { table: string; column: string }): { minor: number; currency: string } | undefined {
  const value = text(node);
  const currency = node !== null && typeof node === "object" ? String((node as Node)["@_Ccy"] ?? "").trim().toUpperCase() : "";
  if (value === "") {
    errors.push(ccError("amount_must_not_be_blank", {}, where));
    return undefined;
  }
  const exponent = currencyExponent(currency);
  if (currency === "" || exponent === undefined) {
    errors.push(ccError("currency_must_be_known", { case: "precision", currency }, { ...where, column: "Amt@Ccy" }));
    return undefined;
  }
  const parsed = parseMoney(value, exponent);
  if (!parsed.ok || parsed.minor < 0) {
    errors.push(ccError("amount_must_be_an_amount", parsed.ok ? { case: "negative", value } : { case: "reason", reason: parsed.reason }, where));
    return undefined;
  }
  return { minor: parsed.minor, currency };
}

function values(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function list(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => x !== null && typeof x === "object");
}

function child(node: unknown, key: string): Node | undefined {
  if (node === undefined || node === null || typeof node !== "object") return undefined;
  const v = (Array.isArray(node) ? (node[0] as Node | undefined) : (node as Node))?.[key];
  const first: unknown = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return undefined;
  return typeof first === "object" ? (first as Node) : { "#text": first };
}

function text(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string" || typeof v === "number") return String(v).trim();
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "object") return text((v as Node)["#text"]);
  return "";
}
