/**
 * Text normalization for matching: payer names, account numbers and the tokens of remittance
 * text that may be document numbers or references.
 */

/** Legal forms and filler words that say nothing about who a company is. */
const NOISE = new Set([
  "ab", "aktiebolag", "aktieselskab", "aksjeselskap", "anpartsselskab", "osakeyhtio", "publ", "as", "asa", "aps", "a/s", "oy", "oyj", "hb", "kb", "ks", "ans", "da", "ehf", "hf", "inc", "ltd", "llc", "plc", "gmbh", "ag", "kg", "sa", "sas",
  "srl", "spa", "bv", "nv", "co", "corp", "corporation", "company", "limited", "the", "og", "och", "and", "und", "et", "i", "af",
]);

/**
 * A company or person name reduced to what identifies it: lower case, diacritics folded (ø -> o,
 * æ -> ae, å/ä -> a, ö -> o, ß -> ss), punctuation dropped, legal forms dropped.
 * @example normalizeName("Skovgaard Møbler A/S") // "skovgaard mobler"
 */
export function normalizeName(name: string): string {
  let lower = name.toLowerCase();
  // Unicode folding is slow; plain ASCII names (most) skip it.
  if (/[^ -~]/.test(lower)) lower = lower.replace(/ø/g, "o").replace(/æ/g, "ae").replace(/ß/g, "ss").replace(/œ/g, "oe").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const folded = lower
    .replace(/\b([a-z])\/([a-z])\b/g, "$1$2")
    .replace(/[^a-z0-9]+/g, " ");
  return folded.split(" ").filter((t) => t !== "" && !NOISE.has(t)).join(" ");
}

/**
 * Similarity of two normalized names: the Dice coefficient of their letter pairs (0 to 1), spaces
 * ignored. Robust to a typo, a dropped word ending and word order.
 * @example nameSimilarity("nordvik bygg", "nordvik byg") // 0.9411764705882353
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return a === "" ? 0 : 1;
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.length === 0 || pb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const p of pa) counts.set(p, (counts.get(p) ?? 0) + 1);
  let common = 0;
  for (const p of pb) {
    const n = counts.get(p) ?? 0;
    if (n > 0) {
      common++;
      counts.set(p, n - 1);
    }
  }
  return (2 * common) / (pa.length + pb.length);
}

function pairs(s: string): string[] {
  const out: string[] = [];
  for (const word of s.split(" ")) for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/**
 * An account number as compared: upper case letters and digits only.
 * @example normalizeAccount("se35 5000-0000 0549") // "SE35500000000549"
 */
export function normalizeAccount(account: string): string {
  return account.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/**
 * The words of remittance text and references that may name a document: split at spaces and at
 * the list separators of "12345/12346", "12345, 12346", "12345+12346", "12345&12346".
 * @example documentTokens("Faktura 20451/20452, tack") // ["Faktura", "20451", "20452", "tack"]
 */
export function documentTokens(text: string): string[] {
  return text.split(/[\s,;/&+()#:]+/).map((t) => t.replace(/^[-.*]+|[-.*]+$/g, "")).filter((t) => t !== "");
}

/**
 * A document number as compared: upper case letters and digits only.
 * @example documentKey("inv-000123") // "INV000123"
 */
export function documentKey(doc: string): string {
  // Fast path: most keys are already plain digits or upper-case letters and digits.
  if (/^[0-9A-Z]*$/.test(doc)) return doc;
  return doc.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/**
 * The number inside a document number (its longest run of digits, leading zeros dropped), so that
 * "INV-000123", "Inv 123" and "123" meet; "" when it has no digits.
 * @example documentCore("INV-000123") // "123"
 */
export function documentCore(doc: string): string {
  let bestStart = 0;
  let bestLength = 0;
  let start = -1;
  for (let i = 0; i <= doc.length; i++) {
    const c = i < doc.length ? doc.charCodeAt(i) : 0;
    if (c >= 48 && c <= 57) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
      start = -1;
    }
  }
  // Leading zeros dropped, but "0" stays "0".
  let from = bestStart;
  while (from < bestStart + bestLength - 1 && doc.charCodeAt(from) === 48) from++;
  return doc.slice(from, bestStart + bestLength);
}

/**
 * True when `a` and `b` differ by at most one edit (insert, delete, substitute, or swap of two
 * neighbours): the typos people make copying an invoice number.
 * @example withinOneEdit("20451", "20415") // true (swap)
 * @example withinOneEdit("20451", "20461") // true
 * @example withinOneEdit("12345", "1245") // true
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
