import { parseMobile, regionByCode } from "@qz/shared";
import { badInput } from "../../errors.js";

/** The normalised mainland mobile number, or BAD_USER_INPUT on `field`. */
export function checkPhone(raw: string, field = "phone"): string {
  const phone = parseMobile(raw);
  if (!phone.ok) badInput(field, phone.reasons);
  return phone.value;
}

/** BAD_USER_INPUT unless the code is one of Quanzhou's 13 areas. */
export function checkRegion(code: string): void {
  if (!regionByCode(code)) badInput("regionCode", [{ code: "REGION_UNKNOWN", message: `不是泉州市的县(市、区)代码：${code}` }]);
}
