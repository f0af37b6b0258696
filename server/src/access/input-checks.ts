import { normalizeText, parseMobile, regionByCode, type TextRule } from "@qz/shared";
import { badInput } from "../errors.js";

/** The normalised mainland mobile number, or BAD_USER_INPUT on `field`. */
export function checkPhone(raw: string, field = "phone"): string {
  const phone = parseMobile(raw);
  if (!phone.ok) badInput(field, phone.reasons);
  return phone.value;
}

/**
 * Free text as the shared rule normalises it (NFKC, trimmed, no control or invisible characters), so
 * lengths and uniqueness are checked on what is stored; BAD_USER_INPUT on `field` otherwise.
 */
export function checkText(field: string, raw: string, rule: TextRule): string {
  const text = normalizeText(raw, rule);
  if (!text.ok) badInput(field, text.reasons);
  return text.value;
}

/** checkText for an optional field: null when absent or blank. */
export function checkOptionalText(field: string, raw: string | null | undefined, rule: Omit<TextRule, "min">): string | null {
  return raw == null ? null : checkText(field, raw, { ...rule, min: 0 }) || null;
}

/** BAD_USER_INPUT unless the code is one of Quanzhou's 13 areas. */
export function checkRegion(code: string): void {
  if (!regionByCode(code)) badInput("regionCode", [{ code: "REGION_UNKNOWN", message: `不是泉州市的县(市、区)代码：${code}` }]);
}
