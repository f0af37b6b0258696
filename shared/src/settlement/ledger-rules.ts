// Double-entry rules (DESIGN §3 Ledger): a transfer is two or more legs on distinct accounts that sum to
// zero; only accounts facing the outside world may go below zero.
import type { LedgerAccountKind, LedgerTransferKind } from "../catalog/enums.js";
import { isFen, MAX_TRANSFER_FEN } from "../money.js";
import { fail, ok, type Result } from "../result.js";

/** BANK is the money outside the platform (top-ups come from it, payouts go to it), so its balance is negative. */
export const MAY_GO_NEGATIVE: Readonly<Record<LedgerAccountKind, boolean>> = {
  EMPLOYER_WALLET: false,
  TASK_ESCROW: false,
  WORKER_WALLET: false,
  PLATFORM_CLEARING: false,
  BANK: true,
};

export interface Leg<A = string> {
  account: A;
  /** Positive credits the account (money in), negative debits it. */
  amountFen: number;
}

/** Which account kinds each transfer kind moves money between (from → to). */
export const TRANSFER_ROUTES: Readonly<Record<LedgerTransferKind, readonly [LedgerAccountKind, LedgerAccountKind]>> = {
  TOP_UP: ["BANK", "EMPLOYER_WALLET"],
  FUND_ESCROW: ["EMPLOYER_WALLET", "TASK_ESCROW"],
  REFUND_ESCROW: ["TASK_ESCROW", "EMPLOYER_WALLET"],
  PAY_WAGE: ["TASK_ESCROW", "WORKER_WALLET"],
  PAYOUT: ["WORKER_WALLET", "PLATFORM_CLEARING"],
  PAYOUT_SETTLED: ["PLATFORM_CLEARING", "BANK"],
  PAYOUT_RETURNED: ["PLATFORM_CLEARING", "WORKER_WALLET"],
};

/** The two legs of a simple transfer of `amountFen` from one account to another. */
export const legsOf = <A>(from: A, to: A, amountFen: number): Leg<A>[] => [
  { account: from, amountFen: -amountFen },
  { account: to, amountFen },
];

/** A transfer's legs: whole fen, none zero, each within the limit, on distinct accounts, summing to zero. */
export function checkLegs<A>(legs: readonly Leg<A>[]): Result<Leg<A>[]> {
  if (legs.length < 2) return fail({ code: "TRANSFER_LEGS", message: "一笔转账至少涉及两个账户" });
  if (new Set(legs.map((l) => l.account)).size !== legs.length) return fail({ code: "TRANSFER_SAME_ACCOUNT", message: "同一账户不能在一笔转账中出现两次" });
  let sum = 0;
  for (const l of legs) {
    if (!isFen(l.amountFen) || l.amountFen === 0 || Math.abs(l.amountFen) > MAX_TRANSFER_FEN) {
      return fail({ code: "TRANSFER_AMOUNT", message: "转账金额应为非零整数（分）且不超过单笔上限" });
    }
    sum += l.amountFen;
  }
  if (sum !== 0) return fail({ code: "TRANSFER_UNBALANCED", message: "借贷不平衡" });
  return ok([...legs]);
}

/** Whether applying the legs keeps every account that may not go negative at or above zero. */
export function wouldOverdraw<A>(legs: readonly Leg<A>[], balanceOf: (a: A) => number, mayGoNegative: (a: A) => boolean): A | null {
  for (const l of legs) if (l.amountFen < 0 && !mayGoNegative(l.account) && balanceOf(l.account) + l.amountFen < 0) return l.account;
  return null;
}
