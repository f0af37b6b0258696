// A fact written by the API reaches the user through the outbox, the relay, BullMQ and the worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOB_HANDLERS } from "../../server/src/jobs/handlers.js";
import { startJobWorkers } from "../../server/src/jobs/job-runner.js";
import { createOutboxRelay } from "../../server/src/jobs/outbox-relay.js";
import { createLogger } from "../../server/src/logger.js";
import { insertVenue, nextPhone, registerWithCode, residentId, signedIn } from "../../server/src/testing/factories.js";
import { graphql } from "../../server/src/testing/gql/index.js";
import { startTestApi, type TestApi } from "../../server/src/testing/test-app.js";

const NOTIFICATIONS = graphql(`query MyNotifications { myNotifications { id kind title body readAt } }`);
const MARK_READ = graphql(`mutation MarkRead($id: UUID!) { markNotificationRead(id: $id) }`);
const SUSPEND = graphql(`mutation Suspend($id: UUID!, $reason: String!) { suspendVenue(id: $id, reason: $reason) { status } }`);

describe("API → outbox → worker → in-app notification", () => {
  let t: TestApi;
  let stopWorker: () => Promise<void>;
  beforeAll(async () => {
    t = await startTestApi();
    const logger = createLogger({ env: "test", logLevel: "silent" }, "worker");
    const opts = { db: t.database.db, redisUrl: t.config.redisUrl, prefix: t.config.queuePrefix, logger };
    const relay = createOutboxRelay({ ...opts, pollMs: 20 });
    const workers = startJobWorkers(t.api.deps, JOB_HANDLERS);
    relay.start();
    stopWorker = async () => {
      await relay.stop();
      await workers.close();
    };
  });
  afterAll(async () => {
    await stopWorker?.();
    await t?.close();
  });

  async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const v = await read();
      if (done(v)) return v;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("not delivered in time");
  }

  it("a new worker finds a welcome notification, and can mark it read once", async () => {
    const registerWorker = await registerWithCode(t, "registerWorker", {
      phone: nextPhone(), password: "Worker#2026", realName: "黄阿姨", idNumber: residentId("1978-08-08", 88, "FEMALE"), skills: [], homeLat: 24.9, homeLng: 118.6, travelMode: "TRANSIT",
    });
    const token = registerWorker.accessToken!;
    const list = await eventually(() => t.ok(NOTIFICATIONS, {}, token), (d) => d.myNotifications.length > 0);
    expect(list.myNotifications).toEqual([expect.objectContaining({ kind: "WELCOME", title: "欢迎使用泉州零工服务平台", readAt: null })]);
    const id = list.myNotifications[0].id;
    expect((await t.ok(MARK_READ, { id }, token)).markNotificationRead).toBe(true);
    expect((await t.ok(MARK_READ, { id }, token)).markNotificationRead).toBe(false);
  });

  it("suspending a venue tells its staff why", async () => {
    const venue = await insertVenue(t.database.db, { status: "RECOGNIZED", regionCode: "350503", name: "丰泽区东海零工驿站" });
    const staff = await signedIn(t, "VENUE_STAFF", { venueId: venue.id, regionCode: "350503" });
    const officer = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350503" });
    await t.ok(SUSPEND, { id: venue.id, reason: "消防检查未通过" }, officer.token);
    const list = await eventually(() => t.ok(NOTIFICATIONS, {}, staff.token), (d) => d.myNotifications.length > 0);
    expect(list.myNotifications[0]).toMatchObject({ kind: "VENUE_STATUS", title: "丰泽区东海零工驿站已被暂停", body: "原因：消防检查未通过" });
    // the officer, not being staff of that venue, got nothing
    expect((await t.ok(NOTIFICATIONS, {}, officer.token)).myNotifications).toEqual([]);
  });
});
