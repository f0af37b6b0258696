// The simulator's command line. Other scripts (the drills of issue 12) call exactly
// `pnpm simulate --api URL --rate N --duration S --seed N [--report PATH] [--quiet]`: keep those names.

export interface SimulateOptions {
  /** GraphQL endpoint over HTTP; the WebSocket is not used. */
  api: string;
  /** Tasks posted per minute on average over the run (the morning peak posts more, the afternoon less). */
  rate: number;
  /** Seconds to run; 0 runs until SIGINT/SIGTERM. */
  duration: number;
  /** PRNG seed: the same seed makes the same decisions (what to post, who accepts, who fails to show up). */
  seed: number;
  report: string;
  quiet: boolean;
  /** Files the API logs to (SMS_PROVIDER=log prints each text there): where the simulated phones read their codes. */
  smsLogs: string[];
  /** Seconds between live summaries. */
  summaryEvery: number;
  /** Demo workers and employers to play (null: from the rate, see poolSizes). */
  workers: number | null;
  employers: number | null;
  /** Sign-ins at once (null: from the number of accounts, see loginConcurrency). */
  loginConcurrency: number | null;
}

export const DEFAULTS: SimulateOptions = {
  api: "http://127.0.0.1:4000/graphql",
  rate: 30,
  duration: 120,
  seed: 1,
  report: ".data/simulate-report.json",
  quiet: false,
  smsLogs: [],
  summaryEvery: 5,
  workers: null,
  employers: null,
  loginConcurrency: null,
};

export const HELP = `Usage: pnpm simulate [--api URL] [--rate N] [--duration S] [--seed N] [--report PATH] [--quiet] [--sms-log FILE]

Plays a day of Quanzhou's gig market against a running API, through its public GraphQL API only, with the
demo accounts (./scripts/start loads them): employers post tasks across the 13 areas (morning peak, skills of
the area), workers accept or decline offers and grab nearby tasks, both sign contracts with SMS codes, workers
check in and out, employers submit settlements, workers confirm or dispute them; some workers do not show up,
some employers cancel late, some workers complain. Prints a live summary and writes a JSON report.

  --api URL          GraphQL endpoint (default ${DEFAULTS.api})
  --rate N           tasks posted per minute, on average (default ${DEFAULTS.rate}; 0.1–600)
  --duration S       seconds to run (default ${DEFAULTS.duration}); 0 runs until Ctrl+C
  --seed N           random seed; the same seed replays the same decisions (default ${DEFAULTS.seed})
  --report PATH      JSON report (default ${DEFAULTS.report})
  --quiet            no live summary (the report is still written; the final line still prints)
  --sms-log FILE     a file the API logs to, read for SMS codes (repeat, or comma-separate, for several API
                     processes; default .data/logs/api.log when it exists, as ./scripts/start --simulate writes)
  --summary-every S  seconds between live summaries (default ${DEFAULTS.summaryEvery})
  --workers N        demo workers to play (default: 6 per task a minute, at least 30; the seed has 2,000);
                     each signs in once and looks at the app every 3–6 s, waiting for its answers
  --employers N      demo employers to play (default: 1 per task a minute, at least 8; the seed has 200)
  --login-concurrency N  sign-ins at once (default: accounts / 60, 3–16)
  -h, --help         this text

Exit codes: 0 the run finished (errors are counted in the report, not fatal), 1 the API did not answer at
the start, 2 bad options. Run the API with the simulation settings of the README ("Market simulator").`;

export class OptionsError extends Error {}

function numberOf(name: string, raw: string | undefined, { min, max, integer }: { min: number; max: number; integer?: boolean }): number {
  if (raw === undefined || raw.startsWith("--")) throw new OptionsError(`${name} needs a value`);
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new OptionsError(`${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

/** Parses argv (without node and the script); "help" for -h/--help; throws OptionsError on anything wrong. */
export function parseSimulateArgs(argv: readonly string[]): SimulateOptions | "help" {
  const opts: SimulateOptions = { ...DEFAULTS, smsLogs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "-h":
      case "--help":
        return "help";
      case "--api": {
        const raw = value();
        if (!raw || raw.startsWith("--")) throw new OptionsError("--api needs a URL");
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          throw new OptionsError(`--api is not a URL: "${raw}"`);
        }
        if (url.protocol !== "http:" && url.protocol !== "https:") throw new OptionsError(`--api must be http(s), not ${url.protocol}`);
        opts.api = url.toString();
        break;
      }
      case "--rate":
        opts.rate = numberOf("--rate", value(), { min: 0.1, max: 600 });
        break;
      case "--duration":
        opts.duration = numberOf("--duration", value(), { min: 0, max: 7 * 86_400, integer: true });
        break;
      case "--seed":
        opts.seed = numberOf("--seed", value(), { min: -2_147_483_648, max: 4_294_967_295, integer: true });
        break;
      case "--report": {
        const raw = value();
        if (!raw || raw.startsWith("--")) throw new OptionsError("--report needs a path");
        opts.report = raw;
        break;
      }
      case "--sms-log": {
        const raw = value();
        if (!raw || raw.startsWith("--")) throw new OptionsError("--sms-log needs a path");
        opts.smsLogs.push(...raw.split(",").filter(Boolean));
        break;
      }
      case "--summary-every":
        opts.summaryEvery = numberOf("--summary-every", value(), { min: 1, max: 3600, integer: true });
        break;
      case "--workers":
        opts.workers = numberOf("--workers", value(), { min: 1, max: 5000, integer: true });
        break;
      case "--employers":
        opts.employers = numberOf("--employers", value(), { min: 1, max: 1000, integer: true });
        break;
      case "--login-concurrency":
        opts.loginConcurrency = numberOf("--login-concurrency", value(), { min: 1, max: 64, integer: true });
        break;
      case "--quiet":
        if (inline !== undefined) throw new OptionsError("--quiet takes no value");
        opts.quiet = true;
        break;
      default:
        throw new OptionsError(`unknown option: ${arg}`);
    }
  }
  return opts;
}
