"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ReportCardView } from "@/app/_components/compensation/report-card-view";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";

/** Any consultant's report card by code; the code lives in the URL (?consultant=CODE) so it can be linked from a profile. */
export function AdminReportCard({ initialCode }: { initialCode: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState(initialCode);
  const [code, setCode] = useState(initialCode);
  const [formError, setFormError] = useState<string | null>(null);
  const card = useQuery({ ...trpc.compExplain.adminReportCard.queryOptions({ code }), enabled: code.length > 0, staleTime: 0 });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next = draft.trim();
    if (!next) {
      setFormError(t("compExplain.card.codeRequired"));
      return;
    }
    setFormError(null);
    setCode(next);
    router.replace(`/admin/compensation/report-card?consultant=${encodeURIComponent(next)}`);
  };
  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <TextField
          label={t("compExplain.card.consultantCode")}
          name="consultant"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="RD000002"
          maxLength={40}
          errors={formError ? [formError] : card.isError ? [card.error.message] : undefined}
          className="w-64"
        />
        <Button type="submit" className="mb-[1px]">
          {t("compExplain.card.show")}
        </Button>
      </form>
      {code && card.isPending ? <p className="text-sm text-slate-500">{t("compExplain.lines.loading")}</p> : null}
      {card.data ? <ReportCardView result={card.data} updatedAt={card.dataUpdatedAt} /> : null}
      {!code ? <Alert>{t("compExplain.card.codeRequired")}</Alert> : null}
    </div>
  );
}
