// The plan's annexes as real .xlsx files (exceljs, zh-CN headers): 附件3 recognition form, 附件4 subsidy
// application, 附件5 placement roster, 附件6 assessment, 附件7 yearly summary (county → city), and coverage.
import { COVERAGE_TARGETS, maskMobile, regionByCode, SUBSIDY_KIND, VENUE_STATUS, VENUE_TYPE, APPLICATION_STATUS, shanghaiDate, MATERIALS } from "@qz/shared";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { requireActor, type Caller } from "../../access/actor.js";
import { assertRegionInScope } from "../../access/scope.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import type { PerformanceService, RosterCursor } from "../performance/performance.service.js";
import type { SubsidyService } from "../subsidy/subsidy.service.js";
import type { VenueService } from "../venue/venue.service.js";

/**
 * An export the caller may have: its scope was checked and its zh-CN file name is known; `write` builds the
 * workbook into a stream (rows are committed as they are added, so a large roster never sits whole in memory).
 */
export interface PreparedExport {
  filename: string;
  write(out: Writable): Promise<void>;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Rows of the 附件5 roster read per query while streaming. */
export const ROSTER_PAGE_ROWS = 2000;
const yuan = (fen: number) => Math.round(fen) / 100;
const regionName = (code: string) => regionByCode(code)?.name ?? code;

function sheetWithHeader(wb: ExcelJS.Workbook, name: string, title: string, header: string[]) {
  const ws = wb.addWorksheet(name);
  // Widths first: the streaming writer puts the columns out with the first committed row.
  header.forEach((_, i) => (ws.getColumn(i + 1).width = Math.max(10, header[i]!.length * 2 + 4)));
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.max(2, header.length));
  ws.addRow(header).font = { bold: true };
  return ws;
}

/** A prepared export whose workbook `build` fills, streamed into `out` (exceljs's streaming writer). */
function prepared(filename: string, build: (wb: ExcelJS.Workbook) => Promise<void>): PreparedExport {
  return {
    filename,
    async write(out) {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      await build(wb);
      await wb.commit();
    },
  };
}

export type AnnexService = ReturnType<typeof createAnnexService>;

/**
 * The annexes. Each checks the caller's scope and names the file up front (a download link is only issued for
 * an export the caller may have), and reads its data only when written.
 */
