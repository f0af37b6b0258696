// Checks a policy version a city officer enters before it is stored: every refusal names its rule.
import type { Reason, Result } from "../result.js";
import { fail, ok } from "../result.js";
import { VENUE_TYPE, VETO } from "../catalog/enums.js";
import type { SubsidyPolicy } from "./policy.js";

const MAX_FEN = 10_000_000 * 100;

/** The policy unchanged when it is coherent, else every problem found. */
export function checkPolicy(p: SubsidyPolicy): Result<SubsidyPolicy> {
  const reasons: Reason[] = [];
  const bad = (code: string, message: string) => reasons.push({ code, message });
  if (!Number.isInteger(p.effectiveFromYear) || p.effectiveFromYear < 2023 || p.effectiveFromYear > 2100) bad("POLICY_YEAR", "生效年度应在 2023–2100 之间");
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(p.assessmentDate)) bad("POLICY_ASSESSMENT_DATE", "考核日期格式应为 MM-DD");
  if (!Number.isInteger(p.minRecognisedMonths) || p.minRecognisedMonths < 0 || p.minRecognisedMonths > 24) bad("POLICY_MONTHS", "认定满月数应在 0–24 之间");
  if (!Number.isInteger(p.noticeWorkingDays) || p.noticeWorkingDays < 1 || p.noticeWorkingDays > 30) bad("POLICY_NOTICE_DAYS", "公示期应为 1–30 个工作日");
  const fen = (v: number) => Number.isSafeInteger(v) && v >= 0 && v <= MAX_FEN;
  for (const t of VENUE_TYPE.values) if (!fen(p.oneTimeGrantFen[t])) bad("POLICY_AMOUNT", `${VENUE_TYPE.labels[t]}一次性运维补助金额无效`);
  if (p.tiers.length === 0) bad("POLICY_TIERS", "至少需要一个补助档次");
  p.tiers.forEach((t, i) => {
    if (!Number.isInteger(t.minScoreTenths) || t.minScoreTenths < 0 || t.minScoreTenths > 1000) bad("POLICY_TIERS", `第 ${i + 1} 档分数线无效`);
    if (i > 0 && t.minScoreTenths >= p.tiers[i - 1]!.minScoreTenths) bad("POLICY_TIERS", "补助档次应按分数线从高到低排列");
    for (const v of VENUE_TYPE.values) if (!fen(t.grantFen[v])) bad("POLICY_AMOUNT", `第 ${i + 1} 档${VENUE_TYPE.labels[v]}补助金额无效`);
  });
  if (!Number.isInteger(p.vetoCapTenths) || p.vetoCapTenths < 0 || p.vetoCapTenths > 1000) bad("POLICY_VETO_CAP", "否决封顶分无效");
  for (const v of p.zeroingVetoes) if (!VETO.has(v)) bad("POLICY_VETO", `未知的否决情形 ${v}`);
  if (!Number.isInteger(p.deductionPerComplaintTenths) || p.deductionPerComplaintTenths < 0 || !Number.isInteger(p.deductionMaxTenths) || p.deductionMaxTenths < 0) bad("POLICY_DEDUCTION", "扣分设置无效");
  for (const type of VENUE_TYPE.values) {
    const items = p.rubrics[type] ?? [];
    const ids = new Set(items.map((i) => i.id));
    if (ids.size !== items.length) bad("RUBRIC_DUPLICATE_ITEM", `${VENUE_TYPE.labels[type]}考核表有重复项目`);
    const total = items.reduce((s, i) => s + i.points, 0);
    if (total !== 100) bad("RUBRIC_TOTAL", `${VENUE_TYPE.labels[type]}考核表总分应为 100，现为 ${total}`);
    for (const i of items) {
      if (!Number.isInteger(i.points) || i.points <= 0) bad("RUBRIC_POINTS", `${i.id} 分值应为正整数`);
      if (i.measure.kind === "COUNT" && (!Number.isInteger(i.measure.target) || i.measure.target <= 0)) bad("RUBRIC_TARGET", `${i.id} 目标值应为正整数`);
      if (i.measure.kind === "RATIO" && (!Number.isInteger(i.measure.targetPercent) || i.measure.targetPercent <= 0 || i.measure.targetPercent > 100)) bad("RUBRIC_TARGET", `${i.id} 目标比例应在 1–100 之间`);
    }
  }
  return reasons.length ? fail(...reasons) : ok(p);
}
