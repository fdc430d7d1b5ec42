"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

type Settings = { siteName: string; siteSlug: string; siteWelcome: string };

export function SiteForm({ initial, urlPattern }: { initial: Settings; urlPattern: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const [savedSlug, setSavedSlug] = useState(initial.siteSlug);
  const save = useMutation(
    trpc.portal.updateSite.mutationOptions({
      onSuccess: (result) => {
        setSavedSlug(result.siteSlug);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const liveUrl = savedSlug ? urlPattern.replace("{slug}", savedSlug) : null;
  const set = (key: keyof Settings) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <Card>
      <form
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        {save.isSuccess ? <Alert kind="success">{t("portal.siteSaved")}</Alert> : null}
        {save.error && !Object.keys(errors).length ? <Alert kind="error">{save.error.message}</Alert> : null}
        <TextField label={t("portal.siteName")} name="siteName" value={form.siteName} onChange={set("siteName")} maxLength={80} errors={errors.siteName} required />
        <TextField
          label={t("portal.siteSlug")}
          name="siteSlug"
          value={form.siteSlug}
          onChange={set("siteSlug")}
          hint={t("portal.siteSlugHint", { example: urlPattern.replace("{slug}", form.siteSlug.trim().toLowerCase() || "…") })}
          errors={errors.siteSlug}
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextAreaField
          label={t("portal.siteWelcome")}
          name="siteWelcome"
          rows={5}
          value={form.siteWelcome}
          onChange={set("siteWelcome")}
          hint={t("portal.siteWelcomeHint")}
          errors={errors.siteWelcome}
        />
        <div className="flex flex-wrap items-center justify-between gap-4">
          {liveUrl ? (
            <p className="text-sm text-slate-600">
              {t("portal.liveLink")}{" "}
              <a href={liveUrl} target="_blank" rel="noreferrer" className="font-medium text-brand-700 hover:underline" data-testid="site-link">
                {liveUrl}
              </a>
            </p>
          ) : (
            <span />
          )}
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? t("common.saving") : t("common.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
