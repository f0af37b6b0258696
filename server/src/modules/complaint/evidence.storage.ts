// Where evidence bytes live. The service only ever passes keys it generated itself; the local adapter
// still refuses anything that is not such a key, so no path can ever leave its folder (and the S3 adapter
// refuses it too, so nothing user-supplied ever names an object).
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { EvidenceStorageConfig } from "../../config.js";

/** The seam between the platform and a file store: local disk by default, an S3-compatible store behind the same calls. */
export interface EvidenceStorage {
  /** Stores bytes under a new key; never overwrites. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under a key, or null. */
  get(key: string): Promise<Buffer | null>;
}

/** Keys are `<yyyy-mm>/<uuid>.<ext>`, made by the service: nothing from the upload goes into them. */
const KEY = /^\d{4}-\d{2}\/[0-9a-f-]{36}\.(jpg|png|pdf|mp4)$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not an evidence key: ${JSON.stringify(key)}`);
  return key;
}

export const evidenceKey = (at: Date, ext: string) => `${at.toISOString().slice(0, 7)}/${randomUUID()}.${ext}`;

/** Local disk under `root` (default .data/uploads): files 0600, written to a temporary name and renamed. */
export class LocalDiskStorage implements EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, checkKey(key)));
    if (!path.startsWith(this.root + sep)) throw new Error("evidence key escapes the storage folder");
    return path;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${randomUUID()}.part`;
    await writeFile(tmp, data, { mode: 0o600, flag: "wx" });
    await rename(tmp, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }
}

export interface S3StorageOptions {
  /** Unset: AWS's own endpoint for the region. */
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key URLs, which MinIO and most self-hosted stores need. */
  forcePathStyle: boolean;
}

/** An S3-compatible bucket (AWS S3, MinIO, OSS/COS in S3 mode): objects under the same generated keys as on disk. */
export class S3Storage implements EvidenceStorage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(o: S3StorageOptions) {
    this.bucket = o.bucket;
    this.client = new S3Client({
      ...(o.endpoint ? { endpoint: o.endpoint } : {}),
      region: o.region,
      forcePathStyle: o.forcePathStyle,
      credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey },
      // Checksums only when the operation requires them: several S3-compatible stores reject the newer default trailers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, data: Buffer): Promise<void> {
    // If-None-Match: * keeps "never overwrites" on stores that support conditional writes (AWS, MinIO); keys are fresh UUIDs anyway.
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: checkKey(key), Body: data, ContentLength: data.length, IfNoneMatch: "*" }));
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkKey(key) }));
      if (!res.Body) return null;
      return Buffer.from(await res.Body.transformToByteArray());
    } catch (err) {
      // Only a missing object is "not found"; a missing bucket (NoSuchBucket, also a 404) is a misconfiguration and throws.
      if (err instanceof S3ServiceException && err.name === "NoSuchKey") return null;
      throw err;
    }
  }

  /** Closes the client's sockets (tests, shutdown). */
  destroy(): void {
    this.client.destroy();
  }
}

/** The store EVIDENCE_STORAGE names: local disk by default, S3-compatible with the S3_* settings. */
export function createEvidenceStorage(c: EvidenceStorageConfig): EvidenceStorage {
  return c.kind === "s3" ? new S3Storage(c) : new LocalDiskStorage(c.dir);
}
