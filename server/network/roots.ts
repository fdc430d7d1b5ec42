import { asc, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { consultants } from "@/db/schema";
import { AppError } from "../errors";

/** The company's top consultant: the root of both trees (the first one if several). */
export async function getCompanyRoot(db: DbOrTx) {
  const [root] = await db
    .select({ id: consultants.id, fullName: consultants.fullName, code: consultants.code })
    .from(consultants)
    .where(isNull(consultants.sponsorId))
    .orderBy(asc(consultants.id))
    .limit(1);
  if (!root) throw new AppError("NOT_FOUND", "errors.notFound");
  return root;
}
