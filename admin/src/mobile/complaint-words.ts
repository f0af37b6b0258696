// Plain words for a complaint's state, kind and steps on the phone pages.
export const COMPLAINT_STATUS: Record<string, string> = {
  SUBMITTED: "已提交，待受理", ACCEPTED: "已受理", IN_PROGRESS: "处理中", WAITING_ON_COMPLAINANT: "等待补充材料",
  RESOLVED: "已处理，待确认", ESCALATED: "已转县人社局", REJECTED: "不予受理", CLOSED: "已办结",
};
export const COMPLAINT_CATEGORY: Record<string, string> = { WAGE_ARREARS: "欠薪", CONTRACT_BREACH: "违约", FAKE_JOB: "虚假招工", DISCRIMINATION: "歧视", INJURY: "工伤", SERVICE: "服务", OTHER: "其他" };
export const COMPLAINT_STEP: Record<string, string> = {
  FILE: "提交投诉", ACCEPT: "驿站已受理", START: "开始处理", REQUEST_INFO: "请您补充材料", SUPPLY_INFO: "已补充材料", EXTEND: "延期处理",
  RESOLVE: "提出处理结果", CLOSE: "确认办结", AUTO_CLOSE: "到期自动办结", REFUSE_RESOLUTION: "不接受处理结果", REJECT: "不予受理",
  ESCALATE: "转县人社局", WAGES_PAID: "工资已支付", OVERDUE: "超期，转县人社局", REFER_TO_INSPECTION: "移交劳动保障监察",
};
/** Who took a step, in the complainant's words. */
export const COMPLAINT_ACTOR: Record<string, string> = { WORKER: "您", EMPLOYER: "您", VENUE_STAFF: "驿站工作人员", COUNTY_OFFICER: "县人社局", CITY_OFFICER: "市人社局", SYSTEM: "系统" };
