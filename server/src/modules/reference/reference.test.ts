import { CN_HOLIDAY_CALENDAR, isWorkingDay, addWorkingDays } from "@qz/shared";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyReferenceData } from "../../db/reference-data.js";
import { auditLog, holidays, minimumWages } from "../../db/schema/index.js";
import { signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { workingDayCalendar } from "./reference.service.js";

const HISTORY = `query($r: String!) { minimumWages(regionCode: $r) { regionCode effectiveFrom monthlyFen hourlyFen source region { name } } }`;
const ON = `query($r: String!, $d: LocalDate!) { minimumWageOn(regionCode: $r, date: $d) { effectiveFrom monthlyFen hourlyFen } }`;
const SET_WAGE = `mutation($input: SetMinimumWageInput!) { setMinimumWage(input: $input) { regionCode effectiveFrom monthlyFen hourlyFen source } }`;
const CALENDAR = `query($y: Int!) { holidayCalendar(year: $y) { date kind name } }`;
const SET_DAYS = `mutation($y: Int!, $days: [CalendarDayInput!]!, $s: String!) { setCalendarDays(year: $y, days: $days, source: $s) { date kind name } }`;

const wageInput = (over: Record<string, unknown> = {}) => ({
  regionCode: "350502",
  effectiveFrom: "2026-07-01",
  monthlyFen: 210_000,
  hourlyFen: 2_200,
  source: "  闽政〔2026〕测试号 ",
  ...over,
});

const builtIn = (year: string) => CN_HOLIDAY_CALENDAR.filter((d) => d.date.startsWith(year));

describe("reference data", () => {
  let t: TestApi;
  let city: string;
  let county: string;
  let worker: string;
  const count = async (table: "minimum_wages" | "holidays" | "audit_log") =>
    (await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApi();
    city = (await signedIn(t, "CITY_OFFICER")).token;
    county = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" })).token;
    worker = (await signedIn(t, "WORKER")).token;
  });
  afterAll(() => t?.close());

  it("seeds Fujian's 2022 minimum wages for all 13 areas, readable without logging in", async () => {
    const rows = await t.database.db.select().from(minimumWages);
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.effectiveFrom === "2022-04-01")).toBe(true);
    const anxi = (await t.ok(HISTORY, { r: "350524" })).minimumWages;
    expect(anxi).toEqual([expect.objectContaining({ effectiveFrom: "2022-04-01", monthlyFen: 181_000, hourlyFen: 1_900, region: { name: "安溪县" } })]);
    const zone = (await t.ok(ON, { r: "350572", d: "2026-01-01" })).minimumWageOn;
    expect(zone).toEqual({ effectiveFrom: "2022-04-01", monthlyFen: 196_000, hourlyFen: 2_050 });
    expect((await t.ok(ON, { r: "350502", d: "2022-03-31" })).minimumWageOn).toBeNull();
    expect((await t.gql(ON, { r: "999999", d: "2026-01-01" })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("a city officer sets a new standard: audited, history kept, and the right row is picked either side of its date", async () => {
    const { setMinimumWage } = await t.ok(SET_WAGE, { input: wageInput() }, city);
    expect(setMinimumWage).toEqual({ regionCode: "350502", effectiveFrom: "2026-07-01", monthlyFen: 210_000, hourlyFen: 2_200, source: "闽政〔2026〕测试号" });
    expect((await t.ok(ON, { r: "350502", d: "2026-06-30" }, worker)).minimumWageOn.hourlyFen).toBe(2_050);
    expect((await t.ok(ON, { r: "350502", d: "2026-07-01" }, worker)).minimumWageOn.hourlyFen).toBe(2_200);
    expect((await t.ok(ON, { r: "350503", d: "2026-07-01" })).minimumWageOn.hourlyFen).toBe(2_050); // other areas unchanged
    const history = (await t.ok(HISTORY, { r: "350502" })).minimumWages;
    expect(history.map((h: { effectiveFrom: string }) => h.effectiveFrom)).toEqual(["2026-07-01", "2022-04-01"]);

    const [row] = await t.database.db.select().from(minimumWages).where(and(eq(minimumWages.regionCode, "350502"), eq(minimumWages.effectiveFrom, "2026-07-01")));
    expect(row!.createdBy).not.toBeNull();
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, "minimum_wage"), eq(auditLog.entityId, row!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "reference.set-minimum-wage",
      actorRole: "CITY_OFFICER",
      actorId: row!.createdBy,
      before: { effectiveFrom: "2022-04-01", hourlyFen: 2_050 },
      after: { effectiveFrom: "2026-07-01", monthlyFen: 210_000, hourlyFen: 2_200 },
    });

    // A restart re-applies the defaults without touching or duplicating anything.
    await applyReferenceData(t.database.db);
    expect((await t.ok(HISTORY, { r: "350502" })).minimumWages).toHaveLength(2);
  });

  it("only city officers may set a standard: county officers and workers are FORBIDDEN, strangers UNAUTHENTICATED", async () => {
    const before = await count("minimum_wages");
    for (const token of [county, worker]) {
      expect((await t.gql(SET_WAGE, { input: wageInput({ effectiveFrom: "2027-01-01" }) }, token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await t.gql(SET_WAGE, { input: wageInput({ effectiveFrom: "2027-01-01" }) })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await count("minimum_wages")).toBe(before);
  });

  it.each([
    ["a negative hourly figure", { hourlyFen: -2_200 }, "BAD_USER_INPUT", "hourlyFen"],
    ["hourly above monthly", { monthlyFen: 2_000, hourlyFen: 2_200 }, "BAD_USER_INPUT", "hourlyFen"],
    ["more than 10,000,000 fen", { monthlyFen: 10_000_001 }, "BAD_USER_INPUT", "monthlyFen"],
    ["an unknown area", { regionCode: "350599" }, "BAD_USER_INPUT", "regionCode"],
    ["a date that does not exist", { effectiveFrom: "2026-02-30" }, "BAD_USER_INPUT", undefined],
    ["a date before 2000", { effectiveFrom: "1999-12-31" }, "BAD_USER_INPUT", "effectiveFrom"],
    ["a blank source", { source: "   " }, "BAD_USER_INPUT", "source"],
    ["a source over 200 characters", { source: "文".repeat(201) }, "BAD_USER_INPUT", "source"],
    ["a second standard for the same area and date", { effectiveFrom: "2022-04-01" }, "CONFLICT", "effectiveFrom"],
  ])("refuses %s with %s and writes nothing", async (_what, over, code, field) => {
    const [wages, audits] = [await count("minimum_wages"), await count("audit_log")];
    const result = await t.gql(SET_WAGE, { input: wageInput(over) }, city);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(result.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ field }));
    expect([await count("minimum_wages"), await count("audit_log")]).toEqual([wages, audits]);
  });

  it("a city officer replaces a year's calendar: audited, working days follow at once, and a restart keeps the edit", async () => {
    expect((await t.ok(CALENDAR, { y: 2026 })).holidayCalendar).toEqual(builtIn("2026"));
    const cached = await workingDayCalendar(t.api.deps.db); // warm this process's cache before the edit
    expect(isWorkingDay("2026-10-07", cached)).toBe(false);
    expect(isWorkingDay("2026-10-10", cached)).toBe(true); // Saturday, 调休上班

    // Say a corrected notice ends the National Day break on 10-06 and drops the Saturday make-up day.
    const days = builtIn("2026")
      .filter((d) => d.date !== "2026-10-07" && d.date !== "2026-10-10")
      .map(({ date, kind, name }) => ({ date, kind, name }));
    const { setCalendarDays } = await t.ok(SET_DAYS, { y: 2026, days, s: "国办发明电〔2026〕测试号" }, city);
    expect(setCalendarDays).toEqual(days);
    expect((await t.ok(CALENDAR, { y: 2026 }, worker)).holidayCalendar).toEqual(days);
    expect((await t.ok(CALENDAR, { y: 2025 })).holidayCalendar).toEqual(builtIn("2025")); // other years untouched

    const fresh = await workingDayCalendar(t.api.deps.db);
    expect(isWorkingDay("2026-10-07", fresh)).toBe(true);
    expect(isWorkingDay("2026-10-10", fresh)).toBe(false);
    expect(addWorkingDays("2026-09-30", 1, fresh)).toBe("2026-10-07");

    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, "holiday_calendar"), eq(auditLog.entityId, "2026")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "reference.set-calendar-days", actorRole: "CITY_OFFICER", after: { source: "国办发明电〔2026〕测试号" } });
    expect((audit[0]!.before as { days: unknown[] }).days).toHaveLength(builtIn("2026").length);
    expect((audit[0]!.after as { days: unknown[] }).days).toHaveLength(days.length);

    // A restart must not bring back the built-in days the officer removed, for the year they edited.
    await applyReferenceData(t.database.db);
    const after = await t.database.db.select().from(holidays).where(sql`${holidays.date} between '2026-01-01' and '2026-12-31'`);
    expect(after.map((d) => d.date).sort()).toEqual(days.map((d) => d.date));
  });

  it("enters a new year from its notice and can withdraw a year entered by mistake", async () => {
    const days = [
      { date: "2027-01-01", kind: "HOLIDAY", name: "元旦" },
      { date: "2027-02-06", kind: "WORKDAY", name: "春节调休上班" }, // a Saturday
    ];
    await t.ok(SET_DAYS, { y: 2027, days, s: "国办发明电〔2026〕测试号" }, city);
    expect(isWorkingDay("2027-02-06", await workingDayCalendar(t.api.deps.db))).toBe(true);
    expect((await t.ok(SET_DAYS, { y: 2027, days: [], s: "录入有误，撤回" }, city)).setCalendarDays).toEqual([]);
    expect((await t.ok(CALENDAR, { y: 2027 })).holidayCalendar).toEqual([]);
    expect(isWorkingDay("2027-02-06", await workingDayCalendar(t.api.deps.db))).toBe(false);
  });

  it.each([
    ["a date outside the year", { days: [{ date: "2025-12-31", kind: "HOLIDAY", name: "元旦" }] }, "days[0].date"],
    ["a date listed twice", { days: [{ date: "2028-01-01", kind: "HOLIDAY", name: "元旦" }, { date: "2028-01-01", kind: "HOLIDAY", name: "元旦" }] }, "days[1].date"],
    ["a make-up workday on a weekday", { days: [{ date: "2028-01-03", kind: "WORKDAY", name: "调休上班" }] }, "days[0].kind"],
    ["a name over 50 characters", { days: [{ date: "2028-01-01", kind: "HOLIDAY", name: "节".repeat(51) }] }, undefined],
    ["over 60 entries", { days: Array.from({ length: 61 }, (_, i) => ({ date: `2028-03-${String((i % 28) + 1).padStart(2, "0")}`, kind: "HOLIDAY", name: "x" })) }, undefined],
    ["a year before 2000", { y: 1999, days: [] }, undefined],
    ["a blank source", { s: " " }, "source"],
  ])("refuses a calendar with %s and changes nothing", async (_what, over, field) => {
    const [rows, audits] = [await count("holidays"), await count("audit_log")];
    const vars = { y: 2028, days: [{ date: "2028-01-01", kind: "HOLIDAY", name: "元旦" }], s: "通知", ...over };
    const result = await t.gql(SET_DAYS, vars, city);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    if (field) expect(result.errors?.[0]?.extensions?.reasons).toContainEqual(expect.objectContaining({ field }));
    expect([await count("holidays"), await count("audit_log")]).toEqual([rows, audits]);
  });

  it("only city officers may edit the calendar", async () => {
    const rows = await count("holidays");
    for (const token of [county, worker]) {
      const result = await t.gql(SET_DAYS, { y: 2026, days: [], s: "通知" }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await count("holidays")).toBe(rows);
  });
});
