import { AuthShell } from "@/app/_components/auth-shell";
import { getT } from "@/server/i18n/server";
import { ForgotForm } from "./forgot-form";

export default async function ForgotPasswordPage() {
  const t = await getT();
  return (
    <AuthShell title={t("auth.forgotTitle")} subtitle={t("auth.forgotHelp")}>
      <ForgotForm />
    </AuthShell>
  );
}
