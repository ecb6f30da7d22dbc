/**
 * `npm run build:cli`: the production CLI, `dist/cli/cc.js`, one CommonJS file bundled by esbuild
 * (installed with tsx) from src/cli/main.ts, so `cc` starts without compiling TypeScript.
 * exceljs is bundled too (it loads in half the time that way), except `archiver-utils`, which
 * calls the deprecated `new Buffer()`: Node prints DEP0005 for such calls outside node_modules, so
 * it stays external and is loaded from node_modules, where Node keeps quiet.
 * Also writes `dist/cli/cc.inputs.json`, the project source files the bundle was built from: the
 * bin shim (src/cli/cc.cjs) uses the bundle only while it is newer than every one of them.
 *   node scripts/build-cli.mjs [--quiet]
 */
import { createRequire } from "node:module";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { buildSync } = createRequire(join(root, "package.json"))("esbuild");
const outfile = join(root, "dist", "cli", "cc.js");

const started = Date.now();
const result = buildSync({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["archiver-utils"],
  sourcemap: "linked",
  metafile: true,
  write: false,
  logLevel: "warning",
  legalComments: "none",
});
// Each file goes to a temporary name and is renamed: a `cc` starting meanwhile never loads half a bundle.
mkdirSync(dirname(outfile), { recursive: true });
for (const file of result.outputFiles) {
  const tmp = `${file.path}.tmp-${process.pid}`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}
const inputs = Object.keys(result.metafile.inputs)
  .filter((f) => !f.includes("node_modules"))
  .sort();
const list = join(root, "dist", "cli", "cc.inputs.json");
writeFileSync(`${list}.tmp-${process.pid}`, `${JSON.stringify(inputs, null, 1)}\n`);
renameSync(`${list}.tmp-${process.pid}`, list);
if (!process.argv.includes("--quiet")) {
  process.stdout.write(`build:cli: dist/cli/cc.js from ${inputs.length} source files in ${Date.now() - started} ms\n`);
}
