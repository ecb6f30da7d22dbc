/**
 * Codes typed by people (statuses, terms, groups) compare case- and space-insensitively.
 * @example normalizeKey("  Net 30 ") // "net 30"
 */
export function normalizeKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

const keys = new Map<string, string>();

/**
 * normalizeKey, remembered: the same few codes (statuses, groups, terms) recur on every order.
 * The memo is bounded; it starts over when it holds many distinct texts.
 * @example cachedKey(" Net30 ") // "net30"
 */
export function cachedKey(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    if (keys.size >= 4096) keys.clear();
    k = normalizeKey(text);
    keys.set(text, k);
  }
  return k;
}
