// Figures over time for the dashboards: placements per month in the caller's scope (a venue's staff, its own).
import { shanghaiDate } from "@qz/shared";
import { requireActor, type Caller } from "../../access/actor.js";
import { assertRegionInScope } from "../../access/scope.js";
import type { Deps } from "../../deps.js";
import { badInput } from "../../errors.js";
import * as repo from "./report.repo.js";

export type TrendService = ReturnType<typeof createTrendService>;

/** The first day of the month `back` months before the month of `date` ("YYYY-MM-DD" → "YYYY-MM-01"). */
export function monthStart(date: string, back = 0): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

export function createTrendService({ db, now }: Deps) {
  return {
    /**
     * 岗位推荐成功 per month, the last `months` months up to this one (Asia/Shanghai): a venue's staff their own
     * venue's, a county officer's county, the city's any.
     */
    async placementsByMonth(caller: Caller, cmd: { months: number; regionCode?: string | null }) {
      const actor = requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      if (!Number.isInteger(cmd.months) || cmd.months < 1 || cmd.months > 36) badInput("months", [{ code: "MONTHS_RANGE", message: "月份数应为 1–36" }]);
      if (cmd.regionCode) assertRegionInScope(actor, cmd.regionCode);
      const venueId = actor.role === "VENUE_STAFF" ? actor.venueId! : undefined;
      const regionCode = actor.role === "COUNTY_OFFICER" ? actor.regionCode! : (cmd.regionCode ?? undefined);
      const today = shanghaiDate(now());
      return repo.listMonthlyPlacements(db, { fromMonth: monthStart(today, cmd.months - 1), toMonth: monthStart(today), regionCode, venueId });
    },
  };
}
