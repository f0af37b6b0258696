// An employer (用工主体) on the app: posts tasks and funds their escrow, signs each worker's contract,
// submits the day's wages once the worker has checked out, and now and then cancels late.
import type { EmployerAccount } from "./accounts.js";
import { ApiError } from "./client.js";
import { escrowFen, type TaskPlan } from "./plan.js";
import type { Market } from "./market.js";
import { CONTRACT, type Contract } from "./worker-agent.js";

interface PostedTask {
  id: string;
  startsAt: number;
  endsAt: number;
  headcount: number;
  cancelLate: boolean;
  cancelled: boolean;
  /** Engagements whose contract the employer has signed, and those whose wages are submitted (or never will be). */
  signed: Set<string>;
  settled: Set<string>;
}

interface TaskView {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  headcount: number;
  filledCount: number;
  engagements: { id: string; status: string }[];
}

const TASK_VIEW = `id status startsAt endsAt headcount filledCount engagements { id status }`;
const POST = `mutation Post($i: PostTaskInput!) { postTask(input: $i) { id status startsAt endsAt } }`;
const WALLET = `query Wallet { myWallet { balanceFen } }`;
const TOP_UP = `mutation TopUp($i: TopUpWalletInput!) { topUpWallet(input: $i) { id replayed } }`;
const FUND = `mutation Fund($i: FundTaskEscrowInput!) { fundTaskEscrow(input: $i) { id replayed } }`;
const TASK = `query Task($id: UUID!) { task(id: $id) { ${TASK_VIEW} } }`;
const MY_TASKS = `query MyTasks { myTasks(limit: 50) { items { ${TASK_VIEW} } } }`;
const CANCEL = `mutation Cancel($id: UUID!, $reason: String!) { cancelTask(id: $id, reason: $reason) { id status lateCancellation } }`;
const ATTENDANCE = `query Attendance($e: UUID!) { attendance(engagementId: $e) { status } }`;
const SETTLEMENT = `query Settlement($e: UUID!) { settlementOfEngagement(engagementId: $e) { id } }`;
const SUBMIT = `mutation Submit($i: SubmitSettlementInput!) { submitSettlement(input: $i) { id status totalFen } }`;

const TOP_UP_FEN = 2_000_000;
const LIVE = new Set(["ACTIVE", "CONFIRMED"]);
const GIVE_UP_AFTER_END_MS = 6 * 3_600_000;

export class EmployerAgent {
  private readonly tasks = new Map<string, PostedTask>();
  private topUps = 0;
  /** Refused posting (a standing wage-arrears complaint, EMPLOYER_CANNOT_POST): a real employer would stop trying. */
  blocked = false;

  constructor(
    readonly account: EmployerAccount,
    private readonly market: Market,
  ) {}

  private call<T>(op: string, query: string, variables?: Record<string, unknown>) {
    return this.account.session.call<T>(op, query, variables);
  }

  private track(t: TaskView, cancelLate: boolean): void {
    this.tasks.set(t.id, { id: t.id, headcount: t.headcount, startsAt: Date.parse(t.startsAt), endsAt: Date.parse(t.endsAt), cancelLate, cancelled: false, signed: new Set(), settled: new Set() });
  }

  /** The employer's unfinished tasks (contracts to sign, hours to pay), and money in the wallet. */
  async resume(): Promise<void> {
    const { myTasks } = await this.call<{ myTasks: { items: TaskView[] } }>("myTasks", MY_TASKS);
    const now = Date.now();
    for (const t of myTasks.items) {
      if (t.status === "CANCELLED" || t.status === "COMPLETED" || t.engagements.length === 0) continue;
      if (Date.parse(t.endsAt) + GIVE_UP_AFTER_END_MS < now) continue;
      this.track(t, false);
    }
    await this.ensureMoney(0);
  }

  /** Tops the wallet up from the mock bank when it would not cover `needFen` (LEDGER_MOCK_TOP_UP, development only). */
  private async ensureMoney(needFen: number): Promise<void> {
    const { myWallet } = await this.call<{ myWallet: { balanceFen: number } }>("myWallet", WALLET);
    if (myWallet.balanceFen >= Math.max(needFen, 200_000)) return;
    const key = `sim-${this.market.runId}-${this.account.id.slice(0, 8)}-${++this.topUps}`;
    await this.call("topUpWallet", TOP_UP, { i: { amountFen: TOP_UP_FEN, idempotencyKey: key } });
  }

