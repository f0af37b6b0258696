// The simulator's decisions, pure and driven by one seeded PRNG: the same seed replays the same day.
import { SKILL_CATALOG } from "@qz/shared";
import { LOCAL_SKILLS } from "../demo-vocabulary.js";
import { jitter, type Rng } from "../random.js";

/**
 * Postings per hour of a working day, 06:00–18:00 (Quanzhou's gig day: the morning peak at 07–09 when
 * factories and sites call for hands, a lull at noon, a smaller peak at 14:00). Mean 1 over the day.
 */
const HOURLY_SHAPE = [0.6, 1.7, 2.0, 1.5, 1.0, 0.7, 0.5, 0.8, 1.0, 0.9, 0.8, 0.5];
const SHAPE_MEAN = HOURLY_SHAPE.reduce((a, b) => a + b, 0) / HOURLY_SHAPE.length;

/** How much busier than average the market is at `fraction` (0..1) of the simulated day. */
export function dayRateFactor(fraction: number): number {
  const f = ((fraction % 1) + 1) % 1;
  return HOURLY_SHAPE[Math.min(HOURLY_SHAPE.length - 1, Math.floor(f * HOURLY_SHAPE.length))]! / SHAPE_MEAN;
}

/** Seconds of wall clock one simulated day takes: the whole run, or 10 minutes per day when the run is open-ended. */
export const dayLengthSeconds = (duration: number): number => (duration > 0 ? Math.max(duration, 30) : 600);

/** Seconds until the next posting: exponential gaps (a Poisson stream) at `perMinute` × the hour's factor. */
export function nextPostingGapSeconds(rng: Rng, perMinute: number, fraction: number): number {
  const perSecond = (perMinute * dayRateFactor(fraction)) / 60;
  return -Math.log(1 - rng.float()) / perSecond;
}

export interface PlanWorker {
  regionCode: string;
  home: { lat: number; lng: number };
  skills: { skillCode: string; level: number }[];
}

export interface TaskPlan {
  title: string;
  description: string;
  skillCode: string;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  /** Seconds from posting to the start. */
  startsInSeconds: number;
  windowMinutes: number;
  headcount: number;
  payRateFen: number;
  /** The employer cancels once someone has accepted (a late cancellation: inside the late window before the start). */
  cancelLate: boolean;
  /** Work that starts within minutes (runs to paid settlement) or later today (offers, acceptance and contracts only). */
  kind: "RUSH" | "LATER";
}

const SKILL_NAMES = new Map<string, string>(SKILL_CATALOG.map((s) => [s.code, s.name]));

export const PLAN_RULES = {
  /** Share of tasks that start within minutes of posting. */
  rushShare: 0.6,
  /** Seconds from posting to a rush task's start: time for the wave, an answer and both signatures. */
  rushLeadSeconds: [90, 150] as const,
  /** Billable time comes in 15-minute units (ATTENDANCE_RULES.unitMinutes): the shortest paid window. */
  rushWindowMinutes: [15, 15, 15, 30] as const,
  /** The area's hourly minimum is 19–20.5 CNY; gigs pay 22–35. */
  payRateFen: [2200, 3500] as const,
  lateCancelShare: 0.04,
} as const;

/** What an employer posts next, around a worker's home (so someone on the app is in reach) and for a skill of the area. */
export function planTask(rng: Rng, target: PlanWorker, regionName: string): TaskPlan {
  const local = LOCAL_SKILLS[target.regionCode] ?? [];
  const skill = rng.weighted(target.skills.map((s) => [s.skillCode, local.includes(s.skillCode) ? 3 : 1] as const));
  const place = jitter(rng, target.home, 1.5);
  const rush = rng.chance(PLAN_RULES.rushShare);
  const startsInSeconds = rush ? rng.int(...PLAN_RULES.rushLeadSeconds) : rng.int(4, 24) * 900;
  const name = SKILL_NAMES.get(skill) ?? "零工";
  return {
    title: `${name}${rush ? "急招" : "今日用工"}`,
    description: "模拟数据：市场模拟器发布，按日结算。",
    skillCode: skill,
    regionCode: target.regionCode,
    address: `泉州市${regionName}模拟工作点${rng.int(1, 999)}号`,
    lat: place.lat,
    lng: place.lng,
    startsInSeconds,
    windowMinutes: rush ? rng.pick(PLAN_RULES.rushWindowMinutes) : 240,
    headcount: rng.weighted([[1, 50], [2, 35], [3, 15]] as const),
    payRateFen: rng.int(PLAN_RULES.payRateFen[0] / 50, PLAN_RULES.payRateFen[1] / 50) * 50,
    cancelLate: rng.chance(PLAN_RULES.lateCancelShare),
    kind: rush ? "RUSH" : "LATER",
  };
}

/** Escrow an employer funds for a task: every seat's full window at the hourly rate, in whole fen. */
export const escrowFen = (plan: Pick<TaskPlan, "payRateFen" | "headcount" | "windowMinutes">): number =>
  Math.ceil((plan.payRateFen * plan.headcount * plan.windowMinutes) / 60);

/** Whether a worker takes an offer: likelier for better pay, less likely for a long trip. */
export function acceptProbability(offer: { payRateFen: number; travelMinutes: number }): number {
  const pay = Math.min(0.15, Math.max(-0.15, (offer.payRateFen - 2800) / 4000));
  const trip = Math.max(0, offer.travelMinutes - 20) * 0.01;
  return Math.min(0.95, Math.max(0.2, 0.75 + pay - trip));
}

/** How each worker behaves on one job, drawn once when the job is taken. */
export interface JobBehaviour {
  noShow: boolean;
  dispute: boolean;
  complain: boolean;
}

export const BEHAVIOUR_RULES = { noShowShare: 0.05, disputeShare: 0.08, complaintShare: 0.05 } as const;

export function drawBehaviour(rng: Rng): JobBehaviour {
  return {
    noShow: rng.chance(BEHAVIOUR_RULES.noShowShare),
    dispute: rng.chance(BEHAVIOUR_RULES.disputeShare),
    complain: rng.chance(BEHAVIOUR_RULES.complaintShare),
  };
}
