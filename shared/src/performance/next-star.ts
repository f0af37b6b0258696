// "What it takes to reach the next star" (issue 9 §3): for each automatic item, the smallest increase that
// alone lifts the score to the next tier, holding everything else as it is.
import type { MetricKey, SubsidyPolicy, VenueYearMetrics } from "./policy.js";
import { evaluateVenueYear, formatTenths, type EvaluationInput } from "./evaluate.js";

export interface NextStarHint {
  itemId: string;
  itemName: string;
  metric: MetricKey;
  /** How many more (placements, services, …) the item needs. */
  needed: number;
  message: string;
}

export interface NextStarGap {
  /** The tier aimed at (5, 4 or 3), null when already at the top. */
  level: number | null;
  /** Points still missing, in tenths. */
  missingTenths: number;
  /** Ways to get there by one item alone; empty when no single item suffices. */
  hints: NextStarHint[];
  /** Why there is no path (a veto, or already at the top). */
  blockedBy: string | null;
  message: string;
}

const UNITS: Partial<Record<MetricKey, string>> = {
  placements: "人岗位推荐成功",
  services: "服务人次",
  validPostings: "条有效岗位",
  recruitmentEvents: "场招聘活动",
  guidanceReferrals: "人次职业指导或培训推荐",
};

/** A placement more: counted in A1, online (B1), and settled (B3); the priority share stays as it is. */
function withMore(m: VenueYearMetrics, key: MetricKey, k: number): VenueYearMetrics {
  if (key !== "placements") return { ...m, [key]: (m[key] ?? 0) + k };
  const share = m.placements > 0 ? m.priorityPlacements / m.placements : 0;
  return {
    ...m,
    placements: m.placements + k,
    onlinePlacements: m.onlinePlacements + k,
    priorityPlacements: m.priorityPlacements + Math.floor(k * share),
    completedEngagements: m.completedEngagements + k,
    settledEngagements: m.settledEngagements + k,
  };
}

/** The gap to the next tier above the current score, with one hint per count item that can close it alone. */
export function nextStarGap(policy: SubsidyPolicy, input: EvaluationInput): NextStarGap {
  const now = evaluateVenueYear(policy, input);
  const above = [...policy.tiers].reverse().find((t) => t.minScoreTenths > now.scoreTenths) ?? null;
  const label = (level: number) => (input.venueType === "MARKET" ? `${level}星级` : `${level}档补助`);
  if (!above) return { level: null, missingTenths: 0, hints: [], blockedBy: "已达最高档", message: "已达最高档" };
  if (now.vetoes.length) {
    const why = now.vetoes.map((v) => v.label).join("、");
    return { level: above.level, missingTenths: above.minScoreTenths - now.scoreTenths, hints: [], blockedBy: why, message: `存在否决情形（${why}），本年度不能评星或获得补助` };
  }
  const missing = above.minScoreTenths - now.scoreTenths;
  const hints: NextStarHint[] = [];
  for (const item of policy.rubrics[input.venueType]) {
    if (item.measure.kind !== "COUNT") continue;
    const key = item.measure.metric;
    if (input.metrics[key] == null) continue;
    const reaches = (k: number) => evaluateVenueYear(policy, { ...input, metrics: withMore(input.metrics, key, k) }).scoreTenths >= above.minScoreTenths;
    // Beyond twice the target an item adds nothing more (A1 still moves ratios, so allow that much).
    const bound = item.measure.target * 2 + 1;
    if (!reaches(bound)) continue;
    let lo = 1;
    let hi = bound;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (reaches(mid)) hi = mid;
      else lo = mid + 1;
    }
    hints.push({ itemId: item.id, itemName: item.name, metric: key, needed: lo, message: `再增加 ${lo} ${UNITS[key] ?? ""}`.trim() });
  }
  hints.sort((a, b) => a.needed - b.needed);
  const first = hints.find((h) => h.metric === "placements") ?? hints[0];
  const message = first
    ? `距${label(above.level)}还差 ${formatTenths(missing)} 分，例如：+${first.needed} ${UNITS[first.metric] ?? first.itemName}`
    : `距${label(above.level)}还差 ${formatTenths(missing)} 分，需多项共同提升`;
  return { level: above.level, missingTenths: missing, hints, blockedBy: null, message };
}

