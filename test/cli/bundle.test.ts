/**
 * The production CLI: `npm run build:cli` bundles the TypeScript sources into dist/cli/cc.js, which
 * runs under plain Node (no tsx), and the bin shim src/cli/cc.cjs picks it while it is fresh.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readBack, tempDir } from "./helpers";

const root = join(__dirname, "..", "..");
const bundle = join(root, "dist", "cli", "cc.js");
const shim = join(root, "src", "cli", "cc.cjs");
const sample = join(root, "samples", "sample-ledger.xlsx");

function node(args: readonly string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the precompiled CLI (dist/cli/cc.js)", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, "scripts", "build-cli.mjs"), "--quiet"], { cwd: root, stdio: "pipe" });
  });

  it("is built from the CLI's sources and lists them for the shim's freshness check", () => {
    expect(existsSync(bundle)).toBe(true);
    const inputs = JSON.parse(readFileSync(join(root, "dist", "cli", "cc.inputs.json"), "utf8")) as string[];
    expect(inputs).toContain("src/cli/main.ts");
    expect(inputs).toContain("src/domain/aging/snapshot.ts");
    expect(inputs.every((f) => existsSync(join(root, f)))).toBe(true);
    // No TypeScript loader inside: the bundle is plain JavaScript.
    expect(readFileSync(bundle, "utf8")).not.toMatch(/require\(["']tsx/);
  });

  it("prints the aging usage under plain node", () => {
    const r = node([bundle, "aging", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("cc aging <input.xlsx>");
    expect(r.stdout).toContain("--periods");
    expect(r.stderr).toBe("");
  });

  it("ages the sample ledger and writes the Aging sheet", async () => {
    const out = join(tempDir(), "aging.xlsx");
    const r = node([bundle, "aging", sample, "--as-of", "2025-12-31", "--out", out, "--quiet"]);
    expect(r.stderr).toBe(""); // no deprecation warnings from bundled dependencies either
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Aged 212 customers"); // 200 + the 12 Nordic customers of issue 13
    const aging = (await readBack(out)).get("Aging") ?? [];
    expect(aging[0]?.slice(0, 3)).toEqual(["Customer", "Currency", "Balance"]);
    expect(aging.filter((row) => row[0] !== "Total").length - 1).toBe(212);
  });

  it("gives the same answers as the TypeScript sources, through the shim either way", () => {
    const viaBundle = node([shim, "aging", "--help"], { CC_CLI: "bundle" });
    const viaTsx = node([shim, "aging", "--help"], { CC_CLI: "tsx" });
    expect(viaBundle.status).toBe(0);
    expect(viaBundle.stdout).toBe(viaTsx.stdout);
    const bad = node([bundle, "aging", sample, "--basis", "weekly"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--basis 'weekly'");
  });
});
