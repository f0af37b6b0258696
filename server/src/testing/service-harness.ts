// Domain tests without HTTP: deps and services on the test file's own database, a settable clock, callers
// of any role, and in-process delivery of due outbox events, so expiry and deadline tests never sleep.
import { and, asc, eq, isNull, lte, or } from "drizzle-orm";
import { outbox } from "../db/schema/index.js";
import { createDeps, type Clock, type Deps, type DepsHandle } from "../deps.js";
import { consumersOf, jobIdFor } from "../jobs/events.js";
import { JOB_HANDLERS } from "../jobs/handlers.js";
import type { JobHandlers } from "../jobs/job-context.js";
import { runJob, type JobOutcome } from "../jobs/job-runner.js";
import { createLogger } from "../logger.js";
import type { Caller, Role } from "../access/actor.js";
import { createServices, type Services } from "../services.js";
import { insertUser } from "./factories.js";
import { createTestEnv, type TestEnv } from "./test-app.js";

/** A clock tests move by hand. */
export interface SettableClock {
  now: Clock;
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function settableClock(start: Date | string = "2026-11-27T02:00:00Z"): SettableClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => void (current = new Date(at)),
    advance: (ms) => void (current = new Date(current.getTime() + ms)),
  };
}

export interface ServiceHarness {
  env: TestEnv;
  deps: Deps;
  services: Services;
  clock: SettableClock;
  /** Inserts a user of the role (staff need `venueId` and `regionCode`, county officers `regionCode`) and returns its caller. */
  callerAs(role: Role, extra?: Parameters<typeof insertUser>[2]): Promise<Caller & { userId: string }>;
  /**
   * Runs every consumer of every unsent event that is due by the clock, in order, exactly as the worker
   * would (same runner, same idempotency), and marks the events sent. Returns what each run did.
   */
  deliverDueEvents(handlers?: JobHandlers): Promise<{ event: string; consumer: string; outcome: JobOutcome }[]>;
  close(): Promise<void>;
}

export async function createServiceHarness(options: { start?: Date | string; env?: Record<string, string> } = {}): Promise<ServiceHarness> {
  const env = await createTestEnv(options.env);
  const clock = settableClock(options.start);
  const handle: DepsHandle = createDeps(env.config, { logger: createLogger(env.config, "test"), now: clock.now });
  const { deps } = handle;
  const services = createServices(deps);
  return {
    env,
    deps,
    services,
    clock,
    async callerAs(role, extra = {}) {
      const user = await insertUser(deps.db, role, extra);
      return {
        userId: user.id,
        actor: { userId: user.id, role, venueId: user.venueId, regionCode: user.regionCode },
        meta: { requestId: `test-${user.id.slice(0, 8)}`, ip: "127.0.0.1", userAgent: "vitest" },
      };
    },
    async deliverDueEvents(handlers = JOB_HANDLERS) {
      const ran: { event: string; consumer: string; outcome: JobOutcome }[] = [];
      for (;;) {
        const due = await deps.db
          .select()
          .from(outbox)
          .where(and(isNull(outbox.sentAt), or(isNull(outbox.runAt), lte(outbox.runAt, clock.now()))))
          .orderBy(asc(outbox.createdAt))
          .limit(100);
        if (due.length === 0) return ran;
        for (const row of due) {
          if (!row.cancelledAt) {
            for (const consumer of consumersOf(row.name)) {
              const outcome = await runJob(deps, handlers, { id: jobIdFor(row.id, consumer), name: consumer, data: row.payload });
              ran.push({ event: row.name, consumer, outcome });
            }
          }
          await deps.db.update(outbox).set({ sentAt: clock.now() }).where(eq(outbox.id, row.id));
        }
      }
    },
    async close() {
      await handle.close();
      await env.cleanup();
    },
  };
}
