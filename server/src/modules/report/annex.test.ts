import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, workerProfiles } from "../../db/schema/index.js";
import { emitPlacement } from "../performance/performance.fixtures.js";
import { insertUser, insertVenue, residentId } from "../../testing/factories.js";
import { createServiceHarness, type ServiceHarness } from "../../testing/service-harness.js";
import type { PreparedExport } from "./annex.service.js";

/** Writes the export into memory and opens it with exceljs, as a download would be opened. */
async function read(f: PreparedExport) {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  await f.write(sink);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}
const rows = (ws: ExcelJS.Worksheet) => ws.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));

describe("附件 exports read back with exceljs equal the data", () => {
  let h: ServiceHarness;
  let venueId: string;
  const idNumber = residentId("19700315", 7, "FEMALE");
  beforeAll(async () => {
    h = await createServiceHarness({ start: "2026-06-10T02:00:00Z" });
    const venue = await insertVenue(h.deps.db, { type: "MARKET", status: "RECOGNIZED", recognizedAt: new Date("2025-03-01T02:00:00Z"), regionCode: "350502", name: "鲤城区导出测试零工市场" });
    venueId = venue.id;
    const worker = await insertUser(h.deps.db, "WORKER", { displayName: "陈阿婆", phone: "13955501234" });
    await h.deps.db.insert(workerProfiles).values({
      userId: worker.id, realName: "陈阿婆", idNumberCipher: h.deps.pii.encrypt(idNumber), idNumberBlindIndex: h.deps.pii.blindIndex(idNumber),
      idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`, gender: "FEMALE", birthDate: "1970-03-15", homeLat: 24.9, homeLng: 118.58,
    } as typeof workerProfiles.$inferInsert);
    const employer = await insertUser(h.deps.db, "EMPLOYER", { displayName: "泉州某鞋业有限公司" });
    await emitPlacement(h.deps.db, { venueId, workerId: worker.id, employerId: employer.id, paidAt: "2026-05-20T04:00:00.000Z", priorityGroup: true, source: "GRAB" });
    await emitPlacement(h.deps.db, { venueId, workerId: worker.id, employerId: employer.id, paidAt: "2026-05-21T04:00:00.000Z" });
    await h.deliverDueEvents();
  });
  afterAll(() => h?.close());

  it("附件5: staff get masked ID numbers and phones; an officer's full export shows them and is audited; staff cannot ask for full IDs", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const masked = await h.services.annexes.placementRoster(staff, venueId, 2026, false);
    expect(masked.filename).toBe("附件5_岗位推荐成功花名册_鲤城区导出测试零工市场_2026.xlsx");
    const ws = (await read(masked)).getWorksheet("附件5")!;
    const data = rows(ws);
    expect(data[1]).toEqual(["序号", "姓名", "性别", "身份证号", "联系电话", "用工单位", "推荐成功日期", "重点群体", "派单方式"]);
    expect(data.slice(2)).toEqual([
      [1, "陈阿婆", "女", `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`, "139****1234", "泉州某鞋业有限公司", "2026-05-20", "是", "抢单"],
      [2, "陈阿婆", "女", `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`, "139****1234", "泉州某鞋业有限公司", "2026-05-21", "否", "系统派单"],
    ]);
    await expect(h.services.annexes.placementRoster(staff, venueId, 2026, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const officer = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    const fullExport = await h.services.annexes.placementRoster(officer, venueId, 2026, true);
    expect(await h.deps.db.select().from(auditLog).where(eq(auditLog.action, "performance.export-roster-with-ids")), "audited when written, not when a link is issued").toHaveLength(0);
    const full = rows((await read(fullExport)).getWorksheet("附件5")!);
    expect(full[2]!.slice(3, 5)).toEqual([idNumber, "13955501234"]);
    const audit = await h.deps.db.select().from(auditLog).where(and(eq(auditLog.action, "performance.export-roster-with-ids"), eq(auditLog.entityId, venueId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ year: 2026, rows: 2 });
    const other = await h.callerAs("COUNTY_OFFICER", { regionCode: "350582" });
    await expect(h.services.annexes.placementRoster(other, venueId, 2026, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("附件6 lists every rubric item with target, actual and points, and the total equals the projection", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    await h.services.performance.submitSelfAssessment(staff, { year: 2026, scores: [{ itemId: "A1", points: 1.5 }, { itemId: "C1", points: 6 }] });
    const view = await h.services.performance.venueYear(staff, venueId, 2026);
    const data = rows((await read(await h.services.annexes.assessmentForm(staff, venueId, 2026))).getWorksheet("附件6")!);
    expect(data[1]).toEqual(["项目编号", "考核项目", "分值", "目标", "实际完成", "考核得分", "自评得分", "说明"]);
    const items = data.slice(2, 2 + view.items.length);
    expect(items.map((r) => r[0])).toEqual(view.items.map((i) => i.id));
    expect(items.find((r) => r[0] === "A1")!.slice(2, 7)).toEqual([25, 300, 2, view.items.find((i) => i.id === "A1")!.earned, 1.5]);
    expect(items.find((r) => r[0] === "A2")![4]).toBe("50%");
    const total = data.find((r) => r[1] === "合计")!;
    expect(total[5]).toBe(view.score);
    expect(total[6]).toBe(7.5);
  });

  it("附件3 and 附件4 carry the venue's and the application's fields; 附件7 sums the counties for the city with coverage", async () => {
    const staff = await h.callerAs("VENUE_STAFF", { venueId, regionCode: "350502" });
    const form3 = rows((await read(await h.services.annexes.recognitionForm(staff, venueId))).getWorksheet("附件3")!);
    expect(form3).toEqual(expect.arrayContaining([["场所名称", "鲤城区导出测试零工市场"], ["场所类型", "零工市场"], ["所在县(市、区)", "鲤城区"], ["认定日期", "2025-03-01"]]));
    const app = await h.services.subsidy.createOneTimeApplication(staff, { materials: ["FORM_3", "FORM_4"] });
    const form4 = rows((await read(await h.services.annexes.applicationForm(staff, app.id))).getWorksheet("附件4")!);
    expect(form4).toEqual(expect.arrayContaining([["补助类型", "一次性运维补助"], ["申请金额（元）", 60000], ["申报材料：泉州市零工市场(驿站)认定申请表（附件3）", "已提供"], ["申报材料：根据附件2制定的实施方案等佐证材料", "未提供"]]));

    const city = await h.callerAs("CITY_OFFICER");
    const wb = await read(await h.services.annexes.yearSummary(city, 2026));
    const summary = rows(wb.getWorksheet("附件7")!);
    expect(summary[1]![0]).toBe("县(市、区)");
    const licheng = summary.find((r) => r[0] === "鲤城区")!;
    expect(licheng.slice(1, 4)).toEqual([1, 0, 2]);
    const total = summary.find((r) => r[0] === "全市合计")!;
    expect(total[3]).toBe(summary.slice(2, -1).reduce((s, r) => s + Number(r[3]), 0));
    const coverage = rows(wb.getWorksheet("覆盖情况")!);
    expect(coverage[2]).toEqual(["覆盖县(市、区)", 1, 13, "否"]);
    const county = await h.callerAs("COUNTY_OFFICER", { regionCode: "350502" });
    const own = rows((await read(await h.services.annexes.yearSummary(county, 2026))).getWorksheet("附件7")!);
    expect(own.slice(2).map((r) => r[0])).toEqual(["鲤城区"]);
    await expect(h.services.annexes.yearSummary(county, 2026, "350582")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
