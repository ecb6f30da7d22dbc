/**
 * Structured payment references and their check digits: Swedish OCR (Luhn, optional length digit),
 * Norwegian KID (MOD10 = Luhn, or MOD11), Danish FIK/FI payment IDs (+71 and +75 carry a mod-10
 * payment ID, +73 none) and ISO 11649 RF creditor references (mod 97). A reference that passes its
 * check digit is one a bank has already validated at the payer's end, so a match on it is as good
 * as the payer naming the invoice.
 */

/** The scheme a reference validated under. */
export type ReferenceScheme = "RF" | "OCR" | "KID-MOD10" | "KID-MOD11" | "FIK71" | "FIK73" | "FIK75";

/** Digits only (no spaces, no letters). */
const DIGITS = /^\d+$/;

/**
 * The Luhn (mod 10, weights 2,1 from the right) check digit of `body`.
 * @example luhnCheckDigit("7992739871") // 3
 */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, w = 2; i >= 0; i--, w = 3 - w) {
    let p = (body.charCodeAt(i) - 48) * w;
    if (p > 9) p -= 9;
    sum += p;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Does the last digit of `digits` check the rest by Luhn?
 * @example luhnValid("79927398713") // true
 * @example luhnValid("79927398710") // false
 */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2 || !DIGITS.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * The MOD11 check digit of `body` (weights 2..7 from the right, repeating), as the Norwegian KID
 * uses it: 11 - sum mod 11; 11 becomes 0 and 10 becomes "-" (which KID writes as a dash).
 * @example mod11CheckDigit("1234567") // "4"
 */
export function mod11CheckDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, w = 2; i >= 0; i--, w = w === 7 ? 2 : w + 1) sum += (body.charCodeAt(i) - 48) * w;
  const c = 11 - (sum % 11);
  return c === 11 ? "0" : c === 10 ? "-" : String(c);
}

/**
 * Swedish OCR number: 2 to 25 digits whose last digit is the Luhn check digit. With
 * `lengthDigit`, the digit before it is the length of the whole number mod 10 (the "hard" check
 * some payees ask Bankgirot for).
 * @example ocrValid("1234567898") // false
 * @example ocrValid("12345682") // true
 */
export function ocrValid(ref: string, lengthDigit = false): boolean {
  const s = compact(ref);
  if (s.length < 2 || s.length > 25 || !luhnValid(s)) return false;
  return !lengthDigit || (s.length >= 3 && s.charCodeAt(s.length - 2) - 48 === s.length % 10);
}

/**
 * Swedish OCR for `body`: the body, with a length digit when asked, and the Luhn check digit.
 * @example ocrFor("1234568") // "12345682"
 * @example ocrFor("123", true) // "12351" (length digit 5, then Luhn 1)
 */
export function ocrFor(body: string, lengthDigit = false): string {
  const withLength = lengthDigit ? body + String((body.length + 2) % 10) : body;
  return withLength + String(luhnCheckDigit(withLength));
}

/**
 * Norwegian KID: 2 to 25 digits, the last a MOD10 (Luhn) or MOD11 check digit ("-" for MOD11's 10).
 * Returns the scheme that checks, or undefined.
 * @example kidScheme("12345682") // "KID-MOD10"
 * @example kidScheme("10006") // "KID-MOD11"
 */
export function kidScheme(ref: string): "KID-MOD10" | "KID-MOD11" | undefined {
  const s = compact(ref);
  if (s.length < 2 || s.length > 25) return undefined;
  const body = s.slice(0, -1);
  if (!DIGITS.test(body)) return undefined;
  const last = s.slice(-1);
  if (DIGITS.test(last) && luhnValid(s)) return "KID-MOD10";
  if (mod11CheckDigit(body) === last) return "KID-MOD11";
  return undefined;
}

/** Norwegian KID with a MOD11 check digit ("-" when the digit would be 10). @example kidMod11For("1000") // "10006" */
export function kidMod11For(body: string): string {
  return body + mod11CheckDigit(body);
}

