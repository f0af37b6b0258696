// pnpm bench:capacity: the market simulator at a rising rate against a running platform (single node or the
// topology), one step per rate; per step the p95 of acceptOffer and of confirmSettlement as the clients saw them,
// the payout's own time (confirmed_at → paid_at, from the database), and each process group's CPU (cores, from
// /proc/PID/stat ticks) and memory (PSS, max of the 2 s samples). Writes a JSON report; docs/capacity.md reads it.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";

const HELP = `Usage: node --import @oxc-node/core/register scripts/bench/capacity.ts --api URL --db URL --sms-log FILE[,FILE]
         [--rates 30,60,120] [--duration 120] [--seed 21] [--proc NAME=PIDFILE|PID[+]]... [--proc-match NAME=REGEX]...
         [--report PATH] [--stop-above MS] [-- SIMULATOR OPTIONS...]

  --proc NAME=X      a process group: X is a pid or a pid file; a trailing + adds all its descendants
                     (a postmaster with its backends, a supervisor with its node process)
  --proc-match N=RE  every process whose command line matches RE (e.g. the backends of one database)
  --stop-above MS    stop stepping once a step's acceptOffer or confirmSettlement p95 passes MS (the ceiling)
  -- ...             the rest goes to each simulator run (e.g. --workers 1500 --login-concurrency 8); by default
                     its client population follows the rate (6 workers and 1 employer per task a minute)`;

interface Group { name: string; pids: () => number[] }
interface Sample { ticks: Map<number, number>; pss: number }

const TICK = 100; // USER_HZ on Linux
const readText = (p: string) => { try { return readFileSync(p, "utf8"); } catch { return ""; } };
const ticksOf = (pid: number) => {
  const s = readText(`/proc/${pid}/stat`);
  const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
  return f.length > 13 ? Number(f[11]) + Number(f[12]) : null; // utime + stime (fields 14, 15)
};
const pssKb = (pid: number) => Number(/Pss:\s+(\d+)/.exec(readText(`/proc/${pid}/smaps_rollup`))?.[1] ?? /VmRSS:\s+(\d+)/.exec(readText(`/proc/${pid}/status`))?.[1] ?? 0);
const allPids = () => readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
const parentOf = (pid: number) => { const s = readText(`/proc/${pid}/stat`); return Number(s.slice(s.lastIndexOf(")") + 2).split(" ")[1]); };

function descendants(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const p of allPids()) { const pp = parentOf(p); byParent.set(pp, [...(byParent.get(pp) ?? []), p]); }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(byParent.get(out[i]!) ?? []));
  return out;
}

function group(spec: string, match: boolean): Group {
  const [name, value] = [spec.slice(0, spec.indexOf("=")), spec.slice(spec.indexOf("=") + 1)];
  if (!name || !value) throw new Error(`bad process group ${spec}`);
  if (match) {
    const re = new RegExp(value);
    return { name, pids: () => allPids().filter((p) => p !== process.pid && re.test(readText(`/proc/${p}/cmdline`).replaceAll("\0", " "))) };
  }
  const tree = value.endsWith("+");
  const ref = tree ? value.slice(0, -1) : value;
  const root = () => Number(/^\d+$/.test(ref) ? ref : readText(ref).trim().split("\n")[0]);
  return { name, pids: () => (tree ? descendants(root()) : [root()]).filter((p) => p > 0 && ticksOf(p) !== null) };
}

function sample(g: Group): Sample {
  const ticks = new Map<number, number>();
  let pss = 0;
  for (const pid of g.pids()) { const t = ticksOf(pid); if (t !== null) { ticks.set(pid, t); pss += pssKb(pid); } }
  return { ticks, pss };
}

function runSimulator(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "@oxc-node/core/register", "scripts/simulate.ts", ...args], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const p95 = (xs: number[]) => { if (!xs.length) return null; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!; };

