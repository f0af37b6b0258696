// Grab mode's list of nearby open tasks, and the fairness report officers audit priority with.
import { isIsoDate } from "@qz/shared";
import type { Deps } from "../../deps.js";
import { badInput } from "../../errors.js";
import { requireActor, type Caller } from "../../access/actor.js";
import { checkRegion } from "../../access/input-checks.js";
import { assertRegionInScope } from "../../access/scope.js";
import type { DispatchSettingsAll } from "./dispatch.settings.js";
import { countPriorityGroups, type GroupCounts } from "./report.repo.js";
import * as repo from "./task.repo.js";

export interface NearbyFilter {
  skillCode?: string | null;
  date?: string | null;
  minPayFen?: number | null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque cursor: base64url of [travelMinutes, taskId]. */
export const encodeCursor = (travelMinutes: number, taskId: string) => Buffer.from(JSON.stringify([travelMinutes, taskId])).toString("base64url");

export function decodeCursor(cursor: string): { travelMinutes: number; taskId: string } {
  try {
    const [travelMinutes, taskId] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (Number.isInteger(travelMinutes) && typeof taskId === "string" && UUID_RE.test(taskId)) return { travelMinutes: travelMinutes as number, taskId };
  } catch {
    // fall through
  }
  return badInput("after", [{ code: "CURSOR_INVALID", message: "分页游标无效，请从第一页重新加载" }]);
}

export const PRIORITY_GROUPS = [
  { group: "OLDER", label: "大龄（女40、男50周岁以上）", key: "older" },
  { group: "HARD_TO_EMPLOY", label: "就业困难人员", key: "hardToEmploy" },
  { group: "ZERO_EMPLOYMENT_FAMILY", label: "零就业家庭", key: "zeroEmploymentFamily" },
  { group: "NONE", label: "非重点群体", key: "none" },
] as const;

export function createBrowseService({ db, readDb, now }: Deps, { settings }: { settings: DispatchSettingsAll }) {
  return {
    /** Open tasks within the worker's reach, nearest in travel time first, keyset-paged; no personal data of others. */
    /** `taskFields`: the Task fields the query shows (null: all), so the page reads only those columns. */
    async nearbyTasks(caller: Caller, filter: NearbyFilter, first: number, after: string | null, taskFields: ReadonlySet<string> | null = null) {
      const actor = requireActor(caller, "WORKER");
      if (filter.date && !isIsoDate(filter.date)) badInput("date", [{ code: "DATE_INVALID", message: "日期格式应为 YYYY-MM-DD" }]);
      const rows = await repo.listNearbyTasks(db, {
        workerId: actor.userId,
        now: now(),
        skillCode: filter.skillCode ?? undefined,
        date: filter.date ?? undefined,
        minPayFen: filter.minPayFen ?? undefined,
        after: after ? decodeCursor(after) : undefined,
        limit: first + 1,
        reach: settings.reach,
      }, taskFields);
      const items = rows.slice(0, first).map((r) => ({ ...r, cursor: encodeCursor(r.travelMinutes, r.task.id) }));
      return { items, endCursor: items.at(-1)?.cursor ?? null, hasNextPage: rows.length > first };
    },

    /**
     * Each priority group's share of available workers, of offers and of engagements in a region and month
     * (DESIGN §4.5): priority shows as a real, auditable difference, not a hidden boost. Groups overlap.
     */
    async fairnessReport(caller: Caller, regionCode: string, month: string) {
      const actor = requireActor(caller, "COUNTY_OFFICER", "CITY_OFFICER");
      checkRegion(regionCode);
      assertRegionInScope(actor, regionCode);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) badInput("month", [{ code: "MONTH_INVALID", message: "月份格式应为 YYYY-MM" }]);
      const monthStart = `${month}-01`;
      const from = new Date(`${monthStart}T00:00:00+08:00`);
      const [y, m] = month.split("-").map(Number) as [number, number];
      const to = new Date(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01T00:00:00+08:00`);
      // A month's report over the replica (deps.readDb): seconds of lag do not change its shares.
      const counts = await countPriorityGroups(readDb, regionCode, monthStart, from, to);
      const of = (base: GroupCounts["base"]) => counts.find((c) => c.base === base) ?? { total: 0, older: 0, hardToEmploy: 0, zeroEmploymentFamily: 0, none: 0 };
      const share = (n: number, total: number) => (total ? Math.round((n / total) * 10_000) / 10_000 : 0);
      const [available, offers, engagements] = [of("available"), of("offers"), of("engagements")];
      return {
        regionCode,
        month,
        availableWorkers: available.total,
        offers: offers.total,
        engagements: engagements.total,
        groups: PRIORITY_GROUPS.map(({ group, label, key }) => ({
          group,
          label,
          availableWorkers: available[key],
          availableShare: share(available[key], available.total),
          offers: offers[key],
          offerShare: share(offers[key], offers.total),
          engagements: engagements[key],
          engagementShare: share(engagements[key], engagements.total),
        })),
      };
    },
  };
}
