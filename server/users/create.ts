import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { issueResetToken } from "../auth/password-reset";
import { enqueueEmail } from "../email/outbox";
import { AppError, uniqueViolation } from "../errors";
import type { CreateUserInput } from "./schemas";

/**
 * A welcome link must survive a weekend in someone's inbox, unlike a self-requested reset (1 h).
 * It is still single-use, and an admin can always send a fresh one through "forgot password".
 */
const WELCOME_LINK_TTL_MS = 72 * 60 * 60 * 1000;

const emailTaken = () => new AppError("CONFLICT", "errors.emailTaken", {}, "email");

/**
 * Creates a staff user who chooses their own password: the stored hash is of a random secret
 * nobody knows, and the welcome e-mail carries a one-time set-password link. User, roles, token,
 * e-mail, its delivery job and the audit entry commit together or not at all.
 */
export async function createStaffUser(db: DbOrTx, input: CreateUserInput & { actorUserId: string; appUrl: string }) {
  // Hashed before the transaction: argon2 is deliberately slow and must not hold locks open.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (taken) throw emailTaken();

      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, locale: input.locale })
        .returning({ id: users.id });
      const userId = user!.id;
      await tx.insert(userRoles).values(input.roles.map((role) => ({ userId, role })));

      const token = await issueResetToken(tx, userId, WELCOME_LINK_TTL_MS);
      await enqueueEmail(tx, {
        template: "welcome",
        to: input.email,
        locale: input.locale,
        props: {
          name: input.name,
          loginUrl: `${input.appUrl}/login`,
          setPasswordUrl: `${input.appUrl}/reset-password?token=${token}`,
        },
      });
      await recordAudit(tx, {
        actorUserId: input.actorUserId,
        action: "user.created",
        entityType: "user",
        entityId: userId,
        after: { name: input.name, email: input.email, roles: input.roles, locale: input.locale },
      });
      return { id: userId };
    });
  } catch (error) {
    // Two admins creating the same e-mail at once: the unique index decides, same message.
    if (uniqueViolation(error) === "users_email_key") throw emailTaken();
    throw error;
  }
}
