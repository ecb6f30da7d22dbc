/**
 * Cash application in Chromium over the preview host (the real task pane, an in-memory workbook
 * seeded from the sample ledger): import samples/sample-statement.xml through the file picker,
 * review the matches grouped by confidence, post the High ones after the confirmation, and find
 * the payments' settlements in the Settlement journal. Axe finds no serious or critical
 * violation. Screenshots of the 350 px pane go to test-results/bank-*.png.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { seriousAxeViolations } from "./_lib/axe";
import { type PreviewBrowser, startPreviewBrowser } from "./_lib/preview-server";
import { eventuallyText } from "./_lib/text";

const OUT = path.resolve(__dirname, "../../test-results");
const STATEMENT = path.resolve(__dirname, "../../samples/sample-statement.xml");
let preview: PreviewBrowser | undefined;
let browser: Browser;

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const book = (page: Page) => page.getByRole("main", { name: "Workbook" });

async function shoot(page: Page, name: string): Promise<void> {
  await pane(page).screenshot({ path: path.join(OUT, `bank-${name}.png`) });
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const [scroll, client] = await pane(page).evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
}

function seriousViolations(page: Page): Promise<string[]> {
  return seriousAxeViolations(page);
}

beforeAll(async () => {
  preview = await startPreviewBrowser(OUT);
  browser = preview.browser;
}, 900000);

afterAll(async () => {
  await preview?.close();
});

describe("cash application in Chromium", () => {
  it("imports the sample camt.053, reviews by confidence, posts the High matches once", async () => {
    // Axe needs a page of its own context.
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(preview?.url ?? "");
    const p = pane(page);
    await p.getByRole("tab", { name: "Bank", exact: true }).click();
    await p.getByLabel("Bank statement file").setInputFiles(STATEMENT);
    await p.getByRole("button", { name: "Import statement" }).click();
    await eventuallyText(p.getByRole("status"), /^71 lines added to the Statement table; none was there already\.$/);
    await book(page).getByRole("tab", { name: "Statement" }).click();
    await expect(page.getByRole("table", { name: "Statement" }).getByRole("cell", { name: "LineId", exact: true }).count()).resolves.toBe(1);

    // The same file again adds nothing.
    await p.getByRole("button", { name: "Import statement" }).click();
    await eventuallyText(p.getByRole("status"), /^No new lines added to the Statement table; 71 were there already\.$/);

    const high = p.getByRole("region", { name: /^High confidence \(\d+\)$/ });
    const highCount = Number(/\((\d+)\)/.exec((await high.getByRole("heading").textContent()) ?? "")?.[1]);
    expect(highCount).toBeGreaterThan(40);
    await expect(high.getByRole("checkbox", { checked: true }).count()).resolves.toBe(highCount);
    await noHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, "review");

    await p.getByRole("button", { name: `Post ${highCount} lines` }).click();
    const dialog = page.getByRole("alertdialog", { name: "Post the accepted payments?" });
    await eventuallyText(dialog, new RegExp(`${highCount} statement lines .* become payments`));
    await shoot(page, "confirm");
    await dialog.getByRole("button", { name: "Post", exact: true }).click();
    await eventuallyText(p.getByRole("status"), new RegExp(`^${highCount} payments posted with \\d+ settlements: \\d+ journal lines in Settlement journal\\.$`));
    await expect(p.getByText(`${highCount} lines of the statement are posted already.`).count()).resolves.toBe(1);

    await book(page).getByRole("tab", { name: "Settlement journal" }).click();
    const grid = page.getByRole("table", { name: "Settlement journal" });
    await expect(grid.getByRole("cell", { name: "JournalId", exact: true }).count()).resolves.toBe(1);
    const rows = await grid.getByRole("row").count();
    expect(rows).toBeGreaterThan(highCount * 2);
    await noHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, "posted");

    expect(errors).toEqual([]);
    await context.close();
  }, 300000);
});
