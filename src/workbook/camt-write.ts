/**
 * Statement lines -> camt.053 XML (one `Stmt` per currency account, one `Ntry` per line): what the
 * sample statement and the tests' round trips are written with. The inverse of `readCamt053` for
 * the elements it reads.
 */
import { isoFromSerial } from "../domain/dates";
import { exponentOf, formatMinor } from "../domain/money";
import type { StatementLine } from "../domain/matching/types";

export interface CamtWriteOptions {
  /** "02" to "08"; default "02". 001.08 writes the debtor's name under Dbtr/Pty. */
  readonly version?: string;
  readonly messageId?: string;
  /** Our account per currency (the statement's Acct/Id/IBAN). */
  readonly accounts?: Readonly<Record<string, string>>;
}

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * @example camt053Xml([line]).startsWith('<?xml version="1.0" encoding="UTF-8"?>') // true
 */
export function camt053Xml(lines: readonly StatementLine[], options: CamtWriteOptions = {}): string {
  const v = options.version ?? "02";
  const byCurrency = new Map<string, StatementLine[]>();
  for (const l of lines) {
    const list = byCurrency.get(l.currency);
    if (list === undefined) byCurrency.set(l.currency, [l]);
    else list.push(l);
  }
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${v}">`,
    "  <BkToCstmrStmt>",
    `    <GrpHdr><MsgId>${esc(options.messageId ?? "STATEMENT")}</MsgId><CreDtTm>${isoFromSerial(Math.max(...lines.map((l) => l.dateSerial), 61))}T23:59:00</CreDtTm></GrpHdr>`,
  ];
  for (const [currency, list] of byCurrency) {
    out.push("    <Stmt>", `      <Id>${esc(`${options.messageId ?? "STATEMENT"}-${currency}`)}</Id>`);
    out.push(`      <Acct><Id><IBAN>${esc(options.accounts?.[currency] ?? "")}</IBAN></Id><Ccy>${currency}</Ccy></Acct>`);
    for (const l of list) out.push(...entry(l, v));
    out.push("    </Stmt>");
  }
  out.push("  </BkToCstmrStmt>", "</Document>", "");
  return out.join("\n");
}

function entry(l: StatementLine, v: string): string[] {
  const incoming = l.amountMinor > 0;
  const amount = formatMinor(Math.abs(l.amountMinor), exponentOf(l.currency)).replace(/,/g, "");
  const date = isoFromSerial(l.dateSerial);
  const party = incoming ? "Dbtr" : "Cdtr";
  const name = l.counterparty === "" ? "" : v === "08" ? `<${party}><Pty><Nm>${esc(l.counterparty)}</Nm></Pty></${party}>` : `<${party}><Nm>${esc(l.counterparty)}</Nm></${party}>`;
  const acct = l.account === "" ? "" : `<${party}Acct><Id>${/^[A-Z]{2}\d/.test(l.account) ? `<IBAN>${esc(l.account)}</IBAN>` : `<Othr><Id>${esc(l.account)}</Id></Othr>`}</Id></${party}Acct>`;
  const refs = l.reference === "" ? [] : l.reference.split(" ").map((r) => `<Strd><CdtrRefInf><Ref>${esc(r)}</Ref></CdtrRefInf></Strd>`);
  const rmt = l.text === "" && refs.length === 0 ? "" : `<RmtInf>${l.text === "" ? "" : `<Ustrd>${esc(l.text)}</Ustrd>`}${refs.join("")}</RmtInf>`;
  return [
    "      <Ntry>",
    `        <NtryRef>${esc(l.lineId)}</NtryRef>`,
    `        <Amt Ccy="${l.currency}">${amount}</Amt>`,
    `        <CdtDbtInd>${incoming ? "CRDT" : "DBIT"}</CdtDbtInd>`,
    `        <Sts>${v === "08" ? "<Cd>BOOK</Cd>" : "BOOK"}</Sts>`,
    `        <BookgDt><Dt>${date}</Dt></BookgDt>`,
    `        <ValDt><Dt>${date}</Dt></ValDt>`,
    `        <NtryDtls><TxDtls>${name === "" && acct === "" ? "" : `<RltdPties>${name}${acct}</RltdPties>`}${rmt}</TxDtls></NtryDtls>`,
    "      </Ntry>",
  ];
}
