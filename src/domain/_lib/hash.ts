/**
 * A deterministic 53-bit string hash (cyrb53). Journal IDs are derived from a journal's content, so
 * the same proposal always gets the same ID and posting it twice is detectable.
 * @example hash53("abc") === hash53("abc") // true
 * @example hash53("abc") === hash53("abd") // false
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A short, upper-case, fixed-width ID from content: `prefix-XXXXXXXXXXX`.
 * @example contentId("SET", "lines").startsWith("SET-") // true
 */
export function contentId(prefix: string, content: string): string {
  return `${prefix}-${hash53(content).toString(36).toUpperCase().padStart(11, "0")}`;
}
