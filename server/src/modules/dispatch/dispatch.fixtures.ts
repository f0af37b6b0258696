// Test data for dispatch: workers with a home point, skills and travel mode; employers with a profile; a
// recognised venue; a valid task command. Rows are inserted directly (bulk for the concurrency tests).
import { randomUUID } from "node:crypto";
import type { Caller } from "../../access/actor.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { and, count, eq } from "drizzle-orm";
import { employerProfiles, notifications, offers, tasks, users, workerProfiles, workerSkills } from "../../db/schema/index.js";
import { afterAll, beforeAll } from "vitest";
import { creditCode, insertUser, insertVenue, nextPhone } from "../../testing/factories.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { PostTaskCommand } from "./task.service.js";

/** 鲤城区 centre, where most fixtures live. */
export const LICHENG = { lat: 24.908, lng: 118.587 };

/** A point `metres` north of `from` (1° of latitude ≈ 111,195 m). */
export const north = (from: { lat: number; lng: number }, metres: number) => ({ lat: from.lat + metres / 111_195, lng: from.lng });

export interface WorkerSpec {
  at?: { lat: number; lng: number };
  travelMode?: "WALK" | "BICYCLE" | "EBIKE" | "TRANSIT" | "CAR";
  travelMinutes?: number;
  skills?: [string, number][];
  verified?: boolean;
  available?: boolean;
  gender?: "MALE" | "FEMALE";
  birthDate?: string;
  hardToEmploy?: boolean;
  homeVenueId?: string | null;
  phone?: string;
}

let seq = 0;

/** Inserts workers in bulk (users, profiles, skills); returns their ids in order. */
export async function insertWorkers(db: Db, specs: WorkerSpec[]): Promise<string[]> {
  const template = await insertUser(db, "WORKER");
  const ids = specs.map(() => randomUUID());
  const rows = specs.map((s, i) => ({ s, id: ids[i]!, n: ++seq }));
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db.insert(users).values(batch.map(({ s, id, n }) => ({ id, phone: s.phone ?? nextPhone(), passwordHash: template.passwordHash, role: "WORKER", displayName: `零工${n}` })));
    await db.insert(workerProfiles).values(
      batch.map(({ s, id, n }) => ({
        userId: id,
        realName: `零工${n}`,
        idNumberCipher: `cipher-${id}`,
        idNumberBlindIndex: `bi-${id}`,
        idNumberMasked: "3505**********0011",
        gender: s.gender ?? "MALE",
        birthDate: s.birthDate ?? "1990-01-01",
        homeLat: (s.at ?? LICHENG).lat,
        homeLng: (s.at ?? LICHENG).lng,
        travelMode: s.travelMode ?? "EBIKE",
        travelMinutes: s.travelMinutes ?? 60,
        available: s.available ?? true,
        hardToEmploy: s.hardToEmploy ?? false,
        homeVenueId: s.homeVenueId ?? null,
        verifiedAt: s.verified === false ? null : new Date("2026-01-01T00:00:00Z"),
      })),
    );
    const skillRows = batch.flatMap(({ s, id }) => (s.skills ?? [["PORTER", 3]]).map(([skillCode, level]) => ({ workerId: id, skillCode, level })));
    if (skillRows.length) await db.insert(workerSkills).values(skillRows);
  }
  return ids;
}

export const insertWorker = async (db: Db, spec: WorkerSpec = {}) => (await insertWorkers(db, [spec]))[0]!;

/** An employer account with its profile (a company). */
export async function insertEmployer(db: Db, regionCode = "350502") {
  const user = await insertUser(db, "EMPLOYER");
  await db.insert(employerProfiles).values({ userId: user.id, kind: "COMPANY", name: `测试用工单位${++seq}`, creditCode: creditCode(100_000 + seq), contactName: "王经理", regionCode });
  return user;
}

export const insertRecognizedVenue = (db: Db, extra: Parameters<typeof insertVenue>[1] = {}) =>
  insertVenue(db, { status: "RECOGNIZED", recognizedAt: new Date("2026-01-01T00:00:00Z"), lat: LICHENG.lat, lng: LICHENG.lng, ...extra });

/** A valid 4-hour porter task tomorrow morning in 鲤城区, paid above the hourly minimum. */
export function taskCommand(now: Date, patch: Partial<PostTaskCommand> = {}): PostTaskCommand {
  const startsAt = new Date(now.getTime() + 24 * 3_600_000);
  return {
    title: "仓库搬运装卸",
    description: "搬运鞋材，需能负重",
    skillCode: "PORTER",
    requiredLevel: 1,
    regionCode: "350502",
    address: "鲤城区江南街道1号仓库",
    lat: LICHENG.lat,
    lng: LICHENG.lng,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
    headcount: 3,
    payRateFen: 2500,
    payUnit: "HOUR",
    maxTravelMinutes: 60,
    ...patch,
  };
}

/** A worker or employer calling the services directly (no venue, no area). */
export const callerAs = (userId: string, role: "WORKER" | "EMPLOYER"): Caller => ({ actor: { userId, role, venueId: null, regionCode: null }, meta: { requestId: "t", ip: null, userAgent: null } });

/** "ok", or a refusal as `CODE:REASON,...`, so a table of attempts reads as one expectation. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return `${err.code}:${err.reasons.map((r) => r.code).join(",")}`;
    throw err;
  }
  return "ok";
}

/**
 * What the wave tests read back: a task's offers (all, or those still outstanding), its row, how many offers a
 * worker holds, and the employer's "dispatch by hand" notices for a task title. `lab` is read on each call, so a
 * test can build these before its harness exists.
 */
export function waveReads(lab: () => { db: Db; employerId: string }) {
  const offersOf = (taskId: string) => lab().db.select().from(offers).where(eq(offers.taskId, taskId));
  return {
    offersOf,
    outstanding: async (taskId: string) => (await offersOf(taskId)).filter((o) => o.status === "OFFERED"),
    taskRow: async (id: string) => (await lab().db.select().from(tasks).where(eq(tasks.id, id)))[0]!,
    heldBy: async (workerId: string) => (await lab().db.select({ n: count() }).from(offers).where(and(eq(offers.workerId, workerId), eq(offers.status, "OFFERED"))))[0]!.n,
    manualNotices: async (taskTitle: string) =>
      (await lab().db.select().from(notifications).where(and(eq(notifications.kind, "DISPATCH_MANUAL"), eq(notifications.userId, lab().employerId)))).filter((n) => n.title.includes(taskTitle)),
  };
}

/** A test file's service harness with a recognised 鲤城区 venue and one employer, made before its tests and closed after; `use` receives them. */
export function useDispatchLab(use: (lab: { h: ServiceHarness; employerId: string; employer: Caller }) => void): void {
  let h: ServiceHarness | undefined;
  beforeAll(async () => {
    h = await createServiceHarness();
    await insertRecognizedVenue(h.deps.db, { regionCode: "350502" });
    const employerId = (await insertEmployer(h.deps.db)).id;
    use({ h, employerId, employer: callerAs(employerId, "EMPLOYER") });
  });
  afterAll(() => h?.close());
}
