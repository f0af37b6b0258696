import { sql } from "drizzle-orm";
import { CN_HOLIDAY_CALENDAR, QUANZHOU_REGIONS, SKILL_CATALOG } from "@qz/shared";
import type { Db } from "./client.js";
import { holidays, regions, roles, skills } from "./schema/index.js";

/** The roles of DESIGN §1 with the scope each sees. */
export const ROLE_ROWS = [
  { code: "WORKER", name: "零工人员", scope: "OWN_RECORD" },
  { code: "EMPLOYER", name: "用工主体", scope: "OWN_RECORD" },
  { code: "VENUE_STAFF", name: "零工市场/驿站工作人员", scope: "OWN_VENUE" },
  { code: "COUNTY_OFFICER", name: "县(市、区)人社部门", scope: "OWN_COUNTY" },
  { code: "CITY_OFFICER", name: "市人社局", scope: "CITY" },
] as const;

/** Upserts roles, regions, skills and the holiday calendar; safe to run on every start. */
export async function applyReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(roles)
      .values([...ROLE_ROWS])
      .onConflictDoUpdate({ target: roles.code, set: { name: sql`excluded.name`, scope: sql`excluded.scope` } });
    await tx
      .insert(regions)
      .values(
        QUANZHOU_REGIONS.map((r, i) => ({
          code: r.code,
          name: r.name,
          sortOrder: i + 1,
          centerLat: r.centre.lat,
          centerLng: r.centre.lng,
        })),
      )
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          name: sql`excluded.name`,
          sortOrder: sql`excluded.sort_order`,
          centerLat: sql`excluded.center_lat`,
          centerLng: sql`excluded.center_lng`,
        },
      });
    await tx
      .insert(skills)
      .values(SKILL_CATALOG.map((s) => ({ code: s.code, name: s.name })))
      .onConflictDoUpdate({ target: skills.code, set: { name: sql`excluded.name` } });
    await tx
      .insert(holidays)
      .values(CN_HOLIDAY_CALENDAR.map((d) => ({ date: d.date, kind: d.kind, name: d.name })))
      .onConflictDoUpdate({ target: holidays.date, set: { kind: sql`excluded.kind`, name: sql`excluded.name` } });
  });
}
