import { computed, ref, watch, type Ref } from "vue";

/** Server-side paging state: page and size become limit/offset; a filter change goes back to page 1. */
export function usePager(filters?: Ref<unknown>, size = 20) {
  const page = ref(1);
  const pageSize = ref(size);
  if (filters) watch(filters, () => (page.value = 1), { deep: true });
  const vars = computed(() => ({ limit: pageSize.value, offset: (page.value - 1) * pageSize.value }));
  return { page, pageSize, vars };
}
