import { describe, expect, it } from "vitest";
import { checkCodeShowable, checkCodeSlot, codeSlot, slotEndsAt } from "./check-in-code.js";

const at = (iso: string) => new Date(iso);
const codeOf = (r: { ok: boolean; reasons?: { code: string }[] }) => (r.ok ? "ok" : r.reasons![0]!.code);

describe("rotating check-in code", () => {
  const slot = codeSlot(at("2026-11-27T02:00:30Z"));

  it.each([
    ["its own minute", "2026-11-27T02:00:59.999Z", "ok"],
    ["the start of its minute", "2026-11-27T02:00:00Z", "ok"],
    ["14 s into the next minute (grace)", "2026-11-27T02:01:14Z", "ok"],
    ["15 s into the next minute", "2026-11-27T02:01:15Z", "CHECK_IN_CODE_EXPIRED"],
    ["two minutes later", "2026-11-27T02:02:05Z", "CHECK_IN_CODE_EXPIRED"],
    ["a minute before it exists", "2026-11-27T01:59:30Z", "CHECK_IN_CODE_INVALID"],
  ])("a code is %s → %s", (_name, when, expected) => {
    expect(codeOf(checkCodeSlot(slot, at(when)))).toBe(expected);
  });

  it("a slot ends when the next begins", () => {
    expect(slotEndsAt(slot).toISOString()).toBe("2026-11-27T02:01:00.000Z");
    expect(codeSlot(slotEndsAt(slot))).toBe(slot + 1);
  });

  it.each([
    ["31 min before the start", "2026-11-27T01:29:00Z", "CHECK_IN_NOT_OPEN"],
    ["30 min before the start", "2026-11-27T01:30:00Z", "ok"],
    ["during the work", "2026-11-27T04:00:00Z", "ok"],
    ["2 h after the end", "2026-11-27T08:00:00Z", "ok"],
    ["2 h 1 min after the end", "2026-11-27T08:01:00Z", "CHECK_IN_CLOSED"],
  ])("codes are shown %s → %s", (_name, when, expected) => {
    expect(codeOf(checkCodeShowable(at(when), { startsAt: at("2026-11-27T02:00:00Z"), endsAt: at("2026-11-27T06:00:00Z") }))).toBe(expected);
  });
});
