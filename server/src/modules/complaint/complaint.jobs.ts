import { COMPLAINT_CATEGORY } from "@qz/shared";
import { withBatch, type JobHandler } from "../../jobs/job-context.js";
import { sendNoticeOnce } from "../sms/sms-notice.js";
import { publishComplaintUpdated } from "./complaint.live.js";

/** settlement.disputed → a wage-arrears complaint (once per settlement). */
export const openWageComplaint: JobHandler<"complaints.open-wage-complaint"> = async ({ services, caller }, payload) => {
  await services.complaints.openFromDisputedSettlement(caller, payload);
};

/** A scheduled deadline: re-derived from the history, it acts only if still standing and missed. */
export const checkDeadline: JobHandler<"complaints.check-deadline"> = async ({ services, caller }, { complaintId, kind }) => {
  await services.complaints.checkDeadline(caller, complaintId, kind);
};

/** Wage arrears unpaid at the referral deadline → labour inspection. */
export const referWageArrears: JobHandler<"complaints.refer-wage-arrears"> = async ({ services, caller }, { complaintId }) => {
  await services.complaints.referWageArrears(caller, complaintId);
};

/** A settlement was PAID (its placement recorded): a standing wage-arrears complaint about the engagement is resolved. */
export const resolvePaidWageArrears: JobHandler<"complaints.resolve-paid-wage-arrears"> = withBatch(
  async ({ services, caller }, { engagementId }) => {
    await services.complaints.resolvePaidWageArrears(caller, engagementId);
  },
  // A batch of placements: one query finds the few engagements with an unpaid wage-arrears complaint; only those run one by one.
  async ({ services }, events) => {
    const open = new Set(await services.complaints.engagementsWithUnpaidWageArrears(events.map((e) => e.payload.engagementId)));
    return { oneByOne: events.filter((e) => open.has(e.payload.engagementId.toLowerCase())).map((e) => e.eventId) };
  },
);

/** 回访 due and still not recorded: the venue's staff, who make the call, are reminded (once per closing). */
export const remindFollowUp: JobHandler<"complaints.remind-follow-up"> = async ({ services, eventId }, { complaintId }) => {
  const ctx = await services.complaints.noticeContext(complaintId);
  if (!ctx || ctx.complaint.status !== "CLOSED" || ctx.complaint.followUpAt) return;
  const { complaint: c, shortId } = ctx;
  const message = {
    kind: "COMPLAINT_FOLLOW_UP_DUE",
    title: `投诉“${c.title}”（编号 ${shortId}）回访已到期`,
    body: "投诉办结后应在 2 个工作日内回访，请尽快联系投诉人并登记回访记录。",
  };
  await services.notifications.notifyVenueStaff(eventId, c.venueId, message);
};

type Message = { title: string; body: string };

/**
 * Every step of a complaint reaches the people it concerns: in-app (and live) for parties and handlers as
 * the step requires, and an SMS to the complainant (the person most likely to be off-line), sent once per
 * event and phone even when the job is retried after the text went out.
 */
