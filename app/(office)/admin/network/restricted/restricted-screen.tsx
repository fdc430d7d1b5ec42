"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge, Card } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { DOCUMENT_TYPES, type DocumentType } from "@/server/network/documents";
import { Dialog } from "../../_components/dialog";
import { formatDateTime } from "../../_lib/format";
import { SelectField } from "../../_components/select-field";

const KINDS = ["document", "email", "phone"] as const;
type Kind = (typeof KINDS)[number];
type Entry = RouterOutputs["consultantRecords"]["restrictedList"][number];

const th = "py-2 pr-4 font-medium";
const td = "py-2 pr-4 align-top";

/** Adds a document, e-mail or phone to the restricted lists (re-activates an inactive duplicate). */
function AddForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const t = useT();
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>("document");
  const [documentType, setDocumentType] = useState<DocumentType>("CPF");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [added, setAdded] = useState(false);
  const add = useMutation(
    trpc.consultantRecords.restrictedAdd.mutationOptions({
      onSuccess: async () => {
        setValue("");
        setReason("");
        setAdded(true);
        await onAdded();
      },
    }),
  );
  const errors = fieldErrorsOf(add.error);
  const summary = add.error && !Object.keys(errors).length ? add.error.message : null;

  return (
    <form
      className="space-y-4"
      noValidate
      data-testid="restricted-add-form"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(false);
        add.mutate(kind === "document" ? { kind, documentType, value, reason } : { kind, value, reason });
      }}
    >
      {added && !add.error ? (
        <div data-testid="restricted-added">
          <Alert kind="success">{t("network.restricted.added")}</Alert>
        </div>
      ) : null}
      {summary ? (
        <div data-testid="restricted-add-error">
          <Alert kind="error">{summary}</Alert>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("network.restricted.kind")}
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          options={KINDS.map((k) => ({ value: k, label: t(`network.restricted.kinds.${k}`) }))}
          errors={errors.kind}
          data-testid="restricted-kind"
        />
        {kind === "document" ? (
          <SelectField
            label={t("network.restricted.documentType")}
            value={documentType}
            onChange={(e) => setDocumentType(e.target.value as DocumentType)}
            options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`network.enrol.documentTypes.${d}`) }))}
            errors={errors.documentType}
            data-testid="restricted-document-type"
          />
        ) : null}
        <TextField
          label={t("network.restricted.value")}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          type={kind === "email" ? "email" : kind === "phone" ? "tel" : "text"}
          maxLength={kind === "email" ? 254 : 40}
          required
          errors={errors.value}
          data-testid="restricted-value"
          className="sm:col-span-2"
        />
      </div>
      <TextAreaField
        label={t("network.restricted.reason")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        rows={2}
        required
        errors={errors.reason}
        data-testid="restricted-reason"
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={add.isPending} data-testid="restricted-add">
          {add.isPending ? t("network.restricted.adding") : t("network.restricted.add")}
        </Button>
      </div>
    </form>
  );
}

