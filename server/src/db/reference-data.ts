import { eq, sql } from "drizzle-orm";
import { CN_HOLIDAY_CALENDAR, DEFAULT_MINIMUM_WAGES, QUANZHOU_REGIONS, SKILL_CATALOG } from "@qz/shared";
import type { Db, DbOrTx } from "./client.js";
import { auditLog, holidays, minimumWages, regions, roles, skills } from "./schema/index.js";

/** The roles of DESIGN §1 with the scope each sees. */
export const ROLE_ROWS = [
  { code: "WORKER", name: "零工人员", scope: "OWN_RECORD" },
  { code: "EMPLOYER", name: "用工主体", scope: "OWN_RECORD" },
  { code: "VENUE_STAFF", name: "零工市场/驿站工作人员", scope: "OWN_VENUE" },
  { code: "COUNTY_OFFICER", name: "县(市、区)人社部门", scope: "OWN_COUNTY" },
  { code: "CITY_OFFICER", name: "市人社局", scope: "CITY" },
] as const;

/** The audit entity of a city officer's edit of one year's holiday calendar (entity id: the year). */
export const HOLIDAY_CALENDAR_ENTITY = "holiday_calendar";

/** Serialises writes to one year's holiday rows until the transaction ends (officer edits and this seeding). */
export async function lockCalendarYear(tx: DbOrTx, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('holidays'), ${year}::int)`);
}

/**
 * Upserts roles, regions, skills and the built-in holiday calendar; inserts the default minimum wages.
 * Safe to run on every start, and never undoes what city officers entered.
 */
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
    // Once a city officer has entered a year (setCalendarDays, audited), that year is theirs: they
    // expect exactly what they entered to stand after any restart or release, including days they
    // removed or renamed, so the built-in rows skip it entirely (ON CONFLICT DO NOTHING would bring a
    // removed day back). Years nobody edited keep following the built-in list, so a corrected row
    // shipped in code still reaches them. The year locks keep an edit committing meanwhile from being overwritten.
    for (const year of new Set(CN_HOLIDAY_CALENDAR.map((d) => Number(d.date.slice(0, 4))))) await lockCalendarYear(tx, year);
    const edited = await tx
      .selectDistinct({ year: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.entityType, HOLIDAY_CALENDAR_ENTITY));
    const editedYears = new Set(edited.map((e) => e.year));
    const builtIn = CN_HOLIDAY_CALENDAR.filter((d) => !editedYears.has(d.date.slice(0, 4)));
    if (builtIn.length) {
      await tx
        .insert(holidays)
        .values(builtIn.map((d) => ({ date: d.date, kind: d.kind, name: d.name })))
        .onConflictDoUpdate({ target: holidays.date, set: { kind: sql`excluded.kind`, name: sql`excluded.name` } });
    }
    // Defaults only fill gaps: a standard is never changed in place, and officers add newer rows.
    await tx
      .insert(minimumWages)
      .values(DEFAULT_MINIMUM_WAGES.map((w) => ({ ...w })))
      .onConflictDoNothing({ target: [minimumWages.regionCode, minimumWages.effectiveFrom] });
  });
}
