import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../performance/policy.js";
import { APPLICATION_LIFECYCLE, checkFundUse, checkMaterials, MATERIALS } from "./application.js";
import { assessmentPeriod, assessmentYearOf, monthsBefore, oneTimeEligibility, performanceEligibility, type VenueFacts } from "./eligibility.js";

const P = DEFAULT_POLICY;
const venue = (over: Partial<VenueFacts> = {}): VenueFacts => ({ type: "MARKET", status: "RECOGNIZED", recognizedOn: "2025-03-01", purchasePeriods: [], ...over });
const codes = (e: { reasons: { code: string }[] }) => e.reasons.map((r) => r.code);

describe("assessment year and dates", () => {
  it("runs from 1 Dec of the year before through 30 Nov", () => {
    expect(assessmentPeriod(2026)).toEqual({ startsOn: "2025-12-01", endsOn: "2026-11-30" });
    expect(assessmentYearOf("2026-11-30")).toBe(2026);
    expect(assessmentYearOf("2026-12-01")).toBe(2027);
    expect(assessmentYearOf("2026-01-01")).toBe(2026);
  });
  it.each([["2026-11-30", 6, "2026-05-30"], ["2026-08-31", 6, "2026-02-28"], ["2024-08-31", 6, "2024-02-29"], ["2026-03-15", 6, "2025-09-15"]])("%s minus %i months is %s", (d, m, r) => {
    expect(monthsBefore(d, m)).toBe(r);
  });
});

describe("performance-subsidy eligibility (every refusal names its rule)", () => {
  it("recognised exactly six months before 30 Nov is eligible; a day later is not", () => {
    expect(performanceEligibility(P, 2026, venue({ recognizedOn: "2026-05-30" }))).toEqual({ eligible: true, reasons: [], recognisedBy: "2026-05-30" });
    const late = performanceEligibility(P, 2026, venue({ recognizedOn: "2026-05-31" }));
    expect(late.eligible).toBe(false);
    expect(codes(late)).toEqual(["RECOGNISED_LESS_THAN_SIX_MONTHS"]);
    expect(late.reasons[0]!.message).toBe("认定于 2026-05-31，至考核日 2026-11-30 工作时间不满6个月（须于 2026-05-30 或之前认定）");
  });
  it("revoked, suspended and never-recognised venues are refused, each with its rule", () => {
    expect(codes(performanceEligibility(P, 2026, venue({ status: "REVOKED" })))).toEqual(["VENUE_REVOKED"]);
    expect(codes(performanceEligibility(P, 2026, venue({ status: "SUSPENDED" })))).toEqual(["VENUE_SUSPENDED"]);
    expect(codes(performanceEligibility(P, 2026, venue({ status: "PENDING_RECOGNITION", recognizedOn: null })))).toEqual(["VENUE_NOT_RECOGNISED"]);
  });
  it("a purchase-of-service period covering part of the assessment year refuses, naming the overlap", () => {
    const partial = performanceEligibility(P, 2026, venue({ purchasePeriods: [{ startsOn: "2026-10-01", endsOn: "2027-03-31" }] }));
    expect(codes(partial)).toEqual(["IN_SERVICE_PURCHASE_PERIOD"]);
    expect(partial.reasons[0]!.message).toContain("重叠（2026-10-01 至 2026-11-30）");
    expect(codes(performanceEligibility(P, 2026, venue({ purchasePeriods: [{ startsOn: "2025-01-01", endsOn: "2025-12-01" }] })))).toEqual(["IN_SERVICE_PURCHASE_PERIOD"]);
  });
  it("periods that end the day before the year starts, or start the day after it ends, do not count", () => {
    const e = performanceEligibility(P, 2026, venue({ purchasePeriods: [{ startsOn: "2025-01-01", endsOn: "2025-11-30" }, { startsOn: "2026-12-01", endsOn: "2027-06-30" }] }));
    expect(e.eligible).toBe(true);
  });
  it("several problems are all named", () => {
    const e = performanceEligibility(P, 2026, venue({ status: "REVOKED", recognizedOn: "2026-09-01", purchasePeriods: [{ startsOn: "2026-01-01", endsOn: "2026-12-31" }] }));
    expect(codes(e)).toEqual(["VENUE_REVOKED", "RECOGNISED_LESS_THAN_SIX_MONTHS", "IN_SERVICE_PURCHASE_PERIOD"]);
  });
  it("the six-month rule is policy data", () => {
    const e = performanceEligibility({ ...P, minRecognisedMonths: 3 }, 2026, venue({ recognizedOn: "2026-08-30" }));
    expect(e).toMatchObject({ eligible: true, recognisedBy: "2026-08-30" });
  });
});

