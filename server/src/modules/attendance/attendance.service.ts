// 考勤 (issue 7): check-in and check-out on site (inside the geofence, check-in at most 30 minutes early), by
// scanning the employer's rotating code (扫码签到, no location needed), or confirmed by the venue's staff; minutes inside the window in 15-minute units; hours the employer does not
// dispute within 24 hours of check-out are approved by a scheduled event. No check-in before the contract is SIGNED.
import { addDays, ATTENDANCE_RULES, billableMinutes, exceedsPartTimeWeek, partTimeWeekOf, CHECK_IN_CODE, checkCheckInTime, checkCodeShowable, codeSlot, dailyPayDeadlines, slotEndsAt } from "@qz/shared";
import type { DbOrTx } from "../../db/client.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput, notFound } from "../../errors.js";
import { cancelEvent, emitEvent } from "../../jobs/outbox.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkText } from "../../access/input-checks.js";
import { recordAudit } from "../audit/audit.js";
import type { ContractService } from "../contract/contract.service.js";
import type { ReferenceService } from "../reference/reference.service.js";
import type { DispatchService } from "../dispatch/dispatch.service.js";
import * as repo from "./attendance.repo.js";
import { codeSvg, createCheckInCodeChecker, createCheckInCodeKey, formatShortCode } from "./attendance.code.js";

interface Terms {
  window: { startsAt: string; endsAt: string };
  place: { lat: number; lng: number };
}

function checkPoint(lat: number, lng: number) {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    badInput("location", [{ code: "LOCATION_INVALID", message: "定位坐标无效" }]);
  }
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;

const proofAudit = (p: Proof) => (p.method === "GEOFENCE" ? { method: p.method, distanceM: p.distance } : { method: p.method, codeSlot: p.slot });

type Place = { lat: number; lng: number };
/** Where a check-in or check-out was made: a point inside the fence, or the employer's code. */
type Proof = { method: "GEOFENCE"; lat: number; lng: number; distance: number } | { method: "QR"; slot: number };

