import type { Config } from "../../config.js";
import { DEFAULT_DISPATCH_SETTINGS, DEFAULT_RANKING_WEIGHTS, DEFAULT_REACH, type DispatchSettings, type RankingWeights, type ReachConfig } from "@qz/shared";

/** Everything dispatch is configured by (DESIGN §4: weights, speeds, wave sizes and timings are configuration). */
export interface DispatchSettingsAll {
  dispatch: DispatchSettings;
  weights: RankingWeights;
  reach: ReachConfig;
  /** Nearest eligible workers the ranking looks at per wave (the KNN scan stops there). */
  candidatePool: number;
}

export const DEFAULT_SETTINGS: DispatchSettingsAll = {
  dispatch: DEFAULT_DISPATCH_SETTINGS,
  weights: DEFAULT_RANKING_WEIGHTS,
  reach: DEFAULT_REACH,
  candidatePool: 200,
};

/** The defaults with what the environment configures (DISPATCH_* variables, read once by config.ts). */
export function settingsFromConfig(c: Config["dispatch"]): DispatchSettingsAll {
  const { candidatePool, ...dispatch } = c;
  return { ...DEFAULT_SETTINGS, dispatch: { ...DEFAULT_SETTINGS.dispatch, ...dispatch }, candidatePool };
}
