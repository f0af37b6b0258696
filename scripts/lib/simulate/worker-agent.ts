// A worker on the phone app (零工人员): answers offers, grabs nearby work, signs, checks in and out,
// confirms or disputes the pay, sometimes complains, sometimes does not show up.
import type { Rng } from "../random.js";
import type { WorkerAccount } from "./accounts.js";
import { ApiError } from "./client.js";
import { acceptProbability, drawBehaviour, type JobBehaviour } from "./plan.js";
import type { Market } from "./market.js";

type Stage = "RESUME" | "SIGN" | "WAIT_START" | "WORKING" | "SETTLE" | "DONE";

interface Job {
  engagementId: string;
  taskId: string;
  startsAt: number;
  endsAt: number;
  place: { lat: number; lng: number };
  behaviour: JobBehaviour;
  stage: Stage;
  complained: boolean;
}

interface TaskFields {
  id: string;
  startsAt: string;
  endsAt: string;
  lat: number;
  lng: number;
  payRateFen: number;
}

const TASK = `id startsAt endsAt lat lng payRateFen`;
const MY_OFFERS = `query MyOffers { myOffers(status: OFFERED, limit: 10) { id travelMinutes task { ${TASK} } } }`;
const ACCEPT = `mutation Accept($id: UUID!) { acceptOffer(id: $id) { id taskId } }`;
const DECLINE = `mutation Decline($id: UUID!) { declineOffer(id: $id) { id status } }`;
const NEARBY = `query Nearby($skill: String) { nearbyTasks(first: 5, filter: { skillCode: $skill }) { items { travelMinutes task { ${TASK} headcount filledCount } } } }`;
const TAKE = `mutation Take($taskId: UUID!) { takeTask(taskId: $taskId) { id taskId } }`;
const MY_ENGAGEMENTS = `query MyEngagements { myEngagements(limit: 30) { id status startsAt endsAt task { ${TASK} } } }`;
export const CONTRACT = `query Contract($e: UUID!) { contractOfEngagement(engagementId: $e) { id status termsHash signatures { party } } }`;
const ATTENDANCE = `query Attendance($e: UUID!) { attendance(engagementId: $e) { status } }`;
const CHECK_IN = `mutation CheckIn($i: CheckInInput!) { checkIn(input: $i) { id status } }`;
const CHECK_OUT = `mutation CheckOut($i: CheckInInput!) { checkOut(input: $i) { id status minutes } }`;
const SETTLEMENT = `query Settlement($e: UUID!) { settlementOfEngagement(engagementId: $e) { id status totalFen } }`;
const CONFIRM = `mutation Confirm($id: UUID!) { confirmSettlement(id: $id) { id status } }`;
const DISPUTE = `mutation Dispute($id: UUID!, $reason: String!) { disputeSettlement(id: $id, reason: $reason) { id status } }`;
const COMPLAIN = `mutation Complain($i: FileComplaintInput!) { fileComplaint(input: $i) { id status } }`;

/** Check-in opens 30 minutes before the start (ATTENDANCE_RULES.earlyCheckInMinutes); a worker arrives a little inside that. */
const ARRIVE_BEFORE_MS = 25 * 60_000;
/** Past this the simulator stops waiting on a job (a long run keeps the client's memory bounded). */
const GIVE_UP_AFTER_END_MS = 6 * 3_600_000;

export class WorkerAgent {
  private readonly jobs = new Map<string, Job>();
  private readonly answered = new Set<string>();

  constructor(
    readonly account: WorkerAccount,
    private readonly rng: Rng,
    private readonly market: Market,
  ) {}

  /** True while a job of this worker overlaps [from, to). */
  busyBetween(from: number, to: number): boolean {
    for (const j of this.jobs.values()) if (j.stage !== "DONE" && j.startsAt < to && from < j.endsAt) return true;
    return false;
  }

  hasRushJob(now: number): boolean {
    for (const j of this.jobs.values()) if (j.stage !== "DONE" && j.endsAt > now && j.startsAt - now < 3_600_000) return true;
    return false;
  }