export function createAnnexService(deps: Deps, parts: { venues: VenueService; performance: PerformanceService; subsidy: SubsidyService }) {
  const { db, pii, now } = deps;
  const { venues, performance, subsidy } = parts;

  return {
    /** 附件3 泉州市零工市场(驿站)认定申请表. */
    async recognitionForm(caller: Caller, venueId: string): Promise<PreparedExport> {
      const { venue } = await performance.venueInScope(caller, venueId);
      return prepared(`附件3_认定申请表_${venue.name}.xlsx`, async (wb) => {
        const region = await venues.getRegionRecord(venue.regionCode);
        const ws = sheetWithHeader(wb, "附件3", "泉州市零工市场(驿站)认定申请表", ["项目", "内容"]);
        const rows: [string, string][] = [
          ["场所名称", venue.name],
          ["场所类型", VENUE_TYPE.labels[venue.type]],
          ["所在县(市、区)", region.name],
          ["地址", venue.address],
          ["运营单位", venue.operatorName],
          ["统一社会信用代码", venue.operatorCreditCode],
          ["联系电话", venue.contactPhone ?? ""],
          ["认定状态", VENUE_STATUS.labels[venue.status]],
          ["认定日期", venue.recognizedAt ? shanghaiDate(venue.recognizedAt) : ""],
        ];
        rows.forEach((r) => ws.addRow(r));
      });
    },

    /** 附件4 泉州市零工市场(驿站)补助资金申请表. */
    async applicationForm(caller: Caller, applicationId: string): Promise<PreparedExport> {
      const app = await subsidy.getApplication(caller, applicationId);
      const { venue } = await performance.venueInScope(caller, app.venueId);
      return prepared(`附件4_补助资金申请表_${venue.name}_${app.year}.xlsx`, async (wb) => {
        const ws = sheetWithHeader(wb, "附件4", "泉州市零工市场(驿站)补助资金申请表", ["项目", "内容"]);
        const provided = new Set(app.materials);
        const rows: [string, string | number][] = [
          ["申请单位", venue.operatorName],
          ["场所名称", venue.name],
          ["场所类型", VENUE_TYPE.labels[venue.type]],
          ["所在县(市、区)", regionName(app.regionCode)],
          ["补助类型", SUBSIDY_KIND.labels[app.kind]],
          ["考核年度", app.year],
          ["考核得分", app.scoreTenths == null ? "" : app.scoreTenths / 10],
          ["星级", app.level ? (venue.type === "MARKET" ? `${app.level}星级` : `${app.level}档`) : ""],
          ["申请金额（元）", yuan(app.amountFen)],
          ["申请状态", APPLICATION_STATUS.labels[app.status]],
          ["公示期", app.noticeStartsOn ? `${app.noticeStartsOn} 至 ${app.noticeEndsOn}` : ""],
          ["拨付金额（元）", app.paidFen == null ? "" : yuan(app.paidFen)],
          ["拨付日期", app.paidOn ?? ""],
          ["拨付凭证号", app.voucherNo ?? ""],
          ...MATERIALS[app.kind].map((m): [string, string] => [`申报材料：${m.label}`, provided.has(m.key) ? "已提供" : "未提供"]),
        ];
        rows.forEach((r) => ws.addRow(r));
      });
    },

    /**
     * 附件5 岗位推荐成功花名册. ID numbers and phones are masked; an officer may ask for full ID numbers, and
     * that export is audited (when it is written, before its first row). Streams page by page.
     */
    async placementRoster(caller: Caller, venueId: string, year: number, fullIds: boolean): Promise<PreparedExport> {
      const { actor, venue } = await performance.venueInScope(caller, venueId);
      if (fullIds && actor.role === "VENUE_STAFF") throw new AppError("FORBIDDEN", "只有人社部门可以导出完整身份证号", [{ code: "FULL_IDS_OFFICERS_ONLY", message: "只有人社部门可以导出完整身份证号" }]);
      return prepared(`附件5_岗位推荐成功花名册_${venue.name}_${year}.xlsx`, async (wb) => {
        if (fullIds) {
          const rows = await performance.rosterCount(venue.id, year);
          await db.transaction((tx) =>
            recordAudit(tx, caller, { action: "performance.export-roster-with-ids", entityType: "venue_year", entityId: venue.id, after: { year, rows, at: now().toISOString() } }),
          );
        }
        const ws = sheetWithHeader(wb, "附件5", `泉州市零工市场(驿站)岗位推荐成功花名册（${venue.name} ${year}年度）`, ["序号", "姓名", "性别", "身份证号", "联系电话", "用工单位", "推荐成功日期", "重点群体", "派单方式"]);
        const SOURCE: Record<string, string> = { OFFER: "系统派单", GRAB: "抢单", PROXY: "工作人员代办" };
        let n = 0;
        let after: RosterCursor | null = null;
        for (;;) {
          const page = await performance.rosterPage(venue.id, year, after, ROSTER_PAGE_ROWS);
          for (const r of page) {
            const id = fullIds && r.idNumberCipher ? pii.decrypt(r.idNumberCipher) : (r.idNumberMasked ?? "");
            ws.addRow([++n, r.workerName, r.gender === "MALE" ? "男" : r.gender === "FEMALE" ? "女" : "", id, fullIds ? r.phone : maskMobile(r.phone), r.employerName ?? "", r.paidOn, r.priorityGroup ? "是" : "否", SOURCE[r.source] ?? r.source]).commit();
          }
          if (page.length < ROSTER_PAGE_ROWS) break;
          after = { paidAt: page.at(-1)!.paidAt, placementId: page.at(-1)!.placementId };
        }
      });
    },

    /** 附件6 工作考核自评表: each item's target, actual, platform points, self-assessed and on-site points. */
    async assessmentForm(caller: Caller, venueId: string, year: number): Promise<PreparedExport> {
      const { venue } = await performance.venueInScope(caller, venueId);
      return prepared(`附件6_工作考核自评表_${venue.name}_${year}.xlsx`, async (wb) => {
        const view = await performance.venueYear(caller, venueId, year);
        const self = await performance.assessment(caller, venueId, year, "SELF");
        const selfPoints = new Map((self?.scores ?? []).map((s) => [s.itemId, s.points]));
        const ws = sheetWithHeader(wb, "附件6", `泉州市零工市场(驿站)工作考核自评表（${view.venueName} ${year}年度）`, ["项目编号", "考核项目", "分值", "目标", "实际完成", "考核得分", "自评得分", "说明"]);
        for (const i of view.items) {
          const target = i.kind === "RATIO" ? `${i.target}%` : i.kind === "ONSITE" ? "现场考核" : i.target;
          const actual = i.actual == null ? "" : i.kind === "RATIO" ? `${i.actual}%` : i.actual;
          ws.addRow([i.id, i.name, i.points, target, actual, i.earned, selfPoints.get(i.id) ?? "", i.note ?? ""]);
        }
        ws.addRow(["", "扣分", "", "", "", -view.deduction, "", ""]);
        ws.addRow(["", "合计", 100, "", "", view.score, self ? [...selfPoints.values()].reduce((a, b) => a + b, 0) : "", view.vetoes.map((v) => v.label).join("、")]);
        ws.addRow(["", "星级/档次", "", "", "", view.title ?? (view.level ? `${view.level}档` : "未达档"), "", view.status === "FROZEN" ? "已定格" : "实时预估"]);
      });
    },

    /** 附件7 年度汇总: county officers their county; the city every county and the city total, plus coverage. */
    async yearSummary(caller: Caller, year: number, regionCode?: string | null): Promise<PreparedExport> {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      if (regionCode) assertRegionInScope(actor, regionCode);
      const scope = actor.role === "COUNTY_OFFICER" ? regionName(actor.regionCode!) : regionCode ? regionName(regionCode) : "全市";
      return prepared(`附件7_建设情况汇总表_${scope}_${year}.xlsx`, async (wb) => {
        const [perf, grants] = await Promise.all([performance.regionSummary(caller, year, regionCode), subsidy.grantSummary(caller, year, regionCode)]);
        const byRegion = new Map(grants.map((g) => [g.region_code, g]));
        const ws = sheetWithHeader(wb, "附件7", `泉州市零工市场(驿站)建设情况汇总表（${year}年度）`, ["县(市、区)", "零工市场数", "零工驿站数", "岗位推荐成功人数", "五星级市场", "四星级市场", "三星级市场", "达档驿站", "一次性运维补助已拨付（元）", "绩效补助已拨付（元）", "已批准补助（元）", "年度预算（元）"]);
        const total = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        for (const r of [...perf].sort((a, b) => a.region_code.localeCompare(b.region_code))) {
          const g = byRegion.get(r.region_code);
          const row = [r.markets, r.stations, r.placements, r.five, r.four, r.three, r.stations_graded, yuan(Number(g?.one_time_paid_fen ?? 0)), yuan(Number(g?.performance_paid_fen ?? 0)), yuan(Number(g?.approved_fen ?? 0)), g?.budget_fen == null ? 0 : yuan(Number(g.budget_fen))];
          row.forEach((v, i) => (total[i]! += v));
          ws.addRow([regionName(r.region_code), ...row]);
        }
        if (actor.role === "CITY_OFFICER" && !regionCode) {
          ws.addRow(["全市合计", ...total.map((v) => Math.round(v * 100) / 100)]).font = { bold: true };
          const coverage = await venues.coverage(caller);
          const cs = sheetWithHeader(wb, "覆盖情况", "零工市场(驿站)覆盖情况（对照方案目标）", ["指标", "现状", "目标", "是否达标"]);
          cs.addRow(["覆盖县(市、区)", coverage.city.regionsCovered, COVERAGE_TARGETS.regions, coverage.city.regionsMet ? "是" : "否"]);
          cs.addRow(["零工市场", coverage.city.markets, COVERAGE_TARGETS.markets, coverage.city.marketsMet ? "是" : "否"]);
          cs.addRow(["零工驿站", coverage.city.stations, COVERAGE_TARGETS.stations, coverage.city.stationsMet ? "是" : "否"]);
        }
      });
    },
  };
}
