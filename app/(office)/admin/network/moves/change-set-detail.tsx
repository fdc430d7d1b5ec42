"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { Dialog } from "../../_components/dialog";
import { formatDateTime } from "../../_lib/format";
import { ChangeSetEffects } from "./change-set-effects";
import { ChangeSetItems } from "./change-set-items";
import { ChangeSetStatusBadge } from "./change-set-list";

/** What commit stored in `change_sets.result` (the commit procedure's answer without the id). */
type CommitResult = Pick<RouterOutputs["network"]["commit"], "summary" | "effects">;

type Props = {
  id: number;
  canMove: boolean;
  focusOnMount: boolean;
  onOpen: (id: number, notice?: string) => void;
  onNotice: (notice: string | null) => void;
  onClose: () => void;
};

/** One change-set: its items, and the actions its status allows (preview, commit, discard, revert). */
export function ChangeSetDetail({ id, canMove, focusOnMount, onOpen, onNotice, onClose }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const query = useQuery(trpc.network.changeSet.queryOptions({ id }));
  const set = query.data;

  // Opening a set (a click in the list, a new draft) moves keyboard and screen-reader focus here.
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);

  // Trees, counters and the list all change with a commit: refresh every network query.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.network.pathKey() });
  const failed = { onMutate: () => setError(null), onError: (e: { message: string }) => setError(e.message) };
  const preview = useMutation(trpc.network.preview.mutationOptions(failed));
  const commit = useMutation(
    trpc.network.commit.mutationOptions({
      onMutate: failed.onMutate,
      onError: (e) => {
        setConfirming(false);
        setError(e.message);
      },
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
        onNotice(t("network.moves.committed"));
      },
    }),
  );
  const discard = useMutation(
    trpc.network.discard.mutationOptions({
      ...failed,
      onSuccess: async () => {
        await refresh();
        onNotice(t("network.moves.discarded"));
      },
    }),
  );
  const revert = useMutation(
    trpc.network.draftRevert.mutationOptions({
      ...failed,
      onSuccess: async (newId) => {
        await queryClient.invalidateQueries({ queryKey: trpc.network.changeSets.queryKey() });
        onOpen(newId, t("network.moves.revertCreated", { id: newId }));
      },
    }),
  );
  const busy = preview.isPending || commit.isPending || discard.isPending || revert.isPending;
  const result = set?.status === "committed" ? (set.result as CommitResult | null) : null;

  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="change-set-detail">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id={headingId} ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
            {t("network.moves.detailTitle", { id })}
          </h2>
          {set ? (
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <span>{t(`network.moves.kind.${set.kind}`)}</span>
              <ChangeSetStatusBadge status={set.status} />
            </p>
          ) : null}
        </div>
        <Button variant="ghost" onClick={onClose}>
          {t("network.moves.close")}
        </Button>
      </div>

      {query.isPending ? <p className="text-sm text-slate-500">{t("common.loading")}</p> : null}
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}
      {error ? (
        <div data-testid="move-error">
          <Alert kind="error">{error}</Alert>
        </div>
      ) : null}

      {set ? (
        <>
          <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("network.moves.note")}</dt>
              <dd className="whitespace-pre-line text-slate-900">{set.note || t("network.moves.noNote")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("network.moves.createdAt")}</dt>
              <dd className="tabular-nums text-slate-900">{formatDateTime(locale, set.createdAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("network.moves.committedAt")}</dt>
              <dd className="tabular-nums text-slate-900">{formatDateTime(locale, set.committedAt)}</dd>
            </div>
          </dl>
          {set.revertsId || set.revertedById ? (
            <ul className="flex flex-wrap gap-4 text-sm">
              {set.revertsId ? <SetLink id={set.revertsId} label={t("network.moves.revertsSet", { id: set.revertsId })} onOpen={(other) => onOpen(other)} /> : null}
              {set.revertedById ? <SetLink id={set.revertedById} label={t("network.moves.revertedBy", { id: set.revertedById })} onOpen={(other) => onOpen(other)} /> : null}
            </ul>
          ) : null}

          <ChangeSetItems kind={set.kind} items={set.items} />

          {canMove && set.status === "draft" ? (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" disabled={busy} onClick={() => preview.mutate({ id })} data-testid="move-preview">
                {preview.isPending ? t("network.moves.working") : t("network.moves.preview")}
              </Button>
              <Button disabled={busy} onClick={() => setConfirming(true)} data-testid="move-commit">
                {t("network.moves.commit")}
              </Button>
              <Button variant="ghost" disabled={busy} onClick={() => discard.mutate({ id })} data-testid="move-discard">
                {t("network.moves.discard")}
              </Button>
            </div>
          ) : null}
          {canMove && set.status === "committed" && set.kind !== "termination" && !set.revertedById ? (
            <div>
              <Button variant="secondary" disabled={busy} onClick={() => revert.mutate({ id })} data-testid="move-revert">
                {revert.isPending ? t("network.moves.working") : t("network.moves.revert")}
              </Button>
            </div>
          ) : null}

          {set.status === "draft" && preview.data ? (
            <ChangeSetEffects effects={preview.data} title={t("network.moves.previewTitle")} hint={t("network.moves.previewHint")} />
          ) : null}
          {result ? <ChangeSetEffects effects={result.effects} title={t("network.moves.resultTitle")} /> : null}
        </>
      ) : null}

      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("network.moves.confirmTitle", { id })} testId="move-confirm-dialog">
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t("network.moves.confirmBody")}</p>
          {preview.data ? <p className="text-sm font-medium text-slate-900">{t("network.moves.moved", { count: preview.data.reduce((n, e) => n + e.moved, 0) })}</p> : null}
          <div className="flex justify-end gap-2">
            {/* The dialog focuses its close button first, so a stray Enter never commits. */}
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
            <Button disabled={commit.isPending} onClick={() => commit.mutate({ id })} data-testid="move-confirm">
              {commit.isPending ? t("network.moves.working") : t("network.moves.commit")}
            </Button>
          </div>
        </div>
      </Dialog>
    </section>
  );
}

function SetLink({ id, label, onOpen }: { id: number; label: string; onOpen: (id: number) => void }) {
  return (
    <li>
      <button type="button" onClick={() => onOpen(id)} className="text-brand-700 hover:underline">
        {label}
      </button>
    </li>
  );
}
