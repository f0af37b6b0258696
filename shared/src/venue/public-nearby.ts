// The public pages' searches (no login): the nearest venues and open tasks around a point in Quanzhou.
// Bounded so an anonymous caller can neither page through the whole platform nor pin a place down exactly.
import { isInQuanzhou } from "../dispatch/task-rules.js";
import { fail, ok, type FieldReason, type Result } from "../result.js";

/** At most this many rows per public search. */
export const PUBLIC_NEARBY_MAX = 20;

/** Checks a public search's point (inside Quanzhou) and page size (1–PUBLIC_NEARBY_MAX); every refusal names its field. */
export function checkPublicNearby(q: { lat: number; lng: number; first: number }): Result<{ lat: number; lng: number; first: number }> {
  const reasons: FieldReason[] = [];
  if (!Number.isFinite(q.lat) || !Number.isFinite(q.lng) || !isInQuanzhou(q.lat, q.lng)) {
    reasons.push({ field: "lat", code: "POINT_OUTSIDE_QUANZHOU", message: "位置不在泉州市范围内" });
  }
  if (!Number.isInteger(q.first) || q.first < 1 || q.first > PUBLIC_NEARBY_MAX) {
    reasons.push({ field: "first", code: "PAGE_SIZE", message: `每次最多查询 ${PUBLIC_NEARBY_MAX} 条` });
  }
  return reasons.length ? fail(...reasons) : ok({ lat: q.lat, lng: q.lng, first: q.first });
}

/**
 * A distance as the public sees it: to 100 m under 1 km, then to 0.5 km, so a listed task's spot cannot be
 * triangulated from a few searches (the exact place is shown only to workers who take it).
 */
export function roughDistanceMeters(meters: number): number {
  if (!Number.isFinite(meters) || meters < 0) return 0;
  return meters < 1000 ? Math.max(100, Math.round(meters / 100) * 100) : Math.round(meters / 500) * 500;
}

/**
 * What every recognised venue does for people on this platform (staff register walk-ins, accept offers and post
 * tasks for them, help with contracts and pay, and handle complaints first): the finder's 服务内容.
 */
export const VENUE_PUBLIC_SERVICES = ["求职登记", "岗位推荐", "代发用工信息", "签合同、结工资协助", "投诉受理"] as const;
