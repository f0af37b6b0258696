// Official PRC public holidays (法定节假日) and make-up working days (调休上班) as published each
// year by the General Office of the State Council (国务院办公厅关于<年>部分节假日安排的通知).
// Add the next year's rows when the notice is published (usually in November).

/** HOLIDAY: a day off (放假); WORKDAY: a weekend day that is worked to make up for the break (调休上班). */
export type HolidayKind = "HOLIDAY" | "WORKDAY";

/** One dated entry of the holiday calendar. */
export interface HolidayCalendarRow {
  date: string;
  kind: HolidayKind;
  name: string;
}

/** Every holiday and make-up workday of 2025 and 2026, one row per day, in date order. */
export const CN_HOLIDAY_CALENDAR: readonly HolidayCalendarRow[] = [
  // 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
  { date: "2025-01-01", kind: "HOLIDAY", name: "元旦" }, // 周三
  { date: "2025-01-26", kind: "WORKDAY", name: "春节调休上班" }, // 周日
  { date: "2025-01-28", kind: "HOLIDAY", name: "春节" }, // 周二
  { date: "2025-01-29", kind: "HOLIDAY", name: "春节" }, // 周三
  { date: "2025-01-30", kind: "HOLIDAY", name: "春节" }, // 周四
  { date: "2025-01-31", kind: "HOLIDAY", name: "春节" }, // 周五
  { date: "2025-02-01", kind: "HOLIDAY", name: "春节" }, // 周六
  { date: "2025-02-02", kind: "HOLIDAY", name: "春节" }, // 周日
  { date: "2025-02-03", kind: "HOLIDAY", name: "春节" }, // 周一
  { date: "2025-02-04", kind: "HOLIDAY", name: "春节" }, // 周二
  { date: "2025-02-08", kind: "WORKDAY", name: "春节调休上班" }, // 周六
  { date: "2025-04-04", kind: "HOLIDAY", name: "清明节" }, // 周五
  { date: "2025-04-05", kind: "HOLIDAY", name: "清明节" }, // 周六
  { date: "2025-04-06", kind: "HOLIDAY", name: "清明节" }, // 周日
  { date: "2025-04-27", kind: "WORKDAY", name: "劳动节调休上班" }, // 周日
  { date: "2025-05-01", kind: "HOLIDAY", name: "劳动节" }, // 周四
  { date: "2025-05-02", kind: "HOLIDAY", name: "劳动节" }, // 周五
  { date: "2025-05-03", kind: "HOLIDAY", name: "劳动节" }, // 周六
  { date: "2025-05-04", kind: "HOLIDAY", name: "劳动节" }, // 周日
  { date: "2025-05-05", kind: "HOLIDAY", name: "劳动节" }, // 周一
  { date: "2025-05-31", kind: "HOLIDAY", name: "端午节" }, // 周六
  { date: "2025-06-01", kind: "HOLIDAY", name: "端午节" }, // 周日
  { date: "2025-06-02", kind: "HOLIDAY", name: "端午节" }, // 周一
  { date: "2025-09-28", kind: "WORKDAY", name: "国庆节、中秋节调休上班" }, // 周日
  { date: "2025-10-01", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周三
  { date: "2025-10-02", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周四
  { date: "2025-10-03", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周五
  { date: "2025-10-04", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周六
  { date: "2025-10-05", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周日
  { date: "2025-10-06", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周一
  { date: "2025-10-07", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周二
  { date: "2025-10-08", kind: "HOLIDAY", name: "国庆节、中秋节" }, // 周三
  { date: "2025-10-11", kind: "WORKDAY", name: "国庆节、中秋节调休上班" }, // 周六
  // 2026: 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）
  { date: "2026-01-01", kind: "HOLIDAY", name: "元旦" }, // 周四
  { date: "2026-01-02", kind: "HOLIDAY", name: "元旦" }, // 周五
  { date: "2026-01-03", kind: "HOLIDAY", name: "元旦" }, // 周六
  { date: "2026-01-04", kind: "WORKDAY", name: "元旦调休上班" }, // 周日
  { date: "2026-02-14", kind: "WORKDAY", name: "春节调休上班" }, // 周六
  { date: "2026-02-15", kind: "HOLIDAY", name: "春节" }, // 周日
  { date: "2026-02-16", kind: "HOLIDAY", name: "春节" }, // 周一
  { date: "2026-02-17", kind: "HOLIDAY", name: "春节" }, // 周二
  { date: "2026-02-18", kind: "HOLIDAY", name: "春节" }, // 周三
  { date: "2026-02-19", kind: "HOLIDAY", name: "春节" }, // 周四
  { date: "2026-02-20", kind: "HOLIDAY", name: "春节" }, // 周五
  { date: "2026-02-21", kind: "HOLIDAY", name: "春节" }, // 周六
  { date: "2026-02-22", kind: "HOLIDAY", name: "春节" }, // 周日
  { date: "2026-02-23", kind: "HOLIDAY", name: "春节" }, // 周一
  { date: "2026-02-28", kind: "WORKDAY", name: "春节调休上班" }, // 周六
  { date: "2026-04-04", kind: "HOLIDAY", name: "清明节" }, // 周六
  { date: "2026-04-05", kind: "HOLIDAY", name: "清明节" }, // 周日
  { date: "2026-04-06", kind: "HOLIDAY", name: "清明节" }, // 周一
  { date: "2026-05-01", kind: "HOLIDAY", name: "劳动节" }, // 周五
  { date: "2026-05-02", kind: "HOLIDAY", name: "劳动节" }, // 周六
  { date: "2026-05-03", kind: "HOLIDAY", name: "劳动节" }, // 周日
  { date: "2026-05-04", kind: "HOLIDAY", name: "劳动节" }, // 周一
  { date: "2026-05-05", kind: "HOLIDAY", name: "劳动节" }, // 周二
  { date: "2026-05-09", kind: "WORKDAY", name: "劳动节调休上班" }, // 周六
  { date: "2026-06-19", kind: "HOLIDAY", name: "端午节" }, // 周五
  { date: "2026-06-20", kind: "HOLIDAY", name: "端午节" }, // 周六
  { date: "2026-06-21", kind: "HOLIDAY", name: "端午节" }, // 周日
  { date: "2026-09-20", kind: "WORKDAY", name: "国庆节调休上班" }, // 周日
  { date: "2026-09-25", kind: "HOLIDAY", name: "中秋节" }, // 周五
  { date: "2026-09-26", kind: "HOLIDAY", name: "中秋节" }, // 周六
  { date: "2026-09-27", kind: "HOLIDAY", name: "中秋节" }, // 周日
  { date: "2026-10-01", kind: "HOLIDAY", name: "国庆节" }, // 周四
  { date: "2026-10-02", kind: "HOLIDAY", name: "国庆节" }, // 周五
  { date: "2026-10-03", kind: "HOLIDAY", name: "国庆节" }, // 周六
  { date: "2026-10-04", kind: "HOLIDAY", name: "国庆节" }, // 周日
  { date: "2026-10-05", kind: "HOLIDAY", name: "国庆节" }, // 周一
  { date: "2026-10-06", kind: "HOLIDAY", name: "国庆节" }, // 周二
  { date: "2026-10-07", kind: "HOLIDAY", name: "国庆节" }, // 周三
  { date: "2026-10-10", kind: "WORKDAY", name: "国庆节调休上班" }, // 周六
];
