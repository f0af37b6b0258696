// Dispatch over HTTP and WebSocket with the real worker path (outbox relay → BullMQ → job runner): two API
// processes, a subscriber on B hears of an offer made by a wave run in the worker; a Redis outage delays a
// wave and loses nothing; aliases cannot multiply an accept.
import { count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { engagements, offers, outbox } from "../../db/schema/index.js";
import { createDeps, type DepsHandle } from "../../deps.js";
import { JOB_HANDLERS } from "../../jobs/handlers.js";
import { startJobWorkers } from "../../jobs/job-runner.js";
import { createOutboxRelay } from "../../jobs/outbox-relay.js";
import { createLogger } from "../../logger.js";
import { login } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { insertEmployer, insertRecognizedVenue, insertWorkers, north, LICHENG } from "./dispatch.fixtures.js";

const H = 3_600_000;

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 30));
  }
}

const POST = `mutation($input: PostTaskInput!) { postTask(input: $input) { id status venueId } }`;
const taskInput = (skillCode: string, hoursAhead: number, extra: Record<string, unknown> = {}) => ({
  title: "鞋厂搬运",
  skillCode,
  regionCode: "350502",
  address: "鲤城区常泰街道1号",
  lat: LICHENG.lat,
  lng: LICHENG.lng,
  startsAt: new Date(Date.now() + hoursAhead * H).toISOString(),
  endsAt: new Date(Date.now() + (hoursAhead + 4) * H).toISOString(),
  headcount: 1,
  payRateFen: 2600,
  payUnit: "HOUR",
  ...extra,
});

