// 日结 (issue 7 §5) on the harness clock across the National Day holiday: an engagement not submitted 24 h
// after check-out alerts the employer and the venue's staff; unpaid at the end of the 3rd working day (the
// make-up Saturday counts, 1–7 October do not) it is referred to labour inspection; a paid one is left alone.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaints, labourInspectionReferrals, notifications } from "../../db/schema/index.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import { insertRecognizedVenue, workedShift, type Engaged } from "../contract/contract.fixtures.js";

const H = 3_600_000;
const system = { actor: null, system: true, meta: { requestId: "test-system", ip: null, userAgent: null } };

describe("daily pay (日结) deadlines", () => {
  let h: ServiceHarness;
  let venueId: string;
  let n = 0;

  beforeAll(async () => {
    h = await createServiceHarness({ env: { SMS_RESEND_SECONDS: "0" } });
    venueId = (await insertRecognizedVenue(h.deps.db)).id;
  });
  afterAll(() => h?.close());

  /** Work on Wed 30 Sep 2026, 10:00–13:50 Shanghai (the eve of the National Day holiday), escrow funded. */
  const workedOnHolidayEve = (): Promise<Engaged> => workedShift(h, { at: "2026-09-29T02:00:00Z", task: { lat: 24.9 + ++n * 0.004 } });

  const notesOf = async (userId: string, kind: string) => (await h.deps.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))).length;
  const referralsOf = async (engagementId: string) =>
    h.deps.db.select({ id: labourInspectionReferrals.id, employerId: labourInspectionReferrals.employerId }).from(labourInspectionReferrals).innerJoin(complaints, eq(complaints.id, labourInspectionReferrals.complaintId)).where(eq(complaints.engagementId, engagementId));

  it("unsubmitted after 24 h → alert to the employer and the venue's staff; unpaid at the end of the 3rd working day across the holiday → a referral; a paid engagement is left alone", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const unpaid = await workedOnHolidayEve();
    const paid = await workedOnHolidayEve();
    expect(h.clock.now().toISOString()).toBe("2026-09-30T05:50:00.000Z"); // both checked out Wed 13:50 Shanghai
    const s = await h.services.settlement.submitSettlement(paid.employer, { engagementId: paid.engagementId });
    await h.services.settlement.confirmSettlement(paid.worker, s.id);
    await h.deliverDueEvents();
    expect((await h.services.settlement.getSettlement(paid.worker, s.id)).status).toBe("PAID");

    h.clock.advance(23 * H);
    await h.deliverDueEvents();
    expect(await notesOf(unpaid.employer.actor!.userId, "WAGES_UNSUBMITTED")).toBe(0);
    h.clock.advance(2 * H);
    await h.deliverDueEvents();
    expect(await notesOf(unpaid.employer.actor!.userId, "WAGES_UNSUBMITTED")).toBe(1);
    expect(await notesOf(staff.userId, "WAGES_UNSUBMITTED")).toBe(1); // only the unpaid one: the paid one was submitted
    expect(await notesOf(paid.employer.actor!.userId, "WAGES_UNSUBMITTED")).toBe(0);

    // Wed afternoon, then 1–7 October off, Thu 8, Fri 9 and the make-up Saturday 10 October: due 24:00 that Saturday.
    h.clock.set("2026-10-10T15:30:00Z");
    await h.deliverDueEvents();
    expect(await referralsOf(unpaid.engagementId)).toHaveLength(0);
    h.clock.set("2026-10-10T16:30:00Z");
    await h.deliverDueEvents();
    const referrals = await referralsOf(unpaid.engagementId);
    expect(referrals).toEqual([{ id: expect.any(String), employerId: unpaid.employer.actor!.userId }]);
    const [complaint] = (await h.services.complaints.myComplaints(unpaid.worker, { limit: 5, offset: 0 })).items;
    expect(complaint).toMatchObject({ category: "WAGE_ARREARS", engagementId: unpaid.engagementId, respondentUserId: unpaid.employer.actor!.userId });
    expect(complaint!.referredAt).not.toBeNull();
    expect(await notesOf(unpaid.employer.actor!.userId, "COMPLAINT_REFER_TO_INSPECTION")).toBe(1);
    expect(await notesOf(unpaid.worker.actor!.userId, "COMPLAINT_REFER_TO_INSPECTION")).toBe(1);
    // The employer cannot post while it stands; nothing about the paid engagement.
    expect(await h.services.complaints.canPost(unpaid.employer.actor!.userId)).toMatchObject({ ok: false });
    expect(await referralsOf(paid.engagementId)).toHaveLength(0);
    expect((await h.services.complaints.myComplaints(paid.worker, { limit: 5, offset: 0 })).items).toHaveLength(0);

    // Later deadlines (the complaint's own referral check) and redelivery add nothing.
    h.clock.set("2026-10-20T02:00:00Z");
    await h.deliverDueEvents();
    expect(await referralsOf(unpaid.engagementId)).toHaveLength(1);
    expect(await h.services.complaints.referUnpaidWages(system, { engagementId: unpaid.engagementId, workerId: unpaid.worker.actor!.userId, employerId: unpaid.employer.actor!.userId, title: "x", amountFen: null })).toMatchObject({ id: complaint!.id });
    expect(await referralsOf(unpaid.engagementId)).toHaveLength(1);
  }, 60_000);
});
