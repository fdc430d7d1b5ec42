"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";

type Attachment = { id: number; fileName: string; contentType: string; sizeBytes: number };

const size = (bytes: number, locale: string) =>
  bytes < 1024 * 1024 ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB` : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;

/** The incident's files (download only) and an upload; type and size are checked by the server. */
export function Attachments({ incidentId, attachments, canUpload = true }: { incidentId: number; attachments: Attachment[]; canUpload?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/incidents/${incidentId}/attachments`, { method: "POST", body: file, headers: { "X-File-Name": encodeURIComponent(file.name) } });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? res.statusText);
      } else router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="incident-attachments">
      {attachments.length === 0 ? (
        <p className="text-sm text-slate-500">{t("incidents.detail.noAttachments")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {attachments.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-2">
              <a href={`/api/incidents/${incidentId}/attachments/${a.id}`} className="truncate text-brand-700 hover:underline" data-testid={`attachment-${a.id}`}>
                {a.fileName}
              </a>
              <span className="shrink-0 text-xs tabular-nums text-slate-500">{size(a.sizeBytes, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
      <label className="block text-sm">
        <span className="font-medium text-slate-700">{busy ? t("incidents.detail.uploading") : t("incidents.detail.upload")}</span>
        <input
          type="file"
          disabled={busy}
          className="mt-1 block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void upload(f);
          }}
          data-testid="attachment-input"
        />
        <span className="mt-1 block text-xs text-slate-500">{t("incidents.detail.attachmentHint", { max: "10 MB" })}</span>
      </label>
      ) : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
    </div>
  );
}
