// Word lists for plausible Quanzhou demo data: names, towns (街道/镇), roads and company names.
// Fictional people and firms; the towns are real so addresses read naturally to local users.

/** Common southern-Fujian surnames with rough weights (陈, 林, 黄 lead in Quanzhou). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["陈", 14], ["林", 10], ["黄", 8], ["王", 6], ["李", 5], ["张", 5], ["吴", 5], ["刘", 4], ["蔡", 4],
  ["许", 4], ["郑", 4], ["洪", 3], ["苏", 3], ["庄", 3], ["杨", 3], ["周", 2], ["施", 3], ["曾", 2],
  ["柯", 2], ["谢", 2], ["蒋", 1], ["傅", 2], ["颜", 2], ["郭", 2], ["卢", 1], ["邱", 1], ["何", 1],
  ["肖", 1], ["丁", 1], ["龚", 1], ["潘", 1], ["徐", 1], ["粘", 1], ["骆", 1], ["戴", 1], ["尤", 1],
  ["余", 1], ["彭", 1], ["留", 1], ["欧阳", 1],
];

export const MALE_GIVEN_CHARS = "伟强明华建国志文杰勇军平辉斌鹏海东福荣清水金振永德春龙泉忠亮成庆祥阳俊鸿晖炳坤阿火土木长发";
export const FEMALE_GIVEN_CHARS = "芳丽娟秀英华玲梅霞燕萍红雪琴丹婷静慧敏月凤兰桂珍美玉惠淑雅碧珠婉莉佳怡蓉";

/** Towns and sub-districts (街道/镇) of each area, by region code. */
export const TOWNS: Readonly<Record<string, readonly string[]>> = {
  "350502": ["开元街道", "海滨街道", "江南街道", "浮桥街道", "金龙街道", "常泰街道"],
  "350503": ["东湖街道", "丰泽街道", "泉秀街道", "清源街道", "华大街道", "城东街道", "北峰街道"],
  "350504": ["万安街道", "双阳街道", "河市镇", "马甲镇", "罗溪镇"],
  "350505": ["山腰街道", "南埔镇", "界山镇", "后龙镇", "峰尾镇", "前黄镇"],
  "350581": ["湖滨街道", "凤里街道", "灵秀镇", "宝盖镇", "蚶江镇", "祥芝镇", "鸿山镇", "永宁镇"],
  "350582": ["青阳街道", "梅岭街道", "西园街道", "罗山街道", "陈埭镇", "池店镇", "安海镇", "磁灶镇", "内坑镇", "深沪镇", "英林镇", "龙湖镇"],
  "350583": ["溪美街道", "柳城街道", "美林街道", "水头镇", "官桥镇", "省新镇", "仑苍镇", "洪濑镇", "英都镇", "石井镇"],
  "350521": ["螺城镇", "螺阳镇", "黄塘镇", "紫山镇", "崇武镇", "山霞镇", "涂寨镇", "东岭镇", "净峰镇"],
  "350524": ["凤城镇", "城厢镇", "参内镇", "魁斗镇", "蓬莱镇", "金谷镇", "湖头镇", "感德镇", "西坪镇", "龙门镇"],
  "350525": ["桃城镇", "五里街镇", "蓬壶镇", "达埔镇", "石鼓镇", "东平镇", "岵山镇"],
  "350526": ["浔中镇", "龙浔镇", "三班镇", "盖德镇", "雷峰镇", "水口镇", "上涌镇"],
  "350571": ["清濛园区", "科技工业区", "开发区中心片区"],
  "350572": ["洛阳镇", "东园镇", "张坂镇", "百崎回族乡"],
};

export const ROADS = [
  "人民路", "建设路", "中山路", "新华路", "工业路", "民生路", "振兴路", "华侨路", "滨江路", "兴业路",
  "创业路", "幸福街", "和平路", "文化街", "龙山路", "解放路", "迎宾路", "商贸街", "育才路", "光明路",
];

export const VILLAGE_SUFFIXES = ["社区", "村"];
export const VILLAGE_WORDS = ["前埔", "后厝", "东山", "西亭", "南塘", "北门", "新丰", "溪头", "茂林", "长春", "福山", "锦里", "湖美", "潘山", "坑口", "洋边"];

/** Brand words for fictional firms (字号). */
export const BRAND_WORDS = [
  "鸿盛", "锦华", "嘉联", "顺达", "宏远", "福源", "晟泰", "闽兴", "泉和", "海丝", "刺桐", "瑞丰", "兴隆", "永兴",
  "金盛", "华信", "鑫源", "东泰", "群英", "汇通", "恒昌", "豪发", "祥瑞", "聚福", "安泰", "荣达", "启航", "德鑫",
];

/** Industries (行业) common among Quanzhou employers. */
export const INDUSTRIES = [
  "鞋业", "服装", "纺织", "食品", "建材", "石材", "陶瓷", "茶业", "物流", "餐饮管理", "物业管理", "家政服务",
  "建筑工程", "电子科技", "包装印刷", "机械制造", "体育用品", "工艺品",
];

export const COMPANY_FORMS = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"];

/** Station operators that are companies (人力资源服务机构). */
export const HR_FIRM_WORDS = ["人力资源服务", "劳务派遣", "人才服务", "职业介绍"];

/** A region's local specialty skill, so workers' skills reflect local industry (鞋 in 晋江, 茶 in 安溪, …). */
export const LOCAL_SKILLS: Readonly<Record<string, readonly string[]>> = {
  "350582": ["SHOE_FACTORY", "SEWING"],
  "350581": ["SEWING", "WAREHOUSE"],
  "350524": ["TEA_PICKING"],
  "350525": ["TEA_PICKING", "CARPENTER"],
  "350526": ["CERAMICS"],
  "350583": ["STONE_WORK", "CONSTRUCTION"],
  "350521": ["STONE_WORK"],
  "350505": ["WAREHOUSE", "DRIVER"],
  "350572": ["CONSTRUCTION", "WAREHOUSE"],
  "350571": ["WAREHOUSE", "SHOE_FACTORY"],
};

/** GB/T 2260 address codes in Quanzhou for resident IDs (the two zones have no code of their own). */
export const ID_AREA_CODES = ["350502", "350503", "350504", "350505", "350521", "350524", "350525", "350526", "350581", "350582", "350583"];

/** The area code a resident of a region most likely carries; 开发区 and 台商区 were carved out of 丰泽/惠安. */
export function idAreaCodeFor(regionCode: string): string {
  if (regionCode === "350571") return "350503";
  if (regionCode === "350572") return "350521";
  return regionCode;
}

/** The code used in credit codes for a region (the zones use the city's code 350500). */
export function creditRegionCodeFor(regionCode: string): string {
  return regionCode === "350571" || regionCode === "350572" ? "350500" : regionCode;
}
