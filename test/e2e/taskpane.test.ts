/**
 * The task pane in a real browser: Debian's Chromium, driven by playwright-core, walks the preview
 * host (the real task pane bundle over an in-memory workbook seeded from the sample ledger) and
 * saves a screenshot of each screen under test-results/.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import sample from "../../samples/sample-ledger.json";
import { seriousAxeViolations } from "./_lib/axe";
import { type PreviewBrowser, startPreviewBrowser } from "./_lib/preview-server";
import { eventuallyText } from "./_lib/text";

const OUT = path.resolve(__dirname, "../../test-results");
let preview: PreviewBrowser | undefined;
let browser: Browser;

/** The first customer of the sample with an open payment and open invoices in its currency. */
function customerWithPayment(): { customer: string; payment: string } {
  const rows = (sample as unknown as { Transactions: (string | number | null)[][] }).Transactions;
  const h = rows[0] ?? [];
  const [c, v, t, a] = ["Customer", "Voucher", "Type", "Amount"].map((k) => h.indexOf(k)) as [number, number, number, number];
  const p = rows.slice(1).find((r) => r[t] === "Payment" && typeof r[a] === "number" && (r[a] as number) < 0);
  if (p === undefined) throw new Error("the sample ledger has no open payment");
  return { customer: String(p[c]), payment: String(p[v]) };
}

