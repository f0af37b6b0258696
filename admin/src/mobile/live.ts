// A phone page kept current while it is open: its query loads once, a graphql-ws subscription pushes each change,
// and a slow poll covers a network that drops the socket (common on a worker's phone). `live` says whether the
// socket is up, so the page can say "实时" or not.
import type { AnyVariables, DocumentInput } from "@urql/core";
import { onMounted, onUnmounted, ref } from "vue";
import { client } from "../graphql/client";

export function useLivePage<Data, Variables extends AnyVariables>(opts: {
  load: () => Promise<void>;
  subscription: DocumentInput<Data, Variables>;
  variables: Variables;
  onData: (data: Data) => void;
  pollMs: number;
}) {
  const live = ref(false);
  let stop: (() => void) | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  onMounted(async () => {
    await opts.load();
    live.value = true;
    stop = client.subscription(opts.subscription, opts.variables).subscribe((r) => {
      // A refused or dropped socket leaves the poll to keep the page current.
      live.value = !r.error;
      if (r.data) opts.onData(r.data);
    }).unsubscribe;
    poll = setInterval(() => void opts.load(), opts.pollMs);
  });
  onUnmounted(() => {
    stop?.();
    if (poll) clearInterval(poll);
  });
  return live;
}
