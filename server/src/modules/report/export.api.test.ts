// 附件 exports over HTTP: a mutation checks scope and returns a 5-minute signed link; GET /exports/… streams the
// .xlsx. Links for another county are never issued; expired, altered or forged links and disabled users are refused.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, performancePlacements, users } from "../../db/schema/index.js";
import { insertUser, insertVenue, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { ROSTER_PAGE_ROWS } from "./annex.service.js";
import { rfc5987 } from "./export.http.js";

const ROSTER = `mutation($venueId: UUID!, $year: Int!, $fullIds: Boolean) { exportPlacementRoster(venueId: $venueId, year: $year, fullIds: $fullIds) { url filename expiresAt } }`;
const SUMMARY = `mutation($year: Int!, $regionCode: String) { exportYearSummary(year: $year, regionCode: $regionCode) { url filename expiresAt } }`;
const RECOGNITION = `mutation($venueId: UUID!) { exportRecognitionForm(venueId: $venueId) { url filename expiresAt } }`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const YEAR = 2026;
const LARGE = ROSTER_PAGE_ROWS * 5 + 7;

interface Link {
  url: string;
  filename: string;
  expiresAt: string;
}

async function workbook(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb;
}
const rows = (ws: ExcelJS.Worksheet) => ws.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));

describe("export links and GET /exports", () => {
  let t: TestApi;
  // The API's clock runs with real time, shifted by this much (to step past a link's expiry).
  let clockOffsetMs = 0;
  let licheng: string;
  let jinjiang: string;
  let large: string;
  let officer: string;
  let officerId: string;
  let jinjiangOfficer: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApi({}, { now: () => new Date(Date.now() + clockOffsetMs) });
    const db = t.database.db;
    licheng = (await insertVenue(db, { regionCode: "350502", status: "RECOGNIZED", name: "鲤城区(导出)零工市场" })).id;
    jinjiang = (await insertVenue(db, { regionCode: "350582", status: "RECOGNIZED", name: "晋江市导出零工市场" })).id;
    large = (await insertVenue(db, { regionCode: "350502", status: "RECOGNIZED", name: "鲤城区大型零工市场" })).id;
    const county = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    officer = county.token;
    officerId = county.user.id;
    jinjiangOfficer = (await signedIn(t, "COUNTY_OFFICER", { regionCode: "350582" })).token;
    staff = (await signedIn(t, "VENUE_STAFF", { venueId: licheng, regionCode: "350502" })).token;

    // A large roster: LARGE counted placements of 40 workers with 20 employers (one worker × employer × day
    // counts once, so no pair repeats within a day), paid over the year, three at each instant.
    const workers = await Promise.all(Array.from({ length: 40 }, (_, i) => insertUser(db, "WORKER", { displayName: `工人${i + 1}` })));
    const employers = await Promise.all(Array.from({ length: 20 }, (_, i) => insertUser(db, "EMPLOYER", { displayName: `泉州某建筑劳务公司${i + 1}` })));
    const all = Array.from({ length: LARGE }, (_, i) => {
      const paidAt = new Date(Date.UTC(2026, 0, 1, 2) + Math.floor(i / 3) * 600_000); // three share each instant
      return {
        placementId: randomUUID(), venueId: large, year: YEAR, engagementId: randomUUID(), taskId: randomUUID(),
        workerId: workers[i % 40]!.id, employerId: employers[Math.floor(i / 40) % 20]!.id, source: "OFFER", priorityGroup: i % 4 === 0,
        paidAt, paidOn: new Date(paidAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10), counted: true,
      };
    });
    for (let i = 0; i < all.length; i += 2000) await db.insert(performancePlacements).values(all.slice(i, i + 2000));
  });
  afterAll(() => t?.close());

  it("an officer's link downloads the workbook with its type and zh-CN file name (RFC 5987)", async () => {
    const { exportRecognitionForm: link } = await t.ok<{ exportRecognitionForm: Link }>(RECOGNITION, { venueId: licheng }, officer);
    expect(link.filename).toBe("附件3_认定申请表_鲤城区(导出)零工市场.xlsx");
    expect(link.url).toMatch(/^\/exports\/annex3\?venueId=[0-9a-f-]{36}&token=/);
    const res = await fetch(`${t.url}${link.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toBe(`attachment; filename="annex3.xlsx"; filename*=${rfc5987(link.filename)}`);
    // Parentheses are not RFC 5987 attr-chars: they must be escaped, and the name decodes back exactly.
    expect(disposition).toContain("%28%E5%AF%BC%E5%87%BA%29");
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(link.filename);
    const form = rows((await workbook(res)).getWorksheet("附件3")!);
    expect(form).toEqual(expect.arrayContaining([["场所名称", "鲤城区(导出)零工市场"], ["所在县(市、区)", "鲤城区"]]));
  });

  it("a link for another county's venue or summary is never issued; staff get no link for another venue", async () => {
    const refused = [
      await t.gql(ROSTER, { venueId: jinjiang, year: YEAR }, officer),
      await t.gql(RECOGNITION, { venueId: jinjiang }, officer),
      await t.gql(SUMMARY, { year: YEAR, regionCode: "350582" }, officer),
      await t.gql(ROSTER, { venueId: large, year: YEAR }, staff),
      await t.gql(ROSTER, { venueId: licheng, year: YEAR, fullIds: true }, staff),
      await t.gql(SUMMARY, { year: YEAR }, staff),
    ];
    expect(refused.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    expect(refused.every((r) => !r.data || Object.values(r.data).every((v) => v == null))).toBe(true);
    const anonymous = await t.gql(RECOGNITION, { venueId: licheng });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("an altered, forged or replayed-for-another-export link is refused and nothing is exported or audited", async () => {
    const { exportPlacementRoster: link } = await t.ok<{ exportPlacementRoster: Link }>(ROSTER, { venueId: licheng, year: YEAR, fullIds: false }, officer);
    const url = new URL(link.url, t.url);
    const token = url.searchParams.get("token")!;
    const [userId, exp, sig] = token.split(".");
    const other = await insertUser(t.database.db, "CITY_OFFICER");
    const variant = (change: (u: URL) => void) => {
      const u = new URL(url);
      change(u);
      return u;
    };
    const tampered = [
      variant((u) => u.searchParams.set("venueId", jinjiang)), // another county's venue with this signature
      variant((u) => u.searchParams.set("fullIds", "1")), // full ID numbers with a masked export's link
      variant((u) => u.searchParams.set("year", "2025")),
      variant((u) => (u.pathname = "/exports/annex6")), // another kind of export
      variant((u) => u.searchParams.set("token", `${userId}.${Number(exp) + 3600}.${sig}`)), // a later expiry
      variant((u) => u.searchParams.set("token", `${other.id}.${exp}.${sig}`)), // a city officer's identity
      variant((u) => u.searchParams.set("token", `${userId}.${exp}.${"A".repeat(sig!.length)}`)),
      variant((u) => u.searchParams.delete("token")),
      variant((u) => u.searchParams.set("venueId", "not-a-uuid")),
      variant((u) => (u.pathname = "/exports/..%2F..%2Fetc")),
    ];
    for (const u of tampered) {
      const res = await fetch(u);
      expect(res.status, u.toString()).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("FORBIDDEN");
    }
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.action, "performance.export-roster-with-ids"))).toHaveLength(0);
    expect((await fetch(url)).status, "the untouched link still works").toBe(200);
  });

  it("a link is refused once the API's clock passes its expiry, and served before it", async () => {
    const { exportYearSummary: link } = await t.ok<{ exportYearSummary: Link }>(SUMMARY, { year: YEAR }, officer);
    expect(link.filename).toBe(`附件7_建设情况汇总表_鲤城区_${YEAR}.xlsx`);
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000 + 5_000);
    try {
      clockOffsetMs = new Date(link.expiresAt).getTime() - Date.now() - 5_000;
      expect((await fetch(`${t.url}${link.url}`)).status, "5 s before expiry").toBe(200);
      clockOffsetMs = new Date(link.expiresAt).getTime() - Date.now() + 1_000;
      const expired = await fetch(`${t.url}${link.url}`);
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe("链接无效或已过期，请在平台重新导出");
    } finally {
      clockOffsetMs = 0;
    }
  });

  it("the download runs as the user now: a disabled account's links stop working", async () => {
    const { user, token } = await signedIn(t, "COUNTY_OFFICER", { regionCode: "350502" });
    const { exportRecognitionForm: link } = await t.ok<{ exportRecognitionForm: Link }>(RECOGNITION, { venueId: licheng }, token);
    await t.database.db.update(users).set({ status: "DISABLED" }).where(eq(users.id, user.id));
    expect((await fetch(`${t.url}${link.url}`)).status).toBe(403);
  });

  it(`a large roster (${LARGE} rows) streams in chunks, every row once and in pay order; the officer's full export is audited on download`, { timeout: 120_000 }, async () => {
    const { exportPlacementRoster: link } = await t.ok<{ exportPlacementRoster: Link }>(ROSTER, { venueId: large, year: YEAR, fullIds: true }, officer);
    expect(link.filename).toBe(`附件5_岗位推荐成功花名册_鲤城区大型零工市场_${YEAR}.xlsx`);
    const res = await fetch(`${t.url}${link.url}`);
    expect(res.status).toBe(200);
    // Streamed: no length known up front, the body arrives as a chunked sequence.
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("transfer-encoding")).toBe("chunked");
    const chunks: Uint8Array[] = [];
    const reader = res.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length).toBeGreaterThan(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const data = rows(wb.getWorksheet("附件5")!).slice(2);
    expect(data).toHaveLength(LARGE);
    expect(data.map((r) => r[0])).toEqual(Array.from({ length: LARGE }, (_, i) => i + 1));
    const paidOn = data.map((r) => String(r[6]));
    expect(paidOn).toEqual([...paidOn].sort());
    expect(data[0]![5]).toBe("泉州某建筑劳务公司1");
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, "performance.export-roster-with-ids"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ year: YEAR, rows: LARGE });
    expect(audit[0]!.actorId).toBe(officerId);
    expect((await t.gql(ROSTER, { venueId: large, year: YEAR }, jinjiangOfficer)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