async function open(height = 900, query = ""): Promise<{ page: Page; errors: string[] }> {
  // A context of its own: AxeBuilder needs one (browser.newPage's implicit context will not do).
  const context = await browser.newContext({ viewport: { width: 1100, height } });
  const page = await context.newPage();
  page.on("close", () => {
    context.close().catch(() => undefined); // already closed with the browser
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${preview?.url ?? ""}${query}`);
  await pane(page).getByRole("tablist").waitFor();
  return { page, errors };
}

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });
const book = (page: Page) => page.getByRole("main", { name: "Workbook" });

async function shoot(page: Page, name: string): Promise<void> {
  // By class, not role: an open modal dialog hides the pane from the accessibility tree.
  await page.locator(".preview-pane").screenshot({ path: path.join(OUT, `${name}.png`) });
  await page.screenshot({ path: path.join(OUT, `${name}-with-workbook.png`) });
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const [scroll, client] = await pane(page).evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
}

beforeAll(async () => {
  preview = await startPreviewBrowser(OUT);
  browser = preview.browser;
}, 900000);

/** Every element showing an amount (digits with a currency mark) shows it whole: nothing cut off or wrapped away. */
async function noCutOffAmounts(page: Page): Promise<number> {
  const cut = await pane(page).evaluate((root) => {
    const out: string[] = [];
    let seen = 0;
    const amount = /\d[\d\u00a0\u202f .,]*\d\s?(kr|US\$|\$|€)|(kr|US\$|\$|€)\s?\d/;
    for (const el of Array.from(root.querySelectorAll("*"))) {
      if (el.children.length > 0 || !amount.test(el.textContent ?? "")) continue;
      seen += 1;
      const box = el.getBoundingClientRect();
      const pane = root.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 || box.right > pane.right + 1) out.push(el.textContent ?? "");
    }
    return { out, seen };
  });
  expect(cut.out).toEqual([]);
  return cut.seen;
}

/** No serious or critical axe violations in the task pane. */
async function axe(page: Page, within = ".preview-pane"): Promise<void> {
  expect(await seriousAxeViolations(page, within)).toEqual([]);
}

afterAll(async () => {
  await preview?.close();
});

describe("the task pane in Chromium", () => {
  it("moves between screens with the keyboard", async () => {
    const { page, errors } = await open();
    await pane(page).getByRole("tab", { name: "Settle", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Aging workbook" }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("walks the settlement wizard: choose, review, edit an amount, post, see the journal", async () => {
    const { page, errors } = await open(2000);
    const { customer, payment } = customerWithPayment();
    const p = pane(page);
    await p.getByRole("button", { name: "Load ledger" }).click();
    // Choose the payment as a collector would: select its row in the sheet.
    await book(page).getByRole("table", { name: "Transactions" }).getByRole("cell", { name: payment, exact: true }).first().click();
    await p.getByRole("button", { name: "Use the selected payment row" }).click();
    await expect(p.getByRole("combobox", { name: "Customer" }).inputValue()).resolves.toBe(customer);
    await expect(p.getByRole("combobox", { name: "Payment" }).inputValue()).resolves.toBe(payment);
    await p.getByRole("button", { name: "Propose settlement" }).click();
    const review = p.getByRole("region", { name: "4. Review" });
    await review.waitFor();
    const first = review.getByRole("textbox", { name: /^Amount to settle on / }).first();
    const before = Number(await first.inputValue());
    expect(before).toBeGreaterThan(1);
    await first.fill(String(before - 1));
    await eventuallyText(p.getByLabel(/^Unapplied remainder/), /^\$1\.00$/);
    await shoot(page, "settlement-wizard");
    await p.getByRole("button", { name: "Post settlement" }).click();
    await eventuallyText(p.getByRole("status"), /Posted journal SET-/);
    await book(page).getByRole("tab", { name: "Settlement journal" }).click();
    const grid = page.getByRole("table", { name: "Settlement journal" });
    await expect(grid.getByRole("cell", { name: "JournalId", exact: true }).count()).resolves.toBe(1);
    await expect(grid.getByRole("cell", { name: customer, exact: true }).count()).resolves.toBeGreaterThan(1);
    await expect(p.getByRole("region", { name: "Posted settlements" }).getByRole("button", { name: /^Unapply SET-/ }).count()).resolves.toBe(1);
    await noHorizontalOverflow(page);
    await shoot(page, "settlement-posted");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("builds the aging workbook with its chart", async () => {
    const { page, errors } = await open();
    await pane(page).getByRole("tab", { name: "Aging", exact: true }).click();
    await pane(page).getByRole("button", { name: "Create aging sheet" }).click();
    await eventuallyText(pane(page).getByRole("status"), /Created sheet Aging 2025-12-31/);
    await expect(book(page).getByRole("tab", { name: "Aging 2025-12-31" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByText(/Chart "Balances by period \(USD\)" \(ColumnStacked\)/).count()).resolves.toBe(1);
    await noHorizontalOverflow(page);
    await shoot(page, "aging-workbook");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs the credit review and releases a selected held order with a reason asked in a dialog", async () => {
    const { page, errors } = await open();
    await pane(page).getByRole("tab", { name: "Credit", exact: true }).click();
    const p = pane(page);
    await p.getByRole("button", { name: "Run credit check" }).click();
    await eventuallyText(p.getByRole("status"), /orders checked: [1-9]\d* on hold/);
    await p.getByRole("checkbox", { name: /^Select SO-\d+$/ }).first().click();
    await shoot(page, "credit-review");
    await p.getByRole("button", { name: "Release selected", exact: true }).click();
    const dialog = page.getByRole("alertdialog", { name: "Release 1 order?" });
    await dialog.getByRole("textbox", { name: /Reason for the action/ }).fill("Customer paid by phone");
    await dialog.getByRole("button", { name: "Release selected", exact: true }).click();
    await eventuallyText(p.getByRole("status"), /Released SO-/);
    await noHorizontalOverflow(page);
    await book(page).getByRole("tab", { name: "Credit hold log" }).click();
    await expect(page.getByRole("table", { name: "Credit hold log" }).getByRole("cell", { name: "Customer paid by phone" }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("previews a write-off", async () => {
    const { page, errors } = await open();
    await pane(page).getByRole("tab", { name: "Write-off", exact: true }).click();
    const p = pane(page);
    await p.getByRole("button", { name: "Load ledger" }).click();
    await p.getByRole("combobox", { name: "Customer" }).selectOption(customerWithPayment().customer);
    await p.getByRole("textbox", { name: /Reason code/ }).fill("BADDEBT");
    await p.getByRole("button", { name: "Preview journal" }).click();
    await expect(p.getByRole("region", { name: "Journal preview" }).getByRole("listitem").count()).resolves.toBeGreaterThan(1);
    await shoot(page, "write-off");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the task pane in Swedish at 350 px", () => {
  it("the settlement wizard: choose, review with kronor-style amounts, post, unapply asked first", async () => {
    const { page, errors } = await open(2400, "?lang=sv");
    const p = pane(page);
    expect(await p.evaluate((el) => Math.round(el.getBoundingClientRect().width))).toBe(350);
    await expect(p.getByRole("tab", { name: "Kvitta", exact: true }).getAttribute("aria-selected")).resolves.toBe("true");
    await p.getByRole("button", { name: "Läs in kundreskontran" }).click();
    const { customer } = customerWithPayment();
    await p.getByRole("combobox", { name: "Kund" }).selectOption(customer);
    await axe(page);
    await shoot(page, "sv-settle-choose");
    await p.getByRole("button", { name: "Föreslå kvittning" }).click();
    const review = p.getByRole("region", { name: "4. Granska" });
    await review.waitFor();
    const first = review.getByRole("textbox", { name: /^Belopp att kvitta på / }).first();
    await expect(first.inputValue()).resolves.toMatch(/^\d+,\d\d$/);
    await first.fill("1.500");
    await expect(review.getByText(/kan läsas som två olika belopp/).count()).resolves.toBe(1);
    await expect(p.getByRole("button", { name: "Bokför kvittning" }).isDisabled()).resolves.toBe(true);
    await first.fill("1,00");
    await eventuallyText(p.getByLabel(/^Ej kvittad rest/), /\d,\d\d/);
    expect(await noCutOffAmounts(page)).toBeGreaterThan(5);
    await noHorizontalOverflow(page);
    await axe(page);
    await shoot(page, "sv-settle-review");
    await p.getByRole("button", { name: "Bokför kvittning" }).click();
    await eventuallyText(p.getByRole("status"), /^Journalen SET-\S+ bokfördes/);
    const posted = p.getByRole("region", { name: "Bokförda kvittningar" });
    await posted.getByRole("button", { name: /^Ta bort kvittning SET-/ }).click();
    const dialog = page.getByRole("alertdialog", { name: "Ta bort den här kvittningen?" });
    await dialog.waitFor();
    await shoot(page, "sv-settle-unapply-dialog");
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await dialog.waitFor({ state: "detached" });
    await posted.getByRole("button", { name: /^Ta bort kvittning SET-/ }).waitFor();
    await expect(posted.getByRole("button", { name: /^Ta bort kvittning SET-/ }).count()).resolves.toBe(1);
    await noCutOffAmounts(page);
    await noHorizontalOverflow(page);
    await axe(page);
    await shoot(page, "sv-settle-posted");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the write-off screen: preview in kronor-style amounts and the confirmation before posting", async () => {
    const { page, errors } = await open(1600, "?lang=sv");
    const p = pane(page);
    await p.getByRole("tab", { name: "Avskrivning", exact: true }).click();
    await p.getByRole("button", { name: "Läs in kundreskontran" }).click();
    await p.getByRole("combobox", { name: "Kund" }).selectOption(customerWithPayment().customer);
    await p.getByRole("textbox", { name: /Orsakskod/ }).fill("BADDEBT");
    await p.getByRole("textbox", { name: /Orsakskod/ }).press("Enter");
    const preview = p.getByRole("region", { name: "Förhandsgranskning av journal" });
    await expect(preview.getByRole("listitem").count()).resolves.toBeGreaterThan(1);
    expect(await noCutOffAmounts(page)).toBeGreaterThan(2);
    await noHorizontalOverflow(page);
    await axe(page);
    await shoot(page, "sv-writeoff");
    await p.getByRole("button", { name: "Bokför avskrivning" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Skriva av dessa poster?" });
    await dialog.waitFor();
    await axe(page, "[role='alertdialog']");
    await shoot(page, "sv-writeoff-confirm");
    await dialog.getByRole("button", { name: "Bokför avskrivning" }).click();
    await eventuallyText(p.getByRole("status"), /^Avskrivningen WRI-\S+ bokfördes/);
    await expect(p.getByRole("combobox", { name: "Kund" }).inputValue()).resolves.toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ["settle", "Kvitta", "Guide för kvittning"],
    ["aging", "Åldersanalys", "Arbetsbok för åldersanalys"],
    ["credit", "Kredit", "Kreditgranskning"],
    ["limits", "Gränser", "Kreditgränser"],
    ["writeoff", "Avskrivning", "Avskrivning"],
    ["collect", "Inkasso", "Arbetsyta för inkasso"],
    ["bank", "Bank", "Kontoutdrag"],
  ])("the %s screen in Swedish at 350 px: its heading, nothing wider than the pane, no serious axe violation", async (id, tab, title) => {
    const { page, errors } = await open(1000, "?lang=sv");
    const p = pane(page);
    await p.getByRole("tab", { name: tab, exact: true }).click();
    await p.getByRole("heading", { name: title, exact: true }).waitFor();
    await noHorizontalOverflow(page);
    await axe(page);
    await shoot(page, `sv-screen-${id}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
