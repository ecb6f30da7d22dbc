/**
 * Corrupt input is an error: a truncated or damaged zip, a file that is not a workbook, a
 * directory, an empty or missing file, and macro-enabled, binary or legacy workbooks all stop every
 * command with exit 1 and `cannot read FILE: <reason>`, and nothing is written.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { cc, tempDir } from "./helpers";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "sample-ledger.xlsx");

/** Each command with the arguments it needs besides the input. */
const COMMANDS: readonly (readonly string[])[] = [
  ["aging"],
  ["settle"],
  ["creditcheck"],
  ["writeoff", "--customer", "C0001", "--reason", "BADDEBT"],
  ["interest", "--tiers", "0:1.5"],
  ["letters"],
  ["demo"],
];

const sample = readFileSync(SAMPLE);

describe("a truncated sample stops every command with exit 1", () => {
  const dir = tempDir();
  const cases: [number, string][] = [];
  for (let pct = 0; pct < 100; pct += 10) {
    const path = join(dir, `cut-${pct}.xlsx`);
    writeFileSync(path, sample.subarray(0, Math.floor((sample.length * pct) / 100)));
    cases.push([pct, path]);
  }

  it.each(cases)("cut at %i %%: every command exits 1 with 'cannot read FILE: reason' and writes nothing", async (pct, path) => {
    for (const args of COMMANDS) {
      const out = join(dir, `out-${pct}-${args[0] as string}.xlsx`);
      const r = await cc(args[0] as string, path, ...args.slice(1), "--as-of", "2025-12-31", "--out", out, "--quiet");
      expect({ command: args[0], code: r.code, stdout: r.stdout }).toEqual({ command: args[0], code: 1, stdout: "" });
      expect(r.stderr).toMatch(new RegExp(`^cannot read ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .+`));
      expect(existsSync(out)).toBe(false);
    }
  });

  it("a truncated file run as a process exits 1, not 0 without output", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "src", "cli", "cc.cjs"), "aging", cases[6]?.[1] as string, "--as-of", "2025-12-31", "--out", join(dir, "p.xlsx")], { encoding: "utf8", env: { ...process.env, CC_CLI: "tsx" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("cannot read");
    expect(r.stderr).toContain("truncated");
  });
});

describe("damaged, foreign and refused files", () => {
  const dir = tempDir();
  const expectRefused = async (path: string, reason: RegExp | string): Promise<void> => {
    const r = await cc("aging", path, "--as-of", "2025-12-31", "--out", join(dir, "never.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read ${path}: `);
    if (typeof reason === "string") expect(r.stderr).toContain(reason);
    else expect(r.stderr).toMatch(reason);
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
  };

  it("a damaged byte inside a part is a checksum error, in every part", async () => {
    // Flip one byte in the middle of the compressed data of each entry in turn.
    const zip = await JSZip.loadAsync(sample);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const i = sample.indexOf(Buffer.from(name, "utf8"));
      expect(i).toBeGreaterThan(0);
      const damaged = Buffer.from(sample);
      // The local header ends with the name and an extra field; the compressed data follows.
      const data = i + name.length + sample.readUInt16LE(i - 2);
      const at = data + Math.min(8, Math.floor(sample.readUInt32LE(i - 12) / 2));
      damaged[at] = (damaged[at] as number) ^ 0xff;
      const path = join(dir, `flip-${name.replace(/[^a-z0-9]/gi, "_")}.xlsx`);
      writeFileSync(path, damaged);
      await expectRefused(path, /damaged|checksum|invalid/);
    }
  });

  it("an empty file, a text file, a directory and a missing file", async () => {
    writeFileSync(join(dir, "empty.xlsx"), "");
    await expectRefused(join(dir, "empty.xlsx"), "the file is empty");
    writeFileSync(join(dir, "text.xlsx"), "Customer,Amount\nA,1\n");
    await expectRefused(join(dir, "text.xlsx"), "not a zip archive");
    mkdirSync(join(dir, "folder.xlsx"));
    await expectRefused(join(dir, "folder.xlsx"), "is a directory");
    await expectRefused(join(dir, "missing.xlsx"), "no such file");
    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    writeFileSync(join(dir, "other.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    await expectRefused(join(dir, "other.xlsx"), "not an .xlsx workbook");
  });

  it("refuses .xlsm, .xlsb and .xls by name and by content", async () => {
    for (const ext of ["xlsm", "xlsb", "xls"]) {
      copyFileSync(SAMPLE, join(dir, `named.${ext}`));
      await expectRefused(join(dir, `named.${ext}`), `(.${ext})`);
    }
    const macro = await JSZip.loadAsync(sample);
    macro.file("xl/vbaProject.bin", Buffer.from([1, 2, 3]));
    writeFileSync(join(dir, "macro.xlsx"), await macro.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    await expectRefused(join(dir, "macro.xlsx"), "macros");
    const binary = new JSZip();
    binary.file("[Content_Types].xml", "<Types/>");
    binary.file("xl/workbook.bin", Buffer.from([0, 1]));
    writeFileSync(join(dir, "binary.xlsx"), await binary.generateAsync({ type: "nodebuffer" }));
    await expectRefused(join(dir, "binary.xlsx"), ".xlsb");
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    writeFileSync(join(dir, "legacy.xlsx"), ole);
    await expectRefused(join(dir, "legacy.xlsx"), "OLE compound file");
  });
});
