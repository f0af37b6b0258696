// Every closed list of the domain, defined once (STYLE.md: one definition per list). Add new lists here.
import { defineEnum, type EnumValue } from "./define-enum.js";

/** Who a user is (DESIGN §1); each account has exactly one role. */
export const ROLE = defineEnum({
  WORKER: "零工人员",
  EMPLOYER: "用工主体",
  VENUE_STAFF: "场所工作人员",
  COUNTY_OFFICER: "县(市、区)人社部门",
  CITY_OFFICER: "市人社局",
});
export type Role = EnumValue<typeof ROLE>;

/** The two officer roles, for creating officer accounts. */
export const OFFICER_ROLE = defineEnum({ COUNTY_OFFICER: ROLE.labels.COUNTY_OFFICER, CITY_OFFICER: ROLE.labels.CITY_OFFICER });

export const USER_STATUS = defineEnum({ ACTIVE: "正常", DISABLED: "已停用" });
export type UserStatus = EnumValue<typeof USER_STATUS>;

export const GENDER = defineEnum({ MALE: "男", FEMALE: "女" });

export const TRAVEL_MODE = defineEnum({ WALK: "步行", BICYCLE: "自行车", EBIKE: "电动车", TRANSIT: "公交", CAR: "汽车" });
export type TravelMode = EnumValue<typeof TRAVEL_MODE>;

export const EMPLOYER_KIND = defineEnum({ COMPANY: "企业", INDIVIDUAL: "个人" });
export type EmployerKind = EnumValue<typeof EMPLOYER_KIND>;

/** 零工市场 (larger) or 零工驿站 (smaller). */
export const VENUE_TYPE = defineEnum({ MARKET: "零工市场", STATION: "零工驿站" });
export type VenueType = EnumValue<typeof VENUE_TYPE>;

/** A venue's recognition (认定) status. */
export const VENUE_STATUS = defineEnum({
  PENDING_RECOGNITION: "待认定",
  RECOGNIZED: "已认定",
  SUSPENDED: "已暂停",
  REVOKED: "已撤销",
});

/** Official holiday, or a weekend day made a working day (调休). */
export const CALENDAR_DAY_KIND = defineEnum({ HOLIDAY: "法定节假日", WORKDAY: "调休工作日" });

/** What a one-time SMS code (短信验证码) is for; a code only works for its own purpose. */
export const SMS_PURPOSE = defineEnum({
  REGISTER: "注册",
  LOGIN: "短信登录",
  RESET_PASSWORD: "重置密码",
  SIGN_CONTRACT: "签署合同",
  PROXY_ACTION: "工作人员代办确认",
});
export type SmsPurpose = EnumValue<typeof SMS_PURPOSE>;
export const SMS_PURPOSES = SMS_PURPOSE.values;

/** How a task's pay is quoted: per hour, per day (shift), or per piece (计件, checked against hours at settlement). */
export const PAY_UNIT = defineEnum({ HOUR: "按小时", DAY: "按日", PIECE: "计件" });
export type PayUnit = EnumValue<typeof PAY_UNIT>;

/** 零工岗位 (DESIGN §3). */
export const TASK_STATUS = defineEnum({
  DRAFT: "草稿",
  OPEN: "招工中",
  FILLED: "已满员",
  IN_PROGRESS: "进行中",
  COMPLETED: "已完成",
  CANCELLED: "已取消",
});
export type TaskStatus = EnumValue<typeof TASK_STATUS>;

/** 派单: one offer of one task to one worker, in a wave. */
export const OFFER_STATUS = defineEnum({
  OFFERED: "待答复",
  ACCEPTED: "已接单",
  DECLINED: "已拒绝",
  EXPIRED: "已过期",
  WITHDRAWN: "已撤回",
});
export type OfferStatus = EnumValue<typeof OFFER_STATUS>;

