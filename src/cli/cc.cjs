#!/usr/bin/env node
// The `cc` bin. Runs the precompiled bundle dist/cli/cc.js (`npm run build:cli`) when it exists and
// is newer than every source file it was built from (listed in dist/cli/cc.inputs.json); otherwise
// registers tsx (a devDependency, present after `npm ci`) and runs the TypeScript sources.
// CC_CLI=tsx forces the sources, CC_CLI=bundle the bundle.
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..", "..");
const bundle = join(root, "dist", "cli", "cc.js");

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, "dist", "cli", "cc.inputs.json"), "utf8"));
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    return inputs.every((f) => statSync(join(root, f)).mtimeMs <= built);
  } catch {
    return false; // no bundle, no input list, or a source file gone: the sources decide
  }
}

function load() {
  const mode = process.env.CC_CLI;
  if (mode === "bundle" || (mode !== "tsx" && bundleIsFresh())) return require(bundle);
  require("tsx/cjs/api").register();
  return require("./main.ts");
}

// A run whose work stops without settling (a stream that never ends) must not exit 0 silently.
let settled = false;
process.on("beforeExit", () => {
  if (settled) return;
  settled = true;
  process.stderr.write("cc: stopped before finishing, nothing was written (internal error, please report it)\n");
  process.exitCode = 3;
});

load()
  .runCli(process.argv.slice(2))
  .then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (e) => {
      settled = true;
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 3;
    },
  );
