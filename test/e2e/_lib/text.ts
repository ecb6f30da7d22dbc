/**
 * Waits until a locator's text matches: a status line keeps the previous action's message until
 * the next action has finished, so reading it once right after a click can read the old one.
 * Polls for up to `timeoutMs` (a wait for the page, not a speed assertion) and fails naming the
 * text it last saw.
 */
import type { Locator } from "playwright-core";

export async function eventuallyText(locator: Locator, expected: RegExp | string, timeoutMs = 60000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = (await locator.textContent()) ?? "";
    if (typeof expected === "string" ? last === expected : expected.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`expected text ${String(expected)}; the element still reads "${last}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
