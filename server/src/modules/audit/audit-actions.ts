// Every audited action (`domain.verb`), with the entity it concerns, its zh-CN label for the console's
// audit view, and the shape of what it records before and after. recordAudit only takes actions listed here.

/** A venue's recognition fields as the log records them. */
type VenueRecognition = { status: string; recognizedAt: Date | null; statusReason: string | null };
type Snapshot = Record<string, unknown>;
/** An account an officer created. */
export type NewAccount = { role: string; phone: string; venueId?: string; regionCode?: string | null };

export interface AuditActions {
  "identity.login": { entity: "user"; after: { method: "PASSWORD" | "PASSWORD_AND_SMS_CODE" | "SMS_CODE" } };
  "identity.logout": { entity: "user" };
  "identity.refresh": { entity: "refresh_token_family"; after?: { repeatWithinGrace: true } };
  "identity.refresh-token-reused": { entity: "refresh_token_family"; after: { revokedReason: "REUSE_DETECTED" } };
  "identity.reset-password": { entity: "user"; after: { sessionsEnded: number } };
  "identity.register-worker": { entity: "user"; after: Snapshot };
  "identity.register-walk-in-worker": { entity: "user"; after: Snapshot };
  "identity.verify-worker": { entity: "user"; after: { verifiedAt: Date; homeVenueId: string | null } };
  "identity.register-employer": { entity: "user"; after: Snapshot };
  "identity.create-venue-staff": { entity: "user"; after: NewAccount };
  "identity.create-county-officer": { entity: "user"; after: NewAccount };
  "identity.create-city-officer": { entity: "user"; after: NewAccount };
  "notify.mark-read": { entity: "notification" };
  "venue.create": { entity: "venue"; after: VenueRecognition & { name: string; type: string; regionCode: string } };
  "venue.recognize": { entity: "venue"; before: VenueRecognition; after: VenueRecognition };
  "venue.suspend": { entity: "venue"; before: VenueRecognition; after: VenueRecognition };
  "venue.revoke": { entity: "venue"; before: VenueRecognition; after: VenueRecognition };
  "venue.add-service-purchase-period": { entity: "venue"; after: { startsOn: string; endsOn: string; note: string | null } };
  "venue.update-opening-hours": { entity: "venue"; before: { openingHours: string | null }; after: { openingHours: string | null } };
  "reference.set-minimum-wage": { entity: "minimum_wage"; before: Snapshot | null; after: Snapshot };
  "reference.set-calendar-days": { entity: "holiday_calendar"; before: { days: unknown[] }; after: { source: string; days: unknown[] } };
  "task.post": { entity: "task"; after: Snapshot };
  "task.post-by-proxy": { entity: "task"; after: Snapshot };
  "task.cancel": { entity: "task"; before: Snapshot; after: Snapshot };
  "task.edit": { entity: "task"; before: Snapshot; after: Snapshot };
  "engagement.accept-by-proxy": { entity: "engagement"; after: { taskId: string; workerId: string; source: string; proxyBy: string | null } };
  "engagement.withdraw": { entity: "engagement"; before: { status: string }; after: { status: string; late: boolean; reason: string | null } };
  "engagement.reconfirm": { entity: "engagement"; before: { status: string }; after: { status: string; confirmedAt: Date } };
  "engagement.release-unconfirmed": { entity: "engagement"; before: { status: string }; after: { status: string; late: boolean; reason: string } };
  "complaint.file": { entity: "complaint"; after: Snapshot };
  "complaint.file-by-proxy": { entity: "complaint"; after: Snapshot };
  "complaint.transition": { entity: "complaint"; before: { status: string }; after: { status: string; action: string; note: string | null; proxy?: boolean } };
  "complaint.add-evidence": { entity: "complaint_evidence"; after: { complaintId: string; fileType: string; sizeBytes: number; sha256: string } };
  "complaint.follow-up": { entity: "complaint"; after: { note: string } };
  "complaint.refer-to-inspection": { entity: "complaint"; after: { referralId: string; employerId: string; amountFen: number | null } };
  "rating.record": { entity: "rating"; after: { engagementId: string; side: string; stars: number; tags: string[] } };
  "user.block": { entity: "user"; after: { blockedId: string; reason: string | null } };
  "user.unblock": { entity: "user"; before: { blockedId: string } };
  "ledger.top-up": { entity: "ledger_transfer"; after: { amountFen: number; mock: boolean } };
  "ledger.fund-escrow": { entity: "ledger_transfer"; after: { taskId: string; amountFen: number } };
  "contract.draft": { entity: "contract"; after: { engagementId: string; termsHash: string; template: string } };
  "contract.sign": { entity: "contract"; before: { status: string }; after: { status: string; party: string; signatureId: string } };
  "contract.void": { entity: "contract"; before: { status: string }; after: { status: string; reason: string } };
  "contract.complete": { entity: "contract"; before: { status: string }; after: { status: string } };
  "attendance.check-in": { entity: "attendance"; after: { engagementId: string; method: string; distanceM?: number; codeSlot?: number } };
  "attendance.check-out": { entity: "attendance"; after: { minutes: number; method: string; distanceM?: number; codeSlot?: number } };
  "attendance.confirm-by-staff": { entity: "attendance"; after: { minutes: number; method: string } };
  "attendance.approve": { entity: "attendance"; before: { status: string }; after: { status: string; reason: string | null } };
  "attendance.dispute": { entity: "attendance"; before: { status: string }; after: { status: string; reason: string | null } };
  "settlement.submit": { entity: "settlement"; after: { minutes: number; totalFen: number; payUnit: string; rateFen: number } };
  "settlement.confirm": { entity: "settlement"; before: { status: string }; after: { status: string; auto: boolean; reason: string | null } };
  "settlement.dispute": { entity: "settlement"; before: { status: string }; after: { status: string; auto: boolean; reason: string | null } };
  "settlement.pay": { entity: "settlement"; before: { status: string }; after: { status: string; totalFen: number; providerRef: string; attempt: number } };
  "settlement.payout-failed": { entity: "settlement"; after: { attempt: number; reason: string } };
  "settlement.confirm-for-complaint": { entity: "settlement"; before: { status: string | null }; after: { status: string; complaintId: string; totalFen: number; proxy: true } };
  "settlement.cancellation-fee": { entity: "settlement"; after: { taskId: string; engagementId: string; feeFen: number; fundedFromWalletFen: number } };
  "performance.record-activity": { entity: "venue_activity"; after: Snapshot };
  "performance.record-follow-up": { entity: "placement"; after: { note: string } };
  "performance.enter-onsite-assessment": { entity: "venue_year"; before: Snapshot | null; after: Snapshot };
  "performance.submit-self-assessment": { entity: "venue_year"; before: Snapshot | null; after: Snapshot };
  "performance.freeze-result": { entity: "venue_year"; after: Snapshot };
  "performance.lower-result": { entity: "venue_year"; before: Snapshot; after: Snapshot };
  "performance.set-policy": { entity: "subsidy_policy"; before: Snapshot | null; after: Snapshot };
  "performance.export-roster-with-ids": { entity: "venue_year"; after: Snapshot };
  "subsidy.create-application": { entity: "subsidy_application"; after: Snapshot };
  "subsidy.update-materials": { entity: "subsidy_application"; before: Snapshot; after: Snapshot };
  "subsidy.transition": { entity: "subsidy_application"; before: Snapshot; after: Snapshot };
  "subsidy.record-payment": { entity: "subsidy_application"; before: Snapshot; after: Snapshot };
  "subsidy.file-objection": { entity: "subsidy_objection"; after: Snapshot };
  "subsidy.decide-objection": { entity: "subsidy_objection"; before: Snapshot; after: Snapshot };
  "subsidy.set-budget": { entity: "county_subsidy_budget"; before: Snapshot | null; after: Snapshot };
  "subsidy.record-fund-use": { entity: "subsidy_fund_use"; after: Snapshot };
}