  private call<T>(op: string, query: string, variables?: Record<string, unknown>) {
    return this.account.session.call<T>(op, query, variables);
  }

  private addJob(engagementId: string, task: TaskFields, stage: Stage, behaviour: JobBehaviour): void {
    this.jobs.set(engagementId, {
      engagementId,
      taskId: task.id,
      startsAt: Date.parse(task.startsAt),
      endsAt: Date.parse(task.endsAt),
      place: { lat: task.lat, lng: task.lng },
      behaviour,
      stage,
      complained: false,
    });
  }

  /** Picks up yesterday's and today's unfinished work (the day's backlog) where the API says it stands. */
  async resume(): Promise<void> {
    const { myEngagements } = await this.call<{ myEngagements: { id: string; status: string; task: TaskFields }[] }>("myEngagements", MY_ENGAGEMENTS);
    const now = Date.now();
    for (const e of myEngagements) {
      if (e.status !== "ACTIVE" && e.status !== "CONFIRMED") continue;
      if (Date.parse(e.task.endsAt) + GIVE_UP_AFTER_END_MS < now) continue;
      this.addJob(e.id, e.task, "RESUME", { noShow: false, dispute: false, complain: false });
    }
  }

  /** One look at the phone: offers first, then maybe grab a task, then move every job one step. */
  async tick(): Promise<void> {
    await this.answerOffers();
    if (this.market.running() && !this.hasRushJob(Date.now()) && this.rng.chance(0.2)) await this.grab();
    for (const job of [...this.jobs.values()]) {
      if (job.stage === "DONE") {
        this.jobs.delete(job.engagementId);
        continue;
      }
      await this.market.guard(() => this.advance(job));
    }
  }

  private async answerOffers(): Promise<void> {
    const { myOffers } = await this.call<{ myOffers: { id: string; travelMinutes: number; task: TaskFields }[] }>("myOffers", MY_OFFERS);
    for (const offer of myOffers) {
      if (this.answered.has(offer.id)) continue;
      this.answered.add(offer.id);
      this.market.stats.count("offersSeen");
      const from = Date.parse(offer.task.startsAt);
      const to = Date.parse(offer.task.endsAt);
      const wants = this.market.running() && !this.busyBetween(from, to) && this.rng.chance(acceptProbability({ payRateFen: offer.task.payRateFen, travelMinutes: offer.travelMinutes }));
      await this.market.guard(async () => {
        if (!wants) {
          await this.call("declineOffer", DECLINE, { id: offer.id });
          this.market.stats.count("offersDeclined");
          return;
        }
        const { acceptOffer } = await this.call<{ acceptOffer: { id: string; taskId: string } }>("acceptOffer", ACCEPT, { id: offer.id });
        this.market.stats.count("offersAccepted");
        this.market.seatFilled(acceptOffer.taskId);
        this.addJob(acceptOffer.id, offer.task, "SIGN", drawBehaviour(this.rng));
      });
    }
  }

  /** 抢单: an open task in reach, for one of the worker's skills, that starts within the hour and fits the worker's day. */
  private async grab(): Promise<void> {
    const skill = this.rng.pick(this.account.skills).skillCode;
    const { nearbyTasks } = await this.call<{ nearbyTasks: { items: { task: TaskFields & { headcount: number; filledCount: number } }[] } }>("nearbyTasks", NEARBY, { skill });
    const now = Date.now();
    const fits = nearbyTasks.items.filter(({ task: t }) => Date.parse(t.startsAt) - now < 3_600_000 && t.filledCount < t.headcount && !this.busyBetween(Date.parse(t.startsAt), Date.parse(t.endsAt)));
    if (fits.length === 0) return;
    const { task } = this.rng.pick(fits);
    await this.market.guard(async () => {
      const { takeTask } = await this.call<{ takeTask: { id: string } }>("takeTask", TAKE, { taskId: task.id });
      this.market.stats.count("tasksGrabbed");
      this.market.seatFilled(task.id);
      this.addJob(takeTask.id, task, "SIGN", drawBehaviour(this.rng));
    });
  }

