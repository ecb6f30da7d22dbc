/**
 * A collector's day in Chromium over the preview host (the real task pane, an in-memory workbook
 * seeded from the sample ledger plus letter codes and an interest code): pick a pool, open a
 * customer, log a promise, post a letter and an interest note, waive the interest, cancel a
 * bounced payment, write off. Screenshots of the 350 px pane go to test-results/collections-*.png.
 */
import * as path from "path";
import type { Browser, Locator, Page } from "playwright-core";
import { type PreviewBrowser, startPreviewBrowser } from "./_lib/preview-server";

const OUT = path.resolve(__dirname, "../../test-results");
let preview: PreviewBrowser | undefined;
let browser: Browser;

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const book = (page: Page) => page.getByRole("main", { name: "Workbook" });

async function shoot(page: Page, name: string): Promise<void> {
  await pane(page).screenshot({ path: path.join(OUT, `collections-${name}.png`) });
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

/** Open an accordion section of the customer detail (if closed) and return its panel's form or list. */
async function section(detail: Locator, name: string): Promise<void> {
  const header = detail.getByRole("button", { name, exact: true });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
}

beforeAll(async () => {
  preview = await startPreviewBrowser(OUT);
  browser = preview.browser;
}, 300000);

afterAll(async () => {
  await preview?.close();
});

describe("a collector's day in Chromium", () => {
  it("picks a pool, opens a customer and acts: promise, letter, interest, waive, NSF, write-off", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(preview?.url ?? "");
    const p = pane(page);
    await p.getByRole("tab", { name: "Collections", exact: true }).click();
    await p.getByRole("button", { name: "Load workspace" }).click();
    await expect(p.getByRole("status").textContent()).resolves.toMatch(/212 customers loaded; 3 pools/);

    // Pick a pool and an agent, find the customer.
    await p.getByRole("combobox", { name: "Pool" }).selectOption("Regional");
    await p.getByRole("combobox", { name: "Agent" }).selectOption("Chen");
    await expect(p.getByText(/^23 customers · page 1 of 1$/).count()).resolves.toBe(1);
    await noHorizontalOverflow(page);
    await shoot(page, "list");
    await p.getByRole("searchbox", { name: /Search customers/ }).fill("echo");
    await p.getByRole("grid", { name: "Customers" }).getByRole("button", { name: "C0116 Echo Pharma SA" }).click();
    const detail = p.getByRole("region", { name: "C0116 Echo Pharma SA" });
    await detail.waitFor();
    await noHorizontalOverflow(page);
    await shoot(page, "customer");

    // Log a promise to pay.
    await section(detail, "Status and promise to pay");
    const status = detail.getByRole("form", { name: "Status and promise to pay" });
    await status.getByRole("textbox", { name: /Promise amount/ }).fill("100");
    await status.getByRole("textbox", { name: /Promise amount/ }).press("Enter");
    await expect(status.getByRole("status").textContent()).resolves.toMatch(/is now PromiseToPay/);
    await shoot(page, "promise");
    await section(detail, "Status and promise to pay");

    // A collection letter, previewed then posted.
    await section(detail, "Collection letter");
    await detail.getByRole("button", { name: "Preview letter" }).click();
    await expect(detail.getByText(/Letter Reminder \(level 1, USD\)/).count()).resolves.toBe(1);
    await detail.getByRole("button", { name: "Post letter" }).click();
    await expect(detail.getByRole("status").textContent()).resolves.toMatch(/Posted letter LET-/);
    await section(detail, "Collection letter");

    // An interest note, previewed then posted, then waived.
    await section(detail, "Interest note");
    await detail.getByRole("button", { name: "Preview interest note" }).click();
    await shoot(page, "interest-preview");
    await detail.getByRole("button", { name: "Post interest note" }).click();
    await expect(detail.getByRole("status").textContent()).resolves.toMatch(/Posted interest note INT-/);
    await section(detail, "Interest note");
    await section(detail, "Interest and fees posted");
    await detail.getByRole("textbox", { name: /Reason code/ }).fill("GOODWILL");
    await detail.getByRole("button", { name: /^Waive INT-/ }).click();
    await expect(detail.getByRole("status").textContent()).resolves.toMatch(/Waive posted as/);
    await shoot(page, "waived");
    await section(detail, "Interest and fees posted");

    // A bounced payment, cancelled after the confirmation dialog.
    await section(detail, "Bounced payment (NSF)");
    const nsf = detail.getByRole("form", { name: "Bounced payment (NSF)" });
    await nsf.getByRole("textbox", { name: /Reason code/ }).fill("NSF");
    await nsf.getByRole("textbox", { name: /NSF fee/ }).fill("25");
    await nsf.getByRole("button", { name: "Preview NSF" }).click();
    await nsf.getByRole("button", { name: "Post NSF" }).click();
    const confirmNsf = page.getByRole("alertdialog", { name: "Cancel this payment?" });
    await confirmNsf.waitFor();
    await shoot(page, "nsf-confirm");
    await confirmNsf.getByRole("button", { name: "Post NSF" }).click();
    await expect(nsf.getByRole("status").textContent()).resolves.toMatch(/Posted NSF NSF-/);
    await section(detail, "Bounced payment (NSF)");

    // Write off what is left, after the confirmation dialog.
    await section(detail, "Write-off");
    const wo = detail.getByRole("form", { name: "Write-off" });
    await wo.getByRole("textbox", { name: /Reason code/ }).fill("BADDEBT");
    await wo.getByRole("textbox", { name: /Reason code/ }).press("Enter");
    await wo.getByRole("button", { name: "Post write-off" }).click();
    await page.getByRole("alertdialog", { name: "Write off these items?" }).getByRole("button", { name: "Post write-off" }).click();
    await expect(wo.getByRole("status").textContent()).resolves.toMatch(/Posted write-off WRI-/);
    await expect(detail.getByText("No open items.").count()).resolves.toBe(1);
    await noHorizontalOverflow(page);
    await shoot(page, "written-off");

    // Every journal and log is a sheet of its own.
    for (const sheet of ["Collection activities", "Collection letters", "Interest journal", "Charge corrections", "NSF journal", "Fee journal", "Write-off journal"]) {
      await expect(book(page).getByRole("tab", { name: sheet }).count()).resolves.toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300000);
});
