/**
 * Executable examples (issue 15): every `@example` of an exported function or class in src/domain/** is run
 * and its result compared with the expected value written after `//`.
 *
 * Forms (in a function's JSDoc):
 *   @example fn(args) // expected
 *   @example
 *   const t = setup(...);          (lines without `//` are setup statements)
 *   t.method(args) // expected
 *
 * `expected` is a JavaScript literal (numbers, strings, arrays, objects, `NaN`, `undefined`,
 * `null`, `1n`); a trailing parenthetical remark is allowed: `// 2 (no currency given)`. The code
 * sees every export of its own module, of money.ts, dates.ts, errors.ts, _lib/decimal.ts and
 * aging/periods.ts, and the
 * named fixtures of scripts/doctest-fixtures.ts. Results are compared by deep equality (class
 * instances by their JSON form: a Decimal by its text).
 *
 *   npx tsx scripts/doctest.ts                 run every example; exit 1 when a runnable one fails
 *   npx tsx scripts/doctest.ts --list          also list prose examples and functions without an example
 *   npx tsx scripts/doctest.ts --strict        exit 1 also for a function without a runnable example
 * An example whose expected side is prose, not a literal, is listed (--list) but not run: rewrite
 * it as a literal to make it count. An example naming a fixture that is not defined (a ReferenceError)
 * is listed as NO FIXTURE and fails only with --strict: define the fixture in
 * scripts/doctest-fixtures.ts or as a setup line of the example.
 *   npx tsx scripts/doctest.ts FILE...         only these files (used by test/domain/doctest.test.ts)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";

const ROOT = resolve(__dirname, "..");
const DOMAIN = join(ROOT, "src/domain");
const SHARED = ["money.ts", "dates.ts", "errors.ts", "_lib/decimal.ts", "aging/periods.ts"].map((f) => join(DOMAIN, f));
const FIXTURES = join(ROOT, "scripts/doctest-fixtures.ts");

export interface Example {
  readonly file: string;
  readonly fn: string;
  readonly line: number;
  readonly setup: readonly string[];
  readonly expr: string;
  readonly expected: string;
  /** Code with no `// expected` after it (the example's text ran out): listed and, with --strict, a failure. */
  readonly unfinished?: boolean;
}

export interface Outcome {
  readonly example: Example;
  readonly ok: boolean;
  readonly message: string;
  /** The example names a fixture that neither its module nor scripts/doctest-fixtures.ts defines. */
  readonly needsFixture?: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** An exported function or class: a class's examples (in its JSDoc) show its construction and use. */
const EXPORT = /^export (?:(?:async )?function|(?:abstract )?class) (\w+)/;

/** The exported functions of a file, each with the `@example`s of the JSDoc just above it. */
export function examplesOf(file: string): { fn: string; line: number; examples: Example[] }[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: { fn: string; line: number; examples: Example[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = EXPORT.exec(lines[i] ?? "");
    if (m === null) continue;
    const fn = m[1] ?? "";
    // Overload signatures and the implementation are one function, documented above the first.
    if (out.some((o) => o.fn === fn)) continue;
    // The JSDoc block ending on the line above (overload signatures share the first block).
    let end = i - 1;
    while (end >= 0 && EXPORT.test(lines[end] ?? "") === false && /^\s*$/.test(lines[end] ?? "")) end--;
    const examples: Example[] = [];
    if (end >= 0 && /\*\/\s*$/.test(lines[end] ?? "")) {
      let start = end;
      while (start > 0 && !/^\s*\/\*\*/.test(lines[start] ?? "")) start--;
      const doc = lines.slice(start, end + 1).map((l) => l.replace(/^\s*\/?\*+\/?\s?/, "").replace(/\s*\*\/\s*$/, ""));
      examples.push(...parseExamples(doc, file, fn, start + 1));
    }
    out.push({ fn, line: i + 1, examples });
  }
  return out;
}

function parseExamples(doc: readonly string[], file: string, fn: string, firstLine: number): Example[] {
  const out: Example[] = [];
  for (let k = 0; k < doc.length; k++) {
    const text = doc[k] ?? "";
    const at = text.indexOf("@example");
    if (at < 0) continue;
    const body: { text: string; line: number }[] = [];
    const rest = text.slice(at + "@example".length).trim();
    if (rest !== "") body.push({ text: rest, line: firstLine + k });
    // The example runs to the next tag: `@example expr` may have its `// expected` on the next line.
    for (let j = k + 1; j < doc.length && !/^\s*@/.test(doc[j] ?? ""); j++) {
      if ((doc[j] ?? "").trim() !== "") body.push({ text: (doc[j] ?? "").trim(), line: firstLine + j });
    }
    const setup: string[] = [];
    let pending = "";
    for (const b of body) {
      // A comment line of its own is a remark, not code.
      if (pending === "" && b.text.startsWith("//")) continue;
      // A line that ends neither a statement (;) nor an example (// expected) continues on the next.
      const split = splitComment(`${pending}${b.text}`);
      if (split === undefined && !/;\s*$/.test(b.text)) {
        pending = `${pending}${b.text} `;
        continue;
      }
      const text = `${pending}${b.text}`;
      pending = "";
      if (split === undefined) {
        setup.push(text);
        continue;
      }
      out.push({ file, fn, line: b.line, setup: [...setup], expr: split.code, expected: split.comment });
    }
    // Text left over that ends no statement and no example: an unfinished example, not silence.
    if (pending.trim() !== "") out.push({ file, fn, line: firstLine + k, setup: [...setup], expr: pending.trim(), expected: "", unfinished: true });
  }
  return out;
}

/** `code // comment`, the `//` outside strings; undefined without one (or with no code before it). */
function splitComment(line: string): { code: string; comment: string } | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length - 1; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && line[i + 1] === "/") {
      const code = line.slice(0, i).trim();
      return code === "" ? undefined : { code: code.replace(/;$/, ""), comment: line.slice(i + 2).trim() };
    }
  }
  return undefined;
}