async function main() {
  const { values, positionals: simulatorExtra } = parseArgs({ options: {
    api: { type: "string" }, db: { type: "string" }, "sms-log": { type: "string" }, rates: { type: "string", default: "30,60,120" },
    duration: { type: "string", default: "120" }, seed: { type: "string", default: "21" }, proc: { type: "string", multiple: true, default: [] },
    "proc-match": { type: "string", multiple: true, default: [] }, report: { type: "string", default: ".data/capacity.json" }, "stop-above": { type: "string" },
    help: { type: "boolean" } }, allowPositionals: true });
  if (values.help || !values.api || !values.db || !values["sms-log"]) { console.log(HELP); return values.help ? 0 : 2; }
  const groups = [...values.proc.map((s) => group(s, false)), ...values["proc-match"].map((s) => group(s, true))];
  const sql = postgres(values.db, { max: 1, onnotice: () => {} });
  const steps = [];
  for (const rate of values.rates.split(",").map(Number)) {
    const report = `/tmp/capacity-${process.pid}-${rate}.json`;
    const before = groups.map(sample);
    const t0 = Date.now();
    const since = new Date();
    const load0 = loadavg()[0]!;
    const uptimeStart = execFileSync("uptime", { encoding: "utf8" }).trim();
    const peaks = groups.map(() => 0);
    const timer = setInterval(() => groups.forEach((g, i) => (peaks[i] = Math.max(peaks[i]!, sample(g).pss))), 2000);
    const code = await runSimulator(["--api", values.api, "--rate", String(rate), "--duration", values.duration, "--seed", values.seed, "--report", report, "--quiet", "--sms-log", values["sms-log"], ...simulatorExtra]);
    clearInterval(timer);
    const wall = (Date.now() - t0) / 1000;
    const after = groups.map(sample);
    const simReport = JSON.parse(readFileSync(report, "utf8"));
    const sim = simReport.snapshot;
    const paid = await sql<{ ms: number }[]>`select extract(epoch from paid_at - confirmed_at) * 1000 as ms from settlements where confirmed_at >= ${since} and paid_at is not null`;
    const op = (n: string) => sim.operations[n] ?? { count: 0, p95Ms: null, errors: 0 };
    const step = {
      rate, simulatorExit: code, seconds: Math.round(wall), loadavgStart: load0, loadavgEnd: loadavg()[0],
      uptimeStart, uptimeEnd: execFileSync("uptime", { encoding: "utf8" }).trim(), accounts: simReport.accounts ?? null,
      requests: sim.requests, tasksPerMinute: sim.tasksPerMinute, errorsByCode: sim.errorsByCode,
      accept: { count: op("acceptOffer").count, p95Ms: op("acceptOffer").p95Ms }, confirm: { count: op("confirmSettlement").count, p95Ms: op("confirmSettlement").p95Ms },
      payout: { count: paid.length, p95Ms: p95(paid.map((r) => Number(r.ms))) },
      processes: groups.map((g, i) => {
        let ticks = 0;
        for (const [pid, t] of after[i]!.ticks) ticks += t - (before[i]!.ticks.get(pid) ?? 0);
        return { name: g.name, cores: Math.round((ticks / TICK / wall) * 100) / 100, pssMaxMb: Math.round(Math.max(peaks[i]!, after[i]!.pss) / 1024) };
      }),
    };
    steps.push(step);
    const ceiling = values["stop-above"] ? Number(values["stop-above"]) : Infinity;
    console.log(`rate ${rate}/min: ${step.tasksPerMinute} tasks/min, ${step.requests} requests, accept p95 ${step.accept.p95Ms} ms (${step.accept.count}), confirm p95 ${step.confirm.p95Ms} ms (${step.confirm.count}), payout p95 ${step.payout.p95Ms} ms (${step.payout.count}), load ${load0.toFixed(1)}→${step.loadavgEnd!.toFixed(1)}`);
    console.log(`  accounts ${JSON.stringify(step.accounts)} · uptime at the end: ${step.uptimeEnd}`);
    console.log(`  ${step.processes.map((p) => `${p.name} ${p.cores} cores ${p.pssMaxMb} MB`).join(" · ")}  errors ${JSON.stringify(step.errorsByCode)}`);
    if ([step.accept.p95Ms, step.confirm.p95Ms].some((ms) => ms !== null && ms > ceiling)) { console.log(`  p95 above ${ceiling} ms: stopping here`); break; }
  }
  await sql.end();
  writeFileSync(values.report, JSON.stringify({ at: new Date().toISOString(), api: values.api, duration: Number(values.duration), steps }, null, 2));
  return 0;
}

main().then((c) => process.exit(c), (e: unknown) => { console.error(e); process.exit(1); });
