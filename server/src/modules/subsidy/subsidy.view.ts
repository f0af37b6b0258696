import { MATERIALS } from "@qz/shared";
import type { ApplicationRow } from "./subsidy.repo.js";
import type { SubsidyApplication } from "./subsidy.types.js";

/** A stored application as the console shows it: the plan's checklist with what was provided, the score in points. */
export function toApplication(a: ApplicationRow): SubsidyApplication {
  const provided = new Set(a.materials);
  return {
    ...a,
    score: a.scoreTenths == null ? null : a.scoreTenths / 10,
    materials: MATERIALS[a.kind].map((m) => ({ ...m, provided: provided.has(m.key) })),
  };
}
