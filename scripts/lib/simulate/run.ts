// A whole simulator run: probe the API, read the SMS inbox, play the market, write the JSON report.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { demoAccountBook, type SeedOptions } from "../../seed.js";
import { ApiError, GraphQLClient } from "./client.js";
import { Market, type MarketResult } from "./market.js";
import type { SimulateOptions } from "./options.js";
import { SmsInbox, tailLogFile } from "./sms-inbox.js";
import { formatSummary, SimStats } from "./stats.js";

/** Where ./scripts/start --simulate writes the API's log (the default SMS inbox). */
export const DEFAULT_SMS_LOG = ".data/logs/api.log";

export interface SimulationReport extends MarketResult {
  options: SimulateOptions;
  startedAt: string;
  finishedAt: string;
}

export class ApiUnreachable extends Error {}

export interface RunHooks {
  /** An inbox fed by the caller (a test wires the in-process SMS provider to it); otherwise the log files are followed. */
  inbox?: SmsInbox;
  /** Seed options the database was seeded with (the accounts' phones follow from them). */
  seed?: Pick<SeedOptions, "workers" | "employers" | "seed">;
  print?: (line: string) => void;
  /** Called with the market once it runs (the CLI stops it on SIGINT). */
  onStart?: (market: Market) => void;
}

/** Runs the simulator; throws ApiUnreachable when the API does not answer at the start. */
export async function runSimulation(opts: SimulateOptions, hooks: RunHooks = {}): Promise<SimulationReport> {
  const print = hooks.print ?? ((line: string) => console.log(line));
  const started = new Date();
  const stats = new SimStats(started.getTime());
  const client = new GraphQLClient(opts.api, stats);
  try {
    await client.call("probe", "query Probe { __typename }");
  } catch (err) {
    if (err instanceof ApiError && (err.code === "NETWORK" || err.code.startsWith("HTTP_"))) throw new ApiUnreachable(`${opts.api} does not answer: ${err.message}`);
    throw err;
  }

  let inbox = hooks.inbox ?? null;
  const stops: (() => Promise<void>)[] = [];
  if (!inbox) {
    const logs = opts.smsLogs.length ? opts.smsLogs : existsSync(DEFAULT_SMS_LOG) ? [DEFAULT_SMS_LOG] : [];
    if (logs.length) {
      const fed = new SmsInbox();
      for (const path of logs) stops.push(await tailLogFile(path, (line) => fed.feedLogLine(line)));
      inbox = fed;
    }
  }
  const market = new Market(opts, client, stats, inbox, print);
  hooks.onStart?.(market);
  try {
    const result = await market.run(demoAccountBook(hooks.seed));
    const report: SimulationReport = { options: opts, startedAt: started.toISOString(), finishedAt: new Date().toISOString(), ...result };
    const path = resolve(opts.report);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(report, null, 2) + "\n");
    print(formatSummary(report.snapshot));
    if (report.dashboard.change) print(`  ${report.dashboard.change}`);
    for (const note of report.notes) print(`  note: ${note}`);
    print(`[simulate] report written to ${path}`);
    return report;
  } finally {
    for (const stop of stops) await stop();
  }
}