  /** Posts one task and funds its escrow (wages for every seat's whole window). */
  async post(plan: TaskPlan): Promise<void> {
    const startsAt = new Date(Date.now() + plan.startsInSeconds * 1000);
    const endsAt = new Date(startsAt.getTime() + plan.windowMinutes * 60_000);
    const input = {
      title: plan.title,
      description: plan.description,
      skillCode: plan.skillCode,
      regionCode: plan.regionCode,
      address: plan.address,
      lat: plan.lat,
      lng: plan.lng,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      headcount: plan.headcount,
      payRateFen: plan.payRateFen,
      payUnit: "HOUR",
      maxTravelMinutes: 60,
    };
    const { postTask } = await this.call<{ postTask: TaskView }>("postTask", POST, { i: input }).catch((err: unknown) => {
      if (err instanceof ApiError && err.is("EMPLOYER_CANNOT_POST")) this.blocked = true;
      throw err;
    });
    this.market.taskPosted(postTask.id, plan.headcount);
    this.track({ ...postTask, headcount: plan.headcount, filledCount: 0, engagements: [] }, plan.cancelLate);
    const amountFen = escrowFen(plan);
    await this.ensureMoney(amountFen);
    await this.call("fundTaskEscrow", FUND, { i: { taskId: postTask.id, amountFen, idempotencyKey: `sim-fund-${postTask.id}` } });
  }

  async tick(): Promise<void> {
    for (const t of [...this.tasks.values()]) await this.market.guard(() => this.follow(t));
  }

  /** One look at a task: sign new contracts, cancel (late) if planned, submit wages after the work. */
  private async follow(t: PostedTask): Promise<void> {
    const now = Date.now();
    if (t.cancelled || now > t.endsAt + GIVE_UP_AFTER_END_MS) return void this.tasks.delete(t.id);
    const beforeStart = now < t.startsAt;
    // Nothing to do between "every seat signed" and the end of the window: no need to ask.
    if (!beforeStart && now < t.endsAt && t.signed.size >= t.headcount) return;
    const { task } = await this.call<{ task: TaskView }>("task", TASK, { id: t.id });
    if (task.status === "CANCELLED") return void this.tasks.delete(t.id);
    const live = task.engagements.filter((e) => LIVE.has(e.status));
    if (beforeStart && t.cancelLate && live.length > 0) {
      await this.call("cancelTask", CANCEL, { id: t.id, reason: "订单取消，临时不需要用工（模拟）" });
      t.cancelled = true;
      this.market.stats.count("lateCancellations");
      return;
    }
    for (const e of live) {
      if (t.signed.has(e.id)) continue;
      const { contractOfEngagement: c } = await this.call<{ contractOfEngagement: Contract | null }>("contractOfEngagement", CONTRACT, { e: e.id });
      if (!c) continue;
      if (c.signatures.some((s) => s.party === "EMPLOYER")) t.signed.add(e.id);
      else if (c.status === "PENDING" || c.status === "PARTIALLY_SIGNED") {
        if (await this.market.sign(this.account.session, this.account.phone, c)) t.signed.add(e.id);
      }
    }
    if (now < t.endsAt) return;
    for (const e of task.engagements) {
      if (t.settled.has(e.id)) continue;
      if (!LIVE.has(e.status) && e.status !== "COMPLETED") {
        t.settled.add(e.id);
        continue;
      }
      const { attendance } = await this.call<{ attendance: { status: string } | null }>("attendance", ATTENDANCE, { e: e.id });
      if (!attendance) {
        // Nobody came: nothing to pay (the worker's no-show). Stop asking once the window is well past.
        if (now > t.endsAt + 10 * 60_000) t.settled.add(e.id);
        continue;
      }
      if (attendance.status !== "CHECKED_OUT" && attendance.status !== "APPROVED") continue;
      if (attendance.status === "APPROVED") {
        // Approved hours may already be paid for (submitting approves them): look before submitting twice.
        const { settlementOfEngagement } = await this.call<{ settlementOfEngagement: { id: string } | null }>("settlementOfEngagement", SETTLEMENT, { e: e.id });
        if (settlementOfEngagement) {
          t.settled.add(e.id);
          continue;
        }
      }
      await this.market.guard(async () => {
        await this.call("submitSettlement", SUBMIT, { i: { engagementId: e.id } });
        this.market.stats.count("settlementsSubmitted");
      });
      t.settled.add(e.id);
    }
    if (task.engagements.every((e) => t.settled.has(e.id))) this.tasks.delete(t.id);
  }
}
