// Evidence through the API with EVIDENCE_STORAGE=s3: an upload lands in the bucket (not on disk) under its
// generated key, and a signed link serves it back byte for byte. The S3 server is s3rver on a random port.
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaintEvidence, engagements, tasks } from "../../db/schema/index.js";
import { login } from "../../testing/factories.js";
import { startTestS3, type TestS3 } from "../../testing/s3-server.js";
import { startTestApi, type TestApi } from "../../testing/test-app.js";
import { insertEmployer, insertRecognizedVenue, insertWorker, LICHENG } from "../dispatch/dispatch.fixtures.js";
import { S3Storage } from "./evidence.storage.js";

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0 s3 evidence"), Buffer.from([0x00, 0xff, 0x80])]);

describe("complaint evidence stored in an S3-compatible bucket", () => {
  let s3: TestS3;
  let t: TestApi;
  let token: string;
  let complaintId: string;
  const uploadDir = join(tmpdir(), `qz-evidence-s3-${process.pid}-${Date.now()}`);

  beforeAll(async () => {
    s3 = await startTestS3();
    t = await startTestApi({ ...s3.env, UPLOAD_DIR: uploadDir });
    const venue = await insertRecognizedVenue(t.database.db, { regionCode: "350502" });
    const employer = await insertEmployer(t.database.db);
    const workerId = await insertWorker(t.database.db, { phone: "13966660091" });
    token = await login(t, "13966660091");
    const startsAt = new Date(Date.now() - 8 * 3_600_000);
    const [task] = await t.database.db
      .insert(tasks)
      .values({ employerId: employer.id, venueId: venue.id, postedBy: employer.id, regionCode: "350502", title: "仓库搬运", description: "", skillCode: "PORTER", address: "鲤城区", lat: LICHENG.lat, lng: LICHENG.lng, startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3_600_000), headcount: 1, payRateFen: 2600, payUnit: "HOUR", status: "FILLED", filledCount: 1 })
      .returning();
    const [engagement] = await t.database.db.insert(engagements).values({ taskId: task!.id, workerId, source: "GRAB", startsAt: task!.startsAt, endsAt: task!.endsAt, acceptedAt: startsAt }).returning();
    const { fileComplaint } = await t.ok<{ fileComplaint: { id: string } }>(
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`,
      { input: { category: "WAGE_ARREARS", engagementId: engagement!.id, title: "工资未结清", description: "做完四小时搬运，用工方未支付工资。", amountFen: 10400 } },
      token,
    );
    complaintId = fileComplaint.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it("an upload is stored in the bucket under its generated key and served back through a signed link", async () => {
    const res = await fetch(`${t.url}/complaints/${complaintId}/evidence`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(JPEG) });
    expect(res.status).toBe(201);
    const [row] = await t.database.db.select().from(complaintEvidence).where(eq(complaintEvidence.complaintId, complaintId));
    expect(row!.storageKey).toMatch(/^\d{4}-\d{2}\/[0-9a-f-]{36}\.jpg$/);
    // In the bucket, read with a client of our own; nothing on disk.
    const bucket = new S3Storage({ endpoint: s3.endpoint, bucket: s3.bucket, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
    try {
      expect((await bucket.get(row!.storageKey))?.equals(JPEG)).toBe(true);
    } finally {
      bucket.destroy();
    }
    expect(existsSync(uploadDir)).toBe(false);

    const data = await t.ok<{ complaint: { evidence: { sha256: string; link: { url: string } }[] } }>(`query($id: UUID!) { complaint(id: $id) { evidence { sha256 link { url } } } }`, { id: complaintId }, token);
    const download = await fetch(`${t.url}${data.complaint.evidence[0]!.link.url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await download.arrayBuffer()).equals(JPEG)).toBe(true);
    expect(data.complaint.evidence[0]!.sha256).toBe(row!.sha256);
  });
});
