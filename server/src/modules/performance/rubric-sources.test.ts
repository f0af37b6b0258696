// B2 (e-contract rate), D2 (complete ledgers: dispatch record, signed contract, 回访) and walk-in registrations in A3,
// from their real source rows: engagements and contracts through dispatch and signing, placements through payment.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, placementFollowUps, venueYearResults } from "../../db/schema/index.js";
import { insertVenue, residentId, nextPhone } from "../../testing/factories.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { engagedWorker, insertRecognizedVenue, paidShift, type Engaged } from "../contract/contract.fixtures.js";

describe("rubric items from their sources: B2, D2 and walk-ins (A3)", () => {
  let h: ServiceHarness;
  let venueId: string;
  let n = 0;
  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-11-27T02:00:00Z", env: { SMS_RESEND_SECONDS: "0", DATABASE_POOL_MAX: "20" } });
    venueId = (await insertRecognizedVenue(h.deps.db, { regionCode: "350502" })).id;
  });
  afterAll(() => h?.close());

  const result = async () => (await h.deps.db.select().from(venueYearResults).where(and(eq(venueYearResults.venueId, venueId), eq(venueYearResults.year, 2026))))[0]!;
  const item = async (id: string) => (await result()).evaluation.items.find((i) => i.id === id)!;

  /** Signed, worked 225 minutes and paid through the jobs: one placement. */
  const paid = (): Promise<Engaged> => paidShift(h, { at: "2026-11-27T02:00:00Z", task: { lat: 24.9 + ++n * 0.004 } });

  it("B2 counts engagements whose contract both parties signed; D2 needs the 回访 too; staff record it once, for their venue only", async () => {
    const signed = await paid();
    h.clock.set("2026-11-27T02:00:00Z");
    await engagedWorker(h, { task: { lat: 24.9 + ++n * 0.004 } }); // taken, never signed
    await h.deliverDueEvents();
    // An engagement moves no counter: the nightly reconcile's recompute of the current year picks it up.
    await h.deps.db.transaction((tx) => h.services.performance.reconcile(tx, null));
    const b2 = await item("B2");
    expect(b2).toMatchObject({ numerator: 1, denominator: 2, actual: 50 });
    expect(b2.earnedTenths).toBe(18); // 3 points × 50 % ÷ 80 % = 1.875, floored to one decimal (the rubric never rounds up)
    expect(await item("D2")).toMatchObject({ numerator: 0, denominator: 1, earnedTenths: 0 });

    const placement = await h.services.settlement.placementOf(signed.engagementId);
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const other = await insertVenue(h.deps.db, { regionCode: "350502" });
    const stranger = await h.callerAs("VENUE_STAFF", { venueId: other.id, regionCode: "350502" });
    await expect(h.services.performance.recordPlacementFollowUp(stranger, { placementId: placement!.id, note: "别的场所来回访" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.services.performance.recordPlacementFollowUp(staff, { placementId: "00000000-0000-4000-8000-000000000009", note: "没有这条" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(h.services.performance.recordPlacementFollowUp(staff, { placementId: placement!.id, note: "回".repeat(1001) })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(h.services.performance.recordPlacementFollowUp(signed.worker, { placementId: placement!.id, note: "自己回访自己" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await h.deps.db.select().from(placementFollowUps)).toEqual([]);

    const saved = await h.services.performance.recordPlacementFollowUp(staff, { placementId: placement!.id, note: "电话回访：工资已到账，对雇主满意" });
    expect(saved).toMatchObject({ placementId: placement!.id, venueId, calledBy: staff.userId });
    // Two calls at once: one wins, the other is a CONFLICT, and one row stands.
    const again = await Promise.allSettled([1, 2].map(() => h.services.performance.recordPlacementFollowUp(staff, { placementId: placement!.id, note: "再次回访" })));
    expect(again.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"))).toEqual(["CONFLICT", "CONFLICT"]);
    expect(await h.deps.db.select().from(placementFollowUps)).toHaveLength(1);
    expect(await item("D2")).toMatchObject({ numerator: 1, denominator: 1, actual: 100, earnedTenths: 30 });
    const [audit] = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.action, "performance.record-follow-up"), eq(auditLog.entityId, placement!.id)));
    expect(audit).toMatchObject({ actorId: staff.userId });
    // The reconcile's recount does not disturb these (they live outside the counters).
    await h.deps.db.transaction((tx) => h.services.performance.reconcile(tx, null));
    expect(await item("D2")).toMatchObject({ numerator: 1, earnedTenths: 30 });
    expect(await item("B2")).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it("walk-in registrations by the venue's staff count in A3 beside the recorded services", async () => {
    const before = (await item("A3")).actual ?? 0;
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    for (const i of [1, 2]) {
      await h.services.registration.registerWalkInWorker(staff, {
        phone: nextPhone(),
        password: "Secret#2026",
        realName: "陈阿婆",
        idNumber: residentId("1972-03-08", 200 + i * 2, "FEMALE"),
        skills: [{ skillCode: "CLEANING", level: 3 }],
        homeLat: 24.91,
        homeLng: 118.59,
        travelMode: "EBIKE",
      });
    }
    await h.services.performance.recordActivity(staff, { kind: "SERVICE", category: "政策咨询", quantity: 5, occurredOn: "2026-11-26", evidence: "咨询登记表" });
    await h.deliverDueEvents();
    expect((await item("A3")).actual).toBe(before + 2 + 5);
  });
});
