// 评分对账 demo for ./scripts/start: the last two nights' reconcile runs, written by the real reconcile
// (services.performance.reconcile, the nightly job's own call) on a clock the seed sets to 02:00 Shanghai.
// The earlier night finds the seeded counters consistent; before the later night two counters are knocked off
// their source rows (the demo market's placements short by 2, as if two applies were lost, and a station's
// services 6 too many), so that run finds the drift, fixes it and recomputes the two venue-years' scores.
import { randomUUID } from "node:crypto";
import { assessmentYearOf, shanghaiDate } from "@qz/shared";
import type { Config } from "../../server/src/config.js";
import type { Db } from "../../server/src/db/client.js";
import { createDeps } from "../../server/src/deps.js";
import { createLogger } from "../../server/src/logger.js";
import { createServices } from "../../server/src/services.js";

const DAY = 86_400_000;

export interface ReconcileSeedInput {
  config: Config;
  demoMarketId: string;
  now: Date;
}

export interface ReconcileSeedResult {
  /** Each run's start and the venue-years it found drifted, oldest first. */
  runs: { startedAt: Date; venueYears: number; drifted: number; drifts: number }[];
}

/** The latest 02:00 Shanghai (the nightly schedule's hour) at or before `now`. */
export function lastNightlyRun(now: Date): Date {
  const today = new Date(`${shanghaiDate(now)}T02:00:00+08:00`);
  return today <= now ? today : new Date(today.getTime() - DAY);
}

export async function seedReconcileRuns(db: Db, d: ReconcileSeedInput): Promise<ReconcileSeedResult> {
  let clock = new Date(lastNightlyRun(d.now).getTime() - DAY);
  const silent = createLogger({ logLevel: "silent", env: d.config.env }, "seed");
  const handle = createDeps({ ...d.config, queuePrefix: `${d.config.queuePrefix}:seed:${randomUUID().slice(0, 8)}` }, { name: "seed", logger: silent, now: () => new Date(clock) });
  try {
    const s = createServices({ ...handle.deps, db });
    const year = assessmentYearOf(shanghaiDate(d.now));
    const runs: ReconcileSeedResult["runs"] = [];
    const reconcile = async () => {
      const run = await db.transaction((tx) => s.performance.reconcile(tx, null));
      runs.push({ startedAt: run.startedAt, venueYears: run.venueYears, drifted: run.drifted, drifts: run.details.length });
    };
    await reconcile();

    // The planted drift (plain SQL on the seed's database through its postgres.js client: scripts do not depend on
    // drizzle-orm): the demo market's placements 2 short, and 6 services too many at the station with the most this year.
    const sql = db.$client;
    await sql`update venue_year_metrics set placements = greatest(placements - 2, 0) where venue_id = ${d.demoMarketId} and year = ${year}`;
    await sql`
      update venue_year_metrics set services = services + 6
      where (venue_id, year) = (
        select m.venue_id, m.year from venue_year_metrics m join venues v on v.id = m.venue_id
        where m.year = ${year} and v.type = 'STATION' order by m.services desc, m.venue_id limit 1)`;

    clock = lastNightlyRun(d.now);
    await reconcile();
    return { runs };
  } finally {
    await handle.close();
  }
}
