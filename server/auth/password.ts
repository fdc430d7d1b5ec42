import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's second recommended profile.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a throwaway hash when the e-mail is unknown keeps the response time the same,
// so timing does not reveal which e-mails have accounts.
let decoy: Promise<string> | undefined;
export async function burnVerifyTime(password: string) {
  decoy ??= hashPassword("decoy-password-not-used");
  await verifyPassword(await decoy, password);
}
