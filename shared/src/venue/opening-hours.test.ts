import { describe, expect, it } from "vitest";
import { OPENING_HOURS_MAX, parseOpeningHours } from "./opening-hours.js";

const codes = (r: ReturnType<typeof parseOpeningHours>) => (r.ok ? [] : r.reasons.map((x) => x.code));

describe("venue opening hours (开放时间)", () => {
  it.each([
    ["the usual line", "周一至周六 08:30–12:00，14:30–17:30", "周一至周六 08:30–12:00，14:30–17:30"],
    ["full-width colons, tilde and comma (NFKC), hours padded", "周一至周五 8：00～12：00，14：00-18：00", "周一至周五 08:00–12:00，14:00–18:00"],
    ["至 between times and a space after a comma", "每天 07:00至19:00, 节假日照常", "每天 07:00–19:00，节假日照常"],
    ["24:00 as the end", "全天 00:00-24:00", "全天 00:00–24:00"],
    ["semicolons between day groups", "周一至周五 08:30–17:30；周六 09:00–12:00", "周一至周五 08:30–17:30；周六 09:00–12:00"],
  ])("accepts %s", (_name, raw, expected) => {
    expect(parseOpeningHours(raw)).toEqual({ ok: true, value: expected });
  });

  it("is idempotent", () => {
    const once = parseOpeningHours("周一至周五 8：00～12：00，14：00-18：00");
    expect(once.ok && parseOpeningHours(once.value)).toEqual(once);
  });

  it.each([
    ["no time at all", "周一至周六上午", ["OPENING_HOURS_NO_TIME"]],
    ["an hour past 24", "周一至周六 08:30–25:00", ["OPENING_HOURS_BAD_TIME"]],
    ["minutes past 59", "周一 08:60–12:00", ["OPENING_HOURS_BAD_TIME"]],
    ["24:00 as a start", "周一 24:00–24:00", ["OPENING_HOURS_BAD_TIME"]],
    ["a range that ends before it starts", "周一至周五 18:00–08:00", ["OPENING_HOURS_RANGE"]],
    ["an empty range", "周一 08:00–08:00", ["OPENING_HOURS_RANGE"]],
    ["a time without its end", "每天 08:30 开门，12:00–14:00 午休", ["OPENING_HOURS_LONE_TIME"]],
    ["too long", `周一至周六 08:30–12:00，${"节假日另行通知".repeat(8)}`, ["TEXT_TOO_LONG"]],
    ["blank", "   ", ["TEXT_REQUIRED"]],
    ["a line break", "周一 08:00–12:00\n周二 08:00–12:00", ["TEXT_LINE_BREAK"]],
    ["an invisible character", "周一\u200b 08:00–12:00", ["TEXT_INVISIBLE_CHAR"]],
  ])("refuses %s", (_name, raw, expected) => {
    expect(codes(parseOpeningHours(raw))).toEqual(expected);
  });

  it("refuses a line just over the limit and accepts one at it", () => {
    const base = "周一 08:00–12:00";
    const at = base + "照".repeat(OPENING_HOURS_MAX - Array.from(base).length);
    expect(parseOpeningHours(at).ok).toBe(true);
    expect(codes(parseOpeningHours(at + "照"))).toEqual(["TEXT_TOO_LONG"]);
  });

  it("messages are in Chinese and say what to write", () => {
    const r = parseOpeningHours("上午开门");
    expect(!r.ok && r.reasons[0]!.message).toMatch(/开放时间请写明开放的时段/);
  });
});
