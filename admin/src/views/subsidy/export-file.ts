// 附件 exports: the API answers the export mutation with a short-lived signed link (after checking the caller's
// scope), and the browser downloads the .xlsx from it as the server streams it, so a large roster never sits in
// this page's memory; the browser's own download shows its progress. The bar here covers preparing the link.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useClientHandle } from "@urql/vue";
import { ElMessage } from "element-plus";
import { ref } from "vue";
import { errorInfo } from "../../graphql/client";

interface ExportLink { url: string; filename: string }

/** Starts the browser's download of a signed export link (same origin; the server says "attachment"). */
export function download(link: ExportLink) {
  const a = document.createElement("a");
  a.href = link.url;
  a.download = link.filename;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** One export at a time per page: `running` names it, `progress` is 0–100. */
export function useExport() {
  const client = useClientHandle().client;
  const running = ref<string | null>(null);
  const progress = ref(0);

  async function run<R extends Record<string, unknown>, V extends Record<string, unknown>>(name: string, doc: TypedDocumentNode<R, V>, variables: V, pick: (r: R) => ExportLink) {
    running.value = name;
    progress.value = 5;
    const tick = setInterval(() => (progress.value = Math.min(90, progress.value + (90 - progress.value) * 0.15)), 200);
    try {
      const res = await client.mutation(doc, variables).toPromise();
      const err = errorInfo(res.error);
      if (err || !res.data) {
        ElMessage.error(err?.message ?? "export failed");
        return;
      }
      progress.value = 100;
      download(pick(res.data));
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
