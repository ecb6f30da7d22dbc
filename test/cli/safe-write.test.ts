/**
 * Files are never damaged: temp file + fsync + rename, the temp file removed on failure and on
 * SIGTERM, read-only targets refused, symlinks followed, a directory as --out refused with exit 1.
 */
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { pendingTempFiles, removePendingTempFiles, writeAtomically } from "../../src/cli/_lib/safe-write";
import { cc, readBack, tempDir } from "./helpers";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "sample-ledger.xlsx");
const temps = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("writeAtomically", () => {
  it("replaces the target only when the content is complete, and removes its temp file when producing fails", async () => {
    const dir = tempDir();
    const target = join(dir, "t.bin");
    writeFileSync(target, "old");
    await expect(
      writeAtomically(target, (fd) => {
        writeSync(fd, "half");
        throw new Error("disk on fire");
      }),
    ).rejects.toThrow("disk on fire");
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(temps(dir)).toEqual([]);
    await writeAtomically(target, (fd) => {
      writeSync(fd, "new");
    });
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(temps(dir)).toEqual([]);
  });

  it("the signal handler's cleanup removes the temp file of a write in progress", async () => {
    const dir = tempDir();
    let release: () => void = () => undefined;
    let seen: readonly string[] = [];
    const writing = writeAtomically(join(dir, "t.bin"), async (fd) => {
      writeSync(fd, "partial");
      seen = pendingTempFiles();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((r) => setImmediate(r));
    expect(seen.length).toBe(1);
    expect(existsSync(seen[0] as string)).toBe(true);
    expect(process.listenerCount("SIGTERM")).toBeGreaterThan(0);
    expect(removePendingTempFiles()).toEqual(seen);
    expect(existsSync(seen[0] as string)).toBe(false);
    release();
    await expect(writing).rejects.toThrow(); // its temp file is gone: the rename fails, the target is never half-written
    expect(existsSync(join(dir, "t.bin"))).toBe(false);
  });

  it("a process killed by SIGTERM mid-write leaves no temp file and no target", async () => {
    const dir = tempDir();
    const target = join(dir, "t.xlsx");
    const script = `require("tsx/cjs/api").register();
      const { writeAtomically } = require(${JSON.stringify(join(ROOT, "src", "cli", "_lib", "safe-write.ts"))});
      const { writeSync } = require("node:fs");
      writeAtomically(${JSON.stringify(target)}, (fd) => { writeSync(fd, "partial"); process.stdout.write("writing\\n"); return new Promise(() => setInterval(() => {}, 1000)); });`;
    const child = spawn(process.execPath, ["-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (b: Buffer) => {
        if (b.toString().includes("writing")) resolve();
      });
      child.on("exit", () => reject(new Error("the child exited before writing")));
    });
    expect(temps(dir).length).toBe(1);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(temps(dir)).toEqual([]);
    expect(existsSync(target)).toBe(false);
  }, 30000);

  it("removes a temp file left by a killed run (its process is gone) on the next write", async () => {
    const dir = tempDir();
    const stale = join(dir, ".t.xlsx.cc-999999999-abc.tmp");
    writeFileSync(stale, "left by SIGKILL");
    await writeAtomically(join(dir, "t.xlsx"), (fd) => {
      writeSync(fd, "x");
    });
    expect(existsSync(stale)).toBe(false);
  });
});

describe("cc writes", () => {
  it("refuses a read-only target with exit 1 and 'is read-only', leaving it as it was", async () => {
    const dir = tempDir();
    const path = join(dir, "ro.xlsx");
    copyFileSync(SAMPLE, path);
    chmodSync(path, 0o444);
    const bytes = readFileSync(path);
    const r = await cc("aging", path, "--as-of", "2025-12-31", "--in-place", "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is read-only");
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    const out = join(dir, "ro-out.xlsx");
    writeFileSync(out, "keep");
    chmodSync(out, 0o444);
    const r2 = await cc("aging", SAMPLE, "--as-of", "2025-12-31", "--out", out, "--quiet");
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain("is read-only");
    expect(readFileSync(out, "utf8")).toBe("keep");
    expect(temps(dir)).toEqual([]);
  });

  it("keeps the mode of a file written in place", async () => {
    const path = join(tempDir(), "m.xlsx");
    copyFileSync(SAMPLE, path);
    chmodSync(path, 0o640);
    expect((await cc("aging", path, "--as-of", "2025-12-31", "--in-place", "--quiet")).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it("follows a symlink: the link stays a link and its target gets the new sheet", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "real"));
    const real = join(dir, "real", "ledger.xlsx");
    copyFileSync(SAMPLE, real);
    const link = join(dir, "link.xlsx");
    symlinkSync(join("real", "ledger.xlsx"), link);
    expect((await cc("aging", link, "--as-of", "2025-12-31", "--in-place", "--quiet")).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("real", "ledger.xlsx"));
    expect([...(await readBack(real)).keys()]).toContain("Aging");
    const outLink = join(dir, "out-link.xlsx");
    symlinkSync(join("real", "out.xlsx"), outLink); // dangling: the write creates its target
    expect((await cc("aging", SAMPLE, "--as-of", "2025-12-31", "--out", outLink, "--quiet")).code).toBe(0);
    expect(lstatSync(outLink).isSymbolicLink()).toBe(true);
    expect([...(await readBack(join(dir, "real", "out.xlsx"))).keys()]).toEqual(["Aging"]);
  });

  it("--out naming a directory is a clear exit-1 error, not an internal error", async () => {
    const dir = tempDir();
    for (const out of [dir, `${dir}/`]) {
      const r = await cc("aging", SAMPLE, "--as-of", "2025-12-31", "--out", out, "--quiet");
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/directory/);
      expect(r.stderr).not.toContain("internal error");
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("a sheet larger than Excel allows", () => {
  it("is an exit-1 error that leaves neither the target nor a temp file", async () => {
    const dir = tempDir();
    const { writeWorkbook } = await import("../../src/cli/_lib/xlsx-write");
    function* rows(): Generator<number[]> {
      for (let i = 0; i <= 1048576; i++) yield [i];
    }
    await expect(writeWorkbook(join(dir, "big.xlsx"), [{ name: "Big", rows: rows() }])).rejects.toThrow("more than Excel's 1,048,576 rows");
    expect(readdirSync(dir)).toEqual([]);
  }, 60000);
});
