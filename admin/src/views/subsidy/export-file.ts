// 附件 exports: the API builds the .xlsx and answers with it in base64. The console shows progress while the
// workbook is prepared (an estimate that creeps towards 90% until the answer arrives), then saves the file.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useClientHandle } from "@urql/vue";
import { ElMessage } from "element-plus";
import { ref } from "vue";
import { errorInfo } from "../../graphql/client";

interface ExportFile { filename: string; mimeType: string; contentBase64: string }

/** Saves a base64 file through a temporary link (the browser's download). */
export function saveBase64(file: ExportFile) {
  const bytes = Uint8Array.from(atob(file.contentBase64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One export at a time per page: `running` names it, `progress` is 0–100. */
export function useExport() {
  const client = useClientHandle().client;
  const running = ref<string | null>(null);
  const progress = ref(0);

  async function run<R extends Record<string, unknown>, V extends Record<string, unknown>>(name: string, doc: TypedDocumentNode<R, V>, variables: V, pick: (r: R) => ExportFile) {
    running.value = name;
    progress.value = 5;
    const tick = setInterval(() => (progress.value = Math.min(90, progress.value + (90 - progress.value) * 0.15)), 200);
    try {
      const res = await client.query(doc, variables, { requestPolicy: "network-only" }).toPromise();
      const err = errorInfo(res.error);
      if (err || !res.data) {
        ElMessage.error(err?.message ?? "export failed");
        return;
      }
      progress.value = 100;
      saveBase64(pick(res.data));
    } finally {
      clearInterval(tick);
      setTimeout(() => {
        running.value = null;
        progress.value = 0;
      }, 600);
    }
  }
  return { running, progress, run };
}
