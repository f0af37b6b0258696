// 附近在招的活 for visitors without a login: what, when, pay and roughly how far, and the venue to register at.
// Nothing personal: no employer, no address, no coordinates, no worker data.
import { regionByCode, roughDistanceMeters, SKILL_CATALOG } from "@qz/shared";
import type { Caller } from "../../access/actor.js";
import type { Deps } from "../../deps.js";
import { checkedNearby, createPublicSearchLimit } from "../../public-search.js";
import * as repo from "./task.repo.js";

const SKILL_NAME = new Map<string, string>(SKILL_CATALOG.map((s) => [s.code, s.name]));

export function createPublicTaskService(deps: Deps, spend = createPublicSearchLimit(deps)) {
  return {
    /** Open tasks with seats left, nearest to the point first. */
    async openTasksNear(caller: Caller, q: { lat: number; lng: number; first: number }) {
      const checked = checkedNearby(q);
      await spend(caller);
      const rows = await repo.listOpenTasksNear(deps.db, { ...checked, at: deps.now() });
      return rows.map((t) => ({
        id: t.id,
        title: t.title,
        skillCode: t.skillCode,
        skillName: SKILL_NAME.get(t.skillCode) ?? t.skillCode,
        payRateFen: t.payRateFen,
        payUnit: t.payUnit,
        startsAt: t.startsAt,
        endsAt: t.endsAt,
        seatsLeft: t.seatsLeft,
        regionName: regionByCode(t.regionCode)?.name ?? t.regionCode,
        venueName: t.venueName,
        distanceMeters: roughDistanceMeters(Number(t.distanceMeters)),
      }));
    },
  };
}