describe("one-time operating subsidy: once per venue", () => {
  it("a recognised venue without a claim is eligible; any claim not rejected blocks another", () => {
    expect(oneTimeEligibility(venue(), []).eligible).toBe(true);
    expect(oneTimeEligibility(venue(), [{ status: "REJECTED" }]).eligible).toBe(true);
    expect(codes(oneTimeEligibility(venue(), [{ status: "PAID" }]))).toEqual(["ONE_TIME_ALREADY_CLAIMED"]);
    expect(codes(oneTimeEligibility(venue(), [{ status: "DRAFT" }]))).toEqual(["ONE_TIME_ALREADY_CLAIMED"]);
    expect(codes(oneTimeEligibility(venue({ status: "PENDING_RECOGNITION", recognizedOn: null }), []))).toEqual(["VENUE_NOT_RECOGNISED"]);
  });
});

describe("applications", () => {
  it("materials: the plan's list per kind, each missing one named", () => {
    const r = checkMaterials("PERFORMANCE", new Set(["FORM_4", "FORM_6"]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons.map((x) => x.message)).toEqual([`缺少申报材料：${MATERIALS.PERFORMANCE[1]!.label}`, `缺少申报材料：${MATERIALS.PERFORMANCE[3]!.label}`]);
    expect(checkMaterials("ONE_TIME", new Set(MATERIALS.ONE_TIME.map((m) => m.key))).ok).toBe(true);
  });
  it("lifecycle: refusals name the current state; returning needs a reason", () => {
    expect(APPLICATION_LIFECYCLE.next("DRAFT", "SUBMIT")).toEqual({ ok: true, value: "SUBMITTED" });
    expect(APPLICATION_LIFECYCLE.next("DRAFT", "APPROVE")).toMatchObject({ ok: false, reasons: [{ code: "APPLICATION_TRANSITION", message: "补助申请当前状态为“草稿”，不能执行该操作" }] });
    expect(APPLICATION_LIFECYCLE.next("UNDER_REVIEW", "RETURN", " ")).toMatchObject({ ok: false, reasons: [{ code: "APPLICATION_REASON_REQUIRED" }] });
    expect(APPLICATION_LIFECYCLE.isFinal("PAID")).toBe(true);
  });
  it("use of funds: construction and fixed assets refused with the rule; never beyond the balance", () => {
    const r = checkFundUse("FIXED_ASSETS", 100, 1000);
    expect(r).toMatchObject({ ok: false, reasons: [{ code: "FUND_CATEGORY_FORBIDDEN", message: "补助资金不得用于固定资产购置（泉人社规〔2023〕5号 二(四)）" }] });
    expect(checkFundUse("INFRASTRUCTURE", 100, 1000).ok).toBe(false);
    expect(checkFundUse("TRAINING", 1000, 1000).ok).toBe(true);
    expect(checkFundUse("TRAINING", 1001, 1000)).toMatchObject({ ok: false, reasons: [{ code: "FUND_OVER_BALANCE" }] });
    expect(checkFundUse("TRAINING", 0, 1000)).toMatchObject({ ok: false, reasons: [{ code: "FUND_AMOUNT_INVALID" }] });
  });
});
