"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { formatFileSize } from "@/server/network/import/file-size";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { Dialog } from "../../../_components/dialog";
import { formatDateTime, formatNumber } from "../../../_lib/format";
import { ImportStatusBadge, isInProgress } from "../import-status";
import { ErrorReport } from "./error-report";
import { ImportProgress } from "./import-progress";

type Import = RouterOutputs["networkImport"]["get"];
const REPORT_PAGE = 50;

export function ImportDetail({ id }: { id: number }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const query = useQuery(
    trpc.networkImport.get.queryOptions(
      { id, page, pageSize: REPORT_PAGE },
      // Poll every second while a job works on the file; stop once it has settled.
      { placeholderData: keepPreviousData, staleTime: 0, refetchInterval: (q) => (isInProgress(q.state.data?.status) ? 1000 : false) },
    ),
  );

  if (query.isPending) return <p className="text-sm text-slate-500">{t("common.loading")}</p>;
  if (query.isError) return <Alert kind="error">{query.error.data?.code === "NOT_FOUND" ? query.error.message : t("networkImport.detail.loadError")}</Alert>;
  const imp = query.data;

  return (
    <div className="space-y-6" data-testid="import-detail">
      <Card title={<span className="break-all">{imp.fileName}</span>} actions={<ImportStatusBadge status={imp.status} />}>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("networkImport.detail.size")}</dt>
            <dd className="tabular-nums text-slate-900">{formatFileSize(locale, imp.sizeBytes)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("networkImport.detail.rows")}</dt>
            <dd className="tabular-nums text-slate-900" data-testid="import-rows">
              {imp.rowsTotal === null ? "—" : formatNumber(locale, imp.rowsTotal)}
            </dd>
          </div>
          <div className="text-slate-600 sm:col-span-1">{t("networkImport.detail.by", { name: imp.createdByName, at: formatDateTime(locale, imp.createdAt) })}</div>
        </dl>
        {isInProgress(imp.status) ? (
          <div className="mt-5">
            <ImportProgress imp={imp} />
          </div>
        ) : null}
        <Outcome imp={imp} />
        <Actions imp={imp} />
      </Card>

      {imp.status === "rejected" ? (
        <Card title={t("networkImport.report.title")}>
          <div className="mb-4 space-y-2" data-testid="import-rejected">
            <Alert kind="error">{t("networkImport.report.summary", { count: imp.errorCount })}</Alert>
            {imp.errorCount > imp.errorsKept ? <p className="text-sm text-slate-600">{t("networkImport.report.kept", { kept: imp.errorsKept, count: imp.errorCount })}</p> : null}
          </div>
          <ErrorReport rows={imp.errors.rows} total={imp.errorsKept} page={page} pageSize={REPORT_PAGE} onPageChange={setPage} loading={query.isFetching} />
        </Card>
      ) : null}
    </div>
  );
}

/** What came of the file, once it has settled. */
function Outcome({ imp }: { imp: Import }) {
  const t = useT();
  const rows = imp.rowsWritten ?? imp.rowsTotal ?? 0;
  if (imp.status === "done")
    return (
      <div className="mt-5 space-y-2" data-testid="import-done">
        <Alert kind="success">{t("networkImport.done", { rows })}</Alert>
        <Link href="/admin/network" className="text-sm font-medium text-brand-700 hover:underline">
          {t("network.list.title")}
        </Link>
      </div>
    );
  if (imp.status === "failed" && imp.failure)
    return (
      <div className="mt-5" data-testid="import-failed">
        <Alert kind="error">{t(`networkImport.failure.${imp.failure as "readFailed"}`)}</Alert>
      </div>
    );
  return null;
}

function Actions({ imp }: { imp: Import }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"commit" | "discard" | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.networkImport.pathKey() });
  const commit = useMutation(trpc.networkImport.commit.mutationOptions({ onSuccess: refresh, onSettled: () => setDialog(null) }));
  const discard = useMutation(
    trpc.networkImport.discard.mutationOptions({
      onSuccess: async () => {
        await refresh();
        router.push("/admin/network/import");
      },
    }),
  );
  const canDiscard = imp.status !== "writing" && imp.status !== "done" && imp.status !== "discarded";
  const rows = imp.rowsTotal ?? 0;

  return (
    <>
      {imp.status === "valid" ? (
        <div className="mt-5 space-y-3" data-testid="import-valid">
          <Alert kind="success">
            <strong className="font-semibold">{t("networkImport.valid.title")}. </strong>
            {t("networkImport.valid.body", { rows })}
          </Alert>
          {!imp.networkEmpty ? (
            <p id="import-not-empty" className="text-sm text-amber-800" data-testid="import-not-empty">
              {t("networkImport.valid.notEmpty")}
            </p>
          ) : null}
        </div>
      ) : null}
      {commit.error ? (
        <div className="mt-3" data-testid="import-commit-error">
          <Alert kind="error">{commit.error.message}</Alert>
        </div>
      ) : null}
      {imp.status === "valid" || canDiscard ? (
        <div className="mt-5 flex flex-wrap justify-end gap-3">
          {canDiscard ? (
            <Button variant="secondary" onClick={() => setDialog("discard")} data-testid="import-discard">
              {t("networkImport.discard.button")}
            </Button>
          ) : null}
          {imp.status === "valid" ? (
            // The server refuses a non-empty network too; the button says so before anyone tries.
            <Button disabled={!imp.networkEmpty || commit.isPending} aria-describedby={imp.networkEmpty ? undefined : "import-not-empty"} onClick={() => setDialog("commit")} data-testid="import-write">
              {commit.isPending ? t("networkImport.valid.writing") : t("networkImport.valid.write")}
            </Button>
          ) : null}
        </div>
      ) : null}

      <Dialog open={dialog === "commit"} onClose={() => setDialog(null)} title={t("networkImport.valid.confirmTitle", { rows })} testId="import-write-dialog">
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("networkImport.valid.confirmBody", { file: imp.fileName })}</p>
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t("networkImport.valid.cancel")}
            </Button>
            <Button disabled={commit.isPending} onClick={() => commit.mutate({ id: imp.id })} data-testid="import-write-confirm">
              {t("networkImport.valid.confirm")}
            </Button>
          </div>
        </div>
      </Dialog>
      <Dialog
        open={dialog === "discard"}
        onClose={() => {
          discard.reset();
          setDialog(null);
        }}
        title={t("networkImport.discard.title")}
        testId="import-discard-dialog"
      >
        <div className="space-y-4">
          {discard.error ? <Alert kind="error">{discard.error.message}</Alert> : null}
          <p className="text-sm text-slate-700">{t("networkImport.discard.body")}</p>
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {t("networkImport.discard.cancel")}
            </Button>
            <Button variant="danger" disabled={discard.isPending} onClick={() => discard.mutate({ id: imp.id })} data-testid="import-discard-confirm">
              {t("networkImport.discard.confirm")}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
