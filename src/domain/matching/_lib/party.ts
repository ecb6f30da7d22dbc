/**
 * Who paid: the related-party rules. The payer's account (from the Customers table's BankAccount),
 * a customer number in the remittance, the payer's name exactly (normalized) or nearly.
 */
import type { StatementLine } from "../types";
import type { LedgerIndex } from "./ledger-index";
import { documentTokens, nameSimilarity, normalizeAccount, normalizeName } from "./text";

/** How a payer was recognized; the first three are strong enough for High. */
export type PartyEvidence = "account" | "number" | "name" | "similar name";

export interface Party {
  readonly customer: string;
  readonly evidence: PartyEvidence;
}

/** Lowest name similarity accepted, and the lead the best must have over the next customer. */
const SIMILAR = 0.8;
const LEAD = 0.1;
/** Name tokens shared by more customers than this say little and are not used to find candidates. */
const COMMON_TOKEN = 200;

/**
 * Is the payer known well enough for High (account, customer number or exact name)?
 * @example isStrong({ customer: "C0201", evidence: "name" }) // true
 * @example isStrong({ customer: "C0201", evidence: "similar name" }) // false
 * @example isStrong(undefined) // false
 */
export function isStrong(p: Party | undefined): boolean {
  return p !== undefined && p.evidence !== "similar name";
}

/**
 * The payer of a line: its account, else one customer number in the text, else its name exactly,
 * else a similar name well ahead of the next.
 * @example findParty(ocrLine, matchIndex) // { customer: "C0201", evidence: "account" }
 * @example findParty({ ...ocrLine, account: "", text: "kundnr C0305" }, matchIndex) // { customer: "C0305", evidence: "number" }
 * @example findParty({ ...ocrLine, account: "", counterparty: "Skovgaard Mobler" }, matchIndex) // { customer: "C0305", evidence: "name" }
 * @example findParty({ ...ocrLine, account: "", counterparty: "Nordvik Byg" }, matchIndex) // { customer: "C0201", evidence: "similar name" }
 * @example findParty({ ...ocrLine, account: "", counterparty: "Someone Else" }, matchIndex) // undefined
 */
export function findParty(line: StatementLine, ix: LedgerIndex, tokens: readonly string[] = documentTokens(`${line.reference} ${line.text}`)): Party | undefined {
  const account = normalizeAccount(line.account);
  if (account !== "") {
    const owners = ix.customerByAccount.get(account);
    if (owners?.length === 1) return { customer: owners[0] as string, evidence: "account" };
  }
  const numbers = new Set<string>();
  for (const t of tokens) {
    const id = ix.customerIds.get(t.toUpperCase());
    if (id !== undefined && (/[A-Za-z]/.test(id) ? id.length >= 4 : id.length >= 5)) numbers.add(id);
  }
  if (numbers.size === 1) return { customer: [...numbers][0] as string, evidence: "number" };
  const name = normalizeName(line.counterparty);
  if (name === "") return undefined;
  const exact = ix.customerByName.get(name);
  if (exact?.length === 1) return { customer: exact[0] as string, evidence: "name" };
  if (exact !== undefined && exact.length > 1) return undefined;
  const candidates = new Set<string>();
  for (const t of name.split(" ")) {
    const list = t.length >= 3 ? ix.customerByToken.get(t) : undefined;
    if (list !== undefined && list.length <= COMMON_TOKEN) for (const c of list) candidates.add(c);
  }
  let best: string | undefined;
  let bestScore = 0;
  let second = 0;
  for (const c of candidates) {
    const score = nameSimilarity(name, ix.nameOf.get(c) ?? "");
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = c;
    } else if (score > second) second = score;
  }
  if (best !== undefined && bestScore >= SIMILAR && bestScore - second >= LEAD) return { customer: best, evidence: "similar name" };
  return undefined;
}
