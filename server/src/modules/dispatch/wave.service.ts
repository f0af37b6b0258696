// Offer waves (DESIGN §4.3), run by jobs: rank the eligible, offer the top min(3 × open seats, 20) with an
// expiry scheduled through the outbox, and after the last wave hand the task to people.
import { isOlderWorker, rankCandidates, travelMinutes, waveRoundRunOut, waveSize, type TravelMode } from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { emitEvent } from "../../jobs/outbox.js";
import type { NotificationService } from "../notify/notify.service.js";
import { listCandidates, type CandidateRow } from "./candidate.repo.js";
import type { DispatchSettingsAll } from "./dispatch.settings.js";
import * as offers from "./offer.repo.js";
import { shanghaiDate } from "./task.service.js";
import * as repo from "./task.repo.js";

export type WaveOutcome =
  | { kind: "sent"; wave: number; offerIds: string[] }
  | { kind: "manual" }
  | { kind: "none"; why: "not-open" | "no-seats" | "offers-outstanding" | "already-manual" };

export interface WaveServiceParts {
  notifications: NotificationService;
  settings: DispatchSettingsAll;
}

/** Candidate rows as ranking sees them; 大龄 is judged on the task's date. */
export function toCandidate(row: CandidateRow, requiredLevel: number, taskDate: string) {
  return {
    workerId: row.workerId,
    distanceMeters: row.distanceMeters,
    reachMeters: row.reachMeters,
    skillLevel: row.skillLevel,
    requiredLevel,
    completedCount: row.completedCount,
    noShowCount: row.noShowCount,
    lateWithdrawalCount: row.lateWithdrawalCount,
    ratingSum: row.ratingSum,
    ratingCount: row.ratingCount,
    hoursLast7Days: row.hoursLast7Days,
    older: isOlderWorker(row.gender, row.birthDate, taskDate),
    hardToEmploy: row.hardToEmploy,
    zeroEmploymentFamily: row.zeroEmploymentFamily,
    travelMode: row.travelMode as TravelMode,
  };
}

/** Waves of offers; every entry point takes the task's row lock first, so waves of one task never interleave. */
export function createWaveService({ db, now }: Deps, { notifications, settings }: WaveServiceParts) {
  const { dispatch: s } = settings;

  async function handToPeople(tx: DbOrTx, task: repo.TaskRow, eventId: string, at: Date): Promise<WaveOutcome> {
    if (task.manualDispatchAt) return { kind: "none", why: "already-manual" };
    await repo.updateTask(tx, task.id, { manualDispatchAt: at, updatedAt: at });
    const open = task.headcount - task.filledCount;
    const message = {
      kind: "DISPATCH_MANUAL",
      title: `岗位“${task.title}”仍缺 ${open} 人，请人工派单`,
      body: `已发出 ${task.wave} 轮派单仍未招满。请联系附近零工，或由驿站工作人员代为派单。`,
    };
    await notifications.notifyUsers(eventId, [task.employerId], message);
    await notifications.notifyVenueStaff(eventId, task.venueId, message);
    return { kind: "manual" };
  }

  /**
   * Sends the next wave when the task is open with seats no outstanding offer covers. `onlyWhenIdle`
   * (after a decline or an expiry) waits until no offer of the task is outstanding. Safe to run twice.
   */
  async function sendWave(taskId: string, eventId: string, { onlyWhenIdle = false }: { onlyWhenIdle?: boolean } = {}): Promise<WaveOutcome> {
    const at = now();
    return db.transaction(async (tx) => {
      const task = await repo.getTaskForUpdate(tx, taskId);
      if (task.status !== "OPEN" || task.startsAt <= at) return { kind: "none", why: "not-open" };
      const openSeats = task.headcount - task.filledCount;
      if (openSeats <= 0) return { kind: "none", why: "no-seats" };
      const outstanding = await offers.countOutstanding(tx, taskId, at);
      if (onlyWhenIdle && outstanding > 0) return { kind: "none", why: "offers-outstanding" };
      const size = waveSize(openSeats, s.offersPerSeat, s.maxWaveSize) - outstanding;
      if (size <= 0) return { kind: "none", why: "offers-outstanding" };
      // N waves per round: the first round starts at posting (or a material edit), a later one at new demand (freshWaveRound).
      if (waveRoundRunOut(task, s.maxWaves)) return outstanding > 0 ? { kind: "none", why: "offers-outstanding" } : handToPeople(tx, task, eventId, at);

      const rows = await listCandidates(tx, { taskId, skillCode: task.skillCode, now: at, maxOutstandingOffers: s.maxOutstandingOffers, limit: settings.candidatePool, reach: settings.reach });
      const taskDate = shanghaiDate(task.startsAt);
      const ranked = rankCandidates(
        rows.map((r) => toCandidate(r, task.requiredLevel, taskDate)),
        settings.weights,
      );
      // K is checked again under the workers' row locks: a concurrent wave of another task may have offered them meanwhile.
      const top = ranked.slice(0, size + 5);
      const held = await offers.lockWorkersAndCountOutstanding(tx, top.map((r) => r.candidate.workerId), at);
      const chosen = top.filter((r) => (held.get(r.candidate.workerId) ?? 0) < s.maxOutstandingOffers).slice(0, size);
      if (chosen.length === 0) return outstanding > 0 ? { kind: "none", why: "offers-outstanding" } : handToPeople(tx, task, eventId, at);

      const wave = task.wave + 1;
      const expiresAt = new Date(at.getTime() + s.offerTtlMinutes * 60_000);
      const inserted = await offers.insertOffers(
        tx,
        chosen.map(({ candidate: c, score }) => ({
          taskId,
          workerId: c.workerId,
          wave,
          score,
          distanceMeters: Math.round(c.distanceMeters),
          travelMinutes: travelMinutes(c.distanceMeters, c.travelMode, settings.reach),
          expiresAt,
          createdAt: at,
        })),
      );
      const offerIds = inserted.map((o) => o.id);
      // One scheduled expiry per wave: a Redis outage delays it, never loses it (the outbox keeps it).
      const expiryEventId = await emitEvent(tx, "offer.expiry-due", { taskId, wave }, { runAt: expiresAt });
      await offers.setOfferExpiryEvent(tx, offerIds, expiryEventId);
      await repo.updateTask(tx, taskId, { wave, updatedAt: at });
      await emitEvent(tx, "task.wave-sent", { taskId, wave, offerIds });
      return { kind: "sent", wave, offerIds };
    });
  }

  return {
    sendWave,

    /** The wave's expiry came due: unanswered offers expire, and the next wave goes out if none is outstanding. */
    async expireWave(taskId: string, wave: number, eventId: string): Promise<WaveOutcome> {
      const at = now();
      await db.transaction(async (tx) => {
        await repo.getTaskForUpdate(tx, taskId);
        await offers.expireOffers(tx, taskId, wave, at);
      });
      return sendWave(taskId, eventId, { onlyWhenIdle: true });
    },
  };
}
