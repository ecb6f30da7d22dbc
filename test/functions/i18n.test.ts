/**
 * Every custom function and parameter has a Swedish, Danish and Norwegian description. The
 * metadata is generated from the JSDoc tags exactly as the build does (custom-functions-metadata
 * over every top-level src/functions/*.ts), so a function added without translations fails here.
 * Translations of functions that other branches are adding (PENDING) may come before the function.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  functionReference,
  helpPage,
  LOCALES,
  localizeMetadata,
  type Metadata,
  missingTranslations,
  type TranslationTable,
} from "../../scripts/localize-functions.cjs";

const ROOT = join(__dirname, "..", "..");
const FUNCTIONS_DIR = join(ROOT, "src", "functions");
/** Functions being added on other branches whose translations are already in the tables. */
const PENDING = new Set<string>([]);

function table(tag: string): TranslationTable {
  return JSON.parse(readFileSync(join(FUNCTIONS_DIR, "i18n", `${tag}.json`), "utf8")) as TranslationTable;
}

let metadata: Metadata;

beforeAll(async () => {
  const files = readdirSync(FUNCTIONS_DIR)
    .filter((f) => f.endsWith(".ts") && f !== "functions.ts")
    .sort()
    .map((f) => join(FUNCTIONS_DIR, f));
  const result = await generateCustomFunctionsMetadata(files, false);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
});

describe.each(LOCALES.map((l) => l.tag))("the %s translations", (tag) => {
  it("describe every function and every parameter", () => {
    expect(metadata.functions.length).toBeGreaterThanOrEqual(15);
    expect(missingTranslations(metadata, table(tag))).toEqual([]);
  });

  it("name no function or parameter that does not exist (except the pending ones)", () => {
    const byId = new Map(metadata.functions.map((f) => [f.id, new Set((f.parameters ?? []).map((p) => p.name))]));
    const stray: string[] = [];
    for (const [id, t] of Object.entries(table(tag))) {
      const params = byId.get(id);
      if (params === undefined) {
        if (!PENDING.has(id)) stray.push(id);
        continue;
      }
      for (const name of Object.keys(t.parameters ?? {})) if (!params.has(name)) stray.push(`${id}.${name}`);
    }
    expect(stray).toEqual([]);
  });

  it("keep ids, names, types and options, and point helpUrl at the language's help page", () => {
    const page = helpPage("https://addin.example.com/cc/", tag.slice(0, 2));
    const localized = localizeMetadata(metadata, table(tag), page);
    expect(localized.functions.map((f) => [f.id, f.name])).toEqual(metadata.functions.map((f) => [f.id, f.name]));
    for (const [i, f] of localized.functions.entries()) {
      const english = metadata.functions[i];
      expect(f.helpUrl).toBe(`${page}#cc-${f.id.toLowerCase()}`);
      expect(f.description).not.toBe(english?.description);
      expect(f.parameters?.map(({ description: _d, ...rest }) => rest)).toEqual(english?.parameters?.map(({ description: _d, ...rest }) => rest));
      expect(f.result).toEqual(english?.result);
      expect(f.options).toEqual(english?.options);
    }
  });
});

describe("the help page's function reference", () => {
  it("has an anchor for every function's helpUrl and writes Nordic argument separators", () => {
    const sv = functionReference(metadata, "sv");
    for (const f of metadata.functions) expect(sv).toContain(`id="cc-${f.id.toLowerCase()}"`);
    expect(sv).toContain("=CC.AGING(transactions; asOf; [periods]; [basis])");
    expect(functionReference(metadata, "en")).toContain("=CC.AGING(transactions, asOf, [periods], [basis])");
  });

  it("escapes HTML in descriptions", () => {
    const html = functionReference({ functions: [{ id: "X", name: "X", description: "<b>&", parameters: [] }] }, "en");
    expect(html).toContain("&lt;b&gt;&amp;");
  });
});
