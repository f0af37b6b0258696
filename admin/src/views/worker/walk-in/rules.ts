// The walk-in form checks what registerWalkInWorker checks, with the same shared rules (server: registration.service.ts).
import { isSkillCode } from "@qz/shared/identity/skills";
import { parseMobile } from "@qz/shared/identity/phone";
import { ageOn } from "@qz/shared/identity/priority";
import { parseResidentId, type ResidentId } from "@qz/shared/identity/resident-id";
import { shanghaiDate } from "@qz/shared/calendar/working-days";
import { normalizeText } from "@qz/shared/text/normalize";

/** 劳动法 §15, as the server applies it. */
export const MINIMUM_WORKING_AGE = 16;

export interface WalkInForm {
  phone: string;
  password: string;
  realName: string;
  idNumber: string;
  homeAddress: string;
  homeLat: number;
  homeLng: number;
  travelMode: "WALK" | "BICYCLE" | "EBIKE" | "TRANSIT" | "CAR";
  travelMinutes: number;
  hardToEmploy: boolean;
  zeroEmploymentFamily: boolean;
  skills: { skillCode: string; level: number }[];
}

export type FieldErrors = Partial<Record<keyof WalkInForm, string>>;

/** What the resident ID says (gender, birth date, age today in Asia/Shanghai), or its refusal. */
export function readResidentId(raw: string, now: Date): { ok: true; id: ResidentId; age: number } | { ok: false; message: string } {
  const today = shanghaiDate(now);
  const id = parseResidentId(raw, today);
  if (!id.ok) return { ok: false, message: id.reasons.map((r) => r.message).join("；") };
  return { ok: true, id: id.value, age: ageOn(id.value.birthDate, today) };
}

/** Every refusal at once, keyed by field; empty when the server would accept the form's shape. */
export function checkWalkIn(form: WalkInForm, now: Date, under16Message: string): FieldErrors {
  const errors: FieldErrors = {};
  const phone = parseMobile(form.phone);
  if (!phone.ok) errors.phone = phone.reasons[0]!.message;
  if (form.password.length < 8 || form.password.length > 128) errors.password = "密码长度须为 8–128 位";
  const name = normalizeText(form.realName, { kind: "name", label: "姓名", min: 2, max: 40 });
  if (!name.ok) errors.realName = name.reasons[0]!.message;
  const address = normalizeText(form.homeAddress, { kind: "line", label: "住址", min: 0, max: 200 });
  if (!address.ok) errors.homeAddress = address.reasons[0]!.message;
  const id = readResidentId(form.idNumber, now);
  if (!id.ok) errors.idNumber = id.message;
  else if (id.age < MINIMUM_WORKING_AGE) errors.idNumber = under16Message;
  if (!(form.homeLat >= 23.5 && form.homeLat <= 26)) errors.homeLat = "纬度应在 23.5–26 之间（泉州及周边）";
  if (!(form.homeLng >= 117.5 && form.homeLng <= 119.5)) errors.homeLng = "经度应在 117.5–119.5 之间（泉州及周边）";
  if (!(form.travelMinutes >= 5 && form.travelMinutes <= 180)) errors.travelMinutes = "通勤时间应在 5–180 分钟之间";
  const seen = new Set<string>();
  for (const s of form.skills) {
    if (!isSkillCode(s.skillCode)) errors.skills = `未知技能：${s.skillCode || "（未选择）"}`;
    else if (seen.has(s.skillCode)) errors.skills = `技能重复：${s.skillCode}`;
    else if (!(s.level >= 1 && s.level <= 5)) errors.skills = "技能等级应为 1–5";
    seen.add(s.skillCode);
  }
  if (form.skills.length > 10) errors.skills = "最多登记 10 项技能";
  return errors;
}
