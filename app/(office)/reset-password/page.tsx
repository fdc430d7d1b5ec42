import { AuthShell } from "@/app/_components/auth-shell";
import { getT } from "@/server/i18n/server";
import { ResetForm } from "./reset-form";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const t = await getT();
  const { token } = await searchParams;
  return (
    <AuthShell title={t("auth.resetTitle")}>
      <ResetForm token={typeof token === "string" ? token : ""} />
    </AuthShell>
  );
}
