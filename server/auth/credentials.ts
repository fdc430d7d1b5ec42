import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { burnVerifyTime, verifyPassword } from "./password";
import { hit, isLimited, LOGIN_LIMITS } from "./rate-limit";
import { normaliseEmail } from "./users";

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks a login attempt. Unknown e-mail, wrong password and deactivated account all answer
 * "invalid" in the same time, so the answer never tells whether an e-mail has an account.
 * Failures count against both the e-mail and the client address.
 */
export async function authenticate(
  db: DbOrTx,
  input: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const limits = [LOGIN_LIMITS.perEmail(email), LOGIN_LIMITS.perIp(input.ip)];
  for (const limit of limits) if (await isLimited(db, limit)) return { ok: false, reason: "rate_limited" };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(eq(users.email, email));
  let valid = false;
  if (user) valid = (await verifyPassword(user.passwordHash, input.password)) && user.status === "active";
  else await burnVerifyTime(input.password);

  if (valid && user) return { ok: true, userId: user.id };
  for (const limit of limits) await hit(db, limit);
  return { ok: false, reason: "invalid" };
}
