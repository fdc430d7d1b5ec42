"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

export function ResetForm({ token }: { token: string }) {
  const t = useT();
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  if (reset.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert kind="success">{t("auth.resetDone")}</Alert>
        <Link href="/login" className="block text-center text-sm text-brand-700 hover:underline">
          {t("auth.backToLogin")}
        </Link>
      </div>
    );
  }
  if (!token) return <Alert kind="error">{t("auth.resetInvalid")}</Alert>;
  const errors = fieldErrorsOf(reset.error);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setMismatch(password !== confirm);
        if (password === confirm) reset.mutate({ token, password });
      }}
    >
      {reset.error && !errors.password ? <Alert kind="error">{reset.error.message}</Alert> : null}
      <TextField
        label={t("auth.newPassword")}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        hint={t("auth.passwordRule")}
        errors={errors.password}
        required
      />
      <TextField
        label={t("auth.confirmPassword")}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        errors={mismatch ? [t("auth.passwordsDiffer")] : undefined}
        required
      />
      <Button type="submit" className="w-full" disabled={reset.isPending}>
        {t("auth.resetSubmit")}
      </Button>
    </form>
  );
}