export const notifyComplaintStatusChanged: JobHandler<"notify.complaint-status-changed"> = async ({ services, deps, eventId }, { complaintId, action }) => {
  const ctx = await services.complaints.noticeContext(complaintId);
  if (!ctx) return;
  const { complaint: c, countyOfficerIds, shortId } = ctx;
  const what = `投诉“${c.title}”（编号 ${shortId}，${COMPLAINT_CATEGORY.labels[c.category]}）`;
  const toComplainant: Record<string, Message> = {
    FILE: { title: `${what}已提交`, body: "受理场所将在 1 个工作日内受理，请留意通知。" },
    ACCEPT: { title: `${what}已受理`, body: "将在 10 个工作日内办结。" },
    START: { title: `${what}正在处理`, body: "工作人员正在调查处理。" },
    REQUEST_INFO: { title: `${what}需要您补充材料`, body: "补充材料期间办理时限暂停计算，请尽快补充。" },
    EXTEND: { title: `${what}办理期限已延长`, body: "办理期限延长一次，最长 15 个工作日。" },
    RESOLVE: { title: `${what}已提出处理结果`, body: `处理结果：${c.resolution ?? ""}。请确认并评价；7 天内未确认将自动办结，不满意可申请转县级人社部门。` },
    WAGES_PAID: { title: `${what}：工资已支付`, body: "请确认收款并评价处理结果。" },
    REJECT: { title: `${what}不予受理`, body: `原因：${c.rejectReason ?? ""}` },
    ESCALATE: { title: `${what}已转县级人社部门`, body: "因超过办理期限，已自动转县级人社部门处理。" },
    REFUSE_RESOLUTION: { title: `${what}已转县级人社部门`, body: "您对处理结果不满意，已转县级人社部门处理。" },
    CLOSE: { title: `${what}已办结`, body: "感谢您的评价，工作人员将进行回访。" },
    AUTO_CLOSE: { title: `${what}已自动办结`, body: "处理结果 7 天内未获确认，已自动办结。" },
    REFER_TO_INSPECTION: { title: `${what}已移送劳动保障监察`, body: "欠薪 3 个工作日未结清，已移送劳动保障监察机构依法处理。" },
  };
  const toHandlers: Record<string, Message> = {
    FILE: { title: `新投诉待受理：${what}`, body: "请在 1 个工作日内受理或说明不予受理的原因。" },
    SUPPLY_INFO: { title: `${what}：投诉人已补充材料`, body: "办理时限恢复计算。" },
    ESCALATE: { title: `${what}超期，已转县级人社部门`, body: "请县级人社部门督办。" },
    REFUSE_RESOLUTION: { title: `${what}：投诉人不满意处理结果`, body: "已转县级人社部门处理。" },
    CLOSE: { title: `${what}已办结`, body: "请在 2 个工作日内完成回访。" },
    AUTO_CLOSE: { title: `${what}已自动办结`, body: "请在 2 个工作日内完成回访。" },
    OVERDUE: { title: `${what}已超过县级办理期限`, body: "请尽快办结。" },
    REFER_TO_INSPECTION: { title: `${what}已移送劳动保障监察`, body: "欠薪超过 3 个工作日未结清。" },
  };
  const toRespondent: Record<string, Message> = {
    ACCEPT: { title: `您被投诉：${what}已受理`, body: "工作人员将与您联系核实情况。" },
    RESOLVE: { title: `${what}已提出处理结果`, body: `处理结果：${c.resolution ?? ""}` },
    REFER_TO_INSPECTION: { title: `${what}已移送劳动保障监察`, body: "欠薪超过 3 个工作日未结清，请立即支付工资。结清前暂停发布岗位。" },
  };
  const kind = `COMPLAINT_${action}`;
  const complainantMessage = toComplainant[action];
  if (complainantMessage) {
    await services.notifications.notifyUsers(eventId, [c.complainantId], { kind, ...complainantMessage });
    const [phone] = await services.complaints.phonesOf([c.complainantId]);
    if (phone) await sendNoticeOnce(deps.db, deps.sms, deps.logger, { eventId, phone: phone.phone, text: `【泉州零工】${complainantMessage.title}。${complainantMessage.body}` });
  }
  const handlerMessage = toHandlers[action];
  if (handlerMessage) {
    const escalated = action === "ESCALATE" || action === "REFUSE_RESOLUTION" || action === "OVERDUE" || action === "REFER_TO_INSPECTION" || c.status === "ESCALATED";
    await services.notifications.notifyVenueStaff(eventId, c.venueId, { kind, ...handlerMessage });
    if (escalated && countyOfficerIds.length) await services.notifications.notifyUsers(eventId, countyOfficerIds, { kind, ...handlerMessage });
  }
  const respondentMessage = toRespondent[action];
  if (respondentMessage && c.respondentUserId) {
    await services.notifications.notifyUsers(eventId, [c.respondentUserId], { kind, ...respondentMessage });
    if (action === "REFER_TO_INSPECTION") {
      const [phone] = await services.complaints.phonesOf([c.respondentUserId]);
      if (phone) await sendNoticeOnce(deps.db, deps.sms, deps.logger, { eventId, phone: phone.phone, text: `【泉州零工】${respondentMessage.title}。${respondentMessage.body}` });
    }
  }
  await publishComplaintUpdated(deps.redis, deps.logger, { complaintId, action });
};

/** Tells the rated side they were rated (the roll-up has its own consumer of rating.recorded). */
export const notifyRatingRecorded: JobHandler<"notify.rating-recorded"> = async ({ services, eventId }, { ratingId, stars }) => {
  const rating = await services.ratings.findRating(ratingId);
  if (!rating) return;
  await services.notifications.notifyUsers(eventId, [rating.rateeId], {
    kind: "RATING_RECEIVED",
    title: `您收到一条 ${stars} 星评价`,
    body: rating.side === "WORKER_RATES_EMPLOYER" ? "零工对您发布的岗位作出了评价。" : "用工主体对您的工作作出了评价。",
  });
};
