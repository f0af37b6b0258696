// The policy as data per year (rubric, amounts, star thresholds, six-month rule, notice days): read and set.
import { checkPolicy, VETO, type SubsidyPolicy } from "@qz/shared";
import { z } from "zod";
import { requireActor, type Caller } from "../../access/actor.js";
import type { Deps } from "../../deps.js";
import { badInput } from "../../errors.js";
import { recordAudit } from "../audit/audit.js";
import * as repo from "./performance.repo.js";
import type { PerformanceScope } from "./performance.scope.js";

/** Structural check of an officer's policy JSON; checkPolicy then checks its sense. */
const policyShape = z.object({
  version: z.string().min(1).max(40),
  effectiveFromYear: z.number().int(),
  source: z.string().max(200),
  assessmentDate: z.string(),
  minRecognisedMonths: z.number().int(),
  noticeWorkingDays: z.number().int(),
  oneTimeGrantFen: z.object({ MARKET: z.number().int(), STATION: z.number().int() }),
  tiers: z.array(z.object({ minScoreTenths: z.number().int(), level: z.number().int().min(1).max(5), grantFen: z.object({ MARKET: z.number().int(), STATION: z.number().int() }) })).max(5),
  vetoCapTenths: z.number().int(),
  zeroingVetoes: z.array(z.enum(VETO.values)),
  deductionPerComplaintTenths: z.number().int(),
  deductionMaxTenths: z.number().int(),
  rubrics: z.object({
    MARKET: z.array(z.any()).max(40),
    STATION: z.array(z.any()).max(40),
  }),
});
const itemShape = z.object({
  id: z.string().regex(/^[A-Z][0-9]{1,2}$/),
  name: z.string().min(1).max(40),
  points: z.number().int(),
  measure: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("COUNT"), metric: z.enum(["placements", "services", "validPostings", "recruitmentEvents", "guidanceReferrals"]), target: z.number().int() }),
    z.object({
      kind: z.literal("RATIO"),
      numerator: z.enum(["priorityPlacements", "onlinePlacements", "signedContracts", "settledEngagements", "ledgerCompletePlacements", "goodRatings", "complaintsOnTime"]),
      denominator: z.enum(["placements", "engagements", "completedEngagements", "ratings", "complaintsClosed"]),
      targetPercent: z.number().int(),
      whenEmpty: z.enum(["FULL", "ZERO"]),
    }),
    z.object({ kind: z.literal("ONSITE") }),
  ]),
});

/** The policy versions: the one in force for a year, and a city officer's new version. */
export function createPolicyService({ db }: Deps, { rollup }: PerformanceScope) {
  return {
    /** The policy in force for a year (an officer's version or the 2023 default). */
    policyForYear: (year: number) => rollup.policyFor(db, year),

    /** City officers enter a policy version effective from a year (audited); it is checked as a whole. */
    async setPolicy(caller: Caller, effectiveFromYear: number, json: string) {
      const actor = requireActor(caller, "CITY_OFFICER");
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        badInput("policy", [{ code: "POLICY_JSON", message: "政策内容不是有效的 JSON" }]);
      }
      const shape = policyShape.safeParse(parsed);
      const items = shape.success ? [...shape.data.rubrics.MARKET, ...shape.data.rubrics.STATION].map((i) => itemShape.safeParse(i)) : [];
      if (!shape.success || items.some((i) => !i.success)) {
        const issue = shape.success ? items.find((i) => !i.success)!.error!.issues[0] : shape.error.issues[0];
        badInput("policy", [{ code: "POLICY_SHAPE", message: `政策内容格式有误：${issue?.path.join(".")} ${issue?.message}` }]);
      }
      const policy = { ...(shape.data as SubsidyPolicy), effectiveFromYear };
      const checked = checkPolicy(policy);
      if (!checked.ok) badInput("policy", checked.reasons);
      return db.transaction(async (tx) => {
        const before = (await repo.listPolicies(tx)).find((p) => p.effectiveFromYear === effectiveFromYear) ?? null;
        const saved = await repo.upsertPolicy(tx, { effectiveFromYear, version: policy.version, policy, createdBy: actor.userId });
        await recordAudit(tx, caller, {
          action: "performance.set-policy",
          entityType: "subsidy_policy",
          entityId: actor.userId,
          before: before ? { version: before.version, effectiveFromYear } : null,
          after: { version: policy.version, effectiveFromYear, source: policy.source },
        });
        return { effectiveFromYear: saved.effectiveFromYear, version: saved.version, source: policy.source, policyJson: JSON.stringify(saved.policy) };
      });
    },

    /** The policy version in force for a year, as JSON (officers and staff read it to plan). */
    async policyView(caller: Caller, year: number) {
      requireActor(caller, "VENUE_STAFF", "COUNTY_OFFICER", "CITY_OFFICER");
      const p = await rollup.policyFor(db, year);
      return { effectiveFromYear: p.effectiveFromYear, version: p.version, source: p.source, policyJson: JSON.stringify(p) };
    },

  };
}
