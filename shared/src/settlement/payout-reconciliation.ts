// 支付对账 (issue 7 §4): each day the platform's payouts are compared with the provider's statement, line by
// line on the request id the platform sent (`${settlementId}:${attempt}`): a payout the provider has no line
// for, a line the platform has no payout for, and a pair whose amount or outcome differ are each reported.
import type { PayoutDifferenceKind } from "../catalog/enums.js";

/** What the platform's books say about one payout request. PENDING: sent, no answer recorded yet. */
export interface PlatformPayout {
  requestId: string;
  amountFen: number;
  status: "PAID" | "PENDING" | "RETURNED";
}

/** One line of the provider's statement. */
export interface StatementLine {
  requestId: string;
  amountFen: number;
  status: "PAID" | "RETURNED";
  providerRef?: string | null;
}

export interface PayoutDifference {
  kind: PayoutDifferenceKind;
  requestId: string;
  platformFen: number | null;
  providerFen: number | null;
  platformStatus: string | null;
  providerStatus: string | null;
}

/**
 * The differences between the platform's payouts and the provider's statement, in request-id order. A platform
 * payout still PENDING that the provider paid is a status difference (the answer was lost: the retry will
 * record it); a RETURNED one the provider has no line for is not a difference (nothing was paid).
 */
export function reconcilePayouts(platform: readonly PlatformPayout[], statement: readonly StatementLine[]): PayoutDifference[] {
  const ours = new Map(platform.map((p) => [p.requestId, p]));
  const theirs = new Map(statement.map((l) => [l.requestId, l]));
  const out: PayoutDifference[] = [];
  for (const id of [...new Set([...ours.keys(), ...theirs.keys()])].sort()) {
    const p = ours.get(id);
    const l = theirs.get(id);
    const base = { requestId: id, platformFen: p?.amountFen ?? null, providerFen: l?.amountFen ?? null, platformStatus: p?.status ?? null, providerStatus: l?.status ?? null };
    if (!l) {
      if (p!.status !== "RETURNED") out.push({ kind: "MISSING_AT_PROVIDER", ...base });
    } else if (!p) out.push({ kind: "UNKNOWN_TO_PLATFORM", ...base });
    else if (p.amountFen !== l.amountFen) out.push({ kind: "AMOUNT_MISMATCH", ...base });
    else if (p.status !== l.status) out.push({ kind: "STATUS_MISMATCH", ...base });
  }
  return out;
}
