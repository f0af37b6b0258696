// One simulated market day: signs the accounts in, runs the posting stream and every agent's loop for
// the duration, prints the live summary and returns the final figures. All traffic goes through the API.
import { randomUUID } from "node:crypto";
import { QUANZHOU_REGIONS } from "@qz/shared";
import { DEMO_PASSWORD, type DemoAccount } from "../../seed.js";
import { Rng } from "../random.js";
import { chooseAccounts, loginConcurrency, poolSizes, signIn, type EmployerAccount, type WorkerAccount } from "./accounts.js";
import { ApiError, type GraphQLClient, type Session } from "./client.js";
import { DashboardWatch, describeChange, type DashboardFigures } from "./dashboard.js";
import { EmployerAgent } from "./employer-agent.js";
import type { SimulateOptions } from "./options.js";
import { dayLengthSeconds, nextPostingGapSeconds, planTask } from "./plan.js";
import type { SmsInbox } from "./sms-inbox.js";
import { formatSummary, type SimStats, type StatsSnapshot } from "./stats.js";
import { WorkerAgent, type Contract } from "./worker-agent.js";

const SIGN_CODE = `mutation Code($id: UUID!) { requestContractSigningCode(contractId: $id) { expiresAt } }`;
const SIGN = `mutation Sign($i: SignContractInput!) { signContract(input: $i) { id status } }`;
const REGIONS = `query Regions { regions { code name centerLat centerLng } }`;

/** Seconds between one agent's looks at the app (each agent keeps its own rhythm, jittered). */
const WORKER_TICK_MS = [3000, 6000] as const;
const EMPLOYER_TICK_MS = [3000, 5000] as const;

export interface MarketResult {
  snapshot: StatsSnapshot;
  accounts: { workers: number; employers: number; loginFailures: number };
  /** The demo market's staff dashboard at the start and the end (null when that login is missing). */
  dashboard: { before: DashboardFigures | null; after: DashboardFigures | null; change: string | null };
  notes: string[];
}

