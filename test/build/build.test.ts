/**
 * `npm run build` writes dist/ with manifest.xml, functions.json (from the JSDoc tags), functions.js
 * and taskpane.html, the Swedish, Danish and Norwegian functions.json and the help pages; a
 * production build rewrites every localhost URL to ADDIN_BASE_URL; a bad custom function signature
 * fails the build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const WEBPACK = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");

function build(env: Record<string, string>): { status: number | null; output: string; dist: string } {
  const dist = mkdtempSync(join(tmpdir(), "cc-dist-"));
  const r = spawnSync(process.execPath, [WEBPACK, "--mode", "production"], {
    cwd: ROOT,
    env: { ...process.env, CC_DIST_DIR: dist, ...env },
    encoding: "utf8",
    timeout: 240000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, dist };
}

describe("the production build", () => {
  const ok = build({ ADDIN_BASE_URL: "https://addin.example.com/cc" });

  it("succeeds and writes the add-in's artifacts", () => {
    expect(ok.status).toBe(0);
    for (const f of ["manifest.xml", "functions.json", "functions.js", "taskpane.html", "taskpane.js", "assets/icon-32.png"]) {
      expect(existsSync(join(ok.dist, f))).toBe(true);
    }
  });

  it("generates functions.json from the JSDoc tags, with CC.AGING's parameters", () => {
    const meta = JSON.parse(readFileSync(join(ok.dist, "functions.json"), "utf8")) as { functions: { id: string; parameters: { name: string }[] }[] };
    const agingFn = meta.functions.find((f) => f.id === "AGING");
    expect(agingFn?.parameters.map((p) => p.name)).toEqual(["transactions", "asOf", "periods", "basis"]);
    expect(readFileSync(join(ok.dist, "functions.js"), "utf8")).toContain('associate("AGING"');
  });

  type Meta = { functions: { id: string; name: string; description: string; helpUrl?: string; parameters: { name: string; description: string }[] }[] };
  const readMeta = (file: string): Meta => JSON.parse(readFileSync(join(ok.dist, file), "utf8")) as Meta;

  it("writes a functions.json per Nordic locale with the same functions, translated", () => {
    const english = readMeta("functions.json");
    for (const [locale, lang, agingText] of [
      ["sv-SE", "sv", "Åldersanalys"],
      ["da-DK", "da", "Aldersfordeler"],
      ["nb-NO", "nb", "Aldersfordeler"],
    ] as const) {
      const meta = readMeta(`${locale}/functions.json`);
      expect(meta.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
        english.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]),
      );
      const agingFn = meta.functions.find((f) => f.id === "AGING");
      expect(agingFn?.description).toContain(agingText);
      expect(agingFn?.helpUrl).toBe(`https://addin.example.com/cc/help/${lang}/index.html#cc-aging`);
      expect(existsSync(join(ok.dist, "help", lang, "index.html"))).toBe(true);
    }
  });

  it("gives every function a helpUrl with an anchor on the help page", () => {
    const help = readFileSync(join(ok.dist, "help", "index.html"), "utf8");
    for (const f of readMeta("functions.json").functions) {
      expect(f.helpUrl).toBe(`https://addin.example.com/cc/help/index.html#cc-${f.id.toLowerCase()}`);
      // The production build minifies HTML, which may drop the quotes of an attribute.
      expect(help).toMatch(new RegExp(`id="?cc-${f.id.toLowerCase()}[\\s">]`));
    }
    expect(help).not.toContain("FUNCTION_REFERENCE");
  });

  it("loads the functions in the task pane page (one shared runtime)", () => {
    const html = readFileSync(join(ok.dist, "taskpane.html"), "utf8");
    expect(html).toMatch(/src="?taskpane\.js/);
    expect(html).toMatch(/src="?functions\.js/);
    expect(html).toContain("office.js");
  });

  it("rewrites every localhost URL of the manifest to ADDIN_BASE_URL", () => {
    const manifest = readFileSync(join(ok.dist, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('DefaultValue="https://addin.example.com/cc/taskpane.html"');
    expect(manifest).toContain('DefaultValue="https://addin.example.com/cc/functions.json"');
    expect(manifest).toContain('<bt:Override Locale="sv-SE" Value="https://addin.example.com/cc/sv-SE/functions.json"/>');
    expect(manifest).toContain('<SupportUrl DefaultValue="https://addin.example.com/cc/help/index.html">');
  });

  it("fails on a custom function with a bad signature", () => {
    const bad = build({ CC_FUNCTIONS_ENTRY: "./test/build/fixtures/bad-functions.ts" });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/BADDATE|Date|not supported|bad-functions/i);
  });
});