/** The accepted worker on a task; never more ACTIVE or later engagements than the task's headcount. */
export const ENGAGEMENT_STATUS = defineEnum({
  ACTIVE: "已接单",
  CONFIRMED: "已确认到岗",
  WITHDRAWN: "零工已退出",
  CANCELLED: "用工方已取消",
  NO_SHOW: "未到岗",
  COMPLETED: "已完成",
});
export type EngagementStatus = EnumValue<typeof ENGAGEMENT_STATUS>;

/** How a worker came to an engagement: a dispatched offer, grabbing a nearby task, or staff acting for a walk-in. */
export const ENGAGEMENT_SOURCE = defineEnum({ OFFER: "系统派单", GRAB: "抢单", PROXY: "工作人员代办" });

/** 账户 of the double-entry ledger (issue 7): whose money, held where. BANK and PLATFORM_CLEARING face the outside world. */
export const LEDGER_ACCOUNT_KIND = defineEnum({
  EMPLOYER_WALLET: "用工主体钱包",
  TASK_ESCROW: "岗位托管资金",
  WORKER_WALLET: "零工钱包",
  PLATFORM_CLEARING: "平台清算户",
  BANK: "银行（外部）",
});
export type LedgerAccountKind = EnumValue<typeof LEDGER_ACCOUNT_KIND>;

/** Why money moved: every ledger transfer is one of these. */
export const LEDGER_TRANSFER_KIND = defineEnum({
  TOP_UP: "钱包充值",
  FUND_ESCROW: "托管工资",
  REFUND_ESCROW: "退回托管",
  PAY_WAGE: "发放工资",
  PAYOUT: "提现至银行卡",
  PAYOUT_SETTLED: "银行已到账",
  PAYOUT_RETURNED: "提现退回",
});
export type LedgerTransferKind = EnumValue<typeof LEDGER_TRANSFER_KIND>;

/** 投诉 (DESIGN §3): WAITING_ON_COMPLAINANT pauses the SLA clock; ESCALATED is the county officer's. */
export const COMPLAINT_STATUS = defineEnum({
  SUBMITTED: "待受理",
  ACCEPTED: "已受理",
  IN_PROGRESS: "处理中",
  WAITING_ON_COMPLAINANT: "待投诉人补充材料",
  RESOLVED: "已提出处理结果",
  CLOSED: "已办结",
  REJECTED: "不予受理",
  ESCALATED: "已转县级人社部门",
});
export type ComplaintStatus = EnumValue<typeof COMPLAINT_STATUS>;

export const COMPLAINT_CATEGORY = defineEnum({
  WAGE_ARREARS: "拖欠工资",
  CONTRACT_BREACH: "违反约定",
  INJURY: "工伤或人身伤害",
  FAKE_JOB: "虚假招聘",
  DISCRIMINATION: "就业歧视",
  SERVICE: "场所服务问题",
  OTHER: "其他",
});
export type ComplaintCategory = EnumValue<typeof COMPLAINT_CATEGORY>;

/** How a complaint came in: the complainant online, or staff for a walk-in or a hotline caller (proxy, audited). */
export const COMPLAINT_CHANNEL = defineEnum({ ONLINE: "线上自助", WALK_IN: "现场代为登记", HOTLINE: "热线代为登记" });
export type ComplaintChannel = EnumValue<typeof COMPLAINT_CHANNEL>;

/** Who a complaint is against. */
export const COMPLAINT_RESPONDENT_KIND = defineEnum({ EMPLOYER: "用工主体", WORKER: "零工人员", VENUE: "零工市场/驿站" });
export type ComplaintRespondentKind = EnumValue<typeof COMPLAINT_RESPONDENT_KIND>;

/** Which side of a finished engagement gave a rating. */
export const RATING_SIDE = defineEnum({ WORKER_RATES_EMPLOYER: "零工评价用工主体", EMPLOYER_RATES_WORKER: "用工主体评价零工" });
export type RatingSide = EnumValue<typeof RATING_SIDE>;

