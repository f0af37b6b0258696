// The storage contract, run against both adapters: local disk in a temp folder and S3 against a real
// S3-compatible server (s3rver) on a random port.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { startTestS3, type TestS3 } from "../../testing/s3-server.js";
import { createEvidenceStorage, evidenceKey, LocalDiskStorage, S3Storage, type EvidenceStorage } from "./evidence.storage.js";

const sha256 = (b: Buffer | Uint8Array) => createHash("sha256").update(b).digest("hex");

let s3: TestS3;
let dir: string;
beforeAll(async () => {
  s3 = await startTestS3();
  dir = await mkdtemp(join(tmpdir(), "qz-evidence-disk-"));
}, 30_000);
afterAll(async () => {
  await s3?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const adapters: [string, () => EvidenceStorage][] = [
  ["local disk", () => createEvidenceStorage(loadConfig({ UPLOAD_DIR: dir }).evidenceStorage)],
  ["S3-compatible", () => createEvidenceStorage(loadConfig(s3.env).evidenceStorage)],
];

describe.each(adapters)("evidence storage contract: %s", (_name, make) => {
  let storage: EvidenceStorage;
  beforeAll(() => {
    storage = make();
  });

  it("reads back exactly the bytes it stored (same SHA-256), every byte value and a multi-megabyte file included", async () => {
    const small = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x1a, 0x80, 0x7f]);
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const keys = [evidenceKey(new Date("2026-11-27T00:00:00Z"), "jpg"), evidenceKey(new Date("2026-12-01T00:00:00Z"), "mp4")];
    await storage.put(keys[0]!, small);
    await storage.put(keys[1]!, big);
    const back = await Promise.all(keys.map((k) => storage.get(k)));
    expect(back[0]).toBeInstanceOf(Buffer);
    expect(back[0]!.equals(small)).toBe(true);
    expect(back[1]!.length).toBe(big.length);
    expect(sha256(back[1]!)).toBe(sha256(big));
  });

  it("keeps two keys apart", async () => {
    const [a, b] = [evidenceKey(new Date(), "pdf"), evidenceKey(new Date(), "pdf")];
    await storage.put(a, Buffer.from("%PDF-1.7 first"));
    await storage.put(b, Buffer.from("%PDF-1.7 second"));
    expect((await storage.get(a))!.toString()).toBe("%PDF-1.7 first");
    expect((await storage.get(b))!.toString()).toBe("%PDF-1.7 second");
  });

  it("answers null for a key never stored", async () => {
    expect(await storage.get(evidenceKey(new Date(), "png"))).toBeNull();
  });

  it.each(["../../etc/passwd", "2026-11/../../x.jpg", "/etc/passwd", "2026-11/photo.jpg", "2026-11/00000000-0000-0000-0000-000000000000.exe", ""])(
    "refuses %j, which is not a generated key, for put and get",
    async (key) => {
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(/not an evidence key/);
      await expect(storage.get(key)).rejects.toThrow(/not an evidence key/);
    },
  );
});

describe("S3 adapter against the server", () => {
  it("stores the object in the configured bucket under exactly the generated key", async () => {
    const storage = createEvidenceStorage(loadConfig(s3.env).evidenceStorage);
    expect(storage).toBeInstanceOf(S3Storage);
    const key = evidenceKey(new Date("2026-11-27T00:00:00Z"), "png");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    await storage.put(key, png);
    const raw = new S3Client({ endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    try {
      const res = await raw.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
      expect(key.startsWith("2026-11/")).toBe(true);
      expect(Buffer.from(await res.Body!.transformToByteArray()).equals(png)).toBe(true);
    } finally {
      raw.destroy();
    }
  });

  it("does not turn a server error into 'not found': wrong credentials throw on read, a missing bucket on write", async () => {
    // An unknown access key (s3rver checks the key id; it does not verify SigV4 signatures).
    const wrongKey = new S3Storage({ endpoint: s3.endpoint, bucket: s3.bucket, region: "us-east-1", accessKeyId: "NOT-A-KEY", secretAccessKey: "S3RVER", forcePathStyle: true });
    const noBucket = new S3Storage({ endpoint: s3.endpoint, bucket: "no-such-bucket", region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
    try {
      await expect(wrongKey.get(evidenceKey(new Date(), "jpg"))).rejects.toThrow(/Access Key Id/);
      // (No get against the missing bucket: s3rver answers NoSuchKey there, where AWS and MinIO say NoSuchBucket.)
      await expect(noBucket.put(evidenceKey(new Date(), "jpg"), Buffer.from("x"))).rejects.toThrow(/bucket does not exist/);
    } finally {
      wrongKey.destroy();
      noBucket.destroy();
    }
  });

  it("local disk stays the default", () => {
    expect(createEvidenceStorage(loadConfig({}).evidenceStorage)).toBeInstanceOf(LocalDiskStorage);
  });
});
