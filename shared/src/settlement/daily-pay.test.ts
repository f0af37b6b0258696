import { describe, expect, it } from "vitest";
import { CN_HOLIDAY_CALENDAR } from "../calendar/holidays.js";
import { calendarFrom } from "../calendar/working-days.js";
import { dailyPayDeadlines } from "./daily-pay.js";

const cal = calendarFrom(CN_HOLIDAY_CALENDAR);

describe("daily pay deadlines (日结)", () => {
  it.each([
    // ended (UTC), alert, referral: 3 working days counted from the end of the work (as the complaints' wage
    // referral counts them) and due at 24:00 Shanghai of the day they run out.
    ["2026-11-25T10:00:00Z", "2026-11-26T10:00:00Z", "2026-11-30T16:00:00Z"], // Wed 18:00 → Wed evening, Thu, Fri, the rest on Mon
    ["2026-11-27T10:00:00Z", "2026-11-28T10:00:00Z", "2026-12-02T16:00:00Z"], // Fri 18:00 → the weekend does not count
    // National Day: Wed 30 Sep 18:00, then 1–7 Oct off, Thu 8, Fri 9 and the make-up Saturday 10 Oct.
    ["2026-09-30T10:00:00Z", "2026-10-01T10:00:00Z", "2026-10-10T16:00:00Z"],
  ])("work ended %s: alert at %s, referral at %s", (ended, submitBy, referAt) => {
    expect(dailyPayDeadlines(new Date(ended), cal)).toEqual({ submitBy: new Date(submitBy), referAt: new Date(referAt) });
  });

  it("never later than 15 days after the work (劳动合同法 §72), however long the holidays", () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ date: `2027-03-${String(i + 1).padStart(2, "0")}`, kind: "HOLIDAY" as const }));
    const { referAt } = dailyPayDeadlines(new Date("2027-02-28T10:00:00Z"), calendarFrom(rows));
    expect(referAt).toEqual(new Date("2027-03-15T10:00:00Z"));
  });
});
