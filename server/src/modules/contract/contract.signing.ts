// The platform's Ed25519 key (node:crypto): it signs each contract signature's payload; anyone can check
// it with the public key served at /.well-known/contract-signing-key.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export interface SigningKey {
  keyId: string;
  /** Raw 32-byte public key, base64. */
  publicKeyBase64: string;
  publicKeyPem: string;
  sign(payload: string): string;
  verify(payload: string, signatureBase64: string): boolean;
}

// Jobs build every service per run (bound to the job's transaction): importing the key each time was ~15 % of
// the worker's CPU in bench:performance, so the key is built once per seed and process.
const keysBySeed = new Map<string, SigningKey>();

/** The key from its 32-byte seed (CONTRACT_SIGNING_KEY, base64); built once per seed. */
export function createSigningKey(seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new Error("the contract signing key is a 32-byte Ed25519 seed");
  const id = seed.toString("hex");
  let key = keysBySeed.get(id);
  if (!key) keysBySeed.set(id, (key = importSigningKey(seed)));
  return key;
}

function importSigningKey(seed: Buffer): SigningKey {
  const privateKey: KeyObject = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return {
    keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16),
    publicKeyBase64: raw.toString("base64"),
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    sign: (payload) => sign(null, Buffer.from(payload, "utf8"), privateKey).toString("base64"),
    verify(payload, signatureBase64) {
      const sig = Buffer.from(signatureBase64, "base64");
      if (sig.length !== 64) return false;
      try {
        return verify(null, Buffer.from(payload, "utf8"), publicKey, sig);
      } catch {
        return false;
      }
    },
  };
}

export const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
