// Public surface of @qz/shared: pure domain rules, no I/O; dates and clocks are passed in.
export * from "./result.js";
export * from "./identity/resident-id.js";
export * from "./identity/credit-code.js";
export * from "./identity/phone.js";
export * from "./identity/priority.js";
export * from "./identity/skills.js";
export * from "./region/regions.js";
export * from "./venue/coverage.js";
export * from "./calendar/holidays.js";
export * from "./calendar/working-days.js";
export * from "./calendar/iso-date.js";
export * from "./calendar/calendar-year.js";
export * from "./wage/minimum-wage.js";
export * from "./venue/venue-status.js";
export * from "./text/normalize.js";
export * from "./catalog/define-enum.js";
export * from "./catalog/enums.js";
