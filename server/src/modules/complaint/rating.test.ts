// Ratings of finished engagements (both sides, once each), blocks, and the employer record shown to workers.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../access/actor.js";
import { engagements, outbox, ratings, tasks, userBlocks } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertEmployer, insertRecognizedVenue, insertWorker, LICHENG } from "../dispatch/dispatch.fixtures.js";

const H = 3_600_000;
type Who = Caller & { userId: string };
const as = (userId: string, role: "WORKER" | "EMPLOYER"): Who => ({ userId, actor: { userId, role, venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } });
const code = (p: Promise<unknown>) => p.then(() => "ok", (e: AppError) => `${e.code}:${e.reasons.map((r) => r.code).join(",")}`);

describe("ratings and blocks", () => {
  let h: ServiceHarness;
  let venueId: string;
  let employer: Who;

  async function engagement(endsInHours: number) {
    const now = h.clock.now();
    const workerId = await insertWorker(h.deps.db);
    const startsAt = new Date(now.getTime() + (endsInHours - 4) * H);
    const [task] = await h.deps.db
      .insert(tasks)
      .values({ employerId: employer.userId, venueId, postedBy: employer.userId, regionCode: "350502", title: "搬运", description: "", skillCode: "PORTER", address: "鲤城区", lat: LICHENG.lat, lng: LICHENG.lng, startsAt, endsAt: new Date(startsAt.getTime() + 4 * H), headcount: 1, payRateFen: 2600, payUnit: "HOUR", status: "FILLED", filledCount: 1 })
      .returning();
    const [e] = await h.deps.db.insert(engagements).values({ taskId: task!.id, workerId, source: "GRAB", startsAt, endsAt: task!.endsAt, acceptedAt: now }).returning();
    return { id: e!.id, worker: as(workerId, "WORKER") };
  }

  beforeAll(async () => {
    h = await createServiceHarness();
    venueId = (await insertRecognizedVenue(h.deps.db, { regionCode: "350502" })).id;
    employer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
  });
  afterAll(() => h?.close());

  it("both sides rate a finished engagement once; rating.recorded carries the venue for the roll-up; the worker's view of the employer adds it up", async () => {
    const e = await engagement(-1);
    const r = await h.services.ratings.rateEngagement(e.worker, { engagementId: e.id, stars: 5, tags: ["PAID_ON_TIME", "RESPECTFUL"] });
    expect(r).toMatchObject({ side: "WORKER_RATES_EMPLOYER", rateeId: employer.userId, stars: 5, venueId });
    await h.services.ratings.rateEngagement(employer, { engagementId: e.id, stars: 3, tags: ["PUNCTUAL"], comment: "还行" });
    expect(await code(h.services.ratings.rateEngagement(e.worker, { engagementId: e.id, stars: 1, tags: [] }))).toBe("CONFLICT:RATING_EXISTS");
    const events = await h.deps.db.select().from(outbox).where(eq(outbox.name, "rating.recorded"));
    expect(events.map((x) => x.payload)).toContainEqual(expect.objectContaining({ ratingId: r.id, venueId, engagementId: e.id, stars: 5 }));
    const e2 = await engagement(-2);
    await h.services.ratings.rateEngagement(e2.worker, { engagementId: e2.id, stars: 2, tags: ["PAY_DELAYED"] });
    expect(await h.services.ratings.employerReliability(employer.userId)).toMatchObject({ ratingCount: 2, averageStars: 3.5, satisfiedShare: 0.5 });
  });

  it.each<[string, (e: { id: string; worker: Who }) => Promise<unknown>, string]>([
    ["before the work ended", async () => { const f = await engagement(3); return h.services.ratings.rateEngagement(f.worker, { engagementId: f.id, stars: 4, tags: [] }); }, "PRECONDITION_FAILED:RATING_NOT_FINISHED"],
    ["0 stars", (e) => h.services.ratings.rateEngagement(e.worker, { engagementId: e.id, stars: 0, tags: [] }), "BAD_USER_INPUT:RATING_STARS"],
    ["an employer's tag from the worker", (e) => h.services.ratings.rateEngagement(e.worker, { engagementId: e.id, stars: 4, tags: ["SKILLED"] }), "BAD_USER_INPUT:RATING_TAG_NOT_ALLOWED"],
    ["someone else's engagement", async (e) => h.services.ratings.rateEngagement(as(await insertWorker(h.deps.db), "WORKER"), { engagementId: e.id, stars: 4, tags: [] }), "NOT_FOUND:"],
    ["a comment of 501 characters", (e) => h.services.ratings.rateEngagement(e.worker, { engagementId: e.id, stars: 4, tags: [], comment: "好".repeat(501) }), "BAD_USER_INPUT:TEXT_TOO_LONG"],
  ])("%s is refused (%s) and writes nothing", async (_n, act, expected) => {
    const e = await engagement(-1);
    const before = (await h.deps.db.select().from(ratings)).length;
    expect(await code(act(e))).toBe(expected);
    expect((await h.deps.db.select().from(ratings)).length).toBe(before);
  });

  it("a rating can block the other side; blocking needs a shared job; unblocking lifts it", async () => {
    const e = await engagement(-1);
    await h.services.ratings.rateEngagement(e.worker, { engagementId: e.id, stars: 1, tags: ["NOT_AS_DESCRIBED"], block: true });
    expect(await h.deps.db.select().from(userBlocks).where(and(eq(userBlocks.blockerId, e.worker.userId), eq(userBlocks.blockedId, employer.userId)))).toHaveLength(1);
    const stranger = await insertWorker(h.deps.db);
    expect(await code(h.services.ratings.blockUser(employer, stranger))).toBe("NOT_FOUND:");
    await h.services.ratings.blockUser(employer, e.worker.userId, "多次迟到");
    expect((await h.services.ratings.myBlocks(employer)).map((b) => b.blockedId)).toEqual([e.worker.userId]);
    expect(await h.services.ratings.unblockUser(employer, e.worker.userId)).toBe(true);
    expect(await h.services.ratings.unblockUser(employer, e.worker.userId)).toBe(false);
  });
});
