import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/app/_components/auth-shell";
import { getCurrentUser } from "@/server/auth/current-user";
import { getT } from "@/server/i18n/server";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.loginTitle") };
}

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/go");
  const t = await getT();
  return (
    <AuthShell title={t("auth.loginTitle")} subtitle={t("auth.loginSubtitle")}>
      <LoginForm />
    </AuthShell>
  );
}
