import { describe, expect, it } from "vitest";
import { CN_HOLIDAY_CALENDAR } from "../calendar/holidays.js";
import { calendarFrom } from "../calendar/working-days.js";
import { COMPLAINT_LIFECYCLE } from "./complaint-lifecycle.js";
import { deriveComplaintClock, wageReferralDueAt, workingDeadline, type ComplaintHistoryEntry } from "./complaint-sla.js";

const cal = calendarFrom(CN_HOLIDAY_CALENDAR);
/** An Asia/Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);
/** The end (24:00) of a Shanghai calendar day. */
const endOf = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000);

describe("workingDeadline on the real 2026 calendar (end of the day the working-day budget runs out)", () => {
  it.each<[string, string, number, string]>([
    ["an ordinary Monday, 1 day", "2026-03-02T10:00", 1, "2026-03-03"],
    ["a Friday, 1 day: the weekend does not count", "2026-03-06T16:00", 1, "2026-03-09"],
    ["filed on a Saturday: the count starts on Monday", "2026-03-07T11:00", 1, "2026-03-09"],
    ["the eve of 国庆 (Wed 30 Sep): 1–7 Oct are holidays, the next working day is Thu 8 Oct", "2026-09-30T10:00", 1, "2026-10-08"],
    ["Fri 9 Oct: Sat 10 Oct is a 调休 make-up workday, so it is due then, not on Monday", "2026-10-09T10:00", 1, "2026-10-10"],
    ["10 days across 国庆 and the make-up Saturday", "2026-09-29T09:00", 10, "2026-10-19"],
    ["Fri 13 Feb before 春节: Sat 14 Feb is a make-up workday", "2026-02-13T15:00", 1, "2026-02-14"],
    ["filed on the make-up Saturday 14 Feb: 15–23 Feb are 春节, next is Tue 24 Feb", "2026-02-14T11:00", 1, "2026-02-24"],
    ["10 days across 春节 and both make-up Saturdays (14 and 28 Feb)", "2026-02-13T10:00", 10, "2026-03-05"],
    ["filed inside 春节 (18 Feb): starts on Tue 24 Feb", "2026-02-18T09:00", 3, "2026-02-26"],
    ["3 days over 清明 (4–6 Apr)", "2026-04-03T09:00", 3, "2026-04-09"],
    ["exactly at midnight, a whole day is used: due at the end of that same day", "2026-03-02T00:00", 1, "2026-03-02"],
  ])("%s", (_name, start, days, dueDay) => {
    expect(workingDeadline(sh(start), days, [], cal)).toEqual(endOf(dueDay));
  });

  it("a pause moves the deadline by the working time it held the clock, not by calendar days", () => {
    const start = sh("2026-03-02T09:00");
    expect(workingDeadline(start, 10, [], cal)).toEqual(endOf("2026-03-16"));
    // Wed 10:00 → Mon 10:00: three working days (Wed part, Thu, Fri, Mon part), the weekend is not counted.
    expect(workingDeadline(start, 10, [{ start: sh("2026-03-04T10:00"), end: sh("2026-03-09T10:00") }], cal)).toEqual(endOf("2026-03-19"));
    // Two pauses add up; a pause over a weekend only costs the working hours inside it.
    const two = [
      { start: sh("2026-03-03T00:00"), end: sh("2026-03-04T00:00") },
      { start: sh("2026-03-07T00:00"), end: sh("2026-03-09T00:00") },
    ];
    expect(workingDeadline(start, 10, two, cal)).toEqual(endOf("2026-03-17"));
  });

  it("a pause during a public holiday costs nothing; an open pause stops the clock (no deadline)", () => {
    const start = sh("2026-09-29T09:00");
    expect(workingDeadline(start, 10, [{ start: sh("2026-10-01T08:00"), end: sh("2026-10-07T20:00") }], cal)).toEqual(endOf("2026-10-19"));
    expect(workingDeadline(start, 10, [{ start: sh("2026-10-12T08:00"), end: null }], cal)).toBeNull();
    // A pause opened after the budget ran out does not hide the missed deadline.
    expect(workingDeadline(start, 1, [{ start: sh("2026-10-12T08:00"), end: null }], cal)).toEqual(endOf("2026-09-30"));
  });

  it.each([0, -1, 1.5, 367, Number.NaN])("refuses a budget of %s days", (days) => {
    expect(() => workingDeadline(sh("2026-03-02T09:00"), days, [], cal)).toThrow(RangeError);
  });

  it("wage arrears are referred 3 working days after filing (never paused)", () => {
    expect(wageReferralDueAt(sh("2026-09-30T10:00"), cal)).toEqual(endOf("2026-10-10"));
  });
});

