import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { passwordResetTokens, users } from "@/db/schema";
import { enqueueEmail } from "../email/outbox";
import { recordAudit } from "../audit/record";
import { hashPassword } from "./password";
import { hit, type Limit } from "./rate-limit";
import { normaliseEmail } from "./users";

const TOKEN_TTL_MS = 60 * 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Stores a single-use reset token for a user and returns the raw token for the link; only its
 * hash is kept. Pass the transaction that also queues the e-mail carrying the link.
 */
export async function issueResetToken(tx: DbOrTx, userId: string, ttlMs = TOKEN_TTL_MS) {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(passwordResetTokens).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return token;
}

const resetLimit = (email: string): Limit => ({ scope: "reset:email", key: email, max: 5, windowSeconds: 3600 });

/**
 * Creates a single-use reset link and queues the e-mail. Says nothing about whether the e-mail
 * exists: the caller shows the same message either way.
 */
export async function requestPasswordReset(db: DbOrTx, input: { email: string; appUrl: string }) {
  const email = normaliseEmail(input.email);
  if ((await hit(db, resetLimit(email))).limited) return;
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, locale: users.locale, status: users.status })
      .from(users)
      .where(eq(users.email, email));
    if (!user || user.status !== "active") return;
    const token = await issueResetToken(tx, user.id);
    await enqueueEmail(tx, {
      template: "password-reset",
      to: email,
      locale: user.locale,
      props: { name: user.name, resetUrl: `${input.appUrl}/reset-password?token=${token}` },
    });
  });
}

/** Sets a new password from a valid token; the token is spent in the same transaction. */
export async function resetPassword(db: DbOrTx, input: { token: string; password: string }) {
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) return false;
    // Any other link still in someone's inbox dies with this reset.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, spent.userId), isNull(passwordResetTokens.usedAt)));
    const [changed] = await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), updatedAt: new Date() })
      .where(and(eq(users.id, spent.userId), eq(users.status, "active")))
      .returning({ id: users.id });
    if (!changed) return false;
    await recordAudit(tx, {
      actorUserId: spent.userId,
      action: "user.password_reset",
      entityType: "user",
      entityId: spent.userId,
    });
    return true;
  });
}
