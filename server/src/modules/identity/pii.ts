import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Encryption of personal identifiers at rest (DESIGN §6): AES-256-GCM with a random 96-bit IV, and an
 * HMAC-SHA256 blind index (separate key) so uniqueness and lookups never need the plaintext.
 */
export interface PiiVault {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  blindIndex(plain: string): string;
}

const VERSION = "v1";

export function createPiiVault(encryptionKey: Buffer, blindIndexKey: Buffer): PiiVault {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(":");
      if (version !== VERSION || !iv || !tag || !body) throw new Error("unrecognised ciphertext");
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
    blindIndex(plain) {
      return createHmac("sha256", blindIndexKey).update(plain).digest("hex");
    },
  };
}
