import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./config";
import { loadActiveUser } from "./users";

/** The signed-in, active user for this request (read from the database once per request). */
export const getCurrentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActiveUser(getDb(), id);
});