/** Tags a rating may carry; RATING_TAGS_BY_SIDE (shared/src/complaint/rating-rules.ts) says which side may use which. */
export const RATING_TAG = defineEnum({
  PAID_ON_TIME: "工资按时结清",
  AS_DESCRIBED: "岗位与描述一致",
  SAFE_WORKPLACE: "作业环境安全",
  RESPECTFUL: "尊重劳动者",
  PAY_DELAYED: "拖延工资",
  NOT_AS_DESCRIBED: "岗位与描述不符",
  PUNCTUAL: "准时到岗",
  SKILLED: "技能熟练",
  DILIGENT: "认真负责",
  LEFT_EARLY: "早退或中途离岗",
  CARELESS: "做事马虎",
});
export type RatingTag = EnumValue<typeof RATING_TAG>;

// Venue performance and subsidies (issue 9).
/** Rubric vetoes (policy/rubric.md): fabrication zeroes the score, the others cap it at 69. */
export const VETO = defineEnum({
  FABRICATION: "弄虚作假（数据造假）",
  DISCRIMINATION: "就业歧视",
  FEES_CHARGED: "向零工收取费用",
  MAJOR_INCIDENT: "重大负面舆情事件",
  OFFICIAL_CRITICISM: "被通报批评且属实",
});
export type VetoCode = EnumValue<typeof VETO>;

/** What venue staff record for A3, A5 and A6, with evidence. */
export const ACTIVITY_KIND = defineEnum({ SERVICE: "服务人次", RECRUITMENT_EVENT: "招聘活动", GUIDANCE_REFERRAL: "职业指导和培训推荐" });
export type ActivityKind = EnumValue<typeof ACTIVITY_KIND>;

/**
 * The venue-year counters the roll-up's events move and the nightly reconcile recounts from the source rows
 * (keys of VenueYearMetrics, so a drift report names them as the rubric's items do: A1, A2, B1, B3, A3, A5, A6, E1, E2).
 */
export const PERFORMANCE_COUNTER = defineEnum({
  placements: "岗位推荐成功人数",
  priorityPlacements: "重点群体推荐成功人数",
  onlinePlacements: "线上派单推荐成功人数",
  settledEngagements: "线上结算用工数",
  services: "服务人次",
  recruitmentEvents: "招聘活动场次",
  guidanceReferrals: "职业指导和技能培训推荐人次",
  ratings: "服务评价数",
  goodRatings: "好评数（4–5星）",
  complaintsClosed: "投诉办结数",
  complaintsOnTime: "投诉按时办结数",
});
export type PerformanceCounter = EnumValue<typeof PERFORMANCE_COUNTER>;

/** A venue-year's result: a live projection until the annual close freezes it. */
export const VENUE_YEAR_STATUS = defineEnum({ PROJECTED: "实时预估", FROZEN: "已定格" });

/** Who assessed: the county officer on site, or the venue itself (附件6 自评). */
export const ASSESSMENT_KIND = defineEnum({ ONSITE: "现场考核", SELF: "自评" });
export type AssessmentKind = EnumValue<typeof ASSESSMENT_KIND>;

export const SUBSIDY_KIND = defineEnum({ ONE_TIME: "一次性运维补助", PERFORMANCE: "绩效补助" });
export type SubsidyKind = EnumValue<typeof SUBSIDY_KIND>;

export const APPLICATION_STATUS = defineEnum({
  DRAFT: "草稿",
  SUBMITTED: "已提交",
  UNDER_REVIEW: "审核中",
  RETURNED: "已退回",
  REJECTED: "不予通过",
  PUBLIC_NOTICE: "公示中",
  APPROVED: "已批准",
  PAID: "已拨付",
});
export type ApplicationStatus = EnumValue<typeof APPLICATION_STATUS>;

/** Objections (异议) filed during a public notice. */
export const OBJECTION_STATUS = defineEnum({ FILED: "待核查", UPHELD: "异议成立", DISMISSED: "异议不成立" });
export type ObjectionStatus = EnumValue<typeof OBJECTION_STATUS>;

