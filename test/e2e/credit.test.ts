/**
 * A controller's credit tools in Chromium over the preview host (the real task pane at 350 px, an
 * in-memory workbook seeded from the sample ledger plus scoring, risk groups and automatic limits
 * from preview/credit-seed.ts): review the held orders and release two in bulk, then score the
 * customers, preview the credit-limit adjustment journal and post it once. Axe finds no serious or
 * critical violation on either screen; screenshots go to test-results/credit-*.png.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { seriousAxeViolations } from "./_lib/axe";
import { type PreviewBrowser, startPreviewBrowser } from "./_lib/preview-server";
import { eventuallyText } from "./_lib/text";

const OUT = path.resolve(__dirname, "../../test-results");
jest.setTimeout(900000);

let preview: PreviewBrowser | undefined;
let browser: Browser;

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const book = (page: Page) => page.getByRole("main", { name: "Workbook" });

async function shoot(page: Page, name: string): Promise<void> {
  await pane(page).screenshot({ path: path.join(OUT, `credit-${name}.png`) });
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const [scroll, client] = await pane(page).evaluate((el) => [el.scrollWidth, el.clientWidth]);
  if (scroll > client) {
    const wide = await pane(page).evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > right + 1).slice(0, 8).map((e) => `${e.tagName}.${String(e.className).slice(0, 40)} ${Math.round(e.getBoundingClientRect().width)} ${(e.textContent ?? "").slice(0, 30)}`);
    });
    throw new Error(`the pane overflows: ${wide.join(" | ")}`);
  }
}

/** Serious and critical axe violations inside the task pane. */
function axeViolations(page: Page): Promise<string[]> {
  return seriousAxeViolations(page);
}

beforeAll(async () => {
  preview = await startPreviewBrowser(OUT);
  browser = preview.browser;
}, 900000);

afterAll(async () => {
  await preview?.close();
});

describe("a controller's credit tools in Chromium", () => {
  it("releases held orders in bulk, then previews and posts the credit-limit adjustment journal once", async () => {
    // Axe needs a page of a context the test made.
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(preview?.url ?? "");
    const p = pane(page);

    // Credit review: run, search-free bulk release of the first two held orders.
    await p.getByRole("tab", { name: "Credit", exact: true }).click();
    await p.getByRole("button", { name: "Run credit check" }).click();
    await eventuallyText(p.getByRole("status"), /orders checked: [1-9]\d* on hold/);
    const boxes = p.getByRole("checkbox", { name: /^Select SO-\d+$/ });
    const orders = [(await boxes.nth(0).getAttribute("aria-label")) ?? "", (await boxes.nth(1).getAttribute("aria-label")) ?? ""].map((l) => l.replace("Select ", ""));
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    await noHorizontalOverflow(page);
    await shoot(page, "review");
    await p.getByRole("button", { name: "Release selected", exact: true }).click();
    const release = page.getByRole("alertdialog", { name: "Release 2 orders?" });
    await release.getByRole("textbox", { name: /Reason for the action/ }).fill("Paid by phone");
    await expect(axeViolations(page)).resolves.toEqual([]);
    await release.getByRole("button", { name: "Release selected", exact: true }).click();
    await release.waitFor({ state: "detached" });
    await eventuallyText(p.getByRole("status"), `Released ${orders.join(", ")}. Logged in Credit hold log.`);
    await expect(axeViolations(page)).resolves.toEqual([]);

    // Credit limits: score, preview, confirm, post.
    await p.getByRole("tab", { name: "Limits", exact: true }).click();
    await p.getByRole("textbox", { name: /Expiry in months/ }).fill("12");
    await p.getByRole("button", { name: "Score customers" }).click();
    await eventuallyText(p.getByRole("status"), /^212 customers scored; [1-9]\d* limit changes proposed\.$/);
    await p.getByRole("checkbox", { name: "Only proposed changes" }).check();
    await p.getByRole("searchbox", { name: /Search customers/ }).fill("C0001");
    await expect(p.getByRole("grid", { name: "Customer credit limits" }).getByRole("row").count()).resolves.toBe(2);
    await p.getByRole("searchbox", { name: /Search customers/ }).fill("");
    await p.getByRole("button", { name: "Preview journal" }).click();
    await eventuallyText(p.getByRole("region", { name: "Journal preview" }).getByRole("listitem").first(), /^C\d+ · New limit .+ · Expiry \d{4}-\d{2}-\d{2}|^C\d+ · New limit .+ · Expiry \d{2}\/\d{2}\/\d{4}/);
    await noHorizontalOverflow(page);
    await shoot(page, "limits");
    await p.getByRole("button", { name: "Post journal" }).click();
    const confirm = page.getByRole("alertdialog", { name: /^Post journal CRE-/ });
    await expect(axeViolations(page)).resolves.toEqual([]);
    // The modal hides the pane from the accessibility tree: the dialog itself is shot.
    await confirm.screenshot({ path: path.join(OUT, "credit-limits-confirm.png") });
    await confirm.getByRole("button", { name: "Post journal" }).click();
    await confirm.waitFor({ state: "detached" });
    await eventuallyText(p.getByRole("status"), /^Posted journal CRE-\w+: \d+ lines on Credit limit adjustments\.$/);
    await expect(p.getByRole("button", { name: "Post journal" }).isDisabled()).resolves.toBe(true);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await noHorizontalOverflow(page);
    await shoot(page, "limits-posted");
    await book(page).getByRole("tab", { name: "Credit limit adjustments" }).click();
    await expect(book(page).getByRole("tab", { name: "Credit limit adjustments" }).getAttribute("aria-selected")).resolves.toBe("true");
    expect(errors).toEqual([]);
    await context.close();
  });
});
