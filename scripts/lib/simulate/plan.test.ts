import { describe, expect, it } from "vitest";
import { Rng } from "../random.js";
import { acceptProbability, dayRateFactor, drawBehaviour, escrowFen, nextPostingGapSeconds, planTask, PLAN_RULES } from "./plan.js";

const worker = { regionCode: "350582", home: { lat: 24.78, lng: 118.55 }, skills: [{ skillCode: "SHOE_FACTORY", level: 3 }, { skillCode: "CLEANING", level: 2 }] };

describe("the day's shape", () => {
  it("averages 1 over the day and peaks in the morning", () => {
    const samples = Array.from({ length: 1200 }, (_, i) => dayRateFactor((i + 0.5) / 1200));
    expect(samples.reduce((a, b) => a + b, 0) / samples.length).toBeCloseTo(1, 5);
    const peak = Math.max(...samples);
    expect(dayRateFactor(0.2)).toBe(peak); // 08:00–09:00 of 06:00–18:00
    expect(dayRateFactor(0.5)).toBeLessThan(1); // the noon lull
  });

  it("posting gaps average 60/rate seconds over a day", () => {
    const rng = new Rng(3);
    let t = 0;
    let n = 0;
    const day = 3600;
    while (t < day) {
      t += nextPostingGapSeconds(rng, 30, t / day);
      n++;
    }
    expect(n).toBeGreaterThan(1650);
    expect(n).toBeLessThan(1950); // 30 a minute over an hour is 1,800
  });
});

describe("planTask", () => {
  it("replays the same plans for the same seed, and others for another", () => {
    const a = Array.from({ length: 5 }, ((rng) => () => planTask(rng, worker, "晋江市"))(new Rng(42)));
    const b = Array.from({ length: 5 }, ((rng) => () => planTask(rng, worker, "晋江市"))(new Rng(42)));
    const c = Array.from({ length: 5 }, ((rng) => () => planTask(rng, worker, "晋江市"))(new Rng(43)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("posts a skill the worker has, near home, in the rules' bounds", () => {
    const rng = new Rng(9);
    const plans = Array.from({ length: 400 }, () => planTask(rng, worker, "晋江市"));
    for (const p of plans) {
      expect(["SHOE_FACTORY", "CLEANING"]).toContain(p.skillCode);
      expect(Math.abs(p.lat - worker.home.lat)).toBeLessThan(0.02);
      expect(p.headcount).toBeGreaterThanOrEqual(1);
      expect(p.headcount).toBeLessThanOrEqual(3);
      expect(p.payRateFen).toBeGreaterThanOrEqual(PLAN_RULES.payRateFen[0]);
      expect(p.payRateFen).toBeLessThanOrEqual(PLAN_RULES.payRateFen[1]);
      expect(p.startsInSeconds).toBeGreaterThan(0);
      if (p.kind === "RUSH") expect(p.windowMinutes % 15).toBe(0);
    }
    // The area's own trade (晋江: shoes) comes up about three times as often as the other skill.
    const shoes = plans.filter((p) => p.skillCode === "SHOE_FACTORY").length;
    expect(shoes / plans.length).toBeGreaterThan(0.65);
    expect(shoes / plans.length).toBeLessThan(0.85);
    const rush = plans.filter((p) => p.kind === "RUSH").length / plans.length;
    expect(rush).toBeGreaterThan(0.5);
    expect(rush).toBeLessThan(0.7);
  });

  it("escrow covers every seat's whole window, rounded up to a fen", () => {
    expect(escrowFen({ payRateFen: 2600, headcount: 2, windowMinutes: 15 })).toBe(1300);
    expect(escrowFen({ payRateFen: 2650, headcount: 1, windowMinutes: 15 })).toBe(663);
  });
});

describe("workers' choices", () => {
  it("better pay and a shorter trip make acceptance likelier, within 0.2..0.95", () => {
    expect(acceptProbability({ payRateFen: 3400, travelMinutes: 10 })).toBeGreaterThan(acceptProbability({ payRateFen: 2300, travelMinutes: 10 }));
    expect(acceptProbability({ payRateFen: 2800, travelMinutes: 15 })).toBeGreaterThan(acceptProbability({ payRateFen: 2800, travelMinutes: 55 }));
    expect(acceptProbability({ payRateFen: 1, travelMinutes: 180 })).toBe(0.2);
    expect(acceptProbability({ payRateFen: 1_000_000, travelMinutes: 0 })).toBe(0.9);
  });

  it("no-shows, disputes and complaints happen at their shares", () => {
    const rng = new Rng(5);
    const draws = Array.from({ length: 4000 }, () => drawBehaviour(rng));
    const share = (k: "noShow" | "dispute" | "complain") => draws.filter((d) => d[k]).length / draws.length;
    expect(share("noShow")).toBeGreaterThan(0.03);
    expect(share("noShow")).toBeLessThan(0.07);
    expect(share("dispute")).toBeGreaterThan(0.06);
    expect(share("dispute")).toBeLessThan(0.1);
  });
});
