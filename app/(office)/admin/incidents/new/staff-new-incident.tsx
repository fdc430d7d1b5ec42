"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { FaqSuggestions } from "@/app/_components/knowledge/faq-suggestions";

const CATEGORIES = ["general", "orders", "payments", "commissions", "account", "site", "products"] as const;
const PRIORITIES = ["low", "normal", "high", "critical"] as const;
type Kind = "consultant" | "customer" | "contact";

/** Staff register an incident for a consultant (by code), a customer (by e-mail) or a contact. */
export function StaffNewIncident() {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState({ subject: "", description: "", category: "general", priority: "normal", kind: "consultant" as Kind, code: "", customerEmail: "", name: "", email: "", concerns: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const create = useMutation(trpc.incidents.create.mutationOptions());
  const set = (patch: Partial<typeof v>) => setV({ ...v, ...patch });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    const requester =
      v.kind === "consultant" ? { kind: "consultant" as const, consultantCode: v.code } : v.kind === "customer" ? { kind: "customer" as const, customerEmail: v.customerEmail } : { kind: "contact" as const, name: v.name, email: v.email };
    create.mutate(
      {
        subject: v.subject,
        description: v.description,
        category: v.category as (typeof CATEGORIES)[number],
        priority: v.priority as (typeof PRIORITIES)[number],
        requester,
        concernsConsultantCode: v.concerns.trim() || null,
      },
      {
        onSuccess: (r) => router.push(`/admin/incidents/${r.id}`),
        onError: (error) => (setErrors(fieldErrorsOf(error)), setMessage(error.message)),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-4" data-testid="staff-incident-form">
      <SelectField
        label={t("incidents.form.requesterKind")}
        value={v.kind}
        onChange={(e) => set({ kind: e.target.value as Kind })}
        options={(["consultant", "customer", "contact"] as const).map((k) => ({ value: k, label: t(`incidents.requesterKind.${k}`) }))}
        data-testid="staff-incident-kind"
      />
      {v.kind === "consultant" ? (
        <TextField label={t("incidents.form.consultantId")} value={v.code} maxLength={40} onChange={(e) => set({ code: e.target.value })} errors={errors["requester.consultantCode"]} data-testid="staff-incident-code" />
      ) : v.kind === "customer" ? (
        <TextField label={t("incidents.form.customerEmail")} type="email" value={v.customerEmail} maxLength={320} onChange={(e) => set({ customerEmail: e.target.value })} errors={errors["requester.customerEmail"]} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("incidents.form.name")} value={v.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} errors={errors["requester.name"] ?? errors.name} />
          <TextField label={t("incidents.form.email")} type="email" value={v.email} maxLength={320} onChange={(e) => set({ email: e.target.value })} errors={errors["requester.email"] ?? errors.email} />
        </div>
      )}
      <TextField label={t("incidents.form.concerns")} value={v.concerns} maxLength={40} onChange={(e) => set({ concerns: e.target.value })} errors={errors.concernsConsultantCode} />
      <TextField label={t("incidents.form.subject")} value={v.subject} maxLength={200} onChange={(e) => set({ subject: e.target.value })} errors={errors.subject} data-testid="staff-incident-subject" />
      <FaqSuggestions subject={v.subject} articleHref={(slug) => `/faq/${slug}`} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t("incidents.form.category")} value={v.category} onChange={(e) => set({ category: e.target.value })} options={CATEGORIES.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))} errors={errors.category} />
        <SelectField label={t("incidents.form.priority")} value={v.priority} onChange={(e) => set({ priority: e.target.value })} options={PRIORITIES.map((p) => ({ value: p, label: t(`incidents.priority.${p}`) }))} errors={errors.priority} />
      </div>
      <TextAreaField label={t("incidents.form.description")} rows={6} maxLength={20000} value={v.description} onChange={(e) => set({ description: e.target.value })} errors={errors.description} data-testid="staff-incident-description" />
      {message ? <Alert kind="error">{message}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={create.isPending} data-testid="staff-incident-submit">
          {create.isPending ? t("incidents.form.submitting") : t("incidents.form.submit")}
        </Button>
      </div>
    </form>
  );
}
