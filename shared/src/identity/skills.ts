// Skills workers declare and tasks ask for, chosen for Quanzhou's gig market: general labour and
// services plus the local industries (Jinjiang shoes, garments, Anxi tea, Dehua ceramics, Nan'an/Hui'an stone).

/** The platform's skill catalogue: stable upper-case codes with Chinese names. */
export const SKILL_CATALOG = [
  { code: "PORTER", name: "搬运装卸" },
  { code: "CLEANING", name: "保洁" },
  { code: "HOUSEKEEPING", name: "家政服务" },
  { code: "ELECTRICIAN", name: "电工" },
  { code: "PLUMBER", name: "水电维修" },
  { code: "COOK", name: "厨师" },
  { code: "KITCHEN_HELPER", name: "帮厨" },
  { code: "WAITER", name: "餐厅服务" },
  { code: "DELIVERY", name: "配送" },
  { code: "WAREHOUSE", name: "仓储分拣" },
  { code: "SEWING", name: "缝纫" }, // garment industry across Quanzhou
  { code: "SHOE_FACTORY", name: "制鞋" }, // Jinjiang footwear
  { code: "TEA_PICKING", name: "采茶" }, // Anxi tieguanyin tea
  { code: "CERAMICS", name: "陶瓷" }, // Dehua porcelain
  { code: "STONE_WORK", name: "石材加工" }, // Nan'an (Shuitou) and Hui'an stone
  { code: "CONSTRUCTION", name: "建筑小工" },
  { code: "CARPENTER", name: "木工" },
  { code: "PAINTER", name: "油漆工" },
  { code: "SECURITY", name: "保安" },
  { code: "DRIVER", name: "驾驶员" },
  { code: "ELDER_CARE", name: "养老护理" },
  { code: "EVENT_STAFF", name: "会展临时工" },
] as const satisfies readonly { code: string; name: string }[];

/** A code from `SKILL_CATALOG`. */
export type SkillCode = (typeof SKILL_CATALOG)[number]["code"];

// Levels 3–5 follow the national vocational skill grades (国家职业资格 中级工/高级工/技师);
// 1–2 are the platform's own grades for workers without a certificate.
/** Skill levels 1–5 with their Chinese labels. */
export const SKILL_LEVELS = [
  { level: 1, label: "初学" },
  { level: 2, label: "熟练" },
  { level: 3, label: "中级工" },
  { level: 4, label: "高级工" },
  { level: 5, label: "技师" },
] as const;

/** A skill level, 1 (初学) to 5 (技师). */
export type SkillLevel = (typeof SKILL_LEVELS)[number]["level"];

const SKILL_CODES: ReadonlySet<string> = new Set(SKILL_CATALOG.map((s) => s.code));

/** True when `code` is in the skill catalogue. */
export function isSkillCode(code: string): code is SkillCode {
  return SKILL_CODES.has(code);
}
