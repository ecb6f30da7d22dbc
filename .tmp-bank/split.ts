import { benchData } from "../scripts/bench-match";
import { buildIndex } from "../src/domain/matching/_lib/ledger-index";
import { lookupKeys } from "../src/domain/matching/_lib/rules";
import { matchStatement } from "../src/domain/matching/match";
const [l = "10000", n = "100000", r = "7"] = process.argv.slice(2);
const data = benchData(Number(l), Number(n));
const lines = data.labelled.map((x) => x.line);
const cpu = (f: () => void): number => { const c0 = process.cpuUsage(); f(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
const keys: number[] = [], ix: number[] = [], all: number[] = [];
for (let i = 0; i < Number(r); i++) {
  let w: ReturnType<typeof lookupKeys> | undefined;
  keys.push(cpu(() => { w = lookupKeys(lines); }));
  ix.push(cpu(() => { buildIndex(data.items, data.customers, w); }));
  all.push(cpu(() => { matchStatement(lines, data.items, data.customers, { settlement: { maxOverUnderMinor: 2000 } }); }));
}
const min = (x: number[]) => Math.round(Math.min(...x));
console.log(JSON.stringify({ lookupKeys: min(keys), buildIndex: min(ix), matchStatement: min(all) }));
