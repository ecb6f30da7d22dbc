/**
 * Files are never damaged: every workbook the CLI writes goes to a temporary file in the target's
 * own directory, is fsynced, and is renamed over the target (rename is atomic within a directory),
 * then the directory is fsynced so the rename itself survives a crash. The temporary file is removed
 * on any failure and on SIGINT/SIGTERM; a temporary file left by a killed run (SIGKILL, power loss)
 * is removed by the next write to the same target once its process is gone. A read-only target is
 * refused, a symlink is followed (the link stays a link; its target is replaced) and a directory
 * is refused, each with a message naming the file.
 */
import { closeSync, fstatSync, fsyncSync, fchmodSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./cli-error";

const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Remove every temporary file a write in progress holds (the signal handler's work; exported for tests). */
export function removePendingTempFiles(): string[] {
  const removed: string[] = [];
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
      removed.push(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
  return removed;
}

function onSignal(signal: NodeJS.Signals): void {
  removePendingTempFiles();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener("exit", onExit);
  // Die of the same signal, as a process without the handler would (exit status 128 + n).
  process.kill(process.pid, signal);
}

function onExit(): void {
  removePendingTempFiles();
}

function track(tmp: string): void {
  if (pending.size === 0) {
    for (const s of SIGNALS) process.on(s, onSignal);
    process.on("exit", onExit);
  }
  pending.add(tmp);
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener("exit", onExit);
  }
}

/** Temporary files being written now (for tests). */
export function pendingTempFiles(): readonly string[] {
  return [...pending];
}

const TEMP_PATTERN = /^\.(.+)\.cc-(\d+)-[0-9a-z]+\.tmp$/;

export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.cc-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove temporary files of `target` left by runs that were killed (their process is gone). */
export function removeStaleTempFiles(target: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_PATTERN.exec(name);
    if (m === null || m[1] !== basename(target)) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && !isAlive(pid)) {
      try {
        unlinkSync(join(dirname(target), name));
      } catch {
        // another run removed it
      }
    }
  }
}

/** The file a write to `path` really replaces: a symlink's target (followed to the end), else the path. */
export function writeTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = lstatSync(current);
    } catch {
      return current; // does not exist yet
    }
    if (!st.isSymbolicLink()) return current;
    try {
      return realpathSync(current);
    } catch {
      current = resolve(dirname(current), readlinkSync(current)); // a dangling link: create its target
    }
  }
  throw new CliError(`cannot write ${path}: too many levels of symbolic links`);
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "EACCES" || err.code === "EPERM") return "permission denied";
  if (err.code === "ENOSPC") return "no space left on the device";
  if (err.code === "EROFS") return "the file system is read-only";
  if (err.code === "ENOTDIR") return "a part of the path is not a directory";
  return err.message ?? String(e);
}

/**
 * Write `path` through a temporary file: `produce` writes the content to the open descriptor.
 * `keepMode` keeps the replaced file's permission bits (for --in-place).
 * @example await writeAtomically("out/aging.xlsx", async (fd) => { writeSync(fd, "...") })
 */
export async function writeAtomically(path: string, produce: (fd: number) => Promise<void> | void): Promise<void> {
  const target = writeTarget(path);
  let mode: number | undefined;
  try {
    const st = statSync(target);
    if (st.isDirectory()) throw new CliError(`cannot write ${path}: it is a directory`);
    // Checked on the mode bits: root may write anything, but a 0444 file says "do not change me".
    if ((st.mode & 0o222) === 0) throw new CliError(`cannot write ${path}: it is read-only`);
    mode = st.mode & 0o7777;
  } catch (e) {
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw new CliError(`cannot write ${path}: ${reason(e)}`);
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw new CliError(`cannot write ${path}: cannot create its directory (${reason(e)})`);
  }
  removeStaleTempFiles(target);
  const tmp = tempNameFor(target);
  let fd: number | undefined;
  track(tmp);
  try {
    try {
      fd = openSync(tmp, "wx", mode === undefined ? 0o666 : 0o600);
    } catch (e) {
      throw new CliError(`cannot write ${path}: ${reason(e)} (creating a temporary file in ${dirname(target)})`);
    }
    await produce(fd);
    if (mode !== undefined) fchmodSync(fd, mode);
    fsyncSync(fd);
    if (fstatSync(fd).size === 0) throw new Error("refusing to replace a file with an empty one");
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    untrack(tmp);
    syncDirectory(dirname(target));
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    untrack(tmp);
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new CliError(`cannot write ${path}: ${reason(e)}`);
    throw e;
  }
}

/** fsync a directory so that a rename in it is durable (not supported everywhere: then a no-op). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // some platforms cannot fsync a directory
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
