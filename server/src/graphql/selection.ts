import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * The field names a query asks for at `path` below the current field (for a page, `["items"]`),
 * through fragments: a hot list then reads only the columns the client shows, as PostGraphile does.
 * Null when a @skip/@include directive makes the answer depend on variables: the caller reads everything.
 */
export function requestedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> | null {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of [...path, null]) {
    const names = new Set<string>();
    const next: SelectionSetNode[] = [];
    const visit = (set: SelectionSetNode): boolean => {
      for (const selection of set.selections) {
        if (selection.directives?.length) return false;
        if (selection.kind === Kind.FIELD) {
          names.add(selection.name.value);
          if (selection.name.value === step && selection.selectionSet) next.push(selection.selectionSet);
        } else {
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
          if (!fragment || !visit(fragment.selectionSet)) return false;
        }
      }
      return true;
    };
    for (const set of sets) if (!visit(set)) return null;
    if (step === null) return names;
    sets = next;
  }
  return null;
}
