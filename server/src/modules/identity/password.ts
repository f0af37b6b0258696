import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; the salt is inside the PHC string. */
export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

/** Verifies against a PHC string; false (never a throw) for a malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

/** A real hash to verify against when the phone is unknown, so both paths cost the same time. */
export const DUMMY_PASSWORD_HASH = hash("no-such-user-timing-pad", OPTIONS);