/** What a grant may pay for (二(四) 资金管理); construction and fixed assets never. */
export const FUND_CATEGORY = defineEnum({
  ONLINE_PLATFORM: "线上服务平台开发",
  TRAINING: "培训",
  RECRUITMENT: "招聘求职服务",
  OPERATING: "其他运营成本性支出",
  INFRASTRUCTURE: "基础设施建设",
  FIXED_ASSETS: "固定资产购置",
});
export type FundCategory = EnumValue<typeof FUND_CATEGORY>;

/** 合同 (DESIGN §3): signed by both parties before work starts; VOID when the work is cancelled before that. */
export const CONTRACT_STATUS = defineEnum({
  PENDING: "待签署",
  PARTIALLY_SIGNED: "一方已签署",
  SIGNED: "已签署",
  COMPLETED: "已履行完毕",
  TERMINATED: "已解除",
  VOID: "已作废",
});
export type ContractStatus = EnumValue<typeof CONTRACT_STATUS>;

/** Which template: part-time employment (非全日制用工, 劳动合同法 §68–72) or a service agreement (劳务协议) with an individual employer. */
export const CONTRACT_KIND = defineEnum({ PART_TIME: "非全日制用工合同", SERVICE: "劳务协议" });
export type ContractKind = EnumValue<typeof CONTRACT_KIND>;

/** The side a signature is for. */
export const CONTRACT_PARTY = defineEnum({ EMPLOYER: "用工方（甲方）", WORKER: "劳动者（乙方）" });
export type ContractParty = EnumValue<typeof CONTRACT_PARTY>;

/** 考勤: one record per engagement; hours undisputed 24 h after check-out are approved automatically. */
export const ATTENDANCE_STATUS = defineEnum({ CHECKED_IN: "已签到", CHECKED_OUT: "已签退", APPROVED: "工时已确认", DISPUTED: "工时有异议" });
export type AttendanceStatus = EnumValue<typeof ATTENDANCE_STATUS>;

/** How a check-in or check-out was made: on site inside the geofence, by the employer's rotating QR code, or confirmed by venue staff. */
export const ATTENDANCE_METHOD = defineEnum({ GEOFENCE: "定位签到", STAFF: "工作人员确认", QR: "扫码签到" });
export type AttendanceMethod = EnumValue<typeof ATTENDANCE_METHOD>;

/** 工资结算 (DESIGN §3). */
export const SETTLEMENT_STATUS = defineEnum({
  DRAFT: "草稿",
  SUBMITTED: "用工方已提交",
  CONFIRMED: "零工已确认",
  DISPUTED: "零工有异议",
  PAID: "已支付",
});
export type SettlementStatus = EnumValue<typeof SETTLEMENT_STATUS>;

/** Where the money of a confirmed settlement is on its way to the worker's bank card. */
export const PAYOUT_STATUS = defineEnum({ NONE: "未发起", PENDING: "银行处理中", SETTLED: "已到账", FAILED: "银行退回" });
export type PayoutStatus = EnumValue<typeof PAYOUT_STATUS>;

/** 对账差异: how a payout on the platform's books and the provider's statement line for it disagree. */
export const PAYOUT_DIFFERENCE_KIND = defineEnum({
  MISSING_AT_PROVIDER: "平台已付，银行流水无记录",
  UNKNOWN_TO_PLATFORM: "银行流水有记录，平台无此笔",
  AMOUNT_MISMATCH: "金额不一致",
  STATUS_MISMATCH: "状态不一致",
});
export type PayoutDifferenceKind = EnumValue<typeof PAYOUT_DIFFERENCE_KIND>;

/** A day's reconciliation run: clean, or differences found. */
export const RECONCILIATION_STATUS = defineEnum({ CLEAN: "一致", DIFFERENCES: "有差异" });
export type ReconciliationStatus = EnumValue<typeof RECONCILIATION_STATUS>;
