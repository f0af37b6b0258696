import { describe, expect, it } from "vitest";
import { defineEnum } from "./define-enum.js";
import { defineLifecycle } from "./lifecycle.js";

const OFFER = defineEnum({ OFFERED: "待答复", ACCEPTED: "已接单", DECLINED: "已拒绝", EXPIRED: "已过期", WITHDRAWN: "已撤回" });
const offers = defineLifecycle({
  code: "OFFER",
  noun: "派单",
  states: OFFER,
  transitions: {
    ACCEPT: { from: ["OFFERED"], to: "ACCEPTED" },
    DECLINE: { from: ["OFFERED"], to: "DECLINED" },
    EXPIRE: { from: ["OFFERED"], to: "EXPIRED" },
    WITHDRAW: { from: ["OFFERED", "ACCEPTED"], to: "WITHDRAWN", needsReason: true },
  },
});

describe("defineLifecycle", () => {
  it.each([
    ["OFFERED", "ACCEPT", null, "ACCEPTED"],
    ["ACCEPTED", "ACCEPT", null, "OFFER_TRANSITION"],
    ["EXPIRED", "DECLINE", null, "OFFER_TRANSITION"],
    ["ACCEPTED", "WITHDRAW", "岗位取消", "WITHDRAWN"],
    ["ACCEPTED", "WITHDRAW", " ", "OFFER_REASON_REQUIRED"],
  ] as const)("%s + %s (%s) → %s", (from, action, reason, expected) => {
    const r = offers.next(from, action, reason);
    expect(r.ok ? r.value : r.reasons.map((x) => x.code).join()).toBe(expected);
  });

  it("names the current state in its refusal, in the console's words", () => {
    const r = offers.next("EXPIRED", "ACCEPT");
    expect(r).toEqual({ ok: false, reasons: [{ code: "OFFER_TRANSITION", message: "派单当前状态为“已过期”，不能执行该操作" }] });
  });

  it("lists the actions possible from a state and knows the final states", () => {
    expect(offers.actionsFrom("OFFERED")).toEqual(["ACCEPT", "DECLINE", "EXPIRE", "WITHDRAW"]);
    expect(offers.actionsFrom("ACCEPTED")).toEqual(["WITHDRAW"]);
    expect(OFFER.values.filter((s) => offers.isFinal(s))).toEqual(["DECLINED", "EXPIRED", "WITHDRAWN"]);
  });
});

describe("defineEnum", () => {
  it("keeps declaration order, labels and membership", () => {
    expect(OFFER.values).toEqual(["OFFERED", "ACCEPTED", "DECLINED", "EXPIRED", "WITHDRAWN"]);
    expect(OFFER.labels.EXPIRED).toBe("已过期");
    expect(OFFER.has("ACCEPTED")).toBe(true);
    expect(OFFER.has("accepted")).toBe(false);
    expect(OFFER.has(3)).toBe(false);
  });
});