/** A history built from (action, to, Shanghai time) triples. */
const history = (...rows: [ComplaintHistoryEntry["action"], ComplaintHistoryEntry["to"], string][]): ComplaintHistoryEntry[] =>
  rows.map(([action, to, at]) => ({ action, to, at: sh(at) }));

describe("deriveComplaintClock: deadlines from the history, so they never drift", () => {
  it("a complaint filed before 国庆: accept by 8 Oct, then 10 working days from acceptance", () => {
    const h = history(["FILE", "SUBMITTED", "2026-09-30T10:00"]);
    const c = deriveComplaintClock(h, cal, sh("2026-10-05T10:00"));
    expect(c).toMatchObject({ status: "SUBMITTED", stage: "VENUE", acceptDueAt: endOf("2026-10-08"), next: { kind: "ACCEPT", at: endOf("2026-10-08") }, onTime: true });
    const accepted = deriveComplaintClock([...h, ...history(["ACCEPT", "ACCEPTED", "2026-10-08T09:00"])], cal, sh("2026-10-08T10:00"));
    // The ten working days after the 8th: 9, 10 (the make-up Saturday), 12–16, 19–21 Oct.
    expect(accepted).toMatchObject({ answeredAt: sh("2026-10-08T09:00"), resolveDueAt: endOf("2026-10-21"), next: { kind: "RESOLVE" }, onTime: true });
  });

  it("pause and resume: WAITING_ON_COMPLAINANT stops the clock, resuming restarts it where it stood", () => {
    const base = history(["FILE", "SUBMITTED", "2026-03-02T08:00"], ["ACCEPT", "ACCEPTED", "2026-03-02T09:00"], ["START", "IN_PROGRESS", "2026-03-02T10:00"]);
    expect(deriveComplaintClock(base, cal, sh("2026-03-03T09:00")).resolveDueAt).toEqual(endOf("2026-03-16"));
    const waiting = [...base, ...history(["REQUEST_INFO", "WAITING_ON_COMPLAINANT", "2026-03-04T10:00"])];
    const paused = deriveComplaintClock(waiting, cal, sh("2026-04-30T10:00"));
    // Weeks of waiting are not the handler's fault: no deadline, nothing overdue.
    expect(paused).toMatchObject({ paused: true, resolveDueAt: null, next: null, onTime: true });
    const resumed = deriveComplaintClock([...waiting, ...history(["SUPPLY_INFO", "IN_PROGRESS", "2026-03-09T10:00"])], cal, sh("2026-03-09T11:00"));
    expect(resumed).toMatchObject({ paused: false, resolveDueAt: endOf("2026-03-19"), next: { kind: "RESOLVE", at: endOf("2026-03-19") } });
    // The same history read later gives the same deadline: it is derived, never stored.
    expect(deriveComplaintClock([...waiting, ...history(["SUPPLY_INFO", "IN_PROGRESS", "2026-03-09T10:00"])], cal, sh("2026-03-12T11:00")).resolveDueAt).toEqual(endOf("2026-03-19"));
  });

  it("one extension raises the budget to the 15-day cap", () => {
    const h = history(["FILE", "SUBMITTED", "2026-03-02T08:00"], ["ACCEPT", "ACCEPTED", "2026-03-02T09:00"], ["EXTEND", "IN_PROGRESS", "2026-03-10T09:00"]);
    expect(deriveComplaintClock(h, cal, sh("2026-03-10T10:00"))).toMatchObject({ extended: true, resolveBudgetDays: 15, resolveDueAt: endOf("2026-03-23") });
  });

  it("a late acceptance or a missed resolve deadline makes the complaint late; a resolution awaits the complainant for 7 days", () => {
    const late = history(["FILE", "SUBMITTED", "2026-03-02T10:00"], ["ACCEPT", "ACCEPTED", "2026-03-04T09:00"]);
    expect(deriveComplaintClock(late, cal, sh("2026-03-04T10:00")).onTime).toBe(false);
    const open = history(["FILE", "SUBMITTED", "2026-03-02T10:00"], ["ACCEPT", "ACCEPTED", "2026-03-02T11:00"]);
    expect(deriveComplaintClock(open, cal, sh("2026-03-16T23:59")).onTime).toBe(true);
    expect(deriveComplaintClock(open, cal, sh("2026-03-17T00:01")).onTime).toBe(false);
    const resolved = [...open, ...history(["RESOLVE", "RESOLVED", "2026-03-10T15:00"])];
    expect(deriveComplaintClock(resolved, cal, sh("2026-03-11T09:00"))).toMatchObject({ resolvedAt: sh("2026-03-10T15:00"), autoCloseAt: sh("2026-03-17T15:00"), next: { kind: "AUTO_CLOSE" }, onTime: true });
    const closed = deriveComplaintClock([...resolved, ...history(["AUTO_CLOSE", "CLOSED", "2026-03-17T15:00"])], cal, sh("2026-03-18T09:00"));
    expect(closed).toMatchObject({ status: "CLOSED", closedAt: sh("2026-03-17T15:00"), followUpDueAt: endOf("2026-03-19"), next: null, onTime: true });
  });

  it("refusing a resolution starts the county's own resolve deadline; a missed deadline's escalation counts as late", () => {
    const h = history(
      ["FILE", "SUBMITTED", "2026-03-02T10:00"],
      ["ACCEPT", "ACCEPTED", "2026-03-02T11:00"],
      ["RESOLVE", "RESOLVED", "2026-03-05T11:00"],
      ["REFUSE_RESOLUTION", "ESCALATED", "2026-03-06T09:00"],
    );
    expect(deriveComplaintClock(h, cal, sh("2026-03-06T10:00"))).toMatchObject({ stage: "COUNTY", resolveDueAt: endOf("2026-03-20"), resolvedAt: null, onTime: true });
    const silent = history(["FILE", "SUBMITTED", "2026-03-02T10:00"], ["ESCALATE", "ESCALATED", "2026-03-04T00:00"]);
    expect(deriveComplaintClock(silent, cal, sh("2026-03-04T01:00"))).toMatchObject({ stage: "COUNTY", onTime: false, resolveDueAt: endOf("2026-03-17") });
  });

  it("the history must start with the filing", () => {
    expect(() => deriveComplaintClock(history(["ACCEPT", "ACCEPTED", "2026-03-02T10:00"]), cal, sh("2026-03-02T10:00"))).toThrow(RangeError);
  });
});

