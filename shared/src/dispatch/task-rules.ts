// Rules a task (零工岗位) must meet when posted or edited (DESIGN §3–4), before any minimum-wage check.
import { PAY_UNIT, TASK_STATUS, type PayUnit, type TaskStatus } from "../catalog/enums.js";
import { defineLifecycle } from "../catalog/lifecycle.js";
import { fail, ok, type FieldReason, type Result } from "../result.js";

/** Quanzhou's land area with a margin: a task or home outside it was mistyped (or is not ours). */
export const QUANZHOU_BOUNDS = { minLat: 24.2, maxLat: 25.6, minLng: 117.5, maxLng: 119.2 } as const;

export const TASK_LIMITS = {
  maxHeadcount: 500,
  /** One posting is one shift: longer work is posted as several tasks, each settled daily (日结). */
  maxWindowHours: 24,
  /** Posting further ahead than this is almost always a wrong year. */
  maxLeadDays: 90,
  /** Far above any gig's pay (10,000 CNY per unit): catches fen/yuan mix-ups. */
  maxPayFen: 1_000_000,
  travelMinutes: { min: 5, max: 180 },
  /** 劳动合同法 §68: part-time work averages at most 4 hours a day with one employer. */
  partTimeDailyHours: 4,
} as const;

export interface TaskDraft {
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  payRateFen: number;
  payUnit: PayUnit;
  lat: number;
  lng: number;
  maxTravelMinutes: number;
  requiredLevel: number;
}

export interface TaskCheck {
  /** Hours in the window (for the daily-pay minimum-wage check). */
  windowHours: number;
  /** Set when the window exceeds the part-time daily limit: shown to the employer and the venue, not refused. */
  flags: FieldReason[];
}

export const isInQuanzhou = (lat: number, lng: number): boolean =>
  lat >= QUANZHOU_BOUNDS.minLat && lat <= QUANZHOU_BOUNDS.maxLat && lng >= QUANZHOU_BOUNDS.minLng && lng <= QUANZHOU_BOUNDS.maxLng;

/** Checks a task's window, headcount, pay, place and reach at `now`; every refusal names its field. */
export function checkTaskDraft(t: TaskDraft, now: Date): Result<TaskCheck> {
  const reasons: FieldReason[] = [];
  const hours = (t.endsAt.getTime() - t.startsAt.getTime()) / 3_600_000;
  if (!(t.startsAt.getTime() > now.getTime())) reasons.push({ field: "startsAt", code: "TASK_START_IN_PAST", message: "开始时间必须晚于当前时间" });
  if (t.startsAt.getTime() > now.getTime() + TASK_LIMITS.maxLeadDays * 86_400_000) {
    reasons.push({ field: "startsAt", code: "TASK_START_TOO_FAR", message: `开始时间不能晚于${TASK_LIMITS.maxLeadDays}天后` });
  }
  if (!(hours > 0)) reasons.push({ field: "endsAt", code: "TASK_END_BEFORE_START", message: "结束时间必须晚于开始时间" });
  else if (hours > TASK_LIMITS.maxWindowHours) {
    reasons.push({ field: "endsAt", code: "TASK_WINDOW_TOO_LONG", message: `一个岗位的工作时段不超过${TASK_LIMITS.maxWindowHours}小时，多日用工请分日发布` });
  }
  if (!Number.isInteger(t.headcount) || t.headcount < 1 || t.headcount > TASK_LIMITS.maxHeadcount) {
    reasons.push({ field: "headcount", code: "TASK_HEADCOUNT", message: `招用人数应为 1 至 ${TASK_LIMITS.maxHeadcount} 人` });
  }
  if (!Number.isSafeInteger(t.payRateFen) || t.payRateFen <= 0 || t.payRateFen > TASK_LIMITS.maxPayFen) {
    reasons.push({ field: "payRateFen", code: "TASK_PAY_INVALID", message: `报酬应为 1 至 ${TASK_LIMITS.maxPayFen} 分之间的整数` });
  }
  if (!PAY_UNIT.has(t.payUnit)) reasons.push({ field: "payUnit", code: "TASK_PAY_UNIT", message: "计酬方式应为按小时、按日或计件" });
  if (!Number.isFinite(t.lat) || !Number.isFinite(t.lng) || !isInQuanzhou(t.lat, t.lng)) {
    reasons.push({ field: "location", code: "TASK_OUTSIDE_QUANZHOU", message: "工作地点不在泉州市范围内，请检查定位" });
  }
  const { min, max } = TASK_LIMITS.travelMinutes;
  if (!Number.isInteger(t.maxTravelMinutes) || t.maxTravelMinutes < min || t.maxTravelMinutes > max) {
    reasons.push({ field: "maxTravelMinutes", code: "TASK_TRAVEL_MINUTES", message: `通勤时间上限应为 ${min} 至 ${max} 分钟` });
  }
  if (!Number.isInteger(t.requiredLevel) || t.requiredLevel < 1 || t.requiredLevel > 5) {
    reasons.push({ field: "requiredLevel", code: "TASK_SKILL_LEVEL", message: "技能等级要求应为 1 至 5" });
  }
  if (reasons.length) return fail(...reasons);
  const flags: FieldReason[] =
    hours > TASK_LIMITS.partTimeDailyHours
      ? [{ field: "endsAt", code: "PART_TIME_DAILY_HOURS", message: `非全日制用工每日工作时间一般不超过${TASK_LIMITS.partTimeDailyHours}小时（劳动合同法第六十八条），本岗位为${Math.round(hours * 10) / 10}小时` }]
      : [];
  return ok({ windowHours: hours, flags });
}

export type TaskAction = "OPEN" | "FILL" | "REOPEN" | "START" | "COMPLETE" | "CANCEL";

/** DRAFT → OPEN → FILLED → IN_PROGRESS → COMPLETED | CANCELLED; a seat freed before the start reopens a filled task. */
export const TASK_LIFECYCLE = defineLifecycle<TaskStatus, TaskAction>({
  code: "TASK",
  noun: "岗位",
  states: TASK_STATUS,
  reasonMessage: "取消岗位必须填写原因",
  transitions: {
    OPEN: { from: ["DRAFT"], to: "OPEN" },
    FILL: { from: ["OPEN"], to: "FILLED" },
    REOPEN: { from: ["FILLED"], to: "OPEN" },
    START: { from: ["OPEN", "FILLED"], to: "IN_PROGRESS" },
    COMPLETE: { from: ["IN_PROGRESS"], to: "COMPLETED" },
    CANCEL: { from: ["DRAFT", "OPEN", "FILLED"], to: "CANCELLED", needsReason: true },
  },
});
