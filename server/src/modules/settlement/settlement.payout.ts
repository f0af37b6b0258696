// The bank behind payouts (提现到银行卡) as an adapter. The mock stands in for a real provider in development
// and tests: it pays each request id at most once (a real provider's idempotency key), and can be told to
// decline, to time out after paying (the answer is lost), or to answer a repeated request again.
import { randomUUID } from "node:crypto";

export interface PayoutRequest {
  /** Unique per attempt: `${settlementId}:${attempt}`; the provider pays one id once. */
  requestId: string;
  amountFen: number;
  workerId: string;
}

export type PayoutAnswer = { status: "PAID"; providerRef: string } | { status: "FAILED"; reason: string };

export interface PayoutProvider {
  pay(request: PayoutRequest): Promise<PayoutAnswer>;
  /** The provider's statement: what it paid, by request id (for reconciliation). */
  statement(): Promise<{ requestId: string; providerRef: string; amountFen: number }[]>;
}

export class PayoutTimeout extends Error {
  constructor() {
    super("payout provider did not answer in time");
  }
}

export type MockBehaviour = "ok" | "fail" | "timeout";

export class MockPayoutProvider implements PayoutProvider {
  private readonly paid = new Map<string, { providerRef: string; amountFen: number }>();
  /** Behaviours for the next calls, in order; then "ok". */
  readonly script: MockBehaviour[] = [];
  calls = 0;

  async pay(request: PayoutRequest): Promise<PayoutAnswer> {
    this.calls++;
    const behaviour = this.script.shift() ?? "ok";
    if (behaviour === "fail") return { status: "FAILED", reason: "收款银行卡状态异常（模拟）" };
    let record = this.paid.get(request.requestId);
    if (!record) {
      record = { providerRef: `MOCK-${randomUUID()}`, amountFen: request.amountFen };
      this.paid.set(request.requestId, record);
    }
    // The money left the bank but the answer is lost on the way back.
    if (behaviour === "timeout") throw new PayoutTimeout();
    return { status: "PAID", providerRef: record.providerRef };
  }

  async statement() {
    return [...this.paid].map(([requestId, r]) => ({ requestId, ...r }));
  }

  /** Money the bank actually sent for one settlement (all its attempts). */
  paidFor(settlementId: string): number {
    let sum = 0;
    for (const [id, r] of this.paid) if (id.startsWith(`${settlementId}:`)) sum += r.amountFen;
    return sum;
  }
}

let processMock: MockPayoutProvider | undefined;
/** The process's provider: PAYOUT_PROVIDER=mock is the only one until a bank adapter is added. */
export const defaultPayoutProvider = (): MockPayoutProvider => (processMock ??= new MockPayoutProvider());
