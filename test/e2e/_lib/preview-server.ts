/**
 * Builds the preview host (webpack.preview.config.js) into a temporary folder and serves it on
 * 127.0.0.1 at a free port, for the browser tests. Nothing leaves this machine.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { type Browser, chromium } from "playwright-core";

const ROOT = path.resolve(__dirname, "../../..");

export async function buildPreview(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cc-preview-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require(path.join(ROOT, "node_modules/webpack")) as (c: unknown, cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: unknown): string }) => void) => void;
  process.env.CC_PREVIEW_DIR = dir;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require(path.join(ROOT, "webpack.preview.config.js")) as (env: unknown, o: { mode: string }) => Record<string, unknown>)({}, { mode: "production" });
  delete process.env.CC_PREVIEW_DIR;
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, context: ROOT }, (err, stats) => {
      if (err !== null) reject(err);
      else if (stats?.hasErrors() === true) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
  return dir;
}

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json" };

export async function serve(dir: string): Promise<Served> {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    const file = path.join(dir, name === "/" ? "index.html" : name);
    if (!file.startsWith(dir) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((c) => c !== undefined && c !== "" && fs.existsSync(c));
}

export interface PreviewBrowser {
  readonly browser: Browser;
  /** The served preview host. */
  readonly url: string;
  /** Close the browser, stop the server and remove the built preview. */
  close(): Promise<void>;
}

/**
 * Build the preview host, serve it and launch Debian's Chromium: what every browser suite starts
 * with. `out` (the screenshots' folder) is created.
 */
export async function startPreviewBrowser(out: string): Promise<PreviewBrowser> {
  const exe = chromiumPath();
  if (exe === undefined) throw new Error("Chromium is not installed: run scripts/ensure-system-tools.sh (apt-get install chromium)");
  fs.mkdirSync(out, { recursive: true });
  const dir = await buildPreview();
  const served = await serve(dir);
  const browser = await chromium.launch({ executablePath: exe, args: CHROMIUM_ARGS });
  return {
    browser,
    url: served.url,
    close: async () => {
      await browser.close();
      await served.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
