/** Codes typed by people (statuses, terms, groups) compare case- and space-insensitively. */
export function normalizeKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}