/** The expected value of an example: a literal, allowing a trailing "(remark)". Undefined when it is prose. */
export function parseExpected(text: string, scope: Record<string, unknown>): { value: unknown } | undefined {
  const candidates = [text, text.replace(/\s*\([^()]*\)\s*$/, "")];
  for (const c of candidates) {
    if (c.trim() === "") continue;
    try {
      const value: unknown = new Function(...Object.keys(scope), `return (${c});`)(...Object.values(scope));
      // A bare word naming a function of the scope ("ok: a journal ...") is prose, not a value.
      if (typeof value !== "function") return { value };
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function normal(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), normal(v)]));
  if (value instanceof Set) return [...value].map(normal);
  if (typeof value === "bigint") return value;
  if (Array.isArray(value)) return value.map(normal);
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null && typeof (value as { toJSON?: unknown }).toJSON === "function") return (value as { toJSON(): unknown }).toJSON();
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, normal(v)]));
  }
  return Object.is(value, -0) ? 0 : value;
}

export function same(actual: unknown, expected: unknown): boolean {
  return isDeepStrictEqual(normal(actual), normal(expected));
}

function show(v: unknown): string {
  try {
    return JSON.stringify(normal(v), (_k, x) => (typeof x === "bigint" ? `${x}n` : Number.isNaN(x) ? "NaN" : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

async function scopeFor(file: string): Promise<Record<string, unknown>> {
  const scope: Record<string, unknown> = {};
  for (const f of [...SHARED, FIXTURES, file]) {
    const mod = (await import(f)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(mod)) if (k !== "default" && /^[A-Za-z_$][\w$]*$/.test(k)) scope[k] = v;
  }
  return scope;
}

/** Run the examples of `targets` (every file of src/domain by default). */
export async function runDoctest(targets?: readonly string[]): Promise<{ outcomes: Outcome[]; missing: { file: string; fn: string; line: number }[]; prose: Example[]; unfinished: Example[] }> {
  const list = targets ?? files(DOMAIN);
  const outcomes: Outcome[] = [];
  const missing: { file: string; fn: string; line: number }[] = [];
  const prose: Example[] = [];
  const unfinished: Example[] = [];
  for (const file of list) {
    const fns = examplesOf(file);
    if (fns.length === 0) continue;
    const scope = await scopeFor(file);
    for (const f of fns) {
      let runnable = 0;
      for (const ex of f.examples) {
        if (ex.unfinished === true) {
          unfinished.push(ex);
          continue;
        }
        const expected = parseExpected(ex.expected, scope);
        if (expected === undefined) {
          prose.push(ex);
          continue;
        }
        runnable++;
        try {
          const actual: unknown = new Function(...Object.keys(scope), `${ex.setup.join("\n")}\nreturn (${ex.expr});`)(...Object.values(scope));
          const ok = same(actual, expected.value);
          outcomes.push({ example: ex, ok, message: ok ? "" : `expected ${show(expected.value)}, got ${show(actual)}` });
        } catch (e) {
          const message = `threw ${e instanceof Error ? e.message : String(e)}`;
          const fixture = e instanceof ReferenceError ? /^(\w+) is not defined/.exec(e.message)?.[1] : undefined;
          outcomes.push(fixture === undefined ? { example: ex, ok: false, message } : { example: ex, ok: false, message, needsFixture: fixture });
        }
      }
      if (runnable === 0) missing.push({ file, fn: f.fn, line: f.line });
    }
  }
  return { outcomes, missing, prose, unfinished };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const strict = args.includes("--strict");
  const list = args.includes("--list");
  const targets = args.filter((a) => !a.startsWith("--")).map((a) => resolve(a));
  const { outcomes, missing, prose, unfinished } = await runDoctest(targets.length > 0 ? targets : undefined);
  const failed = outcomes.filter((o) => !o.ok && o.needsFixture === undefined);
  const unfixtured = outcomes.filter((o) => o.needsFixture !== undefined);
  if (list || strict) for (const o of unfixtured) console.log(`NO FIXTURE ${relative(ROOT, o.example.file)}:${o.example.line} ${o.example.fn}: ${o.needsFixture}`);
  for (const o of failed) console.log(`FAIL ${relative(ROOT, o.example.file)}:${o.example.line} ${o.example.fn}: ${o.example.expr}\n     ${o.message}`);
  if (list || strict) {
    for (const p of prose) console.log(`PROSE ${relative(ROOT, p.file)}:${p.line} ${p.fn}: // ${p.expected}`);
    for (const m of missing) console.log(`NO EXAMPLE ${relative(ROOT, m.file)}:${m.line} ${m.fn}`);
    for (const u of unfinished) console.log(`UNFINISHED ${relative(ROOT, u.file)}:${u.line} ${u.fn}: ${u.expr.slice(0, 80)} (no "// expected" after it)`);
  }
  const fns = new Set([...outcomes.map((o) => `${o.example.file}#${o.example.fn}`), ...missing.map((m) => `${m.file}#${m.fn}`)]).size;
  console.log(`doctest: ${outcomes.length - failed.length - unfixtured.length} of ${outcomes.length} runnable examples pass; ${failed.length} fail; ${unfixtured.length} name a fixture that does not exist yet; ${prose.length} examples state their result in prose; ${missing.length} of ${fns} exported functions have no runnable example; ${unfinished.length} unfinished`);
  if (failed.length > 0 || (strict && (missing.length > 0 || unfixtured.length > 0 || prose.length > 0 || unfinished.length > 0))) process.exitCode = 1;
}

if (require.main === module) void main();