/**
 * A Danish FI payment line ("+71<000000001234567+12345678<", or the payment ID alone with its type).
 * +71: a 15-digit payment ID with a mod-10 (Luhn) check digit; +75: 16 digits, mod 10; +73: no ID.
 * Returns the type and payment ID, or undefined when the line is not a valid FI reference.
 * @example parseFik("+71<000000001234566+87654321<") // { scheme: "FIK71", paymentId: "000000001234566", creditor: "87654321" }
 */
export function parseFik(text: string): { scheme: "FIK71" | "FIK73" | "FIK75"; paymentId: string; creditor?: string } | undefined {
  const m = /^\+?(71|73|75|04|01)<?(\d*)\+?(\d{8})?<?$/.exec(text.replace(/\s+/g, ""));
  if (m === null) return undefined;
  const kind = m[1];
  const id = m[2] ?? "";
  const creditor = m[3];
  const extra = creditor === undefined ? {} : { creditor };
  if (kind === "71" && id.length === 15 && luhnValid(id)) return { scheme: "FIK71", paymentId: id, ...extra };
  if (kind === "75" && id.length === 16 && luhnValid(id)) return { scheme: "FIK75", paymentId: id, ...extra };
  if (kind === "73" && id === "") return { scheme: "FIK73", paymentId: "", ...extra };
  return undefined;
}

/**
 * A +71 payment ID for `body` (up to 14 digits, zero-padded): 15 digits with the Luhn check digit.
 * @example fik71For("123456") // "000000001234566"
 */
export function fik71For(body: string): string {
  const padded = body.padStart(14, "0");
  return padded + String(luhnCheckDigit(padded));
}

/**
 * ISO 11649 creditor reference: "RF", two check digits, 1 to 21 letters or digits; valid when the
 * reference moved round (first four characters to the end), letters as 10..35, is 1 mod 97.
 * @example rfValid("RF18 5390 0754 7034") // true
 * @example rfValid("RF18 5390 0754 7035") // false
 */
export function rfValid(ref: string): boolean {
  const s = compact(ref).toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(s)) return false;
  return mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/**
 * The RF creditor reference for `body` (letters and digits).
 * @example rfFor("539007547034") // "RF18539007547034"
 */
export function rfFor(body: string): string {
  const b = compact(body).toUpperCase();
  const check = 98 - mod97(`${b}RF00`);
  return `RF${String(check).padStart(2, "0")}${b}`;
}

function mod97(s: string): number {
  let r = 0;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? code - 55 : code - 48;
    r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
  }
  return r;
}

/**
 * The reference without spaces, dashes inside digit groups or a leading "OCR"/"KID" word.
 * @example compact(" rf18 5390 0754 7034 ") // "rf18539007547034" (spaces only: dashes and a leading OCR/KID word are kept, whatever the line above says)
 */
export function compact(ref: string): string {
  return ref.replace(/[\s]+/g, "");
}

/**
 * Which scheme a reference passes, tried in order RF, FIK, OCR/KID (MOD10), KID (MOD11); undefined
 * when it passes none. OCR and KID MOD10 are the same arithmetic: a Luhn-valid number is reported
 * as OCR, which the matcher treats alike (a check digit that holds).
 * @example referenceScheme("RF18539007547034") // "RF"
 * @example referenceScheme("12345682") // "OCR"
 * @example referenceScheme("12345683") // undefined
 */
export function referenceScheme(ref: string): ReferenceScheme | undefined {
  const s = compact(ref);
  if (/^RF/i.test(s)) return rfValid(s) ? "RF" : undefined;
  if (s.startsWith("+") || s.includes("<")) return parseFik(s)?.scheme;
  if (DIGITS.test(s) && s.length >= 2 && s.length <= 25 && luhnValid(s)) return "OCR";
  const kid = kidScheme(s);
  return kid;
}

/**
 * The key a reference is indexed and looked up by: upper case, no spaces; an FI line becomes its
 * payment ID (so "+71<000000001234566+87654321<" and "000000001234566" meet).
 * @example referenceKey(" rf18 5390 0754 7034 ") // "RF18539007547034"
 */
export function referenceKey(ref: string): string {
  if (/^[0-9A-Z]+$/.test(ref)) return ref;
  const s = compact(ref).toUpperCase();
  if (s.startsWith("+") || s.includes("<")) {
    const fik = parseFik(s);
    if (fik !== undefined && fik.paymentId !== "") return fik.paymentId;
  }
  return s;
}
