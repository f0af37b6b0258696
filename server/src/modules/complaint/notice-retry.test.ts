// Issue 8 notices: the notify job that texts the complainant is retried when anything after the send fails (or
// its commit does); the text must still go out once per step (recorded per event and phone). And the reminder
// to make the follow-up call (回访) when its 2 working days after closing run out.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../access/actor.js";
import { engagements, notifications, outbox, smsNotices, users } from "../../db/schema/index.js";
import { jobIdFor } from "../../jobs/events.js";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import type { JobHandlers } from "../../jobs/job-context.js";
import { runJob } from "../../jobs/job-runner.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertEmployer, insertRecognizedVenue, insertWorker, LICHENG, taskCommand } from "../dispatch/dispatch.fixtures.js";
import type { LogSmsProvider } from "../sms/sms.provider.js";

const CONSUMER = "notify.complaint-status-changed";

describe("complaint SMS notices are sent once per event and recipient", () => {
  let h: ServiceHarness;
  beforeAll(async () => {
    h = await createServiceHarness();
    await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
  });
  afterAll(() => h?.close());

  /** A worker engaged on an employer's task files a complaint; returns it with the FILE event's job. */
  async function filed() {
    h.clock.set("2026-11-27T02:00:00Z");
    const employer: Caller = { actor: { userId: (await insertEmployer(h.deps.db)).id, role: "EMPLOYER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } };
    const task = await h.services.dispatch.postTask(employer, taskCommand(h.clock.now(), { ...LICHENG }));
    const workerId = await insertWorker(h.deps.db, { at: LICHENG });
    const [e] = await h.deps.db.insert(engagements).values({ taskId: task.id, workerId, source: "GRAB", startsAt: task.startsAt, endsAt: task.endsAt, acceptedAt: h.clock.now() }).returning();
    const worker: Caller = { actor: { userId: workerId, role: "WORKER", venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } };
    const c = await h.services.complaints.fileComplaint(worker, { category: "CONTRACT_BREACH", engagementId: e!.id, title: "实际工作与岗位不符", description: "岗位写的是搬运，到场后要求高空作业。" });
    const [event] = await h.deps.db.select().from(outbox).where(and(eq(outbox.name, "complaint.status-changed"), eq(outbox.payload, { complaintId: c.id, action: "FILE", from: null, to: "SUBMITTED" })));
    const [{ phone }] = (await h.deps.db.select({ phone: users.phone }).from(users).where(eq(users.id, workerId))) as [{ phone: string }];
    return { c, worker, workerId, phone, job: { id: jobIdFor(event!.id, CONSUMER), name: CONSUMER, data: event!.payload }, eventId: event!.id };
  }
  const textsTo = (phone: string) => (h.deps.sms as LogSmsProvider).outbox().filter((m) => m.phone === phone && m.text.includes("已提交"));

  it("a retry after the text went out (the job failed later) does not text again; the in-app notice is written once", async () => {
    const { phone, job, eventId, workerId } = await filed();
    const failingAfterSend: JobHandlers = {
      ...JOB_HANDLERS,
      [CONSUMER]: async (ctx, payload) => {
        await JOB_HANDLERS[CONSUMER](ctx, payload);
        throw new Error("connection lost before commit");
      },
    };
    await expect(runJob(h.deps, failingAfterSend, job)).rejects.toThrow("connection lost");
    expect(textsTo(phone)).toHaveLength(1);
    expect(await runJob(h.deps, JOB_HANDLERS, job)).toBe("done");
    expect(await runJob(h.deps, JOB_HANDLERS, job)).toBe("duplicate");
    expect(textsTo(phone)).toHaveLength(1);
    expect(await h.deps.db.select().from(smsNotices).where(eq(smsNotices.eventId, eventId))).toMatchObject([{ phone, status: "SENT" }]);
    expect(await h.deps.db.select().from(notifications).where(and(eq(notifications.userId, workerId), eq(notifications.kind, "COMPLAINT_FILE")))).toHaveLength(1);
  });

  it("a gateway failure drops the claim, so the retry sends it", async () => {
    const { phone, job, eventId } = await filed();
    const sms = h.deps.sms as LogSmsProvider;
    const send = sms.send.bind(sms);
    sms.send = async () => {
      throw new Error("gateway timeout");
    };
    try {
      await expect(runJob(h.deps, JOB_HANDLERS, job)).rejects.toThrow("gateway timeout");
    } finally {
      sms.send = send;
    }
    expect(await h.deps.db.select().from(smsNotices).where(eq(smsNotices.eventId, eventId))).toEqual([]);
    expect(await runJob(h.deps, JOB_HANDLERS, job)).toBe("done");
    expect(textsTo(phone)).toHaveLength(1);
  });

  it("the 回访 reminder reaches the venue's staff when it falls due, and not when the call was recorded in time", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId: (await h.deps.db.query.venues.findFirst())!.id, regionCode: "350502" });
    const close = async () => {
      const { c, worker } = await filed();
      for (const action of ["ACCEPT", "START"] as const) await h.services.complaints.handle(staff, c.id, action);
      await h.services.complaints.handle(staff, c.id, "RESOLVE", "经调解，用工方已补发工资");
      await h.services.complaints.closeComplaint(worker, c.id, 5, "满意");
      return c;
    };
    const reminders = async (complaintId: string) =>
      (await h.deps.db.select().from(notifications).where(and(eq(notifications.userId, staff.userId), eq(notifications.kind, "COMPLAINT_FOLLOW_UP_DUE")))).filter((n) =>
        n.title.includes(complaintId.slice(0, 8).toUpperCase()),
      );
    const forgotten = await close();
    const called = await close();
    await h.services.complaints.recordFollowUp(staff, called.id, "电话回访，投诉人满意");
    // Closed Friday 27 Nov: due at the end of Tuesday 1 Dec (two working days). Not yet on Monday.
    h.clock.set("2026-11-30T08:00:00Z");
    await h.deliverDueEvents();
    expect(await reminders(forgotten.id)).toEqual([]);
    h.clock.set("2026-12-01T16:00:01Z");
    const ran = await h.deliverDueEvents();
    expect(ran.filter((r) => r.consumer === "complaints.remind-follow-up").map((r) => r.outcome)).toEqual(["done", "done"]);
    expect(await reminders(forgotten.id)).toHaveLength(1);
    expect(await reminders(called.id)).toEqual([]);
  });
});
