// Demo complaints for ./scripts/start: in the demo market (鲤城区江南零工市场) one complaint waiting to be
// accepted, one being handled, one paused on the complainant (their SLA countdowns show in the console),
// a wage-arrears one against another employer (the demo employer can still post), and a closed one with
// the complainant's rating, a follow-up call and both sides' ratings of the job. Deadlines get their real
// scheduled events, so a running worker escalates them like any other.
import { CN_HOLIDAY_CALENDAR, calendarFrom, deriveComplaintClock, wageReferralDueAt, type ComplaintAction, type ComplaintStatus } from "@qz/shared";
import { randomUUID } from "node:crypto";
import type { Tx } from "../../server/src/db/client.js";
import { complaintEvents, complaints, engagements, ratings, tasks } from "../../server/src/db/schema/index.js";
import { emitEvent } from "../../server/src/jobs/outbox.js";

const H = 3_600_000;

export interface ComplaintSeedInput {
  demoWorkerId: string;
  demoEmployerId: string;
  /** Another employer, for the wage-arrears complaint (a standing one stops its employer posting). */
  otherEmployerId: string;
  /** Workers besides the demo worker (at least three). */
  otherWorkerIds: string[];
  venueId: string;
  regionCode: string;
  lat: number;
  lng: number;
  now: Date;
}

type Step = [ComplaintAction | "FILE", ComplaintStatus, number, string | null];