export class Market {
  readonly runId = randomUUID().slice(0, 8);
  private stopAt = Infinity;
  private stopped = false;
  private readonly posted = new Map<string, number>();
  private readonly phoneLocks = new Map<string, Promise<unknown>>();
  private readonly workers: WorkerAgent[] = [];
  private readonly employers: EmployerAgent[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly notes = new Set<string>();
  private unexpected = 0;

  constructor(
    private readonly opts: SimulateOptions,
    private readonly client: GraphQLClient,
    readonly stats: SimStats,
    private readonly inbox: SmsInbox | null,
    private readonly print: (line: string) => void = (line) => console.log(line),
  ) {}

  running(): boolean {
    return !this.stopped && Date.now() < this.stopAt;
  }

  /** Stops the posting and the agents' loops (SIGINT, or the end of the duration). */
  stop(): void {
    this.stopped = true;
  }

  /** Runs a step; API refusals are already counted by the client, so they end the step quietly. */
  async guard(step: () => Promise<unknown>): Promise<void> {
    try {
      await step();
    } catch (err) {
      if (err instanceof ApiError) return;
      if (this.unexpected++ < 5) console.error(`[simulate] client error: ${(err as Error).stack ?? err}`);
      this.stats.record("client", 0, "CLIENT_ERROR");
    }
  }

  taskPosted(taskId: string, seats: number): void {
    this.posted.set(taskId, seats);
    this.stats.count("tasksPosted");
    this.stats.count("seatsPosted", seats);
  }

  /** A seat of a task this run posted was taken (offers on the demo data's older tasks are not counted in the fill rate). */
  seatFilled(taskId: string): void {
    if (this.posted.has(taskId)) this.stats.count("seatsFilled");
  }

  /**
   * Signs a contract as the session's party: asks for a code, reads it from the phone's inbox, signs the hash
   * it read. One code per phone at a time (a new request replaces the open one), so a phone signs in turn.
   */
  sign(session: Session, phone: string, contract: Contract): Promise<boolean> {
    if (!this.inbox) {
      this.notes.add("没有短信收件箱 (no SMS inbox: --sms-log not given and .data/logs/api.log absent): contracts stay unsigned, so nobody checks in");
      return Promise.resolve(false);
    }
    const inbox = this.inbox;
    const previous = this.phoneLocks.get(phone) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const seq = inbox.seq();
      await session.call("requestContractSigningCode", SIGN_CODE, { id: contract.id });
      const code = await inbox.waitForCode(phone, seq, 10_000);
      if (!code) {
        this.stats.record("smsInbox", 0, "SMS_NOT_RECEIVED");
        return false;
      }
      await session.call("signContract", SIGN, { i: { contractId: contract.id, smsCode: code, termsHash: contract.termsHash, confirmIntent: true } });
      this.stats.count("contractsSigned");
      return true;
    });
    const settled = turn.catch(() => false);
    this.phoneLocks.set(phone, settled);
    void settled.finally(() => {
      if (this.phoneLocks.get(phone) === settled) this.phoneLocks.delete(phone);
    });
    return turn;
  }

  /** Signs the accounts in (a few at a time, argon2 is costly for the API), then plays until the end. */
  async run(book: readonly DemoAccount[]): Promise<MarketResult> {
    const started = Date.now();
    if (this.opts.duration > 0) this.stopAt = started + this.opts.duration * 1000;
    const rng = new Rng(this.opts.seed);
    const { regions } = await this.client.call<{ regions: { code: string; name: string }[] }>("regions", REGIONS);
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    const chosen = chooseAccounts(book, rng, poolSizes(this.opts.rate, this.opts));
    const watch = await DashboardWatch.open(this.client, DEMO_PASSWORD);
    const before = (await watch?.read()) ?? null;
    let loginFailures = 0;

    // Employers and workers in turn (the backlog's first), so posting and answering start together.
    const order: DemoAccount[] = [];
    for (let i = 0; i < Math.max(chosen.employers.length, chosen.workers.length); i++) {
      if (i < chosen.employers.length) order.push(chosen.employers[i]!);
      if (i < chosen.workers.length) order.push(chosen.workers[i]!);
    }
    const queue = order.map((account, index) => ({ account, index }));
    const loops: Promise<void>[] = [];
    const login = async () => {
      for (let next = queue.shift(); next && this.running(); next = queue.shift()) {
        const signed = await signIn(this.client, next.account, DEMO_PASSWORD);
        if (!signed) {
          loginFailures++;
          continue;
        }
        // Each agent draws from its own stream, so one agent's choices do not shift another's.
        const own = new Rng((this.opts.seed * 7919 + next.index * 104_729) >>> 0);
        if (next.account.role === "WORKER") {
          const agent = new WorkerAgent(signed as WorkerAccount, own, this);
          this.workers.push(agent);
          loops.push(this.loop(() => agent.resume(), () => agent.tick(), own, WORKER_TICK_MS));
        } else {
          const agent = new EmployerAgent(signed as EmployerAccount, this);
          this.employers.push(agent);
          loops.push(this.loop(() => agent.resume(), () => agent.tick(), own, EMPLOYER_TICK_MS));
        }
      }
    };
    const logins = Promise.all(Array.from({ length: loginConcurrency(queue.length, this.opts.loginConcurrency) }, login));
    const summaries = setInterval(() => {
      if (!this.opts.quiet) this.print(formatSummary(this.stats.snapshot(Date.now())));
    }, this.opts.summaryEvery * 1000);
    try {
      await this.postingStream(rng, regionName, started);
      await logins;
      await Promise.all(loops);
      await Promise.allSettled([...this.inFlight]);
    } finally {
      clearInterval(summaries);
    }
    if (loginFailures > 0) this.notes.add(`${loginFailures} demo accounts could not sign in (was the database seeded with ./scripts/start's defaults?)`);
    if (this.opts.duration > 0 && this.opts.duration < 17 * 60) {
      this.notes.add("tasks posted in this run cannot reach payment inside it: the shortest paid shift is 15 minutes of work (hours are counted in 15-minute units) after a start at least a minute after posting; settlements paid in a short run are the backlog's");
    }
    const after = (await watch?.read()) ?? null;
    const dashboard = { before, after, change: before && after ? describeChange(before, after) : null };
    return { snapshot: this.stats.snapshot(Date.now()), accounts: { workers: this.workers.length, employers: this.employers.length, loginFailures }, dashboard, notes: [...this.notes] };
  }

  /** One agent: pick up its backlog, then look at the app every few seconds until the run ends. */
  private async loop(resume: () => Promise<void>, tick: () => Promise<void>, rng: Rng, [min, max]: readonly [number, number]): Promise<void> {
    await this.guard(resume);
    await sleep(rng.int(0, max), () => this.running());
    while (this.running()) {
      await this.guard(tick);
      await sleep(rng.int(min, max), () => this.running());
    }
  }

  /** Posts at the rate of the hour: a Poisson stream shaped by the day (morning peak), near a worker on the app. */
  private async postingStream(rng: Rng, regionName: Map<string, string>, started: number): Promise<void> {
    const day = dayLengthSeconds(this.opts.duration);
    while (this.running()) {
      const fraction = (Date.now() - started) / 1000 / day;
      await sleep(nextPostingGapSeconds(rng, this.opts.rate, fraction) * 1000, () => this.running());
      if (!this.running() || this.workers.length === 0 || this.employers.length === 0) continue;
      const now = Date.now();
      const free = this.workers.filter((w) => !w.hasRushJob(now));
      const target = rng.pick(free.length ? free : this.workers).account;
      const able = this.employers.filter((e) => !e.blocked);
      if (able.length === 0) continue;
      const local = able.filter((e) => e.account.regionCode === target.regionCode);
      const employer = rng.pick(local.length ? local : able);
      const plan = planTask(rng, target, regionName.get(target.regionCode) ?? QUANZHOU_REGIONS.find((r) => r.code === target.regionCode)?.name ?? "");
      const posting = this.guard(() => employer.post(plan));
      this.inFlight.add(posting);
      void posting.finally(() => this.inFlight.delete(posting));
    }
  }
}

/** Sleeps `ms`, waking early (within a quarter second) once `keepGoing` turns false. */
async function sleep(ms: number, keepGoing: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (keepGoing() && Date.now() < until) await new Promise((r) => setTimeout(r, Math.min(250, until - Date.now())));
}
