// Staff records (A3 服务人次, A5 招聘活动, A6 职业指导和培训推荐) with evidence; the roll-up counts them.
import { ACTIVITY_KIND, assessmentYearOf, shanghaiDate, type ActivityKind } from "@qz/shared";
import type { Caller } from "../../access/actor.js";
import { checkText } from "../../access/input-checks.js";
import type { Deps } from "../../deps.js";
import { AppError, badInput } from "../../errors.js";
import { emitEvent } from "../../jobs/outbox.js";
import { recordAudit } from "../audit/audit.js";
import * as repo from "./performance.repo.js";
import type { PerformanceScope } from "./performance.scope.js";

export interface RecordActivityCommand {
  venueId?: string | null;
  kind: ActivityKind;
  category: string;
  quantity: number;
  attendance?: number | null;
  occurredOn: string;
  evidence: string;
}

const CATEGORIES: Record<ActivityKind, readonly string[]> = {
  SERVICE: ["求职登记", "招聘登记", "政策咨询", "岗位推荐", "其他服务"],
  RECRUITMENT_EVENT: ["招聘会", "直播带岗"],
  GUIDANCE_REFERRAL: ["职业指导", "技能培训"],
};

/** Recording and listing a venue's activities. */
export function createActivityService({ db, now }: Deps, { venueInScope, currentYear }: PerformanceScope) {
  return {
    /** Staff record services (A3), a recruitment event (A5) or referrals (A6) with evidence; the roll-up counts it. */
    async recordActivity(caller: Caller, cmd: RecordActivityCommand) {
      const { actor, venue } = await venueInScope(caller, cmd.venueId);
      if (!CATEGORIES[cmd.kind].includes(cmd.category)) {
        badInput("category", [{ code: "ACTIVITY_CATEGORY", message: `${ACTIVITY_KIND.labels[cmd.kind]}的类别应为：${CATEGORIES[cmd.kind].join("、")}` }]);
      }
      const quantity = cmd.kind === "RECRUITMENT_EVENT" ? 1 : cmd.quantity;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) badInput("quantity", [{ code: "QUANTITY_RANGE", message: "人次应为 1–10000 的整数" }]);
      if (cmd.kind === "RECRUITMENT_EVENT" && (cmd.attendance == null || !Number.isInteger(cmd.attendance) || cmd.attendance < 1 || cmd.attendance > 1_000_000)) {
        badInput("attendance", [{ code: "ATTENDANCE_REQUIRED", message: "招聘活动须登记参加人数" }]);
      }
      const today = shanghaiDate(now());
      if (cmd.occurredOn > today) badInput("occurredOn", [{ code: "DATE_IN_FUTURE", message: "不能登记未来日期的活动" }]);
      const year = assessmentYearOf(cmd.occurredOn);
      const evidence = checkText("evidence", cmd.evidence, { kind: "text", label: "佐证材料说明", min: 4, max: 500 });
      return db.transaction(async (tx) => {
        const frozen = await repo.findResult(tx, venue.id, year);
        if (frozen?.status === "FROZEN") throw new AppError("PRECONDITION_FAILED", `${year} 年度考核已定格，不能再登记该年度的活动`, [{ code: "YEAR_FROZEN", message: "年度考核已定格" }]);
        const row = await repo.insertActivity(tx, {
          venueId: venue.id,
          year,
          kind: cmd.kind,
          category: cmd.category,
          quantity,
          attendance: cmd.kind === "RECRUITMENT_EVENT" ? cmd.attendance! : null,
          occurredOn: cmd.occurredOn,
          evidence,
          recordedBy: actor.userId,
        });
        await recordAudit(tx, caller, { action: "performance.record-activity", entityType: "venue_activity", entityId: row.id, after: { venueId: venue.id, kind: row.kind, category: row.category, quantity, occurredOn: row.occurredOn } });
        await emitEvent(tx, "venue.activity-recorded", { activityId: row.id, venueId: venue.id, year, kind: row.kind, quantity });
        return row;
      });
    },

    async listActivities(caller: Caller, venueId: string | null | undefined, year: number | null | undefined, limit: number, offset: number) {
      const { venue } = await venueInScope(caller, venueId);
      return repo.listActivities(db, venue.id, year ?? currentYear(), limit, offset);
    },

  };
}
