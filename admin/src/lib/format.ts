import { QUANZHOU_REGIONS, regionByCode } from "@qz/shared/region/regions";
import { SKILL_CATALOG, SKILL_LEVELS } from "@qz/shared/identity/skills";
import type { EnumDefinition } from "@qz/shared/catalog/define-enum";
import { i18n } from "../locales";
import { ENUM_NAME, enLabels, zhLabels } from "../locales/enum-labels";

export const REGIONS = QUANZHOU_REGIONS;
export const SKILLS = SKILL_CATALOG;
export const LEVELS = SKILL_LEVELS;

const zh = () => i18n.global.locale.value === "zh-CN";

/** An enum value's label in the console's language (locales/enum-labels.ts); an unknown value shows as it came. */
export function label<V extends string>(def: EnumDefinition<V>, value: V | string | null | undefined): string {
  if (!value) return "—";
  if (!def.has(value)) return String(value);
  const name = ENUM_NAME.get(def as EnumDefinition<string>);
  const table = (zh() ? zhLabels : enLabels) as Record<string, Record<string, string>>;
  return (name && table[name]?.[value]) || def.labels[value as V];
}

export const regionName = (code: string | null | undefined) => (code ? (regionByCode(code)?.name ?? code) : "—");
export const skillName = (code: string) => SKILL_CATALOG.find((s) => s.code === code)?.name ?? code;
export const levelName = (level: number) => SKILL_LEVELS.find((l) => l.level === level)?.label ?? String(level);

/** fen → "¥26.00" */
export const yuan = (fen: number | null | undefined) => (fen == null ? "—" : `¥${(fen / 100).toFixed(2)}`);

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false,
});
/** Business times are shown in Asia/Shanghai whatever the browser's zone. */
export const when = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : "—");
export const percent = (x: number | null | undefined, digits = 1) => (x == null || Number.isNaN(x) ? "—" : `${(x * 100).toFixed(digits)}%`);
