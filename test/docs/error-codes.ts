/**
 * The error codes the source uses, found the way a reader of the code would grep for them: the
 * literal first argument of `ccError("...")` and the literal code of `r.error(key, "...")` /
 * `this.error(key, "...")`. Codes built from a column name (`${snake(key)}_must_be_an_amount`)
 * are documented as patterns (`<column>_must_be_an_amount`) and are not listed here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const ROOT = join(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** code -> the source files (relative to the repository) that raise it. */
export function codesInSource(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const patterns = [/ccError\(\s*"([a-z0-9_]+)"/g, /\.error\(\s*[^,()]+,\s*"([a-z0-9_]+)"/g, /\bcode:\s*"([a-z0-9_]+_[a-z0-9_]+)"/g];
  for (const file of files(join(ROOT, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const re of patterns) {
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const code = m[1] ?? "";
        const set = out.get(code) ?? new Set<string>();
        set.add(relative(ROOT, file));
        out.set(code, set);
      }
    }
  }
  return out;
}

/** The sections of docs/errors.md's "Every code, by area": heading -> the codes of its table, in order. */
export function areasInDoc(): Map<string, string[]> {
  const text = readFileSync(join(ROOT, "docs/errors.md"), "utf8");
  const every = text.slice(text.indexOf("## Every code, by area"));
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of every.split("\n")) {
    const heading = /^### (.*)$/.exec(line);
    if (heading !== null) out.set(heading[1] ?? "", (current = []));
    const row = /^\|\s*([a-z0-9]+(?:_[a-z0-9]+)+)\s*\|/.exec(line);
    if (row !== null && current !== undefined) current.push(row[1] ?? "");
  }
  return out;
}

/** Source files (relative to src/) whose text holds `"code"` as a string literal, the registry itself aside. */
export function filesQuoting(code: string): string[] {
  return files(join(ROOT, "src"))
    .filter((f) => !f.endsWith(join("domain", "error-codes.ts")) && readFileSync(f, "utf8").includes(`"${code}"`))
    .map((f) => relative(join(ROOT, "src"), f));
}

/** Source files (relative to src/) whose text matches `re`. */
export function filesMatching(re: RegExp): string[] {
  return files(join(ROOT, "src"))
    .filter((f) => re.test(readFileSync(f, "utf8")))
    .map((f) => relative(join(ROOT, "src"), f));
}

/** Every code written in backticks or as a table's first cell in docs/errors.md. */
export function codesInDoc(): Set<string> {
  const text = readFileSync(join(ROOT, "docs/errors.md"), "utf8");
  const out = new Set<string>();
  for (const m of text.matchAll(/`([a-z0-9]+(?:_[a-z0-9]+)+)`/g)) out.add(m[1] ?? "");
  for (const m of text.matchAll(/^\|\s*([a-z0-9]+(?:_[a-z0-9]+)+)\s*\|/gm)) out.add(m[1] ?? "");
  return out;
}
