// The bank behind payouts (提现到银行卡) as an adapter. The mock stands in for a real provider in development
// and tests: it pays each request id at most once (a real provider's idempotency key), and can be told to
// decline, to time out after paying (the answer is lost), or to answer a repeated request again. Its
// statement (对账单) lists what it paid on a Shanghai day; tests can plant lines in it to be reconciled.
import { randomUUID } from "node:crypto";
import { shanghaiDate, type StatementLine } from "@qz/shared";

export interface PayoutRequest {
  /** Unique per attempt: `${settlementId}:${attempt}`; the provider pays one id once. */
  requestId: string;
  amountFen: number;
  workerId: string;
}

export type PayoutAnswer = { status: "PAID"; providerRef: string } | { status: "FAILED"; reason: string };

export interface PayoutProvider {
  pay(request: PayoutRequest): Promise<PayoutAnswer>;
  /** The provider's statement for a Shanghai day ("YYYY-MM-DD"): what it paid (or returned), by request id. */
  statement(day: string): Promise<StatementEntry[]>;
}

export interface StatementEntry extends StatementLine {
  providerRef: string;
  /** When the provider executed it; its Shanghai date puts it on a day's statement. */
  at: Date;
}

export class PayoutTimeout extends Error {
  constructor() {
    super("payout provider did not answer in time");
  }
}

export type MockBehaviour = "ok" | "fail" | "timeout";

export class MockPayoutProvider implements PayoutProvider {
  private readonly paid = new Map<string, StatementEntry>();
  /** Behaviours for the next calls, in order; then "ok". */
  readonly script: MockBehaviour[] = [];
  calls = 0;

  /** `now` stamps each payment (tests pass their settable clock). */
  constructor(private readonly now: () => Date = () => new Date()) {}

  async pay(request: PayoutRequest): Promise<PayoutAnswer> {
    this.calls++;
    const behaviour = this.script.shift() ?? "ok";
    if (behaviour === "fail") return { status: "FAILED", reason: "收款银行卡状态异常（模拟）" };
    let record = this.paid.get(request.requestId);
    if (!record) {
      record = { requestId: request.requestId, providerRef: `MOCK-${randomUUID()}`, amountFen: request.amountFen, status: "PAID", at: this.now() };
      this.paid.set(request.requestId, record);
    }
    // The money left the bank but the answer is lost on the way back.
    if (behaviour === "timeout") throw new PayoutTimeout();
    return { status: "PAID", providerRef: record.providerRef };
  }

  async statement(day: string) {
    return [...this.paid.values()].filter((r) => shanghaiDate(r.at) === day).map((r) => ({ ...r }));
  }

  /**
   * Tests and the demo: changes the statement behind the platform's back: a line altered (amount, status),
   * removed (null), or added for a request the platform never sent.
   */
  plant(requestId: string, line: Partial<Omit<StatementEntry, "requestId">> | null) {
    if (line === null) return void this.paid.delete(requestId);
    const before = this.paid.get(requestId) ?? { requestId, providerRef: `MOCK-${randomUUID()}`, amountFen: 0, status: "PAID" as const, at: this.now() };
    this.paid.set(requestId, { ...before, ...line });
  }

  /** Money the bank actually sent for one settlement (all its attempts). */
  paidFor(settlementId: string): number {
    let sum = 0;
    for (const [id, r] of this.paid) if (id.startsWith(`${settlementId}:`) && r.status === "PAID") sum += r.amountFen;
    return sum;
  }
}

let processMock: MockPayoutProvider | undefined;
/**
 * The process's provider: PAYOUT_PROVIDER=mock is the only one until a bank adapter is added. It stamps payments
 * with the clock of the first services built in the process (the seed's and the tests' clocks are settable).
 */
export const defaultPayoutProvider = (now?: () => Date): MockPayoutProvider => (processMock ??= new MockPayoutProvider(now));