export type AuditAction = keyof AuditActions;

/** zh-CN labels, one per action: the compiler refuses a catalogue entry without one. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "identity.login": "登录",
  "identity.logout": "退出登录",
  "identity.refresh": "刷新会话",
  "identity.refresh-token-reused": "刷新令牌被重复使用，注销全部会话",
  "identity.reset-password": "重置密码",
  "identity.register-worker": "零工人员注册",
  "identity.register-walk-in-worker": "工作人员代为登记零工",
  "identity.verify-worker": "核验零工身份",
  "identity.register-employer": "用工主体注册",
  "identity.create-venue-staff": "创建场所工作人员账号",
  "identity.create-county-officer": "创建县级人社账号",
  "identity.create-city-officer": "创建市人社局账号",
  "notify.mark-read": "标记通知已读",
  "venue.create": "登记场所",
  "venue.recognize": "认定场所",
  "venue.suspend": "暂停场所",
  "venue.revoke": "撤销场所认定",
  "venue.add-service-purchase-period": "登记政府购买服务期",
  "venue.update-opening-hours": "修改开放时间",
  "reference.set-minimum-wage": "设定最低工资标准",
  "reference.set-calendar-days": "设定节假日安排",
  "task.post": "发布岗位",
  "task.post-by-proxy": "工作人员代发岗位",
  "task.cancel": "取消岗位",
  "task.edit": "修改岗位",
  "engagement.accept-by-proxy": "工作人员代为接单",
  "engagement.withdraw": "零工退出岗位",
  "engagement.reconfirm": "零工确认到岗",
  "engagement.release-unconfirmed": "未确认到岗，释放名额",
  "complaint.file": "提交投诉",
  "complaint.file-by-proxy": "工作人员代为登记投诉",
  "complaint.transition": "处理投诉",
  "complaint.add-evidence": "上传投诉证据",
  "complaint.follow-up": "投诉办结回访",
  "complaint.refer-to-inspection": "欠薪移送劳动保障监察",
  "rating.record": "评价用工",
  "user.block": "屏蔽对方",
  "user.unblock": "取消屏蔽",
  "ledger.top-up": "钱包充值（模拟）",
  "ledger.fund-escrow": "托管岗位工资",
  "contract.draft": "生成合同",
  "contract.sign": "签署合同",
  "contract.void": "合同作废",
  "contract.complete": "合同履行完毕",
  "attendance.check-in": "签到",
  "attendance.check-out": "签退",
  "attendance.confirm-by-staff": "工作人员确认考勤",
  "attendance.approve": "确认工时",
  "attendance.dispute": "对工时提出异议",
  "settlement.submit": "提交工资结算",
  "settlement.confirm": "确认工资结算",
  "settlement.dispute": "对工资结算提出异议",
  "settlement.pay": "支付工资",
  "settlement.payout-failed": "银行退回工资",
  "settlement.confirm-for-complaint": "欠薪投诉：工作人员代为确认结算并由托管资金代发",
  "settlement.cancellation-fee": "用工方临时取消：向零工支付取消补偿",
  "performance.record-activity": "登记服务/招聘活动/指导推荐",
  "performance.record-follow-up": "岗位推荐回访",
  "performance.enter-onsite-assessment": "录入现场考核",
  "performance.submit-self-assessment": "提交考核自评",
  "performance.freeze-result": "年度考核结果定格",
  "performance.lower-result": "下调考核结果或撤销星级",
  "performance.set-policy": "设定年度补助政策",
  "performance.export-roster-with-ids": "导出含完整身份证号的花名册",
  "subsidy.create-application": "创建补助申请",
  "subsidy.update-materials": "更新申报材料",
  "subsidy.transition": "补助申请状态变更",
  "subsidy.record-payment": "登记补助拨付",
  "subsidy.file-objection": "公示期提出异议",
  "subsidy.decide-objection": "核查公示异议",
  "subsidy.set-budget": "设定县级年度补助预算",
  "subsidy.record-fund-use": "登记补助资金使用",
};

type Field<A extends AuditAction, K extends "before" | "after"> = AuditActions[A] extends { [P in K]: infer T } ? T : AuditActions[A] extends { [P in K]?: infer T } ? T | undefined : never;

/** One audited change: the action decides the entity type and the shapes of `before` and `after`. */
export type AuditChange<A extends AuditAction = AuditAction> = {
  [X in A]: {
    action: X;
    entityType: AuditActions[X]["entity"];
    entityId: string;
    /** Plain, safe values only: never password hashes or full ID numbers. */
    before?: Field<X, "before">;
    after?: Field<X, "after">;
  };
}[A];
