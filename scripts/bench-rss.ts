/**
 * The peak RSS of a bench process, measured from a mark: `markRss()` collects the set-up's garbage
 * (with --expose-gc) and resets the kernel's high-water mark of the process's RSS (Linux:
 * `/proc/self/clear_refs`), and `peakRssMb()` reads the peak since (`VmHWM`). So a case's peak is
 * its inputs' and its calls', not the set-up's that built the inputs (fn-chargecorrection builds
 * its million-line journal through CC.INTERESTJOURNAL, which alone peaked at 1 GB). Where the mark
 * cannot be reset, the peak is the process's whole peak (`process.resourceUsage().maxRSS`).
 */
import { readFileSync, writeFileSync } from "node:fs";

let marked = false;

/** Collect garbage and reset the peak-RSS mark; false when the kernel does not allow it. */
export function markRss(): boolean {
  (globalThis as { gc?: () => void }).gc?.();
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    marked = true;
  } catch {
    marked = false;
  }
  return marked;
}

/** The peak RSS in MB since `markRss()` (or of the whole process when no mark was set). */
export function peakRssMb(): number {
  if (marked) {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb !== undefined) return Math.round(Number(kb) / 1024);
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
