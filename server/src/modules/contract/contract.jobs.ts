import type { JobHandler } from "../../jobs/job-context.js";

/** engagement.created → the engagement's contract, drafted once from the current template. */
export const draftContract: JobHandler<"contract.draft"> = async ({ services, caller }, { engagementId }) => {
  await services.contracts.draftForEngagement(caller, engagementId);
};

/** A cancelled task voids its contracts that were not signed by both parties yet. */
export const voidContractsOfTask: JobHandler<"contract.void-for-task"> = async ({ services, caller }, { taskId }) => {
  await services.contracts.voidUnsigned(caller, { taskId }, "岗位已被用工方取消");
};

/** A worker's withdrawal before the start voids their unsigned contract. */
export const voidContractOfWithdrawal: JobHandler<"contract.void-for-withdrawal"> = async ({ services, caller }, { engagementId }) => {
  await services.contracts.voidUnsigned(caller, { engagementId }, "零工已退出岗位");
};

/** Both parties are asked to sign. */
export const notifyContractDrafted: JobHandler<"notify.contract-drafted"> = async ({ services, eventId }, { contractId, workerId, employerId }) => {
  const c = await services.contracts.findContractRow(contractId);
  if (!c) return;
  await services.notifications.notifyUsers(eventId, [workerId, employerId], {
    kind: "CONTRACT_DRAFTED",
    title: `请签署《${String(c.terms.title)}》`,
    body: "开工前须由双方在平台签署合同（短信验证码确认身份），未签署不能签到开工。",
  });
};

/** Both parties are told the contract is signed. */
export const notifyContractSigned: JobHandler<"notify.contract-signed"> = async ({ services, eventId }, { contractId, workerId, employerId }) => {
  const c = await services.contracts.findContractRow(contractId);
  if (!c) return;
  await services.notifications.notifyUsers(eventId, [workerId, employerId], {
    kind: "CONTRACT_SIGNED",
    title: `《${String(c.terms.title)}》已由双方签署`,
    body: `合同摘要 ${c.termsHash.slice(0, 16)}…，可随时在平台查看、打印和核验。`,
  });
};
