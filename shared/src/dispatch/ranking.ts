// Ranking of eligible workers for an offer wave (DESIGN §4.2). Every factor is scored 0..1 and weighted;
// the weighted parts are stored with each offer, so "why this offer" can be shown to the worker and officers.

/** What ranking needs to know about one eligible worker. */
export interface Candidate {
  workerId: string;
  distanceMeters: number;
  /** The distance this worker may come from for this task: min(their own reach, the task's). */
  reachMeters: number;
  skillLevel: number;
  requiredLevel: number;
  completedCount: number;
  noShowCount: number;
  lateWithdrawalCount: number;
  ratingSum: number;
  ratingCount: number;
  /** Hours worked (engaged) in the 7 days before the task. */
  hoursLast7Days: number;
  /** 大龄 (4050), 就业困难人员, 零就业家庭: the plan's priority groups. */
  older: boolean;
  hardToEmploy: boolean;
  zeroEmploymentFamily: boolean;
}

export const RANKING_FACTORS = ["proximity", "skill", "reliability", "rating", "fairness", "priority"] as const;
export type RankingFactor = (typeof RANKING_FACTORS)[number];
export type RankingWeights = Readonly<Record<RankingFactor, number>>;

/** Default weights (configuration, summing to 1): closeness first, then a fair share and reliability. */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  proximity: 0.3,
  skill: 0.1,
  reliability: 0.2,
  rating: 0.1,
  fairness: 0.15,
  priority: 0.15,
};

/** Each factor's weighted contribution and the total, rounded to 4 decimals. */
export type ScoreBreakdown = Record<RankingFactor, number> & { total: number };

export interface RankedCandidate<C extends Candidate = Candidate> {
  candidate: C;
  score: ScoreBreakdown;
}

/** Hours in 7 days at which the fairness factor reaches 0 (a full working week). */
const FAIRNESS_FULL_WEEK_HOURS = 40;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The unweighted 0..1 value of every factor for one candidate. */
export function factorValues(c: Candidate): Record<RankingFactor, number> {
  // A newcomer is treated as 4 of 5 jobs done (a prior), so one early no-show does not bury them and
  // a long clean record slowly earns the rest. A no-show weighs twice a late withdrawal.
  const reliability = (c.completedCount + 4) / (c.completedCount + 2 * c.noShowCount + c.lateWithdrawalCount + 5);
  // Ratings shrink toward 3 stars until there are a few of them.
  const meanRating = (c.ratingSum + 3 * 2) / (c.ratingCount + 2);
  const span = 5 - c.requiredLevel;
  return {
    proximity: clamp01(1 - c.distanceMeters / Math.max(c.reachMeters, 1)),
    skill: span <= 0 ? 1 : clamp01(0.5 + (0.5 * (c.skillLevel - c.requiredLevel)) / span),
    reliability: clamp01(reliability),
    rating: clamp01((meanRating - 1) / 4),
    fairness: clamp01(1 - c.hoursLast7Days / FAIRNESS_FULL_WEEK_HOURS),
    priority: c.older || c.hardToEmploy || c.zeroEmploymentFamily ? 1 : 0,
  };
}

/** Scores one candidate: each factor's value times its weight. */
export function scoreCandidate(c: Candidate, weights: RankingWeights = DEFAULT_RANKING_WEIGHTS): ScoreBreakdown {
  const values = factorValues(c);
  const parts = Object.fromEntries(RANKING_FACTORS.map((f) => [f, round4(values[f] * weights[f])])) as Record<RankingFactor, number>;
  return { ...parts, total: round4(RANKING_FACTORS.reduce((sum, f) => sum + values[f] * weights[f], 0)) };
}

/** Best first; ties go to the nearer worker, then by id so a wave is reproducible. */
export function rankCandidates<C extends Candidate>(candidates: readonly C[], weights: RankingWeights = DEFAULT_RANKING_WEIGHTS): RankedCandidate<C>[] {
  return candidates
    .map((candidate) => ({ candidate, score: scoreCandidate(candidate, weights) }))
    .sort((a, b) => b.score.total - a.score.total || a.candidate.distanceMeters - b.candidate.distanceMeters || (a.candidate.workerId < b.candidate.workerId ? -1 : 1));
}

/** Checks configured weights: each 0..1, summing to 1 (±0.001). */
export function checkRankingWeights(weights: RankingWeights): string[] {
  const problems = RANKING_FACTORS.filter((f) => !(weights[f] >= 0 && weights[f] <= 1)).map((f) => `${f} must be between 0 and 1`);
  const sum = RANKING_FACTORS.reduce((s, f) => s + weights[f], 0);
  if (Math.abs(sum - 1) > 0.001) problems.push(`weights sum to ${sum}, not 1`);
  return problems;
}

/** Offers per wave (DESIGN §4.3): three per open seat, at most 20. */
export const waveSize = (openSeats: number, perSeat = 3, cap = 20): number => Math.max(0, Math.min(perSeat * openSeats, cap));
