// 合同签订 (issue 7): the versioned zh-CN templates, the canonical terms of one engagement's contract, its
// lifecycle and what the platform signs. Hashing and Ed25519 live in the server (node:crypto); this file
// decides exactly which bytes are hashed and signed, so the server and any verifier agree.
import { CONTRACT_STATUS, type ContractKind, type ContractParty, type ContractStatus, type EmployerKind, type PayUnit } from "../catalog/enums.js";
import { PAY_UNIT } from "../catalog/enums.js";
import { defineLifecycle } from "../catalog/lifecycle.js";
import { canonicalJson, formatYuan } from "../money.js";

/** Each template's id names its version; a contract keeps the id it was made from, forever. */
export const CONTRACT_TEMPLATE_VERSIONS: Readonly<Record<ContractKind, string>> = {
  PART_TIME: "qz-part-time/2026.1",
  SERVICE: "qz-service/2026.1",
};

/** A company employs part-time (非全日制); an individual employer engages a service (劳务), which labour law does not cover. */
export const contractKindFor = (employerKind: EmployerKind): ContractKind => (employerKind === "INDIVIDUAL" ? "SERVICE" : "PART_TIME");

export interface ContractFacts {
  engagementId: string;
  employer: { id: string; kind: EmployerKind; name: string; maskedId: string };
  worker: { id: string; name: string; maskedId: string };
  venue: { id: string; name: string };
  task: { id: string; title: string; skillName: string; address: string; lat: number; lng: number; regionName: string };
  startsAt: Date;
  endsAt: Date;
  payRateFen: number;
  payUnit: PayUnit;
  /** The area's hourly minimum on the work day, in fen. */
  minimumHourlyFen: number;
  /** How many hours late cancellation pays the worker (default 4). */
  cancellationFeeHours: number;
}

/** A masked name for public verification: 陈阿婆 → 陈**, 泉州某某鞋业有限公司 → 泉州********司. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return "*";
  if (chars.length <= 3) return chars[0] + "*".repeat(chars.length - 1);
  return chars[0]! + chars[1]! + "*".repeat(chars.length - 3) + chars[chars.length - 1]!;
}

const shanghai = (d: Date) => {
  const s = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
};

/** The clauses of a template, filled in: what the parties read and sign (also in the hashed terms). */
function clauses(kind: ContractKind, f: ContractFacts): string[] {
  const pay = `${formatYuan(f.payRateFen)} 元/${PAY_UNIT.labels[f.payUnit].replace("按", "").replace("计件", "件")}`;
  const common = [
    `工作内容：${f.task.title}（${f.task.skillName}）。工作地点：${f.task.regionName}${f.task.address}。`,
    `工作时间：${shanghai(f.startsAt)} 至 ${shanghai(f.endsAt)}（北京时间），以平台签到、签退记录为准，工时按15分钟计。`,
    `报酬：${pay}，且折合每小时不低于当地小时最低工资标准 ${formatYuan(f.minimumHourlyFen)} 元。`,
    "结算：实行日结，工作结束后由甲方在平台提交结算、乙方确认，工资经平台托管账户直接支付至乙方本人，最迟不超过十五日。",
    `取消：甲方在开工前24小时内取消的，向乙方支付 ${f.cancellationFeeHours} 小时报酬作为补偿。`,
    "保险：乙方经平台接单并经平台结算报酬的，平台按福建省零工保险（零工保）规定记录接单与结算事实，作为参保与理赔依据。",
    `争议与投诉：双方可通过平台“投诉反馈”提出投诉，由${f.venue.name}先行处理；也可向当地人力资源社会保障部门或劳动保障监察机构反映。`,
  ];
  if (kind === "PART_TIME") {
    return [
      "本合同依据《中华人民共和国劳动合同法》第六十八条至第七十二条订立，为非全日制用工合同。",
      ...common,
      "双方不约定试用期；任何一方均可随时通知对方终止用工，终止用工不向劳动者支付经济补偿。",
      "双方以电子方式订立本合同，经短信验证码确认身份并明确表示同意后签署，与纸质合同具有同等效力（《电子签名法》第十三条、第十四条）。",
    ];
  }
  return [
    "本协议为劳务协议，甲方为自然人，双方依据《中华人民共和国民法典》订立。",
    ...common,
    "任何一方均可提前通知对方解除本协议；因履行本协议发生的人身损害，依法承担责任。",
    "双方以电子方式订立本协议，经短信验证码确认身份并明确表示同意后签署，与纸质协议具有同等效力（《电子签名法》第十三条、第十四条）。",
  ];
}

