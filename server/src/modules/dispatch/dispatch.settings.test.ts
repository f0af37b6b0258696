import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.js";
import { offers } from "../../db/schema/index.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { Caller } from "../../access/actor.js";
import { DEFAULT_SETTINGS, settingsFromConfig } from "./dispatch.settings.js";
import { insertEmployer, insertRecognizedVenue, insertWorkers, north, taskCommand, LICHENG } from "./dispatch.fixtures.js";

describe("dispatch settings from the environment", () => {
  it("defaults are DESIGN §4's (10 min, 3 waves, K = 3, pool 200); DISPATCH_* override them; out-of-range values refuse to start", () => {
    expect(settingsFromConfig(loadConfig({}).dispatch)).toEqual(DEFAULT_SETTINGS);
    const s = settingsFromConfig(loadConfig({ DISPATCH_OFFER_TTL_MINUTES: "5", DISPATCH_MAX_WAVES: "4", DISPATCH_MAX_OUTSTANDING_OFFERS: "2", DISPATCH_CANDIDATE_POOL: "60" }).dispatch);
    expect(s.dispatch).toMatchObject({ offerTtlMinutes: 5, maxWaves: 4, maxOutstandingOffers: 2, offersPerSeat: 3, maxWaveSize: 20 });
    expect(s.candidatePool).toBe(60);
    expect(() => loadConfig({ DISPATCH_CANDIDATE_POOL: "10" })).toThrow(ConfigError);
    expect(() => loadConfig({ DISPATCH_OFFER_TTL_MINUTES: "0" })).toThrow(ConfigError);
    // 到岗确认: deadline 2 h and reminder 12 h before the start by default; the reminder must come first.
    expect(DEFAULT_SETTINGS.dispatch).toMatchObject({ reconfirmHours: 2, reconfirmReminderHours: 12 });
    const r = settingsFromConfig(loadConfig({ DISPATCH_RECONFIRM_HOURS: "3", DISPATCH_RECONFIRM_REMINDER_HOURS: "24" }).dispatch);
    expect(r.dispatch).toMatchObject({ reconfirmHours: 3, reconfirmReminderHours: 24 });
    expect(() => loadConfig({ DISPATCH_RECONFIRM_HOURS: "6", DISPATCH_RECONFIRM_REMINDER_HOURS: "6" })).toThrow(ConfigError);
    expect(() => loadConfig({ DISPATCH_RECONFIRM_HOURS: "0" })).toThrow(ConfigError);
  });

  describe("in a running service", () => {
    let h: ServiceHarness;
    let employer: Caller;
    beforeAll(async () => {
      h = await createServiceHarness({ env: { DISPATCH_OFFER_TTL_MINUTES: "4" } });
      await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
      const id = (await insertEmployer(h.deps.db)).id;
      employer = { actor: { userId: id, role: "EMPLOYER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } };
    });
    afterAll(() => h?.close());

    it("a wave's offers expire after the configured minutes", async () => {
      await insertWorkers(h.deps.db, [north(LICHENG, 500), north(LICHENG, 800)].map((at) => ({ at, skills: [["CARPENTER", 3]] as [string, number][] })));
      const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { skillCode: "CARPENTER", headcount: 1 }));
      await h.deliverDueEvents();
      const rows = await h.deps.db.select().from(offers).where(eq(offers.taskId, task.id));
      expect(rows.length).toBeGreaterThan(0);
      for (const o of rows) expect(o.expiresAt.getTime() - o.createdAt.getTime()).toBe(4 * 60_000);
    });
  });
});
