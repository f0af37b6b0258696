// Complaints on the real services, PostgreSQL and the job runner: the whole path from filing to closing and
// rating, deadlines that escalate by the delayed job (and do not while paused), wage arrears from a disputed
// settlement to labour inspection and payment, who may read, and bad input that changes nothing.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../access/actor.js";
import { auditLog, complaintEvents, complaints, engagements, labourInspectionReferrals, notifications, outbox } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import type { JobHandlers } from "../../jobs/job-context.js";
import { emitEvent } from "../../jobs/outbox.js";
import { LogSmsProvider } from "../sms/sms.provider.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertEmployer, insertRecognizedVenue, insertWorker, north, taskCommand, LICHENG } from "../dispatch/dispatch.fixtures.js";

const H = 3_600_000;
// The venue roll-up (issue 9) consumes complaint.closed and rating.recorded and is tested there; here its
// consumers are no-ops so these tests exercise complaints alone, through the real runner.
const HANDLERS = Object.fromEntries(Object.entries(JOB_HANDLERS).map(([name, handler]) => [name, name.startsWith("performance.") ? async () => {} : handler])) as unknown as JobHandlers;
type Who = Caller & { userId: string };

async function refusal(p: Promise<unknown>): Promise<{ code: string; reasons: string[]; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, reasons: err.reasons.map((r) => r.code), message: err.message };
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("complaints", () => {
  let h: ServiceHarness;
  let venueId: string;
  let otherVenueId: string;
  let staff: Who;
  let otherStaff: Who;
  let county: Who;
  let otherCounty: Who;
  let city: Who;
  let employer: Who;
  let seq = 0;

  const as = (userId: string, role: "WORKER" | "EMPLOYER"): Who => ({ userId, actor: { userId, role, venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } });

  /** A task of `employer` and a worker engaged on it (its window `startsInHours` from now). */
  async function job(startsInHours = 24, by: Who = employer) {
    const now = h.clock.now();
    const at = north(LICHENG, 300 * ++seq);
    const task = await h.services.dispatch.postTask(by, taskCommand(now, { ...at, startsAt: new Date(now.getTime() + startsInHours * H), endsAt: new Date(now.getTime() + (startsInHours + 4) * H) }));
    const workerId = await insertWorker(h.deps.db, { at });
    const [engagement] = await h.deps.db
      .insert(engagements)
      .values({ taskId: task.id, workerId, source: "GRAB", startsAt: task.startsAt, endsAt: task.endsAt, acceptedAt: now })
      .returning();
    return { task, engagement: engagement!, worker: as(workerId, "WORKER") };
  }

  const file = (who: Who, engagementId: string, extra: Record<string, unknown> = {}) =>
    h.services.complaints.fileComplaint(who, { category: "CONTRACT_BREACH", engagementId, title: "实际工作与岗位不符", description: "岗位写的是搬运，到场后要求高空作业。", ...extra });

  const counts = async () => ({
    complaints: (await h.deps.db.select({ n: count() }).from(complaints))[0]!.n,
    events: (await h.deps.db.select({ n: count() }).from(outbox))[0]!.n,
    audit: (await h.deps.db.select({ n: count() }).from(auditLog))[0]!.n,
  });

  beforeAll(async () => {
    h = await createServiceHarness(); // Friday 27 Nov 2026, 10:00 in Quanzhou
    venueId = (await insertRecognizedVenue(h.deps.db, { regionCode: "350502" })).id;
    otherVenueId = (await insertRecognizedVenue(h.deps.db, { regionCode: "350582", lat: 24.78, lng: 118.55 })).id;
    staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    otherStaff = await h.callerAs("VENUE_STAFF", { venueId: otherVenueId, regionCode: "350582" });
    county = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    otherCounty = await h.callerAs("COUNTY_OFFICER", { regionCode: "350582" });
    city = await h.callerAs("CITY_OFFICER");
    employer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
  });
  afterAll(() => h?.close());

  it("the whole path: filed → accepted → waiting (paused) → resolved → closed with a rating, a follow-up call, complaint.closed on time; notified in-app and by SMS", async () => {
    const { engagement, worker } = await job();
    const c = await file(worker, engagement.id);
    expect(c).toMatchObject({ status: "SUBMITTED", channel: "ONLINE", respondentKind: "EMPLOYER", respondentUserId: employer.userId, venueId, regionCode: "350502" });
    // Filed Friday 10:00: accept by the end of Monday 30 Nov (Shanghai).
    expect((await h.services.complaints.clock(c, h.clock.now())).next).toEqual({ kind: "ACCEPT", at: new Date("2026-11-30T16:00:00Z") });
    await h.deliverDueEvents(HANDLERS);
    const sms = (h.deps.sms as LogSmsProvider).outbox();
    expect(sms.at(-1)?.text).toContain("已提交");
    expect(await h.deps.db.select().from(notifications).where(and(eq(notifications.userId, staff.userId), eq(notifications.kind, "COMPLAINT_FILE")))).toHaveLength(1);

    h.clock.advance(H);
    await h.services.complaints.handle(staff, c.id, "ACCEPT");
    await h.services.complaints.handle(staff, c.id, "START");
    await h.services.complaints.handle(staff, c.id, "REQUEST_INFO", "请上传现场照片");
    // Waiting for two weeks: the clock stands still, the delayed job finds nothing overdue.
    h.clock.advance(14 * 24 * H);
    await h.deliverDueEvents(HANDLERS);
    expect((await h.services.complaints.getComplaint(worker, c.id)).status).toBe("WAITING_ON_COMPLAINANT");
    await h.services.complaints.supplyInfo(worker, c.id, "照片已上传");
    const resolved = await h.services.complaints.handle(staff, c.id, "RESOLVE", "经调解，用工方补发高空作业补贴 200 元");
    // Text is stored NFKC-normalised (full-width punctuation becomes ASCII).
    expect(resolved).toMatchObject({ status: "RESOLVED", resolution: "经调解,用工方补发高空作业补贴 200 元" });
    const closed = await h.services.complaints.closeComplaint(worker, c.id, 4, "处理及时");
    expect(closed).toMatchObject({ status: "CLOSED", outcomeStars: 4 });
    const [event] = await h.deps.db.select().from(outbox).where(eq(outbox.name, "complaint.closed"));
    expect(event!.payload).toMatchObject({ complaintId: c.id, venueId, onTime: true });
    expect(await refusal(h.services.complaints.recordFollowUp(otherStaff, c.id, "已回访"))).toMatchObject({ code: "FORBIDDEN" });
    await h.services.complaints.recordFollowUp(staff, c.id, "电话回访，投诉人满意");
    expect(await refusal(h.services.complaints.recordFollowUp(staff, c.id, "再次回访"))).toMatchObject({ code: "CONFLICT" });
    const history = await h.services.complaints.history(c);
    expect(history.map((e) => e.action)).toEqual(["FILE", "ACCEPT", "START", "REQUEST_INFO", "SUPPLY_INFO", "RESOLVE", "CLOSE"]);
    await h.deliverDueEvents(HANDLERS);
    const texts = (h.deps.sms as LogSmsProvider).outbox().filter((m) => m.text.includes(c.id.slice(0, 8).toUpperCase()));
    // Filed, accepted, started, asked for material, resolved, closed.
    expect(texts).toHaveLength(6);
    // The history is append-only in the database itself.
    await expect(h.deps.db.update(complaintEvents).set({ note: "改写" }).where(eq(complaintEvents.complaintId, c.id))).rejects.toThrow();
  });

  it("only parties and handlers read a complaint: outsiders get NOT_FOUND, staff and officers out of scope FORBIDDEN", async () => {
    const { engagement, worker } = await job();
    const c = await file(worker, engagement.id);
    const stranger = as(await insertWorker(h.deps.db), "WORKER");
    const strangerEmployer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    for (const who of [worker, employer, staff, county, city]) await expect(h.services.complaints.getComplaint(who, c.id)).resolves.toMatchObject({ id: c.id });
    expect(await refusal(h.services.complaints.getComplaint(stranger, c.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(h.services.complaints.getComplaint(strangerEmployer, c.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(h.services.complaints.getComplaint(otherStaff, c.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(h.services.complaints.getComplaint(otherCounty, c.id))).toMatchObject({ code: "FORBIDDEN" });
    // Nor act on it: the respondent cannot close it, another venue cannot accept it.
    expect(await refusal(h.services.complaints.handle(otherStaff, c.id, "ACCEPT"))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(h.services.complaints.closeComplaint(employer, c.id, 5))).toMatchObject({ code: "FORBIDDEN" });
    const lists = await Promise.all([staff, otherStaff, county, otherCounty].map((who) => h.services.complaints.listComplaints(who, { limit: 100, offset: 0 })));
    expect(lists.map((l) => l.items.some((x) => x.id === c.id))).toEqual([true, false, true, false]);
    expect((await h.services.complaints.myComplaints(employer, { limit: 100, offset: 0 })).items.some((x) => x.id === c.id)).toBe(true);
    expect((await h.services.complaints.myComplaints(stranger, { limit: 100, offset: 0 })).total).toBe(0);
  });

  it("a missed acceptance deadline escalates by the delayed job; then only the county officer handles it", async () => {
    const { engagement, worker } = await job();
    const c = await file(worker, engagement.id);
    h.clock.advance(2 * 24 * H); // Sunday: not yet due (Monday's end)
    await h.deliverDueEvents(HANDLERS);
    expect((await h.services.complaints.getComplaint(worker, c.id)).status).toBe("SUBMITTED");
    h.clock.advance(2 * 24 * H); // Tuesday
    const ran = await h.deliverDueEvents(HANDLERS);
    expect(ran.filter((r) => r.consumer === "complaints.check-deadline").map((r) => r.outcome)).toContain("done");
    const escalated = await h.services.complaints.getComplaint(worker, c.id);
    expect(escalated.status).toBe("ESCALATED");
    const clock = await h.services.complaints.clock(c, h.clock.now());
    expect(clock).toMatchObject({ stage: "COUNTY", onTime: false });
    const officerNotes = await h.deps.db.select().from(notifications).where(eq(notifications.userId, county.userId));
    expect(officerNotes.some((n) => n.kind === "COMPLAINT_ESCALATE")).toBe(true);
    expect(await refusal(h.services.complaints.handle(staff, c.id, "RESOLVE", "已处理"))).toMatchObject({ code: "FORBIDDEN" });
    await h.services.complaints.handle(county, c.id, "RESOLVE", "县人社局责令用工方整改");
    // Delivering again does nothing more: the job is idempotent and re-derives the deadline.
    await h.deliverDueEvents(HANDLERS);
    expect((await h.services.complaints.getComplaint(worker, c.id)).status).toBe("RESOLVED");
  });

  it("refusing a resolution escalates to the county; an unanswered resolution closes itself after 7 days (late: counted so)", async () => {
    const a = await job();
    const b = await job();
    const ca = await file(a.worker, a.engagement.id);
    const cb = await file(b.worker, b.engagement.id);
    for (const id of [ca.id, cb.id]) {
      await h.services.complaints.handle(staff, id, "ACCEPT");
      await h.services.complaints.handle(staff, id, "RESOLVE", "已与用工方沟通");
    }
    const refused = await h.services.complaints.refuseResolution(a.worker, ca.id, "问题没有解决");
    expect(refused.status).toBe("ESCALATED");
    h.clock.advance(7 * 24 * H + 60_000);
    await h.deliverDueEvents(HANDLERS);
    const auto = await h.services.complaints.getComplaint(b.worker, cb.id);
    expect(auto).toMatchObject({ status: "CLOSED" });
    const closedEvents = await h.deps.db.select().from(outbox).where(eq(outbox.name, "complaint.closed"));
    expect(closedEvents.some((e) => (e.payload as { complaintId: string }).complaintId === cb.id)).toBe(true);
  });

  it("one extension with a reason, never two", async () => {
    const { engagement, worker } = await job();
    const c = await file(worker, engagement.id);
    await h.services.complaints.handle(staff, c.id, "ACCEPT");
    expect(await refusal(h.services.complaints.handle(staff, c.id, "EXTEND", " "))).toMatchObject({ code: "BAD_USER_INPUT" });
    await h.services.complaints.handle(staff, c.id, "EXTEND", "需调取考勤记录");
    expect((await h.services.complaints.clock(c, h.clock.now())).resolveBudgetDays).toBe(15);
    expect(await refusal(h.services.complaints.handle(staff, c.id, "EXTEND", "再延一次"))).toMatchObject({ code: "PRECONDITION_FAILED", reasons: ["COMPLAINT_ALREADY_EXTENDED"] });
  });

  it("two handlers accepting at once: one wins, the other is refused by the lifecycle", async () => {
    const { engagement, worker } = await job();
    const c = await file(worker, engagement.id);
    const results = await Promise.allSettled([h.services.complaints.handle(staff, c.id, "ACCEPT"), h.services.complaints.handle(county, c.id, "ACCEPT")]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const accepts = await h.deps.db.select().from(complaintEvents).where(and(eq(complaintEvents.complaintId, c.id), eq(complaintEvents.action, "ACCEPT")));
    expect(accepts).toHaveLength(1);
  });

  it("staff file for a walk-in (proxy, audited) and act for them; a worker cannot file for someone else", async () => {
    const { engagement, worker } = await job();
    const c = await h.services.complaints.fileComplaint(staff, { complainantId: worker.userId, channel: "HOTLINE", category: "INJURY", engagementId: engagement.id, title: "搬运时受伤", description: "搬运时被货物砸伤脚，用工方未送医。" });
    expect(c).toMatchObject({ channel: "HOTLINE", complainantId: worker.userId, filedBy: staff.userId });
    const [audit] = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "complaint.file-by-proxy")));
    expect(audit).toMatchObject({ actorId: staff.userId, actorRole: "VENUE_STAFF" });
    const other = await job();
    expect(await refusal(h.services.complaints.fileComplaint(worker, { complainantId: other.worker.userId, category: "OTHER", engagementId: other.engagement.id, title: "代投诉", description: "替别人投诉一下。" }))).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it.each<[string, (e: { id: string; taskId: string }) => Record<string, unknown>, string, string]>([
    ["a blank title", () => ({ title: "   " }), "BAD_USER_INPUT", "TEXT_REQUIRED"],
    ["a description of 4,001 characters", () => ({ description: "欠".repeat(4001) }), "BAD_USER_INPUT", "TEXT_TOO_LONG"],
    ["an amount of 10^15 fen", () => ({ category: "WAGE_ARREARS", amountFen: 1e15 }), "BAD_USER_INPUT", "COMPLAINT_AMOUNT"],
    ["a negative amount", () => ({ category: "WAGE_ARREARS", amountFen: -5 }), "BAD_USER_INPUT", "COMPLAINT_AMOUNT"],
    ["someone else's engagement", () => ({ engagementId: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND", ""],
    ["a task that does not match the engagement", (e) => ({ taskId: e.id }), "BAD_USER_INPUT", "COMPLAINT_LINK_MISMATCH"],
    ["complaining about a worker as a worker", () => ({ respondentKind: "WORKER" }), "BAD_USER_INPUT", "COMPLAINT_RESPONDENT"],
  ])("%s is refused (%s %s) and writes nothing", async (_name, patch, code, reason) => {
    const { engagement, worker } = await job();
    const before = await counts();
    const r = await refusal(file(worker, engagement.id, patch(engagement)));
    expect(r.code).toBe(code);
    if (reason) expect(r.reasons).toContain(reason);
    expect(await counts()).toEqual(before);
  });

  it("a worker cannot complain about a job they had no part in; the same complaint twice (even at once) is one complaint", async () => {
    const { engagement } = await job();
    const outsider = as(await insertWorker(h.deps.db), "WORKER");
    expect(await refusal(file(outsider, engagement.id))).toMatchObject({ code: "NOT_FOUND" });
    const other = await job();
    const results = await Promise.allSettled([file(other.worker, other.engagement.id), file(other.worker, other.engagement.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
  });

  it("wage arrears: a disputed settlement opens the complaint, the employer cannot post, 3 working days unpaid → labour inspection, paying resolves it and posting resumes", async () => {
    h.clock.set("2027-01-08T02:00:00Z"); // a Friday, 10:00 in Quanzhou
    const arrearsEmployer = as((await insertEmployer(h.deps.db)).id, "EMPLOYER");
    const { engagement, worker, task } = await job(24, arrearsEmployer);
    const settlementId = "11111111-1111-4111-8111-111111111111";
    await emitEvent(h.deps.db, "settlement.disputed", { settlementId, engagementId: engagement.id, workerId: worker.userId, employerId: arrearsEmployer.userId, venueId: task.venueId });
    await h.deliverDueEvents(HANDLERS);
    // Delivered twice (a relay retry): still one complaint.
    await emitEvent(h.deps.db, "settlement.disputed", { settlementId, engagementId: engagement.id, workerId: worker.userId, employerId: arrearsEmployer.userId, venueId: task.venueId });
    await h.deliverDueEvents(HANDLERS);
    const mine = await h.services.complaints.myComplaints(worker, { limit: 10, offset: 0 });
    expect(mine.items).toHaveLength(1);
    const c = mine.items[0]!;
    expect(c).toMatchObject({ category: "WAGE_ARREARS", settlementId, respondentUserId: arrearsEmployer.userId, status: "SUBMITTED" });
    const blocked = await refusal(h.services.dispatch.postTask(arrearsEmployer, taskCommand(h.clock.now(), { ...north(LICHENG, 9000) })));
    expect(blocked).toMatchObject({ code: "PRECONDITION_FAILED", reasons: ["EMPLOYER_CANNOT_POST"] });
    expect(blocked.message).toContain("欠薪");
    await h.services.complaints.handle(staff, c.id, "ACCEPT");
    // Filed Friday 8 Jan 10:00 → referred after the end of Wed 13 Jan (3 working days), whatever its stage.
    h.clock.set("2027-01-13T15:00:00Z");
    await h.deliverDueEvents(HANDLERS);
    expect(await h.deps.db.select().from(labourInspectionReferrals).where(eq(labourInspectionReferrals.complaintId, c.id))).toHaveLength(0);
    h.clock.set("2027-01-13T16:30:00Z");
    await h.deliverDueEvents(HANDLERS);
    const [referral] = await h.deps.db.select().from(labourInspectionReferrals).where(eq(labourInspectionReferrals.complaintId, c.id));
    expect(referral).toMatchObject({ employerId: arrearsEmployer.userId, regionCode: "350502" });
    const employerNotes = await h.deps.db.select().from(notifications).where(eq(notifications.userId, arrearsEmployer.userId));
    expect(employerNotes.some((n) => n.kind === "COMPLAINT_REFER_TO_INSPECTION")).toBe(true);
    const paid = await h.services.complaints.handle(staff, c.id, "WAGES_PAID", "用工方已现场支付工资");
    expect(paid).toMatchObject({ status: "RESOLVED" });
    expect(paid.wagesPaidAt).not.toBeNull();
    await expect(h.services.dispatch.postTask(arrearsEmployer, taskCommand(h.clock.now(), { ...north(LICHENG, 9500) }))).resolves.toMatchObject({ status: "OPEN" });
    const reliability = await h.services.ratings.employerReliability(arrearsEmployer.userId);
    expect(reliability).toMatchObject({ wageArrearsComplaints: 1, standingWageArrears: 1 });
  });
});
