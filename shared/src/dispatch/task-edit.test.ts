import { describe, expect, it } from "vitest";
import type { TaskStatus } from "../catalog/enums.js";
import { planTaskEdit, type EditableTask, type TaskPatch } from "./task-edit.js";

const now = new Date("2026-11-27T02:00:00Z");
const H = 3_600_000;
const task: EditableTask = {
  title: "仓库搬运装卸",
  description: "搬运鞋材",
  skillCode: "PORTER",
  requiredLevel: 1,
  regionCode: "350502",
  address: "鲤城区江南街道1号仓库",
  lat: 24.908,
  lng: 118.587,
  startsAt: new Date(now.getTime() + 24 * H),
  endsAt: new Date(now.getTime() + 28 * H),
  headcount: 3,
  payRateFen: 2500,
  payUnit: "HOUR",
  maxTravelMinutes: 60,
};
const plan = (patch: TaskPatch, filledCount = 0, status: TaskStatus = "OPEN", at = now) => planTaskEdit({ ...task, status, filledCount }, patch, at);
const codes = (r: ReturnType<typeof plan>) => (r.ok ? "ok" : r.reasons.map((x) => x.code).join(","));

describe("editing a task: the rules", () => {
  it.each<[string, TaskPatch, number, TaskStatus, string]>([
    ["nobody accepted: pay, window and place may change", { payRateFen: 3000, startsAt: new Date(now.getTime() + 30 * H), endsAt: new Date(now.getTime() + 33 * H), lat: 24.95 }, 0, "OPEN", "ok"],
    ["nobody accepted: the result must still be a valid post", { endsAt: new Date(now.getTime() + 20 * H) }, 0, "OPEN", "TASK_END_BEFORE_START"],
    ["nobody accepted: a place outside Quanzhou", { lat: 30 }, 0, "OPEN", "TASK_OUTSIDE_QUANZHOU"],
    ["nobody accepted: headcount 501", { headcount: 501 }, 0, "OPEN", "TASK_HEADCOUNT"],
    ["nobody accepted: negative pay", { payRateFen: -1 }, 0, "OPEN", "TASK_PAY_INVALID"],
    ["accepted: the description and the headcount may change", { description: "请自带手套", headcount: 5 }, 2, "OPEN", "ok"],
    ["accepted: pay is in the contract, even a raise", { payRateFen: 3000 }, 1, "OPEN", "TASK_FIELD_LOCKED"],
    ["accepted: window, place and skill are in the contract", { startsAt: new Date(now.getTime() + 25 * H), lat: 24.95, skillCode: "CLEANING" }, 1, "OPEN", "TASK_FIELD_LOCKED,TASK_FIELD_LOCKED,TASK_FIELD_LOCKED"],
    ["accepted: headcount below the seats taken", { headcount: 1 }, 2, "OPEN", "TASK_HEADCOUNT_BELOW_TAKEN"],
    ["cancelled tasks are not edited", { description: "x" }, 0, "CANCELLED", "TASK_NOT_EDITABLE"],
    ["started tasks are not edited", { description: "x" }, 1, "IN_PROGRESS", "TASK_NOT_EDITABLE"],
  ])("%s", (_, patch, filled, status, expected) => {
    expect(codes(plan(patch, filled, status))).toBe(expected);
  });

  it("a task past its start is not edited even while still OPEN", () => {
    expect(codes(plan({ description: "x" }, 0, "OPEN", new Date(task.startsAt.getTime() + 1)))).toBe("TASK_NOT_EDITABLE");
  });

  it("names what changed, whether offers must be withdrawn, and what happens to the seats", () => {
    const same = plan({ title: task.title, startsAt: new Date(task.startsAt), description: null });
    expect(same.ok && same.value).toMatchObject({ changed: [], material: false, seats: null });
    const text = plan({ description: "新说明", title: "鞋厂搬运" });
    expect(text.ok && text.value).toMatchObject({ changed: ["title", "description"], material: false });
    const pay = plan({ payRateFen: 2600 });
    expect(pay.ok && pay.value).toMatchObject({ changed: ["payRateFen"], material: true });
    const down = plan({ headcount: 2 }, 2);
    expect(down.ok && down.value.seats).toBe("FULL");
    const up = plan({ headcount: 4 }, 3, "FILLED");
    expect(up.ok && up.value).toMatchObject({ seats: "REOPEN", headcountRaised: true });
    const more = plan({ headcount: 5 }, 1);
    expect(more.ok && more.value).toMatchObject({ seats: null, headcountRaised: true, material: false });
    expect(down.ok && down.value.headcountRaised).toBe(false);
    expect(text.ok && text.value.headcountRaised).toBe(false);
    const longDay = plan({ endsAt: new Date(now.getTime() + 33 * H) });
    expect(longDay.ok && longDay.value.flags.map((f) => f.code)).toEqual(["PART_TIME_DAILY_HOURS"]);
  });
});
