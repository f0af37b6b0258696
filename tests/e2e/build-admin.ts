// Browser tests run against a fresh production build of the console, served by the API itself (ADMIN_DIST).
// Not a dot folder: express.static and sendFile ignore paths with dot segments.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    adminDist: string;
  }
}

export default function setup(project: TestProject) {
  const outDir = fileURLToPath(new URL("./admin-dist", import.meta.url));
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync("pnpm", ["-C", "admin", "exec", "vite", "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit", env: { ...process.env, ADMIN_OUT_DIR: outDir } });
  project.provide("adminDist", outDir);
}
