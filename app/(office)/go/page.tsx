import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";

/** Where a fresh sign-in lands: staff to the admin, consultants to their portal. */
export default async function AfterLogin() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.permissions.has("admin.access")) redirect("/admin");
  if (user.permissions.has("portal.access")) redirect("/portal");
  redirect("/");
}
