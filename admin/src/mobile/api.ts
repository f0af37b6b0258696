// The phone pages talk to the API through the console's urql client (bearer token, refresh on 401).
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import type { AnyVariables } from "@urql/core";
import { client, errorInfo } from "../graphql/client";

/** A plain-words error for the phone: the server's message (already zh-CN), or a network hint. */
export class MobileError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

function unwrap<T>(result: { data?: T; error?: Parameters<typeof errorInfo>[0] }): T {
  const info = errorInfo(result.error);
  if (info) throw new MobileError(info.code === "NETWORK" ? "网络不通，请检查网络后再试" : info.message, info.code);
  return result.data as T;
}

/** Always asks the server: the pages show live state (offers expire, attendance moves). */
export async function query<T, V extends AnyVariables>(doc: TypedDocumentNode<T, V>, variables: V): Promise<T> {
  return unwrap(await client.query(doc, variables, { requestPolicy: "network-only" }).toPromise());
}

export async function mutate<T, V extends AnyVariables>(doc: TypedDocumentNode<T, V>, variables: V): Promise<T> {
  return unwrap(await client.mutation(doc, variables).toPromise());
}

/** The error's text for a toast or an inline message. */
export const messageOf = (err: unknown) => (err instanceof Error ? err.message : "出错了，请稍后再试");