/** The canonical terms of one contract: the JSON that is hashed, shown and kept. */
export function buildContractTerms(f: ContractFacts) {
  const kind = contractKindFor(f.employer.kind);
  return {
    template: CONTRACT_TEMPLATE_VERSIONS[kind],
    kind,
    title: kind === "PART_TIME" ? "非全日制用工合同" : "劳务协议",
    engagementId: f.engagementId,
    parties: {
      employer: { id: f.employer.id, kind: f.employer.kind, name: f.employer.name, maskedId: f.employer.maskedId },
      worker: { id: f.worker.id, name: f.worker.name, maskedId: f.worker.maskedId },
    },
    venue: { id: f.venue.id, name: f.venue.name },
    task: { id: f.task.id, title: f.task.title, skill: f.task.skillName },
    place: { region: f.task.regionName, address: f.task.address, lat: f.task.lat, lng: f.task.lng },
    window: { startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString() },
    pay: { rateFen: f.payRateFen, unit: f.payUnit, minimumHourlyFen: f.minimumHourlyFen },
    settlement: { mode: "DAILY", dueDays: 1, maxDays: 15 },
    cancellation: { feeHours: f.cancellationFeeHours },
    insurance: { scheme: "福建省零工保", evidence: ["接单", "报酬结算"] },
    complaints: { channel: "平台投诉反馈", firstHandler: f.venue.name, authority: "当地人力资源社会保障部门" },
    clauses: clauses(kind, f),
  };
}
export type ContractTerms = ReturnType<typeof buildContractTerms>;

/** The exact text whose SHA-256 is the contract's hash. */
export const termsText = (terms: unknown): string => canonicalJson(terms);

/** What the platform's Ed25519 key signs for one signature: the hash, the signer, the time, and the previous signature (the chain). */
export function signaturePayload(s: { termsHash: string; signerId: string; party: ContractParty; signedAt: Date; previous: string | null }): string {
  return ["qz-contract-signature/v1", s.termsHash, s.signerId, s.party, s.signedAt.toISOString(), s.previous ?? "GENESIS"].join("\n");
}

/** The sentence a signer explicitly confirms (意愿确认), stored with the signature. */
export const intentStatement = (party: ContractParty, title: string, termsHash: string) =>
  `本人已阅读并同意《${title}》全部条款（文本摘要 ${termsHash.slice(0, 16)}…），以${party === "WORKER" ? "劳动者" : "用工方"}身份自愿签署。`;

export const CONTRACT_LIFECYCLE = defineLifecycle({
  code: "CONTRACT",
  noun: "合同",
  states: CONTRACT_STATUS,
  transitions: {
    SIGN_FIRST: { from: ["PENDING"], to: "PARTIALLY_SIGNED" },
    SIGN_LAST: { from: ["PARTIALLY_SIGNED"], to: "SIGNED" },
    COMPLETE: { from: ["SIGNED"], to: "COMPLETED" },
    TERMINATE: { from: ["SIGNED"], to: "TERMINATED", needsReason: true },
    VOID: { from: ["PENDING", "PARTIALLY_SIGNED"], to: "VOID", needsReason: true },
  },
});
export type ContractAction = "SIGN_FIRST" | "SIGN_LAST" | "COMPLETE" | "TERMINATE" | "VOID";

/** Whether work may start (check-in): only under a contract both parties signed. */
export const allowsWork = (status: ContractStatus): boolean => status === "SIGNED";
