// Where evidence bytes live. The service only ever passes keys it generated itself; the local adapter
// still refuses anything that is not such a key, so no path can ever leave its folder.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";

/** The seam between the platform and a file store: local disk by default, an S3-compatible store behind the same calls. */
export interface EvidenceStorage {
  /** Stores bytes under a new key; never overwrites. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under a key, or null. */
  get(key: string): Promise<Buffer | null>;
}

/** Keys are `<yyyy-mm>/<uuid>.<ext>`, made by the service: nothing from the upload goes into them. */
const KEY = /^\d{4}-\d{2}\/[0-9a-f-]{36}\.(jpg|png|pdf|mp4)$/;

export const evidenceKey = (at: Date, ext: string) => `${at.toISOString().slice(0, 7)}/${randomUUID()}.${ext}`;

/** Local disk under `root` (default .data/uploads): files 0600, written to a temporary name and renamed. */
export class LocalDiskStorage implements EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not an evidence key: ${JSON.stringify(key)}`);
    const path = resolve(join(this.root, key));
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