export function createAttendanceService(deps: Deps, parts: { contracts: ContractService; reference?: ReferenceService; dispatch?: DispatchService }) {
  const { db, now } = deps;
  const codeKey = createCheckInCodeKey(deps.config.jwtSecret);
  const checkCode = createCheckInCodeChecker(deps, codeKey);

  /** The signed contract of the caller's own engagement (work may start only under it). */
  async function signedContractOf(engagementId: string, tx: DbOrTx = db) {
    const c = await parts.contracts.assertWorkAllowed(engagementId, tx);
    const terms = c.terms as unknown as Terms;
    return { contract: c, window: { startsAt: new Date(terms.window.startsAt), endsAt: new Date(terms.window.endsAt) }, place: terms.place };
  }

  /** Approves the hours; attendance.approved checks the part-time week (flagPartTimeWeek). */
  async function approve(tx: DbOrTx, id: string, at: Date) {
    const row = await repo.updateRecord(tx, id, { status: "APPROVED", approvedAt: at, updatedAt: at });
    await emitEvent(tx, "attendance.approved", { attendanceId: id });
    return row;
  }

  async function ownContract(caller: Caller, engagementId: string) {
    const actor = requireActor(caller, "WORKER");
    const c = await parts.contracts.contractOfEngagement(caller, engagementId).catch(() => null);
    if (!c || c.workerId !== actor.userId) throw notFound("用工记录", engagementId);
    return actor;
  }

  async function fence(point: { lat: number; lng: number }, place: { lat: number; lng: number }) {
    checkPoint(point.lat, point.lng);
    const distance = await repo.distanceMeters(db, point, place);
    if (distance > ATTENDANCE_RULES.geofenceMeters) {
      throw new AppError("PRECONDITION_FAILED", `您距离工作地点约 ${distance} 米，须在 ${ATTENDANCE_RULES.geofenceMeters} 米内签到签退，或请驿站工作人员确认`, [
        { code: "OUTSIDE_GEOFENCE", message: `距离 ${distance} 米` },
      ]);
    }
    return distance;
  }

  /** Schedules the automatic approval 24 h after check-out (cancelled if the employer approves or disputes first). */
  async function scheduleApproval(tx: DbOrTx, id: string, checkOutAt: Date) {
    return emitEvent(tx, "attendance.approval-due", { attendanceId: id }, { runAt: new Date(checkOutAt.getTime() + ATTENDANCE_RULES.approveAfterHours * 3_600_000) });
  }

  /**
   * 日结: the work ended at `endedAt`, so its wages are due. Schedules the submission alert (24 h) and the
   * labour-inspection check (3 working days, at most 15 days); each re-reads the settlement when it runs, so a
   * settlement submitted or paid before then makes it do nothing.
   */
  async function scheduleDailyPay(tx: DbOrTx, engagementId: string, endedAt: Date) {
    if (!parts.reference) return;
    const { submitBy, referAt } = dailyPayDeadlines(endedAt, await parts.reference.workingDayCalendar());
    await emitEvent(tx, "settlement.submission-due", { engagementId }, { runAt: submitBy });
    await emitEvent(tx, "settlement.payment-due", { engagementId }, { runAt: referAt });
  }

  /** A scanned or typed code: ours, for this engagement's task, and of the current minute (or just before it changed). */
  async function codeProof(caller: Caller, code: string, taskId: string, at: Date): Promise<Proof> {
    return { method: "QR", slot: await checkCode(requireActor(caller, "WORKER").userId, code, taskId, at) };
  }

  async function recordCheckIn(caller: Caller, engagementId: string, prove: (place: Place, at: Date, taskId: string) => Promise<Proof>) {
    const actor = await ownContract(caller, engagementId);
    const { contract, window, place } = await signedContractOf(engagementId);
    const at = now();
    const time = checkCheckInTime(at, window);
    if (!time.ok) throw new AppError("PRECONDITION_FAILED", time.reasons.map((r) => r.message).join("；"), time.reasons);
    const proof = await prove(place, at, contract.taskId);
    return db.transaction(async (tx) => {
      const row = await repo.insertRecord(tx, {
        engagementId,
        contractId: contract.id,
        taskId: contract.taskId,
        workerId: actor.userId,
        status: "CHECKED_IN",
        checkInAt: at,
        checkInMethod: proof.method,
        ...(proof.method === "GEOFENCE" ? { checkInLat: proof.lat, checkInLng: proof.lng, checkInDistanceM: proof.distance } : {}),
        createdAt: at,
        updatedAt: at,
      });
      if (!row) throw new AppError("CONFLICT", "已签到", [{ code: "ALREADY_CHECKED_IN", message: "已签到" }]);
      await recordAudit(tx, caller, { action: "attendance.check-in", entityType: "attendance", entityId: row.id, after: { engagementId, ...proofAudit(proof) } });
      return row;
    });
  }

  async function recordCheckOut(caller: Caller, engagementId: string, prove: (place: Place, at: Date, taskId: string) => Promise<Proof>) {
    await ownContract(caller, engagementId);
    const { contract, window, place } = await signedContractOf(engagementId);
    const at = now();
    const proof = await prove(place, at, contract.taskId);
    return db.transaction(async (tx) => {
      const before = await repo.lockByEngagement(tx, engagementId);
      if (!before) throw new AppError("PRECONDITION_FAILED", "尚未签到", [{ code: "NOT_CHECKED_IN", message: "尚未签到" }]);
      if (before.status !== "CHECKED_IN") throw new AppError("CONFLICT", "已签退", [{ code: "ALREADY_CHECKED_OUT", message: "已签退" }]);
      const minutes = billableMinutes(before.checkInAt, at, window);
      if (!minutes.ok) throw new AppError("PRECONDITION_FAILED", minutes.reasons.map((r) => r.message).join("；"), minutes.reasons);
      const eventId = await scheduleApproval(tx, before.id, at);
      await scheduleDailyPay(tx, engagementId, at);
      const where = proof.method === "GEOFENCE" ? { checkOutLat: proof.lat, checkOutLng: proof.lng, checkOutDistanceM: proof.distance } : {};
      const row = await repo.updateRecord(tx, before.id, { status: "CHECKED_OUT", checkOutAt: at, checkOutMethod: proof.method, ...where, minutes: minutes.value, approveEventId: eventId, updatedAt: at });
      await recordAudit(tx, caller, { action: "attendance.check-out", entityType: "attendance", entityId: row.id, after: { minutes: minutes.value, ...proofAudit(proof) } });
      return row;
    });
  }

  const onSite = (input: Place) => async (place: Place): Promise<Proof> => ({ method: "GEOFENCE", lat: input.lat, lng: input.lng, distance: await fence(input, place) });

  return {
    checkIn: (caller: Caller, input: { engagementId: string; lat: number; lng: number }) => recordCheckIn(caller, input.engagementId, onSite(input)),

    checkOut: (caller: Caller, input: { engagementId: string; lat: number; lng: number }) => recordCheckOut(caller, input.engagementId, onSite(input)),

    /** 扫码签到: check in with the code the employer shows (no location); the code must be this task's and current. */
    checkInByCode: (caller: Caller, input: { engagementId: string; code: string }) =>
      recordCheckIn(caller, input.engagementId, (_place, at, taskId) => codeProof(caller, input.code, taskId, at)),

    /** 扫码签退: check out with the employer's current code. */
    checkOutByCode: (caller: Caller, input: { engagementId: string; code: string }) =>
      recordCheckOut(caller, input.engagementId, (_place, at, taskId) => codeProof(caller, input.code, taskId, at)),

    /**
     * The code the employer's page shows (or the venue's staff, for the task they broker): valid for this
     * minute, for this task only; the page asks again when it expires.
     */
    async checkInCode(caller: Caller, taskId: string) {
      const actor = requireActor(caller, "EMPLOYER", "VENUE_STAFF");
      if (!parts.dispatch) throw new Error("attendance: dispatch service not wired");
      const task = await parts.dispatch.getTask(caller, taskId);
      const mine = actor.role === "EMPLOYER" ? task.employerId === actor.userId : task.venueId === actor.venueId;
      if (!mine) throw new AppError("FORBIDDEN", "只有该岗位的用工方或经办场所的工作人员可以出示签到码");
      if (task.status === "CANCELLED" || task.status === "COMPLETED") throw new AppError("PRECONDITION_FAILED", "岗位已结束或已取消，不能出示签到码", [{ code: "TASK_CLOSED", message: "岗位已结束" }]);
      const at = now();
      const open = checkCodeShowable(at, { startsAt: task.startsAt, endsAt: task.endsAt });
      if (!open.ok) throw new AppError("PRECONDITION_FAILED", open.reasons.map((r) => r.message).join("；"), open.reasons);
      const slot = codeSlot(at);
      const code = codeKey.sign(task.id, slot);
      const shortCode = formatShortCode(codeKey.short(task.id, slot));
      return { taskId: task.id, code, shortCode, svg: await codeSvg(code), expiresAt: slotEndsAt(slot), periodSeconds: CHECK_IN_CODE.periodSeconds };
    },

    /** Venue staff confirm hours for their venue's job (no phone, a lost signal): both times, inside the window. */
    async confirmByStaff(caller: Caller, input: { engagementId: string; checkInAt: Date; checkOutAt: Date }) {
      const actor = requireActor(caller, "VENUE_STAFF");
      const { contract, window } = await signedContractOf(input.engagementId);
      if (actor.venueId !== contract.venueId) throw new AppError("FORBIDDEN", "只能确认本场所经办岗位的考勤");
      const minutes = billableMinutes(input.checkInAt, input.checkOutAt, window, { strict: true });
      if (!minutes.ok) badInput("checkOutAt", minutes.reasons);
      if (input.checkOutAt.getTime() > now().getTime()) badInput("checkOutAt", [{ code: "CHECK_OUT_IN_FUTURE", message: "签退时间不能晚于当前时间" }]);
      const at = now();
      return db.transaction(async (tx) => {
        const before = await repo.lockByEngagement(tx, input.engagementId);
        if (before && before.status !== "CHECKED_IN") throw new AppError("CONFLICT", "该用工的考勤已完成", [{ code: "ATTENDANCE_DONE", message: "考勤已完成" }]);
        const fields = { status: "CHECKED_OUT" as const, checkOutAt: input.checkOutAt, checkOutMethod: "STAFF" as const, minutes: minutes.value, confirmedBy: actor.userId, updatedAt: at };
        const row = before
          ? await repo.updateRecord(tx, before.id, { ...fields, checkInAt: input.checkInAt })
          : (await repo.insertRecord(tx, { engagementId: input.engagementId, contractId: contract.id, taskId: contract.taskId, workerId: contract.workerId, checkInAt: input.checkInAt, checkInMethod: "STAFF", createdAt: at, ...fields }))!;
        const eventId = await scheduleApproval(tx, row.id, at);
        await scheduleDailyPay(tx, input.engagementId, input.checkOutAt);
        const saved = await repo.updateRecord(tx, row.id, { approveEventId: eventId });
        await recordAudit(tx, caller, { action: "attendance.confirm-by-staff", entityType: "attendance", entityId: row.id, after: { minutes: minutes.value, method: "STAFF" } });
        return saved;
      });
    },

    /** The employer accepts the hours now, or disputes them (with a reason) before the 24 hours pass. */
    async answerHours(caller: Caller, input: { engagementId: string; approve: boolean; reason?: string | null }) {
      const actor = requireActor(caller, "EMPLOYER");
      const c = await parts.contracts.contractOfEngagement(caller, input.engagementId);
      if (!c || c.employerId !== actor.userId) throw notFound("用工记录", input.engagementId);
      const reason = input.approve ? null : checkText("reason", input.reason ?? "", { kind: "text", label: "异议理由", min: 2, max: 200 });
      const at = now();
      return db.transaction(async (tx) => {
        const before = await repo.lockByEngagement(tx, input.engagementId);
        if (!before || before.status !== "CHECKED_OUT") throw new AppError("PRECONDITION_FAILED", "只有已签退、待确认的工时可以确认或提出异议", [{ code: "ATTENDANCE_NOT_PENDING", message: "工时不在待确认状态" }]);
        if (before.approveEventId) await cancelEvent(tx, before.approveEventId, at);
        const row = input.approve ? await approve(tx, before.id, at) : await repo.updateRecord(tx, before.id, { status: "DISPUTED", disputeReason: reason, updatedAt: at });
        await recordAudit(tx, caller, { action: input.approve ? "attendance.approve" : "attendance.dispute", entityType: "attendance", entityId: row.id, before: { status: before.status }, after: { status: row.status, reason } });
        return row;
      });
    },

    /** The scheduled approval: hours still undisputed 24 h after check-out are approved. */
    async approveIfUndisputed(caller: Caller, attendanceId: string) {
      const at = now();
      return db.transaction(async (tx) => {
        const row = await repo.findById(tx, attendanceId);
        if (!row) return null;
        const locked = (await repo.lockByEngagement(tx, row.engagementId))!;
        if (locked.status !== "CHECKED_OUT") return locked;
        const after = await approve(tx, locked.id, at);
        await recordAudit(tx, caller, { action: "attendance.approve", entityType: "attendance", entityId: locked.id, before: { status: locked.status }, after: { status: after.status, reason: "24小时内无异议，自动确认" } });
        return after;
      });
    },

    /** The engagement's attendance, for whoever may read its contract. */
    async attendanceOf(caller: Caller, engagementId: string) {
      const c = await parts.contracts.contractOfEngagement(caller, engagementId);
      if (!c) throw notFound("用工记录", engagementId);
      return repo.findByEngagement(db, engagementId);
    },

    /** For settlement: the record (approved or still pending) behind an engagement. */
    recordOf: (engagementId: string, tx: DbOrTx = db) => repo.findByEngagement(tx, engagementId),
    lockRecordOf: (engagementId: string, tx: DbOrTx) => repo.lockByEngagement(tx, engagementId),
    /** For settlement: approve the pending hours as the employer submits pay for them. */
    approveWithin: approve,

    /**
     * For the attendance.approved job (非全日制, 劳动合同法 §68): when the worker's approved hours with this
     * employer in the record's Monday–Sunday week pass 24, the week is flagged once; returns the new flag, or
     * null when under the limit or already flagged.
     */
    async flagPartTimeWeek(attendanceId: string) {
      const facts = await repo.partTimeFacts(db, attendanceId);
      if (!facts || facts.status !== "APPROVED") return null;
      const week = partTimeWeekOf(facts.checkInAt);
      const minutes = await repo.approvedMinutesInWeek(db, { workerId: facts.workerId, employerId: facts.employerId, from: new Date(`${week.weekStart}T00:00:00+08:00`), to: new Date(`${addDays(week.weekEnd, 1)}T00:00:00+08:00`) });
      if (!exceedsPartTimeWeek(minutes)) return null;
      const flag = await repo.insertPartTimeFlag(db, { workerId: facts.workerId, employerId: facts.employerId, weekStart: week.weekStart, venueId: facts.venueId, minutes, flaggedAt: now() });
      return flag ? { ...flag, weekEnd: week.weekEnd } : null;
    },

    /** The 24-hour-week flag of the worker and employer for the week of the engagement's work, if any. */
    partTimeFlagOf: (engagementId: string) => repo.findPartTimeFlagOfEngagement(db, engagementId),
  };
}
