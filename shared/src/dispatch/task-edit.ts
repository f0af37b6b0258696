// Editing a posted task (issue 6 item 1, "edit and cancel with rules"). The rules:
// - Only an OPEN or FILLED task that has not started can be edited.
// - While nobody holds a seat, every field can change; the result must pass the same checks as a new post
//   (and the minimum wage, which the server checks). Outstanding offers were made on the old terms, so a
//   change to what a worker agrees to or is chosen by (MATERIAL_FIELDS) withdraws them and starts new waves.
// - Once someone holds a seat, their contract carries the title, skill, place, window and pay (its terms
//   are hashed and signed and never change), so only the description and the headcount can change.
// - The headcount never goes below the seats taken; down to them, the task is full (offers withdrawn);
//   up from a full task, it reopens and a wave goes out.
// - Any raise is new demand: the new seats get a fresh round of waves, even when the earlier rounds ran
//   out and people were told to dispatch by hand (workers already offered the task are not offered again).
import type { PayUnit, TaskStatus } from "../catalog/enums.js";
import { fail, ok, type FieldReason, type Result } from "../result.js";
import { checkTaskDraft } from "./task-rules.js";

export interface EditableTask {
  title: string;
  description: string;
  skillCode: string;
  requiredLevel: number;
  regionCode: string;
  address: string;
  lat: number;
  lng: number;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  payRateFen: number;
  payUnit: PayUnit;
  maxTravelMinutes: number;
}

export type TaskEditField = keyof EditableTask;
export type TaskPatch = { [K in TaskEditField]?: EditableTask[K] | null };

const FIELD_LABELS: Record<TaskEditField, string> = {
  title: "岗位名称",
  description: "岗位说明",
  skillCode: "技能",
  requiredLevel: "技能等级要求",
  regionCode: "所在地区",
  address: "工作地址",
  lat: "工作地点",
  lng: "工作地点",
  startsAt: "开始时间",
  endsAt: "结束时间",
  headcount: "招用人数",
  payRateFen: "报酬",
  payUnit: "计酬方式",
  maxTravelMinutes: "通勤时间上限",
};

/** Fields that stay editable after someone accepted (nothing a contract carries). */
export const EDITABLE_AFTER_ACCEPT: readonly TaskEditField[] = ["description", "headcount"];

/** Fields an offer's terms or its candidates depend on: changing one withdraws outstanding offers. */
export const MATERIAL_FIELDS: readonly TaskEditField[] = ["skillCode", "requiredLevel", "regionCode", "lat", "lng", "startsAt", "endsAt", "payRateFen", "payUnit", "maxTravelMinutes"];

export interface TaskEditPlan {
  next: EditableTask;
  changed: TaskEditField[];
  /** A material field changed: withdraw outstanding offers and start the waves again. */
  material: boolean;
  /** What the headcount does to the seats: FULL (down to the seats taken), REOPEN (up from full), or nothing. */
  seats: "FULL" | "REOPEN" | null;
  /** The headcount rose: a fresh round of waves for the new seats (a material change restarts the waves anyway). */
  headcountRaised: boolean;
  /** Warnings for the new window (as when posting). */
  flags: FieldReason[];
  windowHours: number;
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Plans an edit of `current` (with its status and seats taken) at `now`; every refusal names its field. */
export function planTaskEdit(current: EditableTask & { status: TaskStatus; filledCount: number }, patch: TaskPatch, now: Date): Result<TaskEditPlan> {
  if ((current.status !== "OPEN" && current.status !== "FILLED") || current.startsAt.getTime() <= now.getTime()) {
    const reason: FieldReason = { field: "id", code: "TASK_NOT_EDITABLE", message: "只能修改尚未开始的招工中或已满员岗位" };
    return fail(reason);
  }
  const fields = Object.keys(FIELD_LABELS) as TaskEditField[];
  // Only the editable fields: the caller writes `next` back as it is.
  const next = Object.fromEntries(fields.map((f) => [f, current[f]])) as unknown as EditableTask;
  const changed: TaskEditField[] = [];
  for (const field of fields) {
    const value = patch[field];
    if (value === undefined || value === null || same(value, current[field])) continue;
    (next as unknown as Record<string, unknown>)[field] = value;
    changed.push(field);
  }
  const reasons: FieldReason[] = [];
  if (current.filledCount > 0) {
    for (const field of changed.filter((f) => !EDITABLE_AFTER_ACCEPT.includes(f))) {
      reasons.push({ field, code: "TASK_FIELD_LOCKED", message: `已有零工接单，${FIELD_LABELS[field]}已写入合同条款，不能修改；只能修改岗位说明和招用人数` });
    }
  }
  if (next.headcount < current.filledCount) {
    reasons.push({ field: "headcount", code: "TASK_HEADCOUNT_BELOW_TAKEN", message: `已有 ${current.filledCount} 人接单，招用人数不能少于 ${current.filledCount}` });
  }
  const draft = checkTaskDraft(next, now);
  if (!draft.ok) reasons.push(...(draft.reasons as FieldReason[]));
  if (reasons.length) return fail(...reasons);
  if (!draft.ok) return draft; // unreachable: narrows the type
  const seats = next.headcount === current.filledCount ? "FULL" : current.status === "FILLED" && next.headcount > current.filledCount ? "REOPEN" : null;
  return ok({
    next,
    changed,
    material: changed.some((f) => MATERIAL_FIELDS.includes(f)),
    seats: changed.includes("headcount") ? seats : null,
    headcountRaised: next.headcount > current.headcount,
    flags: draft.value.flags,
    windowHours: draft.value.windowHours,
  });
}
