"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { loginAction, type LoginState } from "./actions";

export function LoginForm() {
  const t = useT();
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  return (
    <form action={action} className="space-y-4" noValidate={false}>
      {state.error ? <Alert kind="error">{t(`auth.${state.error}`)}</Alert> : null}
      <TextField label={t("auth.email")} name="email" type="email" autoComplete="username" required defaultValue={state.email} maxLength={320} />
      <TextField label={t("auth.password")} name="password" type="password" autoComplete="current-password" required maxLength={200} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("auth.submitting") : t("auth.submit")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-brand-700 hover:underline">
          {t("auth.forgot")}
        </Link>
      </p>
    </form>
  );
}
