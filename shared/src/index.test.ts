import { describe, it, expect } from "vitest";
import * as shared from "./index.js";

describe("index", () => {
  it("re-exports the public rules", () => {
    for (const name of [
      "ok",
      "fail",
      "residentIdCheckDigit",
      "parseResidentId",
      "isProvinceCode",
      "normalizeText",
      "maskResidentId",
      "creditCodeCheckChar",
      "parseCreditCode",
      "parseMobile",
      "maskMobile",
      "isOlderWorker",
      "ageOn",
      "OLDER_WORKER_AGE",
      "QUANZHOU_REGIONS",
      "regionByCode",
      "COVERAGE_TARGETS",
      "summariseCoverage",
      "CN_HOLIDAY_CALENDAR",
      "calendarFrom",
      "isWorkingDay",
      "addWorkingDays",
      "shanghaiDate",
      "SKILL_CATALOG",
      "SKILL_LEVELS",
      "isSkillCode",
    ]) {
      expect(shared, name).toHaveProperty(name);
    }
  });
});
