"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { formatFileSize } from "@/server/network/import/file-size";
import { ProgressBar } from "./progress-bar";

type Upload = { state: "idle" } | { state: "sending"; percent: number } | { state: "error"; message: string };

/**
 * Sends the file as the raw body of POST /api/network/import. XMLHttpRequest rather than fetch:
 * only it reports upload progress, which matters for a file of a hundred megabytes.
 */
function send(file: File, onProgress: (percent: number) => void) {
  return new Promise<{ status: number; body: { id?: number; error?: { message: string } } | null }>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/network/import?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(file);
  });
}

/** `columns`: the import format's header, passed by the page so the validator stays on the server. */
export function UploadForm({ maxBytes, columns }: { maxBytes: number; columns: readonly string[] }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const max = formatFileSize(locale, maxBytes);

  async function submit() {
    const file = fileRef.current?.files?.[0];
    // The server checks all of this again; checking here first saves sending a file for nothing.
    const refuse = (message: string) => setUpload({ state: "error", message });
    if (!file) return refuse(t("networkImport.upload.chooseFirst"));
    if (/\.(xlsx?|ods|numbers)$/i.test(file.name)) return refuse(t("networkImport.upload.spreadsheet"));
    if (!/\.csv$/i.test(file.name)) return refuse(t("networkImport.upload.notCsv"));
    if (file.size > maxBytes) return refuse(t("networkImport.upload.tooLarge", { max }));
    if (file.size === 0) return refuse(t("networkImport.upload.empty"));
    setUpload({ state: "sending", percent: 0 });
    try {
      const { status, body } = await send(file, (percent) => setUpload({ state: "sending", percent }));
      if (status === 201 && body?.id) router.push(`/admin/network/import/${body.id}`);
      else refuse(body?.error?.message ?? t("errors.internal"));
    } catch {
      refuse(t("networkImport.upload.failed"));
    }
  }

  return (
    <form
      className="space-y-4"
      noValidate
      data-testid="import-upload-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="space-y-2 text-sm text-slate-700">
        <p>{t("networkImport.upload.intro")}</p>
        <p className="break-words font-mono text-xs text-slate-800">{columns.join(",")}</p>
        <p className="text-slate-600">{t("networkImport.upload.optional")}</p>
        <p>
          <a href="/api/network/export" className="text-brand-700 hover:underline" data-testid="import-example">
            {t("networkImport.upload.example")}
          </a>
        </p>
      </div>
      <Alert kind="info">{t("networkImport.upload.emptyOnly")}</Alert>
      {upload.state === "error" ? (
        <div data-testid="import-upload-error">
          <Alert kind="error">{upload.message}</Alert>
        </div>
      ) : null}
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
          {t("networkImport.upload.file", { max })}
        </label>
        <input
          ref={fileRef}
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          disabled={upload.state === "sending"}
          onChange={() => upload.state === "error" && setUpload({ state: "idle" })}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
          data-testid="import-file"
        />
      </div>
      {upload.state === "sending" ? (
        <ProgressBar percent={upload.percent} label={t("networkImport.upload.uploading", { percent: upload.percent })} testId="import-upload-progress" />
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={upload.state === "sending"} data-testid="import-submit">
          {upload.state === "sending" ? t("networkImport.upload.uploading", { percent: upload.percent }) : t("networkImport.upload.submit")}
        </Button>
      </div>
    </form>
  );
}
