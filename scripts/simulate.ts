// pnpm simulate: a day of Quanzhou's gig market played against a running API (see --help and the README).
import { OptionsError, HELP, parseSimulateArgs } from "./lib/simulate/options.js";
import { ApiUnreachable, runSimulation } from "./lib/simulate/run.js";
import type { Market } from "./lib/simulate/market.js";

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseSimulateArgs(argv);
  } catch (err) {
    if (err instanceof OptionsError) {
      console.error(`simulate: ${err.message}\n\n${HELP}`);
      return 2;
    }
    throw err;
  }
  if (parsed === "help") {
    console.log(HELP);
    return 0;
  }
  let market: Market | null = null;
  let interrupted = 0;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      // First signal: stop posting, let the agents finish their step and write the report; second: leave now.
      if (interrupted++ > 0 || !market) process.exit(130);
      console.log(`[simulate] ${signal}: finishing the current steps and writing the report…`);
      market.stop();
    });
  }
  try {
    await runSimulation(parsed, { onStart: (m) => (market = m) });
    return 0;
  } catch (err) {
    if (err instanceof ApiUnreachable) {
      console.error(`simulate: ${err.message}\n(start the platform with ./scripts/start, or pass --api)`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
