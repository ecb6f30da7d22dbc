/**
 * The browser suites' accessibility check: axe over the task pane (not the preview host's grid),
 * serious and critical violations only, each named with up to three of its elements.
 *
 * Tabster's focus guards (`<i data-tabster-dummy aria-hidden tabindex=0>` around Fluent's tab list
 * and dialogs) pass focus on to the real elements at once; axe's static check cannot see that, so
 * they are left out.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

export const TASK_PANE = '[aria-label="Task pane"]';

export async function seriousAxeViolations(page: Page, within: string = TASK_PANE): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).include(within).exclude("[data-tabster-dummy]").analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
}