  /** Moves a job one step along: sign → (arrive) check in → (the window ends) check out → confirm or dispute → paid. */
  private async advance(job: Job): Promise<void> {
    const now = Date.now();
    if (job.stage === "RESUME") {
      const { attendance } = await this.call<{ attendance: { status: string } | null }>("attendance", ATTENDANCE, { e: job.engagementId });
      job.stage = !attendance ? "SIGN" : attendance.status === "CHECKED_IN" ? "WORKING" : "SETTLE";
    }
    if (job.stage === "SIGN") {
      const { contractOfEngagement: c } = await this.call<{ contractOfEngagement: Contract | null }>("contractOfEngagement", CONTRACT, { e: job.engagementId });
      if (!c) return; // drafted by a job a moment after the acceptance
      if (c.status === "VOID" || c.status === "TERMINATED") return void (job.stage = "DONE"); // cancelled before the start
      if (!c.signatures.some((s) => s.party === "WORKER")) await this.market.sign(this.account.session, this.account.phone, c);
      else if (c.status === "SIGNED" || c.status === "COMPLETED") job.stage = "WAIT_START";
      return;
    }
    if (job.stage === "WAIT_START") {
      if (now >= job.endsAt) return void (job.stage = "DONE");
      if (now < job.startsAt - ARRIVE_BEFORE_MS) return;
      if (job.behaviour.noShow) {
        this.market.stats.count("noShows");
        return void (job.stage = "DONE");
      }
      if (!this.market.running()) return;
      await this.call("checkIn", CHECK_IN, { i: { engagementId: job.engagementId, ...this.onSite(job) } });
      this.market.stats.count("checkIns");
      job.stage = "WORKING";
      return;
    }
    if (job.stage === "WORKING") {
      if (now < job.endsAt + 2000) return;
      await this.call("checkOut", CHECK_OUT, { i: { engagementId: job.engagementId, ...this.onSite(job) } });
      this.market.stats.count("checkOuts");
      job.stage = "SETTLE";
      return;
    }
    if (job.stage === "SETTLE") {
      if (now > job.endsAt + GIVE_UP_AFTER_END_MS) return void (job.stage = "DONE");
      if (job.behaviour.complain && !job.complained) {
        job.complained = true;
        await this.call("fileComplaint", COMPLAIN, {
          i: { category: "CONTRACT_BREACH", engagementId: job.engagementId, title: "现场工作内容与约定不符", description: "模拟投诉：到岗后被安排了岗位说明以外的工作。" },
        });
        this.market.stats.count("complaintsFiled");
      }
      const { settlementOfEngagement: s } = await this.call<{ settlementOfEngagement: { id: string; status: string } | null }>("settlementOfEngagement", SETTLEMENT, { e: job.engagementId });
      if (!s) return;
      if (s.status === "SUBMITTED") {
        if (job.behaviour.dispute) {
          await this.call("disputeSettlement", DISPUTE, { id: s.id, reason: "结算工时少于实际工时（模拟）" });
          this.market.stats.count("settlementsDisputed");
          job.stage = "DONE"; // a wage complaint is opened for the worker; staff take it from here
        } else {
          await this.call("confirmSettlement", CONFIRM, { id: s.id });
          this.market.stats.count("settlementsConfirmed");
        }
      } else if (s.status === "PAID") {
        this.market.stats.count("settlementsPaid");
        job.stage = "DONE";
      } else if (s.status === "DISPUTED") job.stage = "DONE";
    }
  }

  /** The phone's position at the workplace: a few tens of metres off the pin (inside the 500 m geofence). */
  private onSite(job: Job): { lat: number; lng: number } {
    return { lat: job.place.lat + (this.rng.float() - 0.5) * 0.0006, lng: job.place.lng + (this.rng.float() - 0.5) * 0.0006 };
  }
}

export interface Contract {
  id: string;
  status: string;
  termsHash: string;
  signatures: { party: string }[];
}

export const isExpectedRace = (err: unknown): boolean => err instanceof ApiError && (err.code === "CONFLICT" || err.code === "PRECONDITION_FAILED");
