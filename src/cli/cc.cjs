#!/usr/bin/env node
// The `cc` bin: registers tsx (a devDependency, present after `npm ci`) and runs the TypeScript CLI.
require("tsx/cjs/api").register();
const { runCli } = require("./main.ts");

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 3;
  },
);
