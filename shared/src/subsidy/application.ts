// Subsidy applications (申报): kinds, materials the plan lists, the review lifecycle and what a grant may pay for.
import { APPLICATION_STATUS, FUND_CATEGORY, type ApplicationStatus, type FundCategory, type SubsidyKind } from "../catalog/enums.js";
import { defineLifecycle } from "../catalog/lifecycle.js";
import type { Reason, Result } from "../result.js";
import { fail, ok } from "../result.js";

export type ApplicationAction = "SUBMIT" | "START_REVIEW" | "RETURN" | "REJECT" | "PUBLISH" | "BLOCK" | "APPROVE" | "PAY";

export const APPLICATION_LIFECYCLE = defineLifecycle<ApplicationStatus, ApplicationAction>({
  code: "APPLICATION",
  noun: "补助申请",
  states: APPLICATION_STATUS,
  reasonMessage: "退回或不予通过必须填写原因",
  transitions: {
    SUBMIT: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED" },
    START_REVIEW: { from: ["SUBMITTED"], to: "UNDER_REVIEW" },
    RETURN: { from: ["UNDER_REVIEW"], to: "RETURNED", needsReason: true },
    REJECT: { from: ["UNDER_REVIEW"], to: "REJECTED", needsReason: true },
    PUBLISH: { from: ["UNDER_REVIEW"], to: "PUBLIC_NOTICE" },
    /** An upheld objection ends the notice: the application goes back to review. */
    BLOCK: { from: ["PUBLIC_NOTICE"], to: "UNDER_REVIEW", needsReason: true },
    APPROVE: { from: ["PUBLIC_NOTICE"], to: "APPROVED" },
    PAY: { from: ["APPROVED"], to: "PAID" },
  },
});

/** Materials (申报材料) the plan lists for each kind, in its order. */
export const MATERIALS: Record<SubsidyKind, readonly { key: string; label: string }[]> = {
  ONE_TIME: [
    { key: "CREDIT_CODE_AND_LEGAL_REP", label: "营业执照或统一社会信用代码证书、法定代表人身份证复印件" },
    { key: "PREMISES_PROOF", label: "房屋租赁合同、房产证或土地使用证明等材料复印件" },
    { key: "FORM_3", label: "泉州市零工市场(驿站)认定申请表（附件3）" },
    { key: "FORM_4", label: "泉州市零工市场(驿站)补助资金申请表（附件4）" },
    { key: "IMPLEMENTATION_PLAN", label: "根据附件2制定的实施方案等佐证材料" },
  ],
  PERFORMANCE: [
    { key: "FORM_4", label: "泉州市零工市场(驿站)补助资金申请表（附件4）" },
    { key: "FORM_5", label: "泉州市零工市场(驿站)岗位推荐成功花名册（附件5）" },
    { key: "FORM_6", label: "泉州市零工市场(驿站)工作考核自评表（附件6）" },
    { key: "WORK_REPORT", label: "工作实施方案落实情况报告等考核佐证材料" },
  ],
};

/** A checklist ready to submit, or the missing materials named one by one. */
export function checkMaterials(kind: SubsidyKind, provided: ReadonlySet<string>): Result<true> {
  const missing: Reason[] = MATERIALS[kind].filter((m) => !provided.has(m.key)).map((m) => ({ code: "MATERIAL_MISSING", message: `缺少申报材料：${m.label}` }));
  return missing.length ? fail(...missing) : ok(true);
}

export const FORBIDDEN_FUND_CATEGORIES: readonly FundCategory[] = ["INFRASTRUCTURE", "FIXED_ASSETS"];

/** A spending against a paid grant: allowed category, positive amount, within the grant's balance. */
export function checkFundUse(category: FundCategory, amountFen: number, balanceFen: number): Result<true> {
  const reasons: Reason[] = [];
  if (FORBIDDEN_FUND_CATEGORIES.includes(category)) {
    reasons.push({ code: "FUND_CATEGORY_FORBIDDEN", message: `补助资金不得用于${FUND_CATEGORY.labels[category]}（泉人社规〔2023〕5号 二(四)）` });
  }
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) reasons.push({ code: "FUND_AMOUNT_INVALID", message: "金额应为正整数（分）" });
  else if (amountFen > balanceFen) reasons.push({ code: "FUND_OVER_BALANCE", message: `超出补助余额（余额 ${(balanceFen / 100).toFixed(2)} 元）` });
  return reasons.length ? fail(...reasons) : ok(true);
}

