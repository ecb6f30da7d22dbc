/**
 * The message templates of the error catalogs (./en.ts, ./sv.ts, ./da.ts, ./nb.ts) are a subset of
 * ICU MessageFormat: `{name}` puts a parameter in, `{name, select, a {...} other {...}}` chooses a
 * sentence by a parameter's text, `{n, plural, one {...} other {...}}` by a count (`#` is the count).
 * The four languages of the product share English's plural categories for whole counts (`one` for
 * 1, `other` for every other count), so no locale data is looked up: the same text comes out on
 * every machine. An apostrophe is an ordinary character (the engine quotes values with it), unlike
 * in full ICU, so templates carry the engine's `'value'` quoting as it is.
 */

/** The values of a template's placeholders: text the engine already formatted, or a count. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Fill `template` with `params`. A placeholder without a value stays as written (`{voucher}`), so a
 * missing parameter shows in the message instead of vanishing.
 * @example formatMessage("voucher {voucher} is not open", { voucher: "INV-7" }) // "voucher INV-7 is not open"
 * @example formatMessage("{n, plural, one {# error} other {# errors}}", { n: 2 }) // "2 errors"
 * @example formatMessage("{kind, select, fee {a fee} other {interest}}", { kind: "fee" }) // "a fee"
 */
export function formatMessage(template: string, params: MessageParams): string {
  return render(template, 0, template.length, params, undefined);
}

/**
 * The names of a template's placeholders, sorted (the completeness test compares them across languages).
 * @example placeholdersOf("{n, plural, one {# item of {voucher}} other {# items}} on {date}") // ["date", "n", "voucher"]
 */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  collect(template, 0, template.length, names);
  return [...names].sort();
}

/** The index of the `}` closing the `{` at `open`. */
function closing(s: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message template: ${s}`);
}

interface Placeholder {
  readonly name: string;
  readonly kind: "" | "select" | "plural";
  /** The options of a select or plural: key -> [start, end) of its body. */
  readonly options: ReadonlyMap<string, readonly [number, number]>;
}

function parsePlaceholder(s: string, start: number, end: number): Placeholder {
  const first = s.indexOf(",", start);
  if (first < 0 || first >= end) return { name: s.slice(start, end).trim(), kind: "", options: new Map() };
  const second = s.indexOf(",", first + 1);
  const name = s.slice(start, first).trim();
  const kind = s.slice(first + 1, second).trim();
  if (kind !== "select" && kind !== "plural") throw new Error(`unknown placeholder type '${kind}' in: ${s}`);
  const options = new Map<string, readonly [number, number]>();
  let i = second + 1;
  while (i < end) {
    const open = s.indexOf("{", i);
    if (open < 0 || open >= end) break;
    const key = s.slice(i, open).trim();
    const close = closing(s, open, end);
    options.set(key, [open + 1, close]);
    i = close + 1;
  }
  return { name, kind, options };
}

function render(s: string, start: number, end: number, params: MessageParams, count: number | undefined): string {
  let out = "";
  let i = start;
  while (i < end) {
    const c = s[i] as string;
    if (c === "#" && count !== undefined) {
      out += String(count);
      i++;
    } else if (c === "{") {
      const close = closing(s, i, end);
      const p = parsePlaceholder(s, i + 1, close);
      const value = params[p.name];
      if (p.kind === "") out += value === undefined ? s.slice(i, close + 1) : String(value);
      else {
        const key = p.kind === "plural" ? pluralKey(p, Number(value)) : String(value);
        const body = p.options.get(key) ?? p.options.get("other");
        if (body !== undefined) out += render(s, body[0], body[1], params, p.kind === "plural" ? Number(value) : count);
      }
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function pluralKey(p: Placeholder, n: number): string {
  if (p.options.has(`=${n}`)) return `=${n}`;
  return n === 1 ? "one" : "other";
}

function collect(s: string, start: number, end: number, into: Set<string>): void {
  let i = start;
  while (i < end) {
    if (s[i] === "{") {
      const close = closing(s, i, end);
      const p = parsePlaceholder(s, i + 1, close);
      into.add(p.name);
      for (const [, [a, b]] of p.options) collect(s, a, b, into);
      i = close + 1;
    } else i++;
  }
}
