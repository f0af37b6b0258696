// Demo dispatch data (issue 6): in every area two open tasks with a first wave of offers and one filled task
// with its engagements; the demo employer (13900000005) posts in 鲤城区 and the demo worker (13900000004)
// holds an outstanding offer. Rows are inserted directly, like the rest of the seed. Demo offers expire at
// the task's start (not in 10 minutes) so the demo stays usable; no expiry events are scheduled for them.
// The demo employer's second 鲤城区 task (one seat) has run out of its 3 waves, all expired, and waits for
// people to dispatch it: raising its headcount sends a fresh wave to workers not offered yet.
import { QUANZHOU_REGIONS, rankCandidates, reachMeters, travelMinutes, type TravelMode } from "@qz/shared";
import type { Tx } from "../../server/src/db/client.js";
import { engagements, offers, tasks, type employerProfiles, type venues, type workerProfiles, type workerSkills } from "../../server/src/db/schema/index.js";
import { Rng, jitter } from "./random.js";

type Profile = typeof workerProfiles.$inferInsert;
type Skill = typeof workerSkills.$inferInsert;
type Employer = typeof employerProfiles.$inferInsert;
type Venue = typeof venues.$inferInsert & { id: string };

const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const k = Math.PI / 180;
  const x = (b.lng - a.lng) * k * Math.cos(((a.lat + b.lat) / 2) * k);
  const y = (b.lat - a.lat) * k;
  return Math.sqrt(x * x + y * y) * 6_371_000;
};

