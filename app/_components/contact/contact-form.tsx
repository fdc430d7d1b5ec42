"use client";

import { useState, useTransition } from "react";
import { FaqSuggestions } from "@/app/_components/knowledge/faq-suggestions";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { sendContact } from "./contact-action";

type Field = "name" | "email" | "subject" | "message";
const EMPTY: Record<Field, string> = { name: "", email: "", subject: "", message: "" };

/**
 * "Entre em contato conosco": name, e-mail, subject, message. While the subject is typed,
 * published FAQs that may answer it are suggested. `slug` is the replicated site's (absent on
 * the corporate home). The hidden `website` field is the honeypot.
 */
export function ContactForm({ slug, faqHref }: { slug?: string; faqHref?: string }) {
  const t = useT();
  const locale = useLocale();
  const [values, setValues] = useState(EMPTY);
  const [website, setWebsite] = useState("");
  const [failure, setFailure] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [sent, setSent] = useState<{ number: string | null; name: string; email: string } | null>(null);
  const [pending, startTransition] = useTransition();

  if (sent)
    return (
      <div className="rounded-lg bg-white p-6 ring-1 ring-slate-200" role="status" data-testid="contact-sent">
        <h2 className="text-lg font-semibold text-slate-900">{t("contact.sent.title")}</h2>
        <p className="mt-2 text-slate-700">{t("contact.sent.body", { name: sent.name, number: sent.number ?? "", email: sent.email })}</p>
        <Button variant="secondary" className="mt-4" onClick={() => setSent(null)}>
          {t("contact.sent.again")}
        </Button>
      </div>
    );

  const submit = () =>
    startTransition(async () => {
      setFailure(null);
      const outcome = await sendContact({ slug, locale, ...values, website });
      if (!outcome.ok) {
        setFailure(outcome);
        return;
      }
      setSent({ number: outcome.number, name: values.name.trim(), email: values.email.trim() });
      setValues(EMPTY);
    });

  const errors = failure?.fieldErrors ?? {};
  const set = (f: Field) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [f]: e.target.value }));
    // A field being corrected drops its old error; the others keep theirs until the next send.
    if (failure?.fieldErrors[f]) setFailure({ ...failure, fieldErrors: Object.fromEntries(Object.entries(failure.fieldErrors).filter(([k]) => k !== f)) });
  };
  const generalError = failure && !Object.keys(errors).length ? failure.message : null;
  return (
    <form
      noValidate
      className="space-y-4 rounded-lg bg-white p-6 ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) submit();
      }}
      data-testid="contact-form"
    >
      {generalError ? (
        <div data-testid="contact-error">
          <Alert kind="error">{generalError}</Alert>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("contact.name")} name="name" autoComplete="name" required maxLength={120} value={values.name} onChange={set("name")} errors={errors.name} />
        <TextField label={t("contact.email")} name="email" type="email" autoComplete="email" required maxLength={320} value={values.email} onChange={set("email")} errors={errors.email} />
      </div>
      <TextField label={t("contact.subject")} name="subject" required maxLength={200} value={values.subject} onChange={set("subject")} errors={errors.subject} />
      <FaqSuggestions subject={values.subject} articleHref={faqHref ? (s) => `${faqHref}/${s}?lang=${locale}` : undefined} />
      <TextAreaField label={t("contact.message")} name="message" required rows={6} maxLength={5000} value={values.message} onChange={set("message")} errors={errors.message} />
      {/* Not for people: left empty by them, filled in by form-filling bots. */}
      <div aria-hidden className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>
          Website
          <input tabIndex={-1} autoComplete="off" name="website" value={website} onChange={(e) => setWebsite(e.target.value)} />
        </label>
      </div>
      <Button type="submit" disabled={pending} data-testid="contact-submit">
        {pending ? t("contact.sending") : t("contact.send")}
      </Button>
    </form>
  );
}
