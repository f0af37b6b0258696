/**
 * Node arguments that run a server entry point (the API `main` or the `worker`): the compiled JavaScript in
 * server/dist (built by `pnpm -C shared build && pnpm -C server build`; the `qz-compiled` condition makes
 * @qz/shared resolve to shared/dist), or the TypeScript sources through the oxc loader.
 */
export function serverCommand(entry: "main" | "worker", fromSource: boolean): string[] {
  return fromSource
    ? ["--import", "@oxc-node/core/register", `server/src/${entry}.ts`]
    : ["--enable-source-maps", "--conditions=qz-compiled", `server/dist/${entry}.js`];
}
