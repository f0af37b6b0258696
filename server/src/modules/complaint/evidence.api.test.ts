// Evidence over HTTP on a real API: uploads checked by content and size, stored under generated names,
// served only through short signed links to parties and handlers; complaints over GraphQL with their
// deadline countdown; the public venue page.
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaintEvidence, engagements } from "../../db/schema/index.js";
import { login, signedIn } from "../../testing/factories.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { insertEmployer, insertRecognizedVenue, insertWorker, LICHENG } from "../dispatch/dispatch.fixtures.js";
import { tasks } from "../../db/schema/index.js";

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0 evidence photo bytes")]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");
const FILE = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id number status deadlines { nextKind nextDueAt secondsLeft paused } } }`;
const READ = `query($id: UUID!) { complaint(id: $id) { id status evidence { id fileType sha256 link { url expiresAt } } history { action toStatus } } }`;

describe("complaint evidence and complaints over the API", () => {
  let t: TestApi;
  let uploadDir: string;
  let workerToken: string;
  let staffToken: string;
  let strangerToken: string;
  let otherStaffToken: string;
  let complaintId: string;
  let venueId: string;
  // The API's clock runs with real time, shifted by this much (to step past a link's expiry).
  let clockOffsetMs = 0;

  const upload = (id: string, body: Buffer | string, token?: string, contentType = "application/octet-stream") =>
    fetch(`${t.url}/complaints/${id}/evidence`, { method: "POST", headers: { "content-type": contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === "string" ? body : new Uint8Array(body) });

  beforeAll(async () => {
    uploadDir = join(tmpdir(), `qz-evidence-${process.pid}-${Date.now()}`);
    t = await startTestApi({ UPLOAD_DIR: uploadDir, EVIDENCE_MAX_BYTES: "4096" }, { now: () => new Date(Date.now() + clockOffsetMs) });
    const venue = await insertRecognizedVenue(t.database.db, { regionCode: "350502", contactPhone: "0595-22880000" });
    venueId = venue.id;
    const employer = await insertEmployer(t.database.db);
    const workerId = await insertWorker(t.database.db, { phone: "13966660001" });
    workerToken = await login(t, "13966660001");
    staffToken = (await signedIn(t, "VENUE_STAFF", { venueId, regionCode: "350502" })).token;
    const other = await insertRecognizedVenue(t.database.db, { regionCode: "350582", lat: 24.78, lng: 118.55 });
    otherStaffToken = (await signedIn(t, "VENUE_STAFF", { venueId: other.id, regionCode: "350582" })).token;
    strangerToken = (await signedIn(t, "WORKER")).token;
    const startsAt = new Date(Date.now() - 8 * 3_600_000);
    const [task] = await t.database.db
      .insert(tasks)
      .values({ employerId: employer.id, venueId, postedBy: employer.id, regionCode: "350502", title: "仓库搬运", description: "", skillCode: "PORTER", address: "鲤城区", lat: LICHENG.lat, lng: LICHENG.lng, startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3_600_000), headcount: 1, payRateFen: 2600, payUnit: "HOUR", status: "FILLED", filledCount: 1 })
      .returning();
    const [engagement] = await t.database.db.insert(engagements).values({ taskId: task!.id, workerId, source: "GRAB", startsAt: task!.startsAt, endsAt: task!.endsAt, acceptedAt: startsAt }).returning();
    const { fileComplaint } = await t.ok<{ fileComplaint: { id: string; number: string; status: string; deadlines: { nextKind: string; secondsLeft: number; paused: boolean } } }>(
      FILE,
      { input: { category: "WAGE_ARREARS", engagementId: engagement!.id, title: "工资未结清", description: "做完四小时搬运，用工方未支付工资。", amountFen: 10400 } },
      workerToken,
    );
    expect(fileComplaint).toMatchObject({ status: "SUBMITTED", deadlines: { nextKind: "ACCEPT", paused: false } });
    expect(fileComplaint.deadlines.secondsLeft).toBeGreaterThan(0);
    complaintId = fileComplaint.id;
  }, 60_000);
  afterAll(() => t?.close());

  it("a JPEG and a PDF are accepted by content (whatever the declared type), hashed, stored under generated names; the same file twice is one file", async () => {
    const res = await upload(complaintId, JPEG, workerToken, "text/plain");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; fileType: string; sha256: string };
    expect(body.fileType).toBe("JPEG");
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = (await (await upload(complaintId, JPEG, workerToken)).json()) as { id: string };
    expect(again.id).toBe(body.id);
    expect((await upload(complaintId, PDF, staffToken)).status).toBe(201);
    const rows = await t.database.db.select().from(complaintEvidence).where(eq(complaintEvidence.complaintId, complaintId));
    expect(rows.map((r) => r.fileType).sort()).toEqual(["JPEG", "PDF"]);
    for (const r of rows) expect(r.storageKey).toMatch(/^\d{4}-\d{2}\/[0-9a-f-]{36}\.(jpg|pdf)$/);
    const months = await readdir(uploadDir);
    expect(months).toHaveLength(1);
    expect((await readdir(join(uploadDir, months[0]!))).sort()).toEqual(rows.map((r) => r.storageKey.split("/")[1]).sort());
  });

  it.each<[string, () => Promise<Response>, number, string]>([
    ["an HTML page named as a photo", () => upload(complaintId, "<html><script>alert(1)</script></html>", workerToken, "image/jpeg"), 400, "BAD_USER_INPUT"],
    ["an SVG image (scripts inside)", () => upload(complaintId, '<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', workerToken, "image/svg+xml"), 400, "BAD_USER_INPUT"],
    ["an empty body", () => upload(complaintId, Buffer.alloc(0), workerToken), 400, "BAD_USER_INPUT"],
    ["a file over EVIDENCE_MAX_BYTES (4 KB here)", () => upload(complaintId, Buffer.concat([JPEG, Buffer.alloc(5000)]), workerToken), 413, "PAYLOAD_TOO_LARGE"],
    ["no token", () => upload(complaintId, JPEG), 401, "UNAUTHENTICATED"],
    ["a worker who is no party", () => upload(complaintId, JPEG, strangerToken), 404, "NOT_FOUND"],
    ["staff of another venue", () => upload(complaintId, JPEG, otherStaffToken), 403, "FORBIDDEN"],
    ["a path instead of a complaint id", () => fetch(`${t.url}/complaints/..%2F..%2Fetc%2Fpasswd/evidence`, { method: "POST", headers: { authorization: `Bearer ${workerToken}` }, body: new Uint8Array(JPEG) }), 400, "BAD_USER_INPUT"],
  ])("%s is refused (%s %s) and stores nothing", async (_name, send, status, code) => {
    const before = (await t.database.db.select().from(complaintEvidence)).length;
    const res = await send();
    expect(res.status).toBe(status);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(code);
    expect((await t.database.db.select().from(complaintEvidence)).length).toBe(before);
  });

  it("parties and handlers get signed links that serve the file with safe headers; altered or forged links do not; outsiders cannot read the complaint", async () => {
    const data = await t.ok<{ complaint: { evidence: { fileType: string; sha256: string; link: { url: string } }[]; history: { action: string }[] } }>(READ, { id: complaintId }, staffToken);
    expect(data.complaint.history.map((h) => h.action)).toEqual(["FILE"]);
    const jpeg = data.complaint.evidence.find((e) => e.fileType === "JPEG")!;
    const res = await fetch(`${t.url}${jpeg.link.url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(JPEG)).toBe(true);
    const url = new URL(jpeg.link.url, t.url);
    const other = data.complaint.evidence.find((e) => e.fileType === "PDF")!;
    const otherId = new URL(other.link.url, t.url).pathname.split("/").at(-1)!;
    const tampered = [
      `/evidence/${otherId}?exp=${url.searchParams.get("exp")}&sig=${url.searchParams.get("sig")}`, // another file with this link's signature
      `/evidence/${url.pathname.split("/").at(-1)}?exp=${Number(url.searchParams.get("exp")) + 3600}&sig=${url.searchParams.get("sig")}`, // a later expiry
      `/evidence/${url.pathname.split("/").at(-1)}?exp=${url.searchParams.get("exp")}&sig=${"A".repeat(43)}`,
      `/evidence/${url.pathname.split("/").at(-1)}`,
      `/evidence/..%2F..%2F.env?exp=1&sig=x`,
    ];
    for (const path of tampered) expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    for (const token of [strangerToken, otherStaffToken]) {
      const r = await t.gql(READ, { id: complaintId }, token);
      expect(r.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
      expect(r.data?.complaint ?? null).toBeNull();
    }
  });

  it("a signed link is refused once the API's clock passes its expiry, and served again before it", async () => {
    const data = await t.ok<{ complaint: { evidence: { link: { url: string; expiresAt: string } }[] } }>(READ, { id: complaintId }, workerToken);
    const { url, expiresAt } = data.complaint.evidence[0]!.link;
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000 + 5_000); // EVIDENCE_LINK_TTL_SECONDS
    expect((await fetch(`${t.url}${url}`)).status).toBe(200);
    try {
      clockOffsetMs = new Date(expiresAt).getTime() - Date.now() + 1_000;
      const expired = await fetch(`${t.url}${url}`);
      expect(expired.status).toBe(404);
      expect(((await expired.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe("链接无效或已过期");
    } finally {
      clockOffsetMs = 0;
    }
    expect((await fetch(`${t.url}${url}`)).status).toBe(200);
  });

  it("staff accept over GraphQL; the public venue page shows the hotline and the complaint link to anyone", async () => {
    const r = await t.ok<{ handleComplaint: { status: string } }>(`mutation($id: UUID!) { handleComplaint(id: $id, action: ACCEPT) { status } }`, { id: complaintId }, staffToken);
    expect(r.handleComplaint.status).toBe("ACCEPTED");
    const bad = await t.gql(`mutation($id: UUID!) { handleComplaint(id: $id, action: REJECT, note: "") { status } }`, { id: complaintId }, staffToken);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const page = await t.ok<{ venuePublicPage: { hotline: string; complaintLink: string; complaints: { open: number } } }>(`query($id: UUID!) { venuePublicPage(id: $id) { name hotline complaintLink complaints { open closed } } }`, { id: venueId });
    expect(page.venuePublicPage).toMatchObject({ hotline: "0595-22880000", complaintLink: `/complaints/new?venueId=${venueId}`, complaints: { open: 1 } });
  });
});
