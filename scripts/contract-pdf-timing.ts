// Times the contract PDF (GET /contracts/:id/pdf renders through renderContractPdf): the first call of a
// process and the median of the next ones, on a sample contract. Usage: pnpm exec node --import
// @oxc-node/core/register scripts/contract-pdf-timing.ts [calls=20]
import { performance } from "node:perf_hooks";
import { renderContractPdf, type PrintView } from "../server/src/modules/contract/contract.pdf.js";

if (process.argv.includes("--help")) {
  console.log("contract-pdf-timing [calls=20]: renders a sample contract PDF `calls` times and prints the first and median times in ms");
  process.exit(0);
}
const clauses = Array.from({ length: 12 }, (_, i) => `第${i + 1}条 甲方按约定支付乙方劳动报酬，乙方按约定完成工作任务，双方遵守劳动合同法第六十八条至第七十二条的规定。`);
const view = {
  contract: { id: "sample", status: "SIGNED", termsHash: "a".repeat(64), templateVersion: "sample", terms: { title: "非全日制用工劳动合同", clauses, parties: { employer: { name: "泉州某某餐饮有限公司", maskedId: "9135****" }, worker: { name: "张三", maskedId: "3505**********1234" } }, pay: { rateFen: 2500 } } },
  verification: { valid: true, signatures: [] },
} as unknown as PrintView;
const calls = Math.max(2, Number(process.argv[2] ?? 20));
const times: number[] = [];
for (let i = 0; i < calls; i++) {
  const t = performance.now();
  await renderContractPdf(view, new Date());
  times.push(performance.now() - t);
}
const rest = times.slice(1).sort((a, b) => a - b);
console.log(JSON.stringify({ calls, firstMs: Math.round(times[0]!), nextMedianMs: Math.round(rest[Math.floor(rest.length / 2)]!) }));
