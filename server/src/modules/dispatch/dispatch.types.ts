// The dispatch enums every part of the module shares (tasks, offers, engagements). The object and input types
// live beside their use case: task.types.ts, offer.types.ts, browse.types.ts (grab mode), fairness.types.ts.
import { ENGAGEMENT_SOURCE, ENGAGEMENT_STATUS, OFFER_STATUS, PAY_UNIT, TASK_STATUS } from "@qz/shared";
import { registerEnumType } from "type-graphql";

const enumOf = <V extends string>(values: readonly V[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in V]: K };
export const PayUnit = enumOf(PAY_UNIT.values);
export const TaskStatus = enumOf(TASK_STATUS.values);
export const OfferStatus = enumOf(OFFER_STATUS.values);
export const EngagementStatus = enumOf(ENGAGEMENT_STATUS.values);
export const EngagementSource = enumOf(ENGAGEMENT_SOURCE.values);
registerEnumType(PayUnit, { name: "PayUnit", description: "按小时 / 按日 / 计件" });
registerEnumType(TaskStatus, { name: "TaskStatus", description: "岗位状态" });
registerEnumType(OfferStatus, { name: "OfferStatus", description: "派单状态" });
registerEnumType(EngagementStatus, { name: "EngagementStatus", description: "用工状态" });
registerEnumType(EngagementSource, { name: "EngagementSource", description: "系统派单 / 抢单 / 工作人员代办" });
