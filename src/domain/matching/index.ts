/**
 * Cash application (issue 13): statement lines matched to customers and open items, with check-digit
 * validated references, document numbers, related parties and amounts; settled through the
 * settlement engine.
 */
export * from "./types";
export * from "./references";
export { matchStatement, type LineResult } from "./match";
export { normalizeName, normalizeAccount, documentKey, documentCore, withinOneEdit } from "./_lib/text";
