"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import { formatDateTime, formatNumber } from "../_lib/format";
import { OutboxStatusBadge } from "./status-badge";

/** One e-mail: delivery facts, then the message as rendered for its recipient. */
export function OutboxMessage({ id }: { id: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const query = useQuery(trpc.outbox.get.queryOptions({ id }));

  if (query.error) return <Alert kind="error">{query.error.message}</Alert>;
  if (!query.data) return <p role="status" className="py-8 text-center text-sm text-slate-500">{t("common.loading")}</p>;
  const m = query.data;
  const facts: [string, React.ReactNode][] = [
    [t("admin.outbox.subject"), m.rendered?.subject ?? m.subject ?? "—"],
    [t("admin.outbox.recipient"), m.toAddress],
    [t("admin.outbox.status"), <OutboxStatusBadge key="s" status={m.status} />],
    [t("admin.outbox.attempts"), formatNumber(locale, m.attempts)],
    [t("admin.outbox.template"), <code key="t">{m.template}</code>],
    [t("admin.outbox.locale"), t(`common.locales.${m.locale}`)],
    [t("admin.outbox.createdAt"), formatDateTime(locale, m.createdAt)],
    [t("admin.outbox.deliveredAt"), formatDateTime(locale, m.deliveredAt)],
  ];

  return (
    <div className="space-y-4" data-testid="outbox-message">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {m.lastError ? (
        <Alert kind="error">
          <span className="font-medium">{t("admin.outbox.lastError")}: </span>
          <span data-testid="outbox-last-error">{m.lastError}</span>
        </Alert>
      ) : null}
      {m.renderError ? <Alert kind="error">{t("admin.outbox.renderError", { reason: m.renderError })}</Alert> : null}
      {m.rendered ? (
        <>
          <h3 className="text-sm font-semibold text-slate-900">{t("admin.outbox.preview")}</h3>
          {m.linksHidden ? <Alert>{t("admin.outbox.linksHidden")}</Alert> : null}
          {/* sandbox="" : no scripts, no forms, no navigation of this page; the e-mail is shown, never run. */}
          <iframe
            title={t("admin.outbox.previewFrame")}
            sandbox=""
            srcDoc={m.rendered.html}
            className="h-[28rem] w-full rounded-md border border-slate-200 bg-white"
            data-testid="outbox-iframe"
          />
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-700">{t("admin.outbox.plainText")}</summary>
            <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-3 font-mono text-xs text-slate-800">{m.rendered.text}</pre>
          </details>
        </>
      ) : null}
    </div>
  );
}
