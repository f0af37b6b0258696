import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

let page: string | undefined;

/** GraphiQL bundled inside the package (no CDN: these machines have no internet). Development only. */
export function graphiqlPage(): string {
  page ??= renderGraphiQL({
    title: "泉州零工平台 GraphQL",
    endpoint: "/graphql",
    subscriptionsProtocol: "WS",
    defaultQuery: "# 先用 login 取得 accessToken，再在 Headers 中填写 {\"Authorization\": \"Bearer …\"}\nquery {\n  regions { code name }\n}\n",
  } as Parameters<typeof renderGraphiQL>[0]);
  return page;
}
