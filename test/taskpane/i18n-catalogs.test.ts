/**
 * The task pane's message catalogs: every language has every key of English with the same ICU
 * arguments, every message parses as ICU MessageFormat, and every key the code asks for exists.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import * as fs from "node:fs";
import * as path from "node:path";
import { AREAS, messagesFor } from "../../src/taskpane/i18n/catalogs";
import { LANGUAGES } from "../../src/taskpane/i18n/languages";

function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      into.add(e.value);
      for (const option of Object.values(e.options)) argumentsOf(option.value, into);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(d.name) ? [full] : [];
  });
}

describe("task-pane message catalogs", () => {
  const english = messagesFor("en");

  it.each(Object.keys(AREAS))("area %s: every language has exactly English's keys with the same arguments", (area) => {
    const byLanguage = AREAS[area]!;
    const keys = Object.keys(byLanguage.en).sort();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.startsWith(`${area}.`)).toBe(true);
    for (const language of LANGUAGES) {
      const catalog = byLanguage[language];
      expect({ language, keys: Object.keys(catalog).sort() }).toEqual({ language, keys });
      for (const key of keys) {
        const message = catalog[key]!;
        expect({ language, key, blank: message.trim() === "" }).toEqual({ language, key, blank: false });
        const args = [...argumentsOf(parse(message))].sort();
        const englishArgs = [...argumentsOf(parse(byLanguage.en[key]!))].sort();
        expect({ language, key, args }).toEqual({ language, key, args: englishArgs });
      }
    }
  });

  it("no key is defined by two areas", () => {
    const seen = new Map<string, string>();
    for (const [area, byLanguage] of Object.entries(AREAS)) {
      for (const key of Object.keys(byLanguage.en)) {
        expect({ key, first: seen.get(key) }).toEqual({ key, first: undefined });
        seen.set(key, area);
      }
    }
  });

  it("every key the task pane asks for by literal exists in English", () => {
    const root = path.join(__dirname, "../../src/taskpane");
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z][A-Za-z0-9]*\.[A-Za-z0-9_.-]+)"/g)) {
        if (english[m[1]!] === undefined) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe("invalid input", () => {
    it("a message with a broken placeholder does not parse", () => {
      expect(() => parse("{count, plural, one {# item}")).toThrow();
    });
    it("a translation that drops an argument is caught by the argument comparison", () => {
      expect([...argumentsOf(parse("{n} poster"))]).toEqual(["n"]);
      expect([...argumentsOf(parse("poster"))]).toEqual([]);
    });
  });
});
