// The complaint workflow's one moving part: a lifecycle step under the row lock, with its deadlines derived
// again from the history on working days. Filing, handling and wage arrears (the other complaint services)
// all move a complaint through here.
import { COMPLAINT_LIFECYCLE, deriveComplaintClock, type ComplaintAction, type ComplaintClock, type ComplaintSlaPolicy } from "@qz/shared";
import type { Caller } from "../../access/actor.js";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import type { ReferenceService } from "../reference/reference.service.js";
import * as repo from "./complaint.repo.js";

export type ComplaintWorkflow = ReturnType<typeof createComplaintWorkflow>;

export function createComplaintWorkflow({ db, now }: Deps, { reference, policy }: { reference: ReferenceService; policy: ComplaintSlaPolicy }) {
  const historyOf = async (tx: DbOrTx, id: string) =>
    (await repo.listComplaintEvents(tx, id)).map((e) => ({ action: e.action as ComplaintAction | "FILE", to: e.toStatus, at: e.at }));

  async function clockOf(tx: DbOrTx, id: string, at: Date): Promise<ComplaintClock> {
    return deriveComplaintClock(await historyOf(tx, id), await reference.workingDayCalendar(), at, policy);
  }

  /** Replaces the scheduled deadline check with one for the clock's next deadline. */
  async function reschedule(tx: DbOrTx, c: repo.ComplaintRow, clock: ComplaintClock, at: Date): Promise<string | null> {
    if (c.deadlineEventId) await cancelEvent(tx, c.deadlineEventId, at);
    if (!clock.next) return null;
    return emitEvent(tx, "complaint.deadline-due", { complaintId: c.id, kind: clock.next.kind }, { runAt: clock.next.at });
  }

  /**
   * One step of the lifecycle, under a row lock: history row (strictly after the previous one, so the
   * order the deadlines are derived from is never ambiguous), the row's fields, a new deadline event,
   * audit, and the status-changed event for notifications; complaint.closed when it closes.
   */
  async function step(
    caller: Caller,
    id: string,
    action: ComplaintAction,
    opts: {
      note?: string | null;
      authorize: (c: repo.ComplaintRow, clock: ComplaintClock) => { proxy?: boolean } | void;
      patch?: (c: repo.ComplaintRow, at: Date) => Partial<repo.ComplaintRow>;
      after?: (tx: DbOrTx, c: repo.ComplaintRow, at: Date) => Promise<void>;
    },
  ) {
    const at = now();
    return db.transaction(async (tx) => {
      const before = await repo.getComplaintForUpdate(tx, id);
      const history = await historyOf(tx, id);
      const cal = await reference.workingDayCalendar();
      const clockBefore = deriveComplaintClock(history, cal, at, policy);
      const { proxy } = opts.authorize(before, clockBefore) ?? {};
      const next = COMPLAINT_LIFECYCLE.next(before.status, action, opts.note ?? null);
      if (!next.ok) throw new AppError("PRECONDITION_FAILED", next.reasons.map((r) => r.message).join("；"), next.reasons);
      const last = history.at(-1)!.at;
      const stamp = at > last ? at : new Date(last.getTime() + 1);
      await repo.insertComplaintEvent(tx, {
        complaintId: id,
        action,
        fromStatus: before.status,
        toStatus: next.value,
        at: stamp,
        actorId: caller.actor?.userId ?? null,
        actorRole: caller.actor?.role ?? "SYSTEM",
        note: opts.note ?? null,
      });
      const clock = deriveComplaintClock([...history, { action, to: next.value, at: stamp }], cal, stamp, policy);
      const deadlineEventId = await reschedule(tx, before, clock, stamp);
      const c = await repo.updateComplaint(tx, id, { status: next.value, deadlineEventId, updatedAt: stamp, ...opts.patch?.(before, stamp) });
      await opts.after?.(tx, c, stamp);
      await recordAudit(tx, caller, {
        action: "complaint.transition",
        entityType: "complaint",
        entityId: id,
        before: { status: before.status },
        after: { status: c.status, action, note: opts.note ?? null, ...(proxy ? { proxy: true } : {}) },
      });
      await emitEvent(tx, "complaint.status-changed", { complaintId: id, action, from: before.status, to: c.status });
      if (c.status === "CLOSED") {
        await emitEvent(tx, "complaint.closed", { complaintId: id, venueId: c.venueId, onTime: clock.onTime, closedAt: stamp.toISOString() });
        // 回访 is due 2 working days after closing: remind the handlers then if it is still not recorded.
        if (clock.followUpDueAt) await emitEvent(tx, "complaint.follow-up-due", { complaintId: id }, { runAt: clock.followUpDueAt });
      }
      return c;
    });
  }

  return { policy, clockOf, reschedule, step };
}
