"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

export function ForgotForm() {
  const t = useT();
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  if (request.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert kind="success">{t("auth.forgotSent")}</Alert>
        <Link href="/login" className="block text-center text-sm text-brand-700 hover:underline">
          {t("auth.backToLogin")}
        </Link>
      </div>
    );
  }
  const errors = fieldErrorsOf(request.error);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ email });
      }}
    >
      {request.error && !errors.email ? <Alert kind="error">{request.error.message}</Alert> : null}
      <TextField label={t("auth.email")} type="email" name="email" value={email} onChange={(e) => setEmail(e.target.value)} errors={errors.email} required />
      <Button type="submit" className="w-full" disabled={request.isPending}>
        {t("auth.forgotSubmit")}
      </Button>
      <Link href="/login" className="block text-center text-sm text-brand-700 hover:underline">
        {t("auth.backToLogin")}
      </Link>
    </form>
  );
}
