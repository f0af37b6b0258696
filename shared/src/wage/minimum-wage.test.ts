import { describe, expect, it } from "vitest";
import { QUANZHOU_REGIONS } from "../region/regions.js";
import { checkHourlyPay, checkMinimumWageStandard, DEFAULT_MINIMUM_WAGES, minimumWageOn, type MinimumWageStandard } from "./minimum-wage.js";

const row = (regionCode: string, effectiveFrom: string, hourlyFen: number): MinimumWageStandard => ({
  regionCode,
  effectiveFrom,
  monthlyFen: hourlyFen * 100,
  hourlyFen,
  source: "test",
});

describe("DEFAULT_MINIMUM_WAGES", () => {
  it("covers each of the 13 areas once, from 2022-04-01", () => {
    expect(DEFAULT_MINIMUM_WAGES.map((r) => r.regionCode).sort()).toEqual(QUANZHOU_REGIONS.map((r) => r.code).sort());
    expect(new Set(DEFAULT_MINIMUM_WAGES.map((r) => r.effectiveFrom))).toEqual(new Set(["2022-04-01"]));
  });

  it.each([
    ["350502", 196_000, 2_050], // 鲤城区
    ["350582", 196_000, 2_050], // 晋江市
    ["350521", 196_000, 2_050], // 惠安县
    ["350571", 196_000, 2_050], // 泉州开发区
    ["350572", 196_000, 2_050], // 泉州台商投资区
    ["350524", 181_000, 1_900], // 安溪县
    ["350525", 181_000, 1_900], // 永春县
    ["350526", 181_000, 1_900], // 德化县
  ])("%s: %i fen a month, %i fen an hour", (code, monthlyFen, hourlyFen) => {
    expect(DEFAULT_MINIMUM_WAGES.find((r) => r.regionCode === code)).toMatchObject({ monthlyFen, hourlyFen });
  });
});

describe("minimumWageOn", () => {
  const history = [row("350502", "2025-07-01", 2_200), row("350502", "2022-04-01", 2_050), row("350524", "2025-07-01", 2_000), row("350502", "2030-01-01", 2_500)];

  it.each([
    ["350502", "2022-03-31", null], // before any standard
    ["350502", "2022-04-01", 2_050], // the effective day itself
    ["350502", "2025-06-30", 2_050],
    ["350502", "2025-07-01", 2_200], // the later row takes over on its date, whatever the input order
    ["350502", "2029-12-31", 2_200],
    ["350502", "2030-01-01", 2_500],
    ["350524", "2025-06-30", null], // other areas' rows never count
    ["350524", "2026-01-01", 2_000],
    ["350599", "2026-01-01", null],
  ])("%s on %s → %s fen an hour", (code, date, expected) => {
    expect(minimumWageOn(history, code, date)?.hourlyFen ?? null).toBe(expected);
  });

  it("rejects an invalid date", () => {
    expect(() => minimumWageOn(history, "350502", "2025-02-30")).toThrow(RangeError);
  });
});

describe("checkHourlyPay", () => {
  const standard = { hourlyFen: 2_050 };
  it.each([
    [2_050, "HOUR", undefined, true, 2_050],
    [2_049, "HOUR", undefined, false, 2_050],
    [16_400, "DAY", 8, true, 16_400],
    [16_399, "DAY", 8, false, 16_400],
    [9_225, "DAY", 4.5, true, 9_225],
    [12_300, "PIECE", 6, true, 12_300], // 计件: what 6 hours earned
    [12_299, "PIECE", 6, false, 12_300],
  ] as const)("%i fen per %s (%s h) → ok %s (minimum %i)", (pay, unit, hours, expected, minimumFen) => {
    const result = checkHourlyPay(pay, unit, standard, hours);
    expect(result.ok).toBe(expected);
    if (result.ok) expect(result.value.minimumFen).toBe(minimumFen);
  });

  it("states the figure when refusing", () => {
    const result = checkHourlyPay(1_800, "HOUR", standard);
    expect(result).toEqual({ ok: false, reasons: [expect.objectContaining({ code: "PAY_BELOW_MINIMUM_WAGE" })] });
    if (!result.ok) expect(result.reasons[0]!.message).toContain("20.50 元");
  });

  it.each([
    [-1, "HOUR", undefined, "PAY_INVALID"],
    [1.5, "HOUR", undefined, "PAY_INVALID"],
    [20_000, "DAY", undefined, "PAY_HOURS_INVALID"],
    [20_000, "DAY", 0, "PAY_HOURS_INVALID"],
    [20_000, "DAY", 25, "PAY_HOURS_INVALID"],
    [20_000, "PIECE", undefined, "PAY_HOURS_INVALID"],
  ] as const)("%s fen per %s (%s h) → %s", (pay, unit, hours, code) => {
    expect(checkHourlyPay(pay, unit, standard, hours)).toEqual({ ok: false, reasons: [expect.objectContaining({ code })] });
  });
});

describe("checkMinimumWageStandard", () => {
  const good: MinimumWageStandard = { regionCode: "350502", effectiveFrom: "2026-07-01", monthlyFen: 210_000, hourlyFen: 2_200, source: "  闽政〔2026〕1号 " };

  it("accepts a standard and trims the source", () => {
    expect(checkMinimumWageStandard(good)).toEqual({ ok: true, value: { ...good, source: "闽政〔2026〕1号" } });
  });

  it.each([
    [{ regionCode: "350599" }, "regionCode", "REGION_UNKNOWN"],
    [{ effectiveFrom: "2026-02-30" }, "effectiveFrom", "DATE_OUT_OF_RANGE"],
    [{ effectiveFrom: "1999-12-31" }, "effectiveFrom", "DATE_OUT_OF_RANGE"],
    [{ effectiveFrom: "2101-01-01" }, "effectiveFrom", "DATE_OUT_OF_RANGE"],
    [{ monthlyFen: 0 }, "monthlyFen", "WAGE_OUT_OF_RANGE"],
    [{ hourlyFen: -2_200 }, "hourlyFen", "WAGE_OUT_OF_RANGE"],
    [{ hourlyFen: 22.5 }, "hourlyFen", "WAGE_OUT_OF_RANGE"],
    [{ monthlyFen: 10_000_001, hourlyFen: 2_200 }, "monthlyFen", "WAGE_OUT_OF_RANGE"],
    [{ hourlyFen: 210_001 }, "hourlyFen", "HOURLY_ABOVE_MONTHLY"],
    [{ source: "   " }, "source", "SOURCE_LENGTH"],
    [{ source: "文".repeat(201) }, "source", "SOURCE_LENGTH"],
  ])("%o → %s %s", (over, field, code) => {
    const result = checkMinimumWageStandard({ ...good, ...over });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons).toContainEqual(expect.objectContaining({ field, code }));
  });

  it("reports every problem at once", () => {
    const result = checkMinimumWageStandard({ regionCode: "x", effectiveFrom: "x", monthlyFen: -1, hourlyFen: -1, source: "" });
    expect(result.ok ? [] : result.reasons.map((r) => r.code)).toEqual(["REGION_UNKNOWN", "DATE_OUT_OF_RANGE", "WAGE_OUT_OF_RANGE", "WAGE_OUT_OF_RANGE", "SOURCE_LENGTH"]);
  });
});
