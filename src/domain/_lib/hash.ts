/**
 * A deterministic 53-bit string hash (cyrb53). Journal IDs are derived from a journal's content, so
 * the same proposal always gets the same ID and posting it twice is detectable.
 * @example hash53("abc") === hash53("abc") // true
 * @example hash53("abc") === hash53("abd") // false
 */
export function hash53(text: string, seed = 0): number {
  return new Hash53(seed).text(text).value();
}

/**
 * A short, upper-case, fixed-width ID from content: `prefix-XXXXXXXXXXX`.
 * @example contentId("SET", "lines").startsWith("SET-") // true
 */
export function contentId(prefix: string, content: string): string {
  return idOfHash(prefix, hash53(content));
}

/**
 * The ID `contentId` makes of a hash: `prefix-XXXXXXXXXXX`.
 * @example idOfHash("SET", hash53("lines")) === contentId("SET", "lines") // true
 */
export function idOfHash(prefix: string, hash: number): string {
  return `${prefix}-${hash.toString(36).toUpperCase().padStart(11, "0")}`;
}

/** Decimal digits of a whole number, least significant first (reused: no string per number). */
const DIGITS = new Uint8Array(24);

/**
 * `hash53` fed piece by piece, so a content of a million parts is hashed without being joined into
 * one string: `new Hash53().text("ab").text("c").value() === hash53("abc")`. `whole(n)` feeds the
 * text of a whole number (`String(n)`) without making it.
 * @example new Hash53().text("ab").text("c").value() === hash53("abc") // true
 * @example new Hash53().text("INV-").whole(42302).value() === hash53("INV-42302") // true
 */
export class Hash53 {
  private h1: number;
  private h2: number;

  constructor(seed = 0) {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
  }

  text(text: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** The text of `n` as `String(n)` writes it; digit by digit for a safe integer. */
  whole(n: number): this {
    if (!Number.isSafeInteger(n)) return this.text(String(n));
    let h1 = this.h1;
    let h2 = this.h2;
    let v = n;
    if (v < 0) {
      h1 = Math.imul(h1 ^ 45, 2654435761);
      h2 = Math.imul(h2 ^ 45, 1597334677);
      v = -v;
    }
    let k = 0;
    do {
      DIGITS[k++] = v % 10;
      v = Math.floor(v / 10);
    } while (v > 0);
    while (k > 0) {
      const ch = 48 + (DIGITS[--k] as number);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** The hash of everything fed so far (more may be fed after). */
  value(): number {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}
