/**
 * Validates manifest.xml offline (office-addin-manifest's validator, `npm run validate`, posts to a
 * Microsoft service and needs the internet; this test always runs): well-formed XML, consistent
 * resids, https URLs, a GUID id, a four-part version, icons that exist, the shared runtime wiring of
 * OFFICE.md, and the Swedish, Danish and Norwegian overrides and help URLs of docs/nordic.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";

const ROOT = join(__dirname, "..", "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** Resource ids defined under <Resources> and the resids that refer to them. */
const defined = [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1] ?? "");
const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1] ?? ""));

function text(path: string): string {
  const m = new RegExp(`<${path}>([^<]*)</${path}>`).exec(xml);
  return m?.[1]?.trim() ?? "";
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has a GUID id and a four-part version", () => {
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text("Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("defines every resid it uses exactly once, and uses every one it defines", () => {
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
    for (const id of defined) expect(used.has(id)).toBe(true);
  });

  it("uses https for every URL", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|Value="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("points every icon at a file that exists under assets/", () => {
    const icons = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1] ?? "");
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) expect(existsSync(join(ROOT, icon))).toBe(true);
  });

  it("wires one shared runtime for the functions and the task pane", () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(xml).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>\s*<\/Page>/);
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="CC"\/>/);
    expect(xml).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">/);
  });

  describe.each([
    ["sv-SE", "sv"],
    ["da-DK", "da"],
    ["nb-NO", "nb"],
  ])("in %s", (locale, lang) => {
    /** The Value of the Override for `locale` inside the element that opens with `open`. */
    function override(open: RegExp): string | undefined {
      const start = open.exec(xml);
      if (start === null) return undefined;
      const rest = xml.slice(start.index);
      if (/^<[^>]*\/>/.test(rest)) return undefined; // a self-closing element has no overrides
      const body = rest.slice(0, rest.search(/<\/(?:DisplayName|Description|SupportUrl|bt:Url|bt:String)>/));
      return new RegExp(`<(?:bt:)?Override Locale="${locale}" Value="([^"]+)"\\/>`).exec(body)?.[1];
    }

    it("overrides the display name and description", () => {
      expect(override(/<DisplayName /)).toMatch(/\S/);
      expect(override(/<Description /)).toMatch(/\S/);
      expect(override(/<DisplayName /)).not.toBe("Credit &amp; Collections");
    });

    it("loads the localized functions.json (names stay CC.*: the namespace has no override)", () => {
      expect(override(/<bt:Url id="Functions.Metadata.Url"/)).toBe(`https://localhost:3000/${locale}/functions.json`);
      expect(override(/<bt:String id="Functions.Namespace"/)).toBeUndefined();
    });

    it("points SupportUrl and LearnMoreUrl at the help page of its language", () => {
      expect(override(/<SupportUrl /)).toBe(`https://localhost:3000/help/${lang}/index.html`);
      expect(override(/<bt:Url id="GetStarted.LearnMoreUrl"/)).toBe(`https://localhost:3000/help/${lang}/index.html`);
      expect(existsSync(join(ROOT, "src", "help", `${lang}.html`))).toBe(true);
    });

    it("translates every ribbon and Get Started string", () => {
      for (const id of ["GetStarted.Title", "GetStarted.Description", "Group.Label", "TaskpaneButton.Label", "TaskpaneButton.Tooltip"]) {
        expect(override(new RegExp(`<bt:String id="${id.replace(".", "\\.")}"`))).toMatch(/\S/);
      }
    });
  });

  it("points SupportUrl and LearnMoreUrl at the English help page by default", () => {
    expect(xml).toContain('<SupportUrl DefaultValue="https://localhost:3000/help/index.html">');
    expect(xml).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help/index.html">');
    expect(existsSync(join(ROOT, "src", "help", "en.html"))).toBe(true);
  });

  it("overrides only for the three Nordic locales", () => {
    const locales = new Set([...xml.matchAll(/Override Locale="([^"]+)"/g)].map((m) => m[1]));
    expect([...locales].sort()).toEqual(["da-DK", "nb-NO", "sv-SE"]);
  });
});