/** Confirms and deactivates one entry. */
function DeactivateDialog({ entry, onClose, onDone }: { entry: Entry | null; onClose: () => void; onDone: () => Promise<void> }) {
  const t = useT();
  const trpc = useTRPC();
  const deactivate = useMutation(
    trpc.consultantRecords.restrictedDeactivate.mutationOptions({
      onSuccess: async () => {
        await onDone();
        onClose();
      },
    }),
  );
  return (
    <Dialog
      open={entry !== null}
      onClose={() => {
        deactivate.reset();
        onClose();
      }}
      title={entry ? t("network.restricted.deactivateTitle", { id: entry.id }) : ""}
      testId="restricted-deactivate-dialog"
    >
      <div className="space-y-4">
        {deactivate.error ? (
          <div data-testid="restricted-deactivate-error">
            <Alert kind="error">{deactivate.error.message}</Alert>
          </div>
        ) : null}
        <p className="text-sm text-slate-700">{t("network.restricted.deactivateBody")}</p>
        <div className="flex justify-end gap-3">
          <Button
            variant="secondary"
            onClick={() => {
              deactivate.reset();
              onClose();
            }}
          >
            {t("network.restricted.cancel")}
          </Button>
          <Button
            variant="danger"
            disabled={deactivate.isPending || !entry}
            onClick={() => entry && deactivate.mutate({ id: entry.id })}
            data-testid="restricted-deactivate-confirm"
          >
            {deactivate.isPending ? t("network.restricted.working") : t("network.restricted.deactivate")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

export function RestrictedScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kindFilter, setKindFilter] = useState<Kind | "">("");
  const [showInactive, setShowInactive] = useState(false);
  const [confirming, setConfirming] = useState<Entry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const list = useQuery(trpc.consultantRecords.restrictedList.queryOptions({ kind: kindFilter || undefined, activeOnly: !showInactive, limit: 200 }));
  const hits = useQuery(trpc.consultantRecords.restrictedHits.queryOptions({ limit: 50 }));
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.consultantRecords.restrictedList.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.consultantRecords.restrictedHits.queryKey() }),
    ]);
  };

  return (
    <div className="space-y-6">
      <Card title={t("network.restricted.addTitle")}>
        <AddForm
          onAdded={async () => {
            setNotice(null);
            await refresh();
          }}
        />
      </Card>

      <Card title={t("network.restricted.listTitle")}>
        <div className="mb-4 flex flex-wrap items-end gap-4">
          <SelectField
            label={t("network.restricted.filterKind")}
            value={kindFilter}
            onChange={(e) => setKindFilter(e.target.value as Kind | "")}
            options={[{ value: "", label: t("network.restricted.allKinds") }, ...KINDS.map((k) => ({ value: k, label: t(`network.restricted.kinds.${k}`) }))]}
            data-testid="restricted-filter-kind"
          />
          <label className="flex items-center gap-2 pb-2 text-sm font-medium text-slate-700">
            <input
              type="checkbox"
              checked={showInactive}
              onChange={(e) => setShowInactive(e.target.checked)}
              className="h-4 w-4 rounded border-slate-300"
              data-testid="restricted-show-inactive"
            />
            {t("network.restricted.showInactive")}
          </label>
        </div>
        {notice ? (
          <div className="mb-4" data-testid="restricted-notice">
            <Alert kind="success">{notice}</Alert>
          </div>
        ) : null}
        {list.isPending ? (
          <p className="text-sm text-slate-500" data-testid="restricted-loading">
            {t("common.loading")}
          </p>
        ) : list.isError ? (
          <Alert kind="error">{t("network.restricted.loadError")}</Alert>
        ) : list.data.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="restricted-empty">
            {t("network.restricted.empty")}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="restricted-table">
              <caption className="sr-only">{t("network.restricted.caption")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className={th}>#</th>
                  <th scope="col" className={th}>{t("network.restricted.kind")}</th>
                  <th scope="col" className={th}>{t("network.restricted.value")}</th>
                  <th scope="col" className={th}>{t("network.restricted.reason")}</th>
                  <th scope="col" className={th}>{t("network.restricted.active")}</th>
                  <th scope="col" className={th}>{t("network.restricted.createdAt")}</th>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t("network.restricted.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((entry) => (
                  <tr key={entry.id} className="border-b border-slate-100" data-testid={`restricted-row-${entry.id}`}>
                    <td className={`${td} tabular-nums text-slate-500`}>{entry.id}</td>
                    <td className={td}>{t(`network.restricted.kinds.${entry.kind}`)}</td>
                    <td className={`${td} break-all font-mono text-xs`}>{entry.value}</td>
                    <td className={`${td} max-w-xs`}>{entry.reason}</td>
                    <td className={td}>
                      <Badge tone={entry.active ? "red" : "slate"}>{entry.active ? t("network.restricted.activeYes") : t("network.restricted.activeNo")}</Badge>
                    </td>
                    <td className={`${td} whitespace-nowrap`}>{formatDateTime(locale, entry.createdAt)}</td>
                    <td className={`${td} text-right`}>
                      {entry.active ? (
                        <Button
                          variant="secondary"
                         
                          aria-label={t("network.restricted.deactivateLabel", { id: entry.id })}
                          onClick={() => {
                            setNotice(null);
                            setConfirming(entry);
                          }}
                          data-testid={`restricted-deactivate-${entry.id}`}
                        >
                          {t("network.restricted.deactivate")}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title={t("network.restricted.hitsTitle")}>
        {hits.isPending ? (
          <p className="text-sm text-slate-500">{t("common.loading")}</p>
        ) : hits.isError ? (
          <Alert kind="error">{t("network.restricted.loadError")}</Alert>
        ) : hits.data.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="restricted-hits-empty">
            {t("network.restricted.hitsEmpty")}
          </p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="restricted-hits">
              <caption className="sr-only">{t("network.restricted.hitsCaption")}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className={th}>{t("network.restricted.hitAt")}</th>
                  <th scope="col" className={th}>{t("network.restricted.hitEntry")}</th>
                  <th scope="col" className={th}>{t("network.restricted.kind")}</th>
                  <th scope="col" className={th}>{t("network.restricted.hitContext")}</th>
                  <th scope="col" className={th}>{t("network.restricted.hitConsultant")}</th>
                </tr>
              </thead>
              <tbody>
                {hits.data.map((hit) => (
                  <tr key={hit.id} className="border-b border-slate-100">
                    <td className={`${td} whitespace-nowrap`}>{formatDateTime(locale, hit.at)}</td>
                    <td className={`${td} tabular-nums`}>#{hit.entryId}</td>
                    <td className={td}>{t(`network.restricted.kinds.${hit.kind}`)}</td>
                    <td className={`${td} font-mono text-xs`}>{hit.context}</td>
                    <td className={td}>
                      {hit.consultantId ? (
                        <Link href={`/admin/network/${hit.consultantId}`} className="text-brand-700 hover:underline">
                          {hit.consultantName ?? `#${hit.consultantId}`}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <DeactivateDialog
        entry={confirming}
        onClose={() => setConfirming(null)}
        onDone={async () => {
          setNotice(t("network.restricted.deactivated"));
          await refresh();
        }}
      />
    </div>
  );
}