describe("COMPLAINT_LIFECYCLE", () => {
  it.each([
    ["SUBMITTED", "ACCEPT", null, "ACCEPTED"],
    ["ACCEPTED", "START", null, "IN_PROGRESS"],
    ["IN_PROGRESS", "REQUEST_INFO", "请补充工资条", "WAITING_ON_COMPLAINANT"],
    ["IN_PROGRESS", "REQUEST_INFO", "  ", "COMPLAINT_REASON_REQUIRED"],
    ["WAITING_ON_COMPLAINANT", "SUPPLY_INFO", null, "IN_PROGRESS"],
    ["WAITING_ON_COMPLAINANT", "RESOLVE", "已调解", "COMPLAINT_TRANSITION"],
    ["IN_PROGRESS", "RESOLVE", "已调解，用工方补发工资", "RESOLVED"],
    ["RESOLVED", "CLOSE", null, "CLOSED"],
    ["RESOLVED", "REFUSE_RESOLUTION", "未补发", "ESCALATED"],
    ["ESCALATED", "START", null, "IN_PROGRESS"],
    ["ESCALATED", "RESOLVE", "县人社局责令支付", "RESOLVED"],
    ["SUBMITTED", "REJECT", "不属于受理范围", "REJECTED"],
    ["REJECTED", "ACCEPT", null, "COMPLAINT_TRANSITION"],
    ["CLOSED", "REFUSE_RESOLUTION", "x", "COMPLAINT_TRANSITION"],
    ["WAITING_ON_COMPLAINANT", "WAGES_PAID", null, "RESOLVED"],
    ["WAITING_ON_COMPLAINANT", "ESCALATE", null, "COMPLAINT_TRANSITION"],
  ] as const)("%s + %s (%s) → %s", (from, action, reason, expected) => {
    const r = COMPLAINT_LIFECYCLE.next(from, action, reason);
    expect(r.ok ? r.value : r.reasons.map((x) => x.code).join()).toBe(expected);
  });

  it("CLOSED and REJECTED are final", () => {
    expect(COMPLAINT_LIFECYCLE.isFinal("CLOSED")).toBe(true);
    expect(COMPLAINT_LIFECYCLE.isFinal("REJECTED")).toBe(true);
    expect(COMPLAINT_LIFECYCLE.isFinal("RESOLVED")).toBe(false);
  });
});
