// A real S3-compatible server for tests: s3rver (S3's REST API in Node) on a random port over a temp folder.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The EVIDENCE_STORAGE=s3 environment that points the API at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts s3rver with one empty bucket; close() stops it and removes its folder. */
export async function startTestS3(bucket = "qz-evidence-test"): Promise<TestS3> {
  const directory = await mkdtemp(join(tmpdir(), "qz-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    // s3rver accepts only its own fixed credentials.
    env: { EVIDENCE_STORAGE: "s3", S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER", S3_FORCE_PATH_STYLE: "true" },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
