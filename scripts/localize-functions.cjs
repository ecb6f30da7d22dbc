/**
 * After custom-functions-metadata-plugin has written functions.json from the JSDoc tags, this
 * webpack plugin:
 *  - sets every function's helpUrl (its anchor on the help page of the file's language);
 *  - writes sv-SE/functions.json, da-DK/functions.json and nb-NO/functions.json: the same ids,
 *    names (CC.* in every language), types and options, with the descriptions of
 *    src/functions/i18n/<locale>.json (manifest.xml points Office at them with bt:Override);
 *  - writes the help pages help/index.html (English) and help/sv|da|nb/index.html from
 *    src/help/<lang>.html, with the function reference generated from the same metadata.
 * A missing translation falls back to English with a build warning; test/functions/i18n.test.ts
 * fails on it, so a function added without translations is caught there.
 */
const fs = require("fs");
const path = require("path");

/** Office locale of each localized functions.json, and the folder of its help page. */
const LOCALES = [
  { tag: "sv-SE", lang: "sv" },
  { tag: "da-DK", lang: "da" },
  { tag: "nb-NO", lang: "nb" },
];
const HELP_LANGS = ["en", "sv", "da", "nb"];
const ARG_SEPARATOR = { en: ", ", sv: "; ", da: "; ", nb: "; " };

/** The help page of a language: help/index.html for English, help/<lang>/index.html otherwise. */
function helpPage(baseUrl, lang) {
  return `${baseUrl}help/${lang === "en" ? "" : `${lang}/`}index.html`;
}

/** The anchor of a function on the help page: CC.AGING -> cc-aging. */
function helpAnchor(id) {
  return `cc-${id.toLowerCase()}`;
}

/** Every "ID" and "ID.parameter" of the metadata that the table has no non-empty text for. */
function missingTranslations(metadata, table) {
  const missing = [];
  for (const f of metadata.functions) {
    const t = table[f.id];
    if (!t || typeof t.description !== "string" || t.description.trim() === "") missing.push(f.id);
    for (const p of f.parameters || []) {
      const text = t && t.parameters ? t.parameters[p.name] : undefined;
      if (typeof text !== "string" || text.trim() === "") missing.push(`${f.id}.${p.name}`);
    }
  }
  return missing;
}

/**
 * The metadata with every description from `table` (English where it has none) and every helpUrl
 * pointing at `page`. Ids, names, types, dimensionality and options are kept as they are.
 */
function localizeMetadata(metadata, table, page) {
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const t = (table && table[f.id]) || {};
      const out = { ...f, helpUrl: `${page}#${helpAnchor(f.id)}` };
      if (typeof t.description === "string" && t.description.trim() !== "") out.description = t.description;
      if (f.parameters) {
        out.parameters = f.parameters.map((p) => {
          const text = t.parameters ? t.parameters[p.name] : undefined;
          return typeof text === "string" && text.trim() !== "" ? { ...p, description: text } : { ...p };
        });
      }
      return out;
    }),
  };
}

function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The function reference of a help page: one section per function, anchored for its helpUrl. */
function functionReference(metadata, lang) {
  const sep = ARG_SEPARATOR[lang] || ", ";
  return metadata.functions
    .map((f) => {
      const args = (f.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name)).join(sep);
      const params = (f.parameters || [])
        .map((p) => `      <li><code>${escapeHtml(p.optional ? `[${p.name}]` : p.name)}</code>: ${escapeHtml(p.description || "")}</li>`)
        .join("\n");
      return [
        `  <section id="${helpAnchor(f.id)}">`,
        `    <h3><code>=CC.${escapeHtml(f.name)}(${escapeHtml(args)})</code></h3>`,
        `    <p>${escapeHtml(f.description || "")}</p>`,
        params ? `    <ul>\n${params}\n    </ul>` : "",
        "  </section>",
      ]
        .filter((line) => line !== "")
        .join("\n");
    })
    .join("\n");
}

/** A help page: the template of the language with its function reference filled in. */
function helpHtml(template, metadata, lang) {
  return template.replace("<!-- FUNCTION_REFERENCE -->", functionReference(metadata, lang));
}

function readTables(dir) {
  const tables = {};
  for (const { tag } of LOCALES) tables[tag] = JSON.parse(fs.readFileSync(path.join(dir, `${tag}.json`), "utf8"));
  return tables;
}

class LocalizeFunctionsPlugin {
  /** @param {{ baseUrl: string, i18nDir: string, helpDir: string, metadata?: string }} options */
  constructor(options) {
    this.options = { metadata: "functions.json", ...options };
  }

  apply(compiler) {
    const { webpack } = compiler;
    const { RawSource } = webpack.sources;
    const name = "LocalizeFunctionsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      for (const dir of [this.options.i18nDir, this.options.helpDir]) compilation.contextDependencies.add(dir);
      compilation.hooks.processAssets.tap({ name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.metadata);
        if (!asset) return; // the metadata plugin reported its own error
        const english = JSON.parse(asset.source.source().toString());
        const tables = readTables(this.options.i18nDir);
        const englishOut = localizeMetadata(english, {}, helpPage(this.options.baseUrl, "en"));
        compilation.updateAsset(this.options.metadata, new RawSource(JSON.stringify(englishOut, null, 2)));
        const byLang = { en: englishOut };
        for (const { tag, lang } of LOCALES) {
          const missing = missingTranslations(english, tables[tag]);
          if (missing.length > 0) {
            compilation.warnings.push(new webpack.WebpackError(`${name}: no ${tag} translation for ${missing.join(", ")} (English is used)`));
          }
          byLang[lang] = localizeMetadata(english, tables[tag], helpPage(this.options.baseUrl, lang));
          compilation.emitAsset(`${tag}/${this.options.metadata}`, new RawSource(JSON.stringify(byLang[lang], null, 2)));
        }
        for (const lang of HELP_LANGS) {
          const template = fs.readFileSync(path.join(this.options.helpDir, `${lang}.html`), "utf8");
          const file = lang === "en" ? "help/index.html" : `help/${lang}/index.html`;
          compilation.emitAsset(file, new RawSource(helpHtml(template, byLang[lang], lang)));
        }
      });
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, LOCALES, HELP_LANGS, helpPage, helpAnchor, localizeMetadata, missingTranslations, functionReference, helpHtml };
