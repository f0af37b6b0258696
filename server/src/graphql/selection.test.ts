import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { requestedFields } from "./selection.js";

const schema = buildSchema(`
  type Item { id: ID  name: String  status: String  region: Region }
  type Region { name: String }
  type Page { total: Int  items: [Item] }
  type Query { page: Page }
`);

/** Runs `query` and returns what requestedFields saw at `path` from the page field. */
async function fieldsAt(query: string, path: string[], variables?: Record<string, unknown>) {
  let seen: Set<string> | null | undefined;
  const rootValue = {
    page: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      seen = requestedFields(info, path);
      return { total: 0, items: [] };
    },
  };
  const result = await graphql({ schema, source: query, rootValue, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return seen === null ? null : [...seen!].sort();
}

describe("requestedFields", () => {
  it("names the fields under the path, once each", async () => {
    expect(await fieldsAt(`{ page { total items { id name region { name } } } }`, ["items"])).toEqual(["id", "name", "region"]);
    expect(await fieldsAt(`{ page { total items { id } } }`, [])).toEqual(["items", "total"]);
  });

  it("follows inline and named fragments and merges repeated fields", async () => {
    const query = `{ page { items { id ...more } items { ... on Item { status } } } } fragment more on Item { name }`;
    expect(await fieldsAt(query, ["items"])).toEqual(["id", "name", "status"]);
  });

  it("includes aliased fields by their field name", async () => {
    expect(await fieldsAt(`{ page { items { a: name b: status } } }`, ["items"])).toEqual(["name", "status"]);
  });

  it("gives up (null) when a directive makes the selection depend on variables", async () => {
    expect(await fieldsAt(`query($x: Boolean!) { page { items { id name @include(if: $x) } } }`, ["items"], { x: true })).toBeNull();
  });

  it("is empty when the path is not asked for", async () => {
    expect(await fieldsAt(`{ page { total } }`, ["items"])).toEqual([]);
  });
});