export async function seedDispatch(
  tx: Tx,
  rng: Rng,
  d: { profiles: Profile[]; skills: Skill[]; employers: Employer[]; venues: Venue[]; demoWorkerId: string; demoEmployerId: string; now: Date },
): Promise<{ tasks: number; offers: number; engagements: number }> {
  const skillsOf = new Map<string, Skill[]>();
  for (const s of d.skills) skillsOf.set(s.workerId, [...(skillsOf.get(s.workerId) ?? []), s]);
  const busy = new Set<string>();
  const counts = { tasks: 0, offers: 0, engagements: 0 };
  const day = (n: number, hour: number) => new Date(Date.UTC(d.now.getUTCFullYear(), d.now.getUTCMonth(), d.now.getUTCDate() + n, hour - 8));

  for (const region of QUANZHOU_REGIONS) {
    const venue = d.venues.find((v) => v.regionCode === region.code && v.status === "RECOGNIZED");
    if (!venue) continue;
    const isDemoRegion = region.code === QUANZHOU_REGIONS[0].code;
    const local = d.employers.filter((e) => e.regionCode === region.code);
    for (let k = 0; k < 3; k++) {
      const filled = k === 2;
      const exhausted = isDemoRegion && k === 1;
      const employerId = isDemoRegion && k < 2 ? d.demoEmployerId : (rng.pick(local.length ? local : d.employers).userId as string);
      const skillCode = isDemoRegion && k === 0 ? "PORTER" : rng.pick(d.skills.filter((s) => d.profiles.find((p) => p.userId === s.workerId && metres(region.centre, { lat: p.homeLat, lng: p.homeLng }) < 10_000))).skillCode;
      const place = isDemoRegion && k === 0 ? d.profiles.find((p) => p.userId === d.demoWorkerId)! : null;
      const at = place ? jitter(rng, { lat: place.homeLat, lng: place.homeLng }, 1) : jitter(rng, region.centre, 3);
      // The demo worker's offer (鲤城区, k = 0) starts on day 3 at 14:00, 54–78 h ahead: clear of his signed job
      // (seed-settlement, 32–36 h ahead) and of the filled tasks (day 4), so he can accept it whatever the hour.
      const startsAt = isDemoRegion && k === 0 ? day(3, 14) : day(2 + k, 8);
      const headcount = filled ? 2 : exhausted ? 1 : 3;
      // Nearest eligible workers within their own reach, as the wave would find them (verified, available, the skill).
      const pool = d.profiles
        .filter((p) => p.verifiedAt && p.available !== false && !busy.has(p.userId) && (skillsOf.get(p.userId) ?? []).some((s) => s.skillCode === skillCode))
        .map((p) => ({ p, distance: metres(at, { lat: p.homeLat, lng: p.homeLng }) }))
        .filter(({ p, distance }) => distance <= reachMeters((p.travelMode ?? "EBIKE") as TravelMode, Math.min(p.travelMinutes ?? 60, 60)))
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 40);
      if (isDemoRegion && k === 0) pool.sort((a, b) => Number(b.p.userId === d.demoWorkerId) - Number(a.p.userId === d.demoWorkerId));
      const ranked = rankCandidates(
        pool.map(({ p, distance }) => ({
          workerId: p.userId,
          distanceMeters: distance,
          reachMeters: reachMeters((p.travelMode ?? "EBIKE") as TravelMode, Math.min(p.travelMinutes ?? 60, 60)),
          skillLevel: skillsOf.get(p.userId)!.find((s) => s.skillCode === skillCode)!.level,
          requiredLevel: 1,
          completedCount: p.completedCount ?? 0,
          noShowCount: p.noShowCount ?? 0,
          lateWithdrawalCount: 0,
          ratingSum: p.ratingSum ?? 0,
          ratingCount: p.ratingCount ?? 0,
          hoursLast7Days: 0,
          older: false,
          hardToEmploy: p.hardToEmploy ?? false,
          zeroEmploymentFamily: p.zeroEmploymentFamily ?? false,
        })),
      );
      const chosen = isDemoRegion && k === 0 ? [...ranked.filter((r) => r.candidate.workerId === d.demoWorkerId), ...ranked.filter((r) => r.candidate.workerId !== d.demoWorkerId)] : ranked;
      const taken = chosen.slice(0, filled ? headcount : exhausted ? 9 : headcount * 3);
      if (taken.length < (filled ? headcount : 1)) continue;
      const [task] = await tx
        .insert(tasks)
        .values({
          employerId,
          venueId: venue.id,
          postedBy: employerId,
          regionCode: region.code,
          title: `${region.name}${filled ? "短期用工" : exhausted ? "零工招募（待人工派单）" : "零工招募"}`,
          description: "演示数据：按日结算，工作地点详见地址。",
          skillCode,
          address: `泉州市${region.name}演示工作地点${k + 1}号`,
          lat: at.lat,
          lng: at.lng,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 4 * 3_600_000),
          headcount,
          filledCount: filled ? headcount : 0,
          payRateFen: 2_500 + 100 * rng.int(0, 10),
          payUnit: "HOUR",
          status: filled ? "FILLED" : "OPEN",
          wave: exhausted ? 3 : 1,
          manualDispatchAt: exhausted ? d.now : null,
        })
        .returning();
      counts.tasks++;
      const rows = await tx
        .insert(offers)
        .values(
          taken.map(({ candidate: c, score }, i) => {
            // Exhausted: three waves of three, ten minutes apart, the last just expired.
            const wave = exhausted ? 1 + Math.floor(i / 3) : 1;
            const expiredAt = new Date(d.now.getTime() - (3 - wave) * 600_000);
            return {
              taskId: task!.id,
              workerId: c.workerId,
              wave,
              status: filled ? ("ACCEPTED" as const) : exhausted ? ("EXPIRED" as const) : ("OFFERED" as const),
              score,
              distanceMeters: Math.round(c.distanceMeters),
              travelMinutes: travelMinutes(c.distanceMeters, (d.profiles.find((p) => p.userId === c.workerId)!.travelMode ?? "EBIKE") as TravelMode),
              expiresAt: exhausted ? expiredAt : startsAt,
              respondedAt: filled ? d.now : exhausted ? expiredAt : null,
              createdAt: exhausted ? new Date(expiredAt.getTime() - 600_000) : undefined,
            };
          }),
        )
        .returning();
      counts.offers += rows.length;
      if (filled) {
        await tx.insert(engagements).values(
          rows.map((o) => ({ taskId: task!.id, workerId: o.workerId, offerId: o.id, source: "OFFER" as const, startsAt, endsAt: task!.endsAt, acceptedAt: d.now })),
        );
        counts.engagements += rows.length;
        rows.forEach((o) => busy.add(o.workerId));
      }
    }
  }
  return counts;
}