describe("dispatch over the API, with the worker process", () => {
  let a: TestApi;
  let b: TestApi;
  let worker: DepsHandle;
  let jobs: ReturnType<typeof startJobWorkers>;
  let relay: ReturnType<typeof createOutboxRelay>;
  let employerToken: string;
  const logger = createLogger({ env: "test", logLevel: "silent" }, "test");

  beforeAll(async () => {
    a = await startTestApi();
    b = await startTestApi({}, { sharing: a });
    worker = createDeps(a.config, { logger });
    jobs = startJobWorkers(worker.deps, JOB_HANDLERS);
    relay = createOutboxRelay({ db: worker.deps.db, redisUrl: a.config.redisUrl, prefix: a.config.queuePrefix, logger, pollMs: 20 });
    relay.start();
    await insertRecognizedVenue(a.database.db, { regionCode: "350502" });
    const employer = await insertEmployer(a.database.db);
    employerToken = await login(a, employer.phone);
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    await jobs?.close();
    await worker?.close();
    await b?.close();
    await a?.close();
  });

  it("a subscriber on API B receives the offer a wave made in the worker process, with why; across processes through Redis", async () => {
    const [workerId] = await insertWorkers(a.database.db, [{ at: north(LICHENG, 800), skills: [["COOK", 3]], phone: "13911110001" }]);
    const workerToken = await login(b, "13911110001");
    const mine = await subscribe(b.url, workerToken, `subscription { offerReceived { id workerId wave travelMinutes why { factor label part } task { title } } }`);
    const { postTask } = await a.ok<{ postTask: { id: string } }>(POST, { input: taskInput("COOK", 30) }, employerToken);
    const got = await until(async () => mine.received[0]);
    expect(got.data.offerReceived).toMatchObject({ workerId, wave: 1, task: { title: "鞋厂搬运" } });
    expect(got.data.offerReceived.why.map((f: { factor: string }) => f.factor)).toEqual(["proximity", "skill", "reliability", "rating", "fairness", "priority"]);
    expect(got.data.offerReceived.task).toBeTruthy();
    mine.close();
    expect(postTask.id).toBeTruthy();
  });

  it("taskUpdated reaches the task's employer and not another employer", async () => {
    await insertWorkers(a.database.db, [{ at: north(LICHENG, 900), skills: [["WAITER", 3]], phone: "13911110002" }]);
    const { postTask } = await a.ok<{ postTask: { id: string } }>(POST, { input: taskInput("WAITER", 60) }, employerToken);
    const query = `subscription($t: UUID!) { taskUpdated(taskId: $t) { id filledCount status } }`;
    const other = await insertEmployer(a.database.db);
    const otherToken = await login(a, other.phone);
    const own = await subscribe(b.url, employerToken, query, { t: postTask.id });
    const foreign = await subscribe(b.url, otherToken, query, { t: postTask.id });
    const workerToken = await login(a, "13911110002");
    await a.ok(`mutation($t: UUID!) { takeTask(taskId: $t) { id source } }`, { t: postTask.id }, workerToken);
    const update = await until(async () => own.received.find((p) => p.data?.taskUpdated?.filledCount === 1));
    expect(update.data.taskUpdated).toMatchObject({ id: postTask.id, status: "FILLED" });
    await new Promise((r) => setTimeout(r, 300));
    expect(foreign.received).toEqual([]);
    own.close();
    foreign.close();
  });

  it("aliases multiplying acceptOffer in one request still take one seat", async () => {
    await insertWorkers(a.database.db, [{ at: north(LICHENG, 700), skills: [["DELIVERY", 3]], phone: "13911110003" }]);
    const { postTask } = await a.ok<{ postTask: { id: string } }>(POST, { input: taskInput("DELIVERY", 90, { headcount: 3 }) }, employerToken);
    const workerToken = await login(a, "13911110003");
    const offer = await until(async () => (await a.database.db.select().from(offers).where(eq(offers.taskId, postTask.id)))[0]);
    const aliases = Array.from({ length: 8 }, (_, i) => `a${i}: acceptOffer(id: $o) { id }`).join(" ");
    const result = await a.gql(`mutation($o: UUID!) { ${aliases} }`, { o: offer.id }, workerToken);
    // Root mutations run one after another; a non-null failure nulls `data`, so count what the database holds.
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors!.every((e) => e.extensions?.code === "CONFLICT")).toBe(true);
    const [n] = await a.database.db.select({ n: count() }).from(engagements).where(eq(engagements.taskId, postTask.id));
    expect(n!.n).toBe(1);
  });

  it("nearbyTasks pages by travel time with an opaque cursor; bad input is typed", async () => {
    await insertWorkers(a.database.db, [{ at: LICHENG, skills: [["SEWING", 3]], phone: "13911110004" }]);
    for (let i = 0; i < 5; i++) await a.ok(POST, { input: taskInput("SEWING", 120 + i * 24, { ...north(LICHENG, 1000 + i * 1500) }) }, employerToken);
    const token = await login(a, "13911110004");
    const q = `query($after: String) { nearbyTasks(filter: { skillCode: "SEWING" }, first: 2, after: $after) { items { travelMinutes distanceMeters employerName employerLateCancelCount task { id payRateFen } } endCursor hasNextPage } }`;
    const seen: number[] = [];
    const metres: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const data: any = await a.ok(q, { after }, token);
      seen.push(...data.nearbyTasks.items.map((i: { travelMinutes: number }) => i.travelMinutes));
      metres.push(...data.nearbyTasks.items.map((i: { distanceMeters: number }) => i.distanceMeters));
      after = data.nearbyTasks.endCursor;
      if (!data.nearbyTasks.hasNextPage) break;
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    // Int on the wire: whole metres (it used to be the raw float distance, which GraphQL refused as INTERNAL).
    expect(metres.every((m) => Number.isInteger(m))).toBe(true);
    expect(metres.map((m) => Math.round(m / 100) * 100)).toEqual([1000, 2500, 4000, 5500, 7000]);
    const bad = await a.gql(`{ nearbyTasks(first: 2, after: "bm9wZQ") { hasNextPage } }`, {}, token);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const badPost = await a.gql(POST, { input: taskInput("SEWING", 200, { headcount: 0 }) }, employerToken);
    expect(badPost.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const report = await a.gql(`{ fairnessReport(regionCode: "350502", month: "2026-13") { offers } }`, {}, employerToken);
    expect(report.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a Redis outage during a wave delays it and loses no offer: the outbox keeps the events", async () => {
    await relay.stop();
    const blocked = createOutboxRelay({ db: worker.deps.db, redisUrl: "redis://127.0.0.1:1", prefix: a.config.queuePrefix, logger, pollMs: 10 });
    blocked.start();
    await insertWorkers(a.database.db, [{ at: north(LICHENG, 600), skills: [["WAREHOUSE", 3]] }, { at: north(LICHENG, 650), skills: [["WAREHOUSE", 3]] }]);
    const { postTask } = await a.ok<{ postTask: { id: string } }>(POST, { input: taskInput("WAREHOUSE", 150, { headcount: 1 }) }, employerToken);
    await new Promise((r) => setTimeout(r, 400));
    expect(await blocked.relayOnce()).toBe(0);
    await blocked.stop();
    expect(await a.database.db.select().from(offers).where(eq(offers.taskId, postTask.id))).toHaveLength(0);
    const waiting = await a.database.db.select().from(outbox).where(isNull(outbox.sentAt));
    expect(waiting.map((e) => e.name)).toContain("task.posted");
    // Redis is back: the relay delivers, the wave goes out.
    relay = createOutboxRelay({ db: worker.deps.db, redisUrl: a.config.redisUrl, prefix: a.config.queuePrefix, logger, pollMs: 20 });
    relay.start();
    const sent = await until(async () => {
      const rows = await a.database.db.select().from(offers).where(eq(offers.taskId, postTask.id));
      return rows.length === 2 ? rows : null;
    });
    expect(sent.every((o) => o.wave === 1 && o.status === "OFFERED")).toBe(true);
  });
});

/** A graphql-ws client that collects the `next` and `error` payloads of one subscription. */
async function subscribe(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const socket = new WebSocket(`${url.replace("http", "ws")}/graphql`, "graphql-transport-ws");
  const received: Record<string, any>[] = [];
  let acked!: () => void;
  const ack = new Promise<void>((r) => (acked = r));
  socket.on("message", (data) => {
    const frame = JSON.parse(String(data)) as { type: string; payload?: any };
    if (frame.type === "connection_ack") acked();
    if (frame.type === "next" || frame.type === "error") received.push(frame.payload);
  });
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
  await ack;
  socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables } }));
  await new Promise((r) => setTimeout(r, 200));
  return { received, close: () => socket.close() };
}
