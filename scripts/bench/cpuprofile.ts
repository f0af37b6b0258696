// A tiny reader of V8 .cpuprofile files (what `node --cpu-prof` writes): self time per function or per package.
// Usage: node --import @oxc-node/core/register scripts/bench/cpuprofile.ts FILE.cpuprofile [--top 25] [--by function|package]
//        [--from-ms N --to-ms N]   (only samples in that span, counted from the start of the profile)
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimeEntry {
  /** "function  url:line" (by function) or the package name / "(our code) file" (by package). */
  key: string;
  selfMs: number;
  /** Share of all sampled time in the span, idle included. */
  pct: number;
  /** Share of the busy time (everything but "(idle)"). */
  busyPct: number;
  /** The caller that most of this entry's time came through (by function only). */
  caller?: string;
}

export interface SelfTimeReport {
  spanMs: number;
  busyMs: number;
  entries: SelfTimeEntry[];
}

export type GroupBy = "function" | "package";

const NODE_MODULES = "/node_modules/";

/** The package a script URL belongs to (the innermost node_modules segment, pnpm's .pnpm store included), or null. */
export function packageOf(url: string): string | null {
  const at = url.lastIndexOf(NODE_MODULES);
  if (at < 0) return null;
  const parts = url.slice(at + NODE_MODULES.length).split("/");
  return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** Shortens a script URL (file:// or a plain path) to a path relative to `root`, or to its package for node_modules. */
function shortUrl(url: string, root: string): string {
  if (!url) return "";
  if (url.startsWith("file://")) url = url.slice("file://".length);
  const pkg = packageOf(url);
  if (pkg) return `${pkg}/${url.slice(url.lastIndexOf(pkg) + pkg.length + 1)}`;
  return url.startsWith(root) ? url.slice(root.length) : url;
}

function keyOf(frame: CallFrame, by: GroupBy, root: string): string {
  const fn = frame.functionName || "(anonymous)";
  if (!frame.url) return fn.startsWith("(") ? fn : `(native) ${fn}`; // (idle), (program), (garbage collector) or a C++ builtin
  if (by === "package") {
    const pkg = packageOf(frame.url);
    if (pkg) return pkg;
    if (frame.url.startsWith("node:")) return "node: (internals)";
    return `(own) ${shortUrl(frame.url, root)}`;
  }
  return `${fn}  ${shortUrl(frame.url, root)}:${frame.lineNumber + 1}`;
}

/**
 * Self time per function (name + url + line) or per package, over the samples taken between
 * `fromMs` and `toMs` after the profile started, or inside any of `windowsMs` (all samples by
 * default), largest first.
 */
export function selfTimes(
  profile: CpuProfile,
  opts: { by?: GroupBy; top?: number; fromMs?: number; toMs?: number; windowsMs?: [number, number][]; root?: string } = {},
): SelfTimeReport {
  const by = opts.by ?? "function";
  const root = opts.root ?? process.cwd() + "/";
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  const callers = new Map<string, Map<string, number>>();
  const windows = (opts.windowsMs ?? [[opts.fromMs ?? 0, opts.toMs ?? Infinity]]).map(([a, b]) => [profile.startTime + a * 1000, profile.startTime + b * 1000]);
  const totals = new Map<string, number>();
  let t = profile.startTime;
  let span = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (!windows.some(([from, to]) => t >= from! && t <= to!)) continue;
    // The delta before a sample is the time the previous sample stood for; close enough at 1 ms intervals.
    const frame = frames.get(profile.samples[i]!)!;
    const key = keyOf(frame, by, root);
    totals.set(key, (totals.get(key) ?? 0) + delta);
    const parent = parents.get(profile.samples[i]!);
    if (by === "function" && parent !== undefined) {
      const callerKey = keyOf(frames.get(parent)!, by, root);
      const perCaller = callers.get(key) ?? new Map<string, number>();
      perCaller.set(callerKey, (perCaller.get(callerKey) ?? 0) + delta);
      callers.set(key, perCaller);
    }
    span += delta;
    if (frame.functionName === "(idle)") idle += delta;
  }
  const busy = span - idle;
  const entries = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, opts.top ?? 25)
    .map(([key, us]) => {
      const caller = [...(callers.get(key) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
      return { key, selfMs: us / 1000, pct: span ? (100 * us) / span : 0, busyPct: busy && key !== "(idle)" ? (100 * us) / busy : 0, caller };
    });
  return { spanMs: span / 1000, busyMs: busy / 1000, entries };
}

/** The report as a table; with `requests` (served during the sampled time) also each entry's µs per request. */
export function formatReport(report: SelfTimeReport, requests?: number): string {
  const per = (ms: number) => (requests ? ((ms * 1000) / requests).toFixed(1).padStart(8) + " " : "");
  const lines = [`${report.spanMs.toFixed(0)} ms sampled, ${report.busyMs.toFixed(0)} ms busy (not idle)${requests ? `, ${requests} requests: ${((report.busyMs * 1000) / requests).toFixed(0)} µs busy per request` : ""}`];
  lines.push(`${"self ms".padStart(9)} ${"%all".padStart(6)} ${"%busy".padStart(6)}  ${requests ? "  µs/req " : ""}function / package`);
  for (const e of report.entries) {
    const busy = e.key === "(idle)" ? "" : e.busyPct.toFixed(1);
    const via = e.caller && e.caller !== "(root)" && e.key.startsWith("(native)") ? `   <- ${e.caller}` : "";
    lines.push(`${e.selfMs.toFixed(0).padStart(9)} ${e.pct.toFixed(1).padStart(6)} ${busy.padStart(6)}  ${per(e.selfMs)}${e.key}${via}`);
  }
  return lines.join("\n");
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: "string", default: "25" },
      by: { type: "string", default: "function" },
      "from-ms": { type: "string" },
      "to-ms": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || positionals.length !== 1 || (values.by !== "function" && values.by !== "package")) {
    console.log("Usage: cpuprofile.ts FILE.cpuprofile [--top 25] [--by function|package] [--from-ms N] [--to-ms N]");
    process.exit(values.help ? 0 : 2);
  }
  const report = selfTimes(readProfile(positionals[0]!), {
    by: values.by,
    top: Number(values.top),
    fromMs: values["from-ms"] === undefined ? undefined : Number(values["from-ms"]),
    toMs: values["to-ms"] === undefined ? undefined : Number(values["to-ms"]),
  });
  console.log(formatReport(report));
}
