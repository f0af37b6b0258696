// 合同生成中: a background job drafts the contract a moment after the job is taken. Until it exists the
// engagement's attendance and pay are refused (NOT_FOUND), so a job page first asks only whether the contract
// exists and, while it does not, asks again every few seconds (then less often) until it does.
import { onUnmounted, ref } from "vue";
import { query } from "./api";
import { M_CONTRACT_READY } from "./mobile.documents";

const FIRST_MS = 2_000;
const MAX_MS = 15_000;

/** `isReady()` answers and, when the contract is still being drafted, polls until it is there, then calls `onReady`. */
export function useContractDrafting(engagementId: () => string, onReady: () => void) {
  const drafting = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let delay = FIRST_MS;
  let stopped = false;

  function schedule() {
    if (timer) clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(async () => {
      timer = null;
      try {
        if (await isReady()) onReady();
      } catch {
        // A dropped network: keep asking, the page's own load shows errors.
        schedule();
      }
    }, delay);
    delay = Math.min(MAX_MS, Math.round(delay * 1.5));
  }

  async function isReady(): Promise<boolean> {
    const ready = (await query(M_CONTRACT_READY, { id: engagementId() })).contractOfEngagement != null;
    drafting.value = !ready;
    if (ready) delay = FIRST_MS;
    else if (!timer) schedule();
    return ready;
  }

  onUnmounted(() => {
    stopped = true;
    if (timer) clearTimeout(timer);
  });
  return { drafting, isReady };
}
