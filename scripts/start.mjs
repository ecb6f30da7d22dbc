// `npm start`: serve the add-in on https://localhost:3000 with the Office development certificates
// and sideload manifest.xml into desktop Excel where Excel exists (Windows, Mac). office-addin-debugging
// is run through npx on first use rather than installed with the project: its dependency tree builds
// native modules that a CI machine does not need. Elsewhere (Linux) only the dev server starts:
// upload manifest.xml in Excel on the web (README).
import { spawn } from "node:child_process";

const desktop = process.platform === "win32" || process.platform === "darwin";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const [cmd, args] = desktop
  ? [npx, ["--yes", "office-addin-debugging@6", "start", "manifest.xml", "desktop"]]
  : [npm, ["run", "dev-server"]];
if (!desktop) {
  console.log("No desktop Excel on this platform: starting the dev server only.");
  console.log("In Excel on the web: Home > Add-ins > More add-ins > Upload my add-in > manifest.xml");
}
const child = spawn(cmd, args, { stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 0));
