/**
 * Programmer errors (broken invariants) throw through this one function. Operating errors (bad
 * cells, missing rates) are values: see `../errors.ts`.
 * @example new InvariantError("a journal does not balance").name // "InvariantError"
 */
export class InvariantError extends Error {
  override name = "InvariantError";
}

/**
 * @example assert(1 + 1 === 2, "arithmetic") // undefined
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
