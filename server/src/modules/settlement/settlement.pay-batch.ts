// 批量代发 (issue 7): paying many confirmed settlements as one run, the way payroll is paid. The same three
// phases as one payout (settlement.pay.ts) and the same keys, request ids and lanes, but each phase is one
// transaction of a few statements for the whole batch, so a payout costs a fraction of a round trip. Any
// refusal inside a batch (an escrow short of its wage, a contract that moved) rolls that phase back and the
// batch falls back to paying each settlement on its own, where the refusal stays with its settlement.
import type { Deps } from "../../deps.js";
import { emitEvents } from "../../jobs/outbox.js";
import type { Caller } from "../../access/actor.js";
import { recordAudits } from "../audit/audit.js";
import { bankLane, clearingLane, escrowOf, wallet } from "../ledger/ledger.service.js";
import { isCancellationFee, payoutRequestId, placementFor, type PayParts, type PaySingle } from "./settlement.pay.js";
import type { PayoutAnswer } from "./settlement.payout.js";
import * as repo from "./settlement.repo.js";

/** Settlements paid per batch at most: bounds a transaction's size and its locks. */
export const PAY_BATCH_MAX = 200;

export type PayOutcome = { ok: true; settlement: repo.SettlementRow } | { ok: false; error: unknown };

export function createPayBatch(deps: Deps, parts: PayParts, single: PaySingle) {
  const { paySettlement, declined: decline } = single;
  const { db, now } = deps;

  /** Each settlement alone (the fallback): its own outcome, whatever the others do. */
  async function oneByOne(caller: Caller, ids: string[], out: Map<string, PayOutcome>) {
    for (const id of ids) {
      try {
        out.set(id, { ok: true, settlement: await paySettlement(caller, id) });
      } catch (error) {
        out.set(id, { ok: false, error });
      }
    }
  }

  /** Phase 1 for the batch: attempts opened, escrow → wallet → lane clearing for each, in one ledger statement. */
  async function openAttempts(ids: string[]) {
    return db.transaction(async (tx) => {
      await repo.lockSettlements(tx, ids);
      const started = await repo.startPayoutAttempts(tx, ids, now());
      const startedIds = new Set(started.map((s) => s.id));
      const others = await repo.findSettlements(
        tx,
        ids.filter((id) => !startedIds.has(id)),
      );
      await parts.ledger.transferMany(
        started.flatMap((s) => {
          const refs = { settlementId: s.id, engagementId: s.engagementId };
          return [
            { key: `settlement:${s.id}:wage`, kind: "PAY_WAGE" as const, from: escrowOf(s.taskId), to: wallet("WORKER_WALLET", s.workerId), amountFen: s.totalFen, refs },
            { key: `settlement:${s.id}:payout:${s.payoutAttempt}`, kind: "PAYOUT" as const, from: wallet("WORKER_WALLET", s.workerId), to: clearingLane(s.id), amountFen: s.totalFen, refs },
          ];
        }),
        tx,
      );
      // In id order, so the bank is asked in a stable order.
      const atBank = [...started, ...others.filter((s) => s.status === "CONFIRMED" && s.payoutStatus === "PENDING")].sort((a, b) => (a.id < b.id ? -1 : 1));
      return { atBank, others };
    });
  }

  /** Phase 3 for the answers PAID: PAID, placements with their events, contracts COMPLETED, clearing → bank, audits. */
  async function settleAll(caller: Caller, paid: { s: repo.SettlementRow; providerRef: string }[]) {
    return db.transaction(async (tx) => {
      const at = now();
      await repo.lockSettlements(
        tx,
        paid.map((p) => p.s.id),
      );
      const [moved, roster] = await Promise.all([
        repo.markPaidMany(
          tx,
          paid.map((p) => ({ id: p.s.id, attempt: p.s.payoutAttempt, providerRef: p.providerRef })),
          at,
        ),
        repo.rosterFactsOf(
          tx,
          paid.map((p) => p.s.engagementId),
        ),
      ]);
      const mine = new Set(moved);
      // A late or repeated answer for an attempt already settled changes nothing.
      const fresh = paid.filter((p) => mine.has(p.s.id));
      const built = fresh.map((p) => ({ ...p, facts: roster.get(p.s.engagementId) ?? null }));
      // A late-cancellation fee is paid like a wage but nobody worked: no placement, the contract is not completed.
      const worked = built.filter((b) => !isCancellationFee(b.s));
      if (worked.some((b) => !b.facts?.contractId)) throw new Error("payout batch: an engagement without roster facts or contract");
      const placed = worked.map((b) => placementFor(b.s, b.facts, b.facts!.startsAt, at));
      const [placements] = await Promise.all([
        repo.insertPlacements(
          tx,
          placed.map((p) => p.row),
        ),
        emitEvents(
          tx,
          "placement.recorded",
          placed.map((p) => ({ id: p.row.id, payload: p.event })),
        ),
        parts.contracts.completeSignedMany(
          caller,
          worked.filter((b) => b.facts!.contractStatus === "SIGNED").map((b) => b.facts!.contractId!),
          tx,
        ),
        parts.ledger.transferMany(
          built.map((b) => ({
            key: `settlement:${b.s.id}:settled:${b.s.payoutAttempt}`,
            kind: "PAYOUT_SETTLED" as const,
            from: clearingLane(b.s.id),
            to: bankLane(b.s.id),
            amountFen: b.s.totalFen,
            refs: { settlementId: b.s.id, engagementId: b.s.engagementId },
          })),
          tx,
        ),
        recordAudits(
          tx,
          caller,
          built.map((b) => ({
            action: "settlement.pay" as const,
            entityType: "settlement" as const,
            entityId: b.s.id,
            before: { status: "CONFIRMED" },
            after: { status: "PAID", totalFen: b.s.totalFen, providerRef: b.providerRef, attempt: b.s.payoutAttempt },
          })),
        ),
      ]);
      // Exactly one placement per engagement: PAID is set once, so a missing row means the books are wrong.
      if (placements.length !== placed.length) throw new Error("payout batch: an engagement already has a placement");
      return repo.findSettlements(
        tx,
        paid.map((p) => p.s.id),
      );
    });
  }

  /**
   * Pays up to PAY_BATCH_MAX settlements (safe to repeat, and alongside single payouts of the same ones: the
   * row locks, guarded updates and keys are the same). Returns each settlement's outcome; a bank timeout
   * leaves its settlement PENDING for the retry, as with one payout.
   */
  return async function paySettlements(caller: Caller, rawIds: string[]): Promise<Map<string, PayOutcome>> {
    const ids = [...new Set(rawIds)].sort();
    if (ids.length > PAY_BATCH_MAX) throw new Error(`payout batch: at most ${PAY_BATCH_MAX} settlements`);
    const out = new Map<string, PayOutcome>();
    let opened: Awaited<ReturnType<typeof openAttempts>>;
    try {
      opened = await openAttempts(ids);
    } catch {
      await oneByOne(caller, ids, out);
      return out;
    }
    const atBank = new Set(opened.atBank.map((s) => s.id));
    const rest = opened.others.filter((s) => !atBank.has(s.id));
    // PAID already: done; anything else (not confirmed, missing) gets its own typed refusal from the single path.
    for (const s of rest) if (s.status === "PAID") out.set(s.id, { ok: true, settlement: s });
    await oneByOne(
      caller,
      ids.filter((id) => !atBank.has(id) && !out.has(id)),
      out,
    );
    const answers = await Promise.all(
      opened.atBank.map(async (s) => {
        try {
          const answer: PayoutAnswer = await parts.payouts.pay({ requestId: payoutRequestId(s.id, s.payoutAttempt), amountFen: s.totalFen, workerId: s.workerId });
          parts.afterBankCall?.(s.id);
          return { s, answer };
        } catch (error) {
          out.set(s.id, { ok: false, error });
          return null;
        }
      }),
    );
    const paid = answers.flatMap((a) => (a?.answer.status === "PAID" ? [{ s: a.s, providerRef: a.answer.providerRef }] : []));
    // A decline is rare: the single path's phase 3 returns its money to the wallet.
    for (const a of answers) {
      if (a?.answer.status !== "FAILED") continue;
      try {
        out.set(a.s.id, { ok: true, settlement: await decline(caller, a.s, a.answer.reason) });
      } catch (error) {
        out.set(a.s.id, { ok: false, error });
      }
    }
    try {
      for (const s of await settleAll(caller, paid)) out.set(s.id, { ok: true, settlement: s });
    } catch {
      await oneByOne(
        caller,
        paid.map((p) => p.s.id),
        out,
      );
    }
    return out;
  };
}
