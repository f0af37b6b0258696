// Ratings of a finished engagement (issue 8 §4): each side rates the other 1–5 with tags from its own list.
import type { RatingSide, RatingTag } from "../catalog/enums.js";
import { fail, ok, type FieldReason, type Result } from "../result.js";

/** The tags each side may give: workers describe the employer and the job, employers the worker. */
export const RATING_TAGS_BY_SIDE: Readonly<Record<RatingSide, readonly RatingTag[]>> = {
  WORKER_RATES_EMPLOYER: ["PAID_ON_TIME", "AS_DESCRIBED", "SAFE_WORKPLACE", "RESPECTFUL", "PAY_DELAYED", "NOT_AS_DESCRIBED"],
  EMPLOYER_RATES_WORKER: ["PUNCTUAL", "SKILLED", "DILIGENT", "LEFT_EARLY", "CARELESS"],
};

export const MAX_RATING_TAGS = 5;

/** Checks stars (an integer 1–5) and tags (the side's own, no repeats, at most five); returns the tags deduplicated in order. */
export function checkRating(side: RatingSide, stars: number, tags: readonly string[]): Result<{ stars: number; tags: RatingTag[] }> {
  const reasons: FieldReason[] = [];
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) reasons.push({ field: "stars", code: "RATING_STARS", message: "评分应为 1 至 5 星的整数" });
  const allowed = RATING_TAGS_BY_SIDE[side];
  const unique = [...new Set(tags)];
  if (unique.length > MAX_RATING_TAGS) reasons.push({ field: "tags", code: "RATING_TOO_MANY_TAGS", message: `标签最多选择 ${MAX_RATING_TAGS} 个` });
  const foreign = unique.filter((t) => !(allowed as readonly string[]).includes(t));
  if (foreign.length) reasons.push({ field: "tags", code: "RATING_TAG_NOT_ALLOWED", message: `这些标签不适用于本次评价：${foreign.join("、")}` });
  if (reasons.length) return fail(...reasons);
  return ok({ stars, tags: unique as RatingTag[] });
}

/** What workers see about an employer before taking a job (DESIGN §4.6: reliability runs both ways). */
export interface EmployerReliability {
  ratingCount: number;
  /** Mean stars with one decimal, null without ratings. */
  averageStars: number | null;
  /** Share of 4–5 star ratings (rubric E1), null without ratings. */
  satisfiedShare: number | null;
  lateCancellations: number;
  /** Wage-arrears complaints ever filed against the employer, and those still standing. */
  wageArrearsComplaints: number;
  standingWageArrears: number;
}

/** Summarises an employer's record from counts the server gathers. */
export function summarizeEmployerReliability(input: {
  starCounts: Readonly<Record<1 | 2 | 3 | 4 | 5, number>>;
  lateCancellations: number;
  wageArrearsComplaints: number;
  standingWageArrears: number;
}): EmployerReliability {
  const c = input.starCounts;
  const ratingCount = c[1] + c[2] + c[3] + c[4] + c[5];
  const sum = c[1] + 2 * c[2] + 3 * c[3] + 4 * c[4] + 5 * c[5];
  return {
    ratingCount,
    averageStars: ratingCount ? Math.round((sum / ratingCount) * 10) / 10 : null,
    satisfiedShare: ratingCount ? Math.round(((c[4] + c[5]) / ratingCount) * 1000) / 1000 : null,
    lateCancellations: input.lateCancellations,
    wageArrearsComplaints: input.wageArrearsComplaints,
    standingWageArrears: input.standingWageArrears,
  };
}