export async function seedComplaints(tx: Tx, d: ComplaintSeedInput): Promise<{ complaints: number; ratings: number }> {
  const cal = calendarFrom(CN_HOLIDAY_CALENDAR);
  const ago = (hours: number) => new Date(d.now.getTime() - hours * H);

  /** A finished 4-hour porter job `daysAgo` days ago with one completed engagement. */
  async function finishedJob(employerId: string, workerId: string, daysAgo: number, title: string) {
    const startsAt = ago(daysAgo * 24 + 8);
    const endsAt = new Date(startsAt.getTime() + 4 * H);
    const [task] = await tx
      .insert(tasks)
      .values({ employerId, venueId: d.venueId, postedBy: employerId, regionCode: d.regionCode, title, description: "演示数据", skillCode: "PORTER", address: "鲤城区江南街道演示仓库", lat: d.lat, lng: d.lng, startsAt, endsAt, headcount: 1, filledCount: 1, payRateFen: 2600, payUnit: "HOUR", status: "COMPLETED", createdAt: ago(daysAgo * 24 + 30) })
      .returning();
    const [e] = await tx.insert(engagements).values({ taskId: task!.id, workerId, source: "GRAB", status: "COMPLETED", startsAt, endsAt, acceptedAt: ago(daysAgo * 24 + 28), endedAt: endsAt }).returning();
    return { taskId: task!.id, engagementId: e!.id, endsAt };
  }

  async function complaint(c: { complainantId: string; respondentUserId: string; job: { taskId: string; engagementId: string }; category: "WAGE_ARREARS" | "CONTRACT_BREACH" | "FAKE_JOB"; title: string; description: string; amountFen?: number; steps: Step[]; extra?: Partial<typeof complaints.$inferInsert> }) {
    const history = c.steps.map(([action, to, hoursAgo]) => ({ action, to, at: ago(hoursAgo) }));
    const last = history.at(-1)!;
    const id = randomUUID();
    const clock = deriveComplaintClock(history, cal, d.now);
    const deadlineEventId = clock.next ? await emitEvent(tx, "complaint.deadline-due", { complaintId: id, kind: clock.next.kind }, { runAt: clock.next.at }) : null;
    const referralEventId = c.category === "WAGE_ARREARS" ? await emitEvent(tx, "complaint.referral-due", { complaintId: id }, { runAt: wageReferralDueAt(history[0]!.at, cal) }) : null;
    const [row] = await tx
      .insert(complaints)
      .values({ id, complainantId: c.complainantId, filedBy: c.complainantId, channel: "ONLINE", respondentKind: "EMPLOYER", respondentUserId: c.respondentUserId, venueId: d.venueId, regionCode: d.regionCode, taskId: c.job.taskId, engagementId: c.job.engagementId, category: c.category, title: c.title, description: c.description, amountFen: c.amountFen ?? null, status: last.to, deadlineEventId, referralEventId, createdAt: history[0]!.at, updatedAt: last.at, ...c.extra })
      .returning();
    let from: ComplaintStatus | null = null;
    for (const [i, [action, to, , note]] of c.steps.entries()) {
      await tx.insert(complaintEvents).values({ complaintId: id, action, fromStatus: from, toStatus: to, at: history[i]!.at, actorRole: i === 0 ? "WORKER" : "VENUE_STAFF", note });
      from = to;
    }
    return row!;
  }

  const [w1, w2, w3] = d.otherWorkerIds;
  if (!w1 || !w2 || !w3) throw new Error("seedComplaints needs three other workers");
  const jobA = await finishedJob(d.demoEmployerId, d.demoWorkerId, 2, "鞋材仓库搬运（演示）");
  const jobB = await finishedJob(d.demoEmployerId, w1, 3, "成品装车（演示）");
  const jobC = await finishedJob(d.demoEmployerId, w2, 5, "展会布展搬运（演示）");
  const jobD = await finishedJob(d.demoEmployerId, d.demoWorkerId, 12, "纸箱分拣（演示）");
  const jobE = await finishedJob(d.otherEmployerId, w3, 1, "石材搬运（演示）");

  await complaint({ complainantId: d.demoWorkerId, respondentUserId: d.demoEmployerId, job: jobA, category: "CONTRACT_BREACH", title: "实际工作时间超过约定", description: "约定工作4小时，实际被要求干了6小时，超出部分未计酬。", steps: [["FILE", "SUBMITTED", 3, null]] });
  await complaint({ complainantId: w1, respondentUserId: d.demoEmployerId, job: jobB, category: "FAKE_JOB", title: "岗位内容与发布不符", description: "发布为装车，到场后要求搬运重型设备。", steps: [["FILE", "SUBMITTED", 50, null], ["ACCEPT", "ACCEPTED", 46, null], ["START", "IN_PROGRESS", 45, null]] });
  await complaint({ complainantId: w2, respondentUserId: d.demoEmployerId, job: jobC, category: "CONTRACT_BREACH", title: "未提供约定的午餐", description: "岗位说明包午餐，当天未提供。", steps: [["FILE", "SUBMITTED", 100, null], ["ACCEPT", "ACCEPTED", 98, null], ["START", "IN_PROGRESS", 97, null], ["REQUEST_INFO", "WAITING_ON_COMPLAINANT", 70, "请补充岗位截图或聊天记录"]] });
  await complaint({ complainantId: w3, respondentUserId: d.otherEmployerId, job: jobE, category: "WAGE_ARREARS", title: "工资未结清", description: "完工后用工方未按日结支付工资。", amountFen: 10400, steps: [["FILE", "SUBMITTED", 20, null], ["ACCEPT", "ACCEPTED", 18, null]] });
  await complaint({
    complainantId: d.demoWorkerId,
    respondentUserId: d.demoEmployerId,
    job: jobD,
    category: "CONTRACT_BREACH",
    title: "结算少算了半小时",
    description: "考勤记录4.5小时，结算按4小时。",
    steps: [["FILE", "SUBMITTED", 260, null], ["ACCEPT", "ACCEPTED", 258, null], ["RESOLVE", "RESOLVED", 200, "经核对考勤，用工方补发半小时工资 13 元"], ["CLOSE", "CLOSED", 190, "处理及时，满意"]],
    extra: { resolution: "经核对考勤，用工方补发半小时工资 13 元", outcomeStars: 5, outcomeComment: "处理及时，满意", closedAt: ago(190), followUpAt: ago(170), followUpNote: "电话回访，投诉人确认已收到补发工资" },
  });
  await tx.insert(ratings).values([
    { engagementId: jobD.engagementId, taskId: jobD.taskId, venueId: d.venueId, side: "WORKER_RATES_EMPLOYER", raterId: d.demoWorkerId, rateeId: d.demoEmployerId, stars: 4, tags: ["AS_DESCRIBED", "SAFE_WORKPLACE"], createdAt: ago(250) },
    { engagementId: jobD.engagementId, taskId: jobD.taskId, venueId: d.venueId, side: "EMPLOYER_RATES_WORKER", raterId: d.demoEmployerId, rateeId: d.demoWorkerId, stars: 5, tags: ["PUNCTUAL", "DILIGENT"], createdAt: ago(249) },
  ]);
  return { complaints: 5, ratings: 2 };
}
