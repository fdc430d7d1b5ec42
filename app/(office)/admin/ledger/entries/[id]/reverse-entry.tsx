"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { Dialog } from "../../../_components/dialog";

/** Reverses a manual adjustment: a reason, a confirmation, then the page shows the reversal. */
export function ReverseEntry({ id }: { id: number }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [memo, setMemo] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const reverse = useMutation(trpc.ledger.reverse.mutationOptions());
  return (
    <>
      <div className="flex justify-end">
        <Button variant="danger" onClick={() => setOpen(true)} data-testid="entry-reverse">
          {t("ledgerScreens.entry.reverse")}
        </Button>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("ledgerScreens.entry.reverseTitle", { id })} testId="entry-reverse-dialog">
        <form
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setErrors({});
            setError(null);
            reverse.mutate(
              { entryId: id, memo },
              {
                onSuccess: () => {
                  setOpen(false);
                  router.refresh();
                },
                onError: (err) => {
                  setErrors(fieldErrorsOf(err));
                  setError(err.message);
                },
              },
            );
          }}
        >
          <p className="text-sm text-slate-600">{t("ledgerScreens.entry.reverseIntro")}</p>
          <TextField label={t("ledgerScreens.entry.reverseReason")} value={memo} maxLength={200} onChange={(e) => setMemo(e.target.value)} errors={errors.memo} data-testid="entry-reverse-memo" />
          {error ? <Alert kind="error">{error}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={reverse.isPending} data-testid="entry-reverse-confirm">
              {t("ledgerScreens.entry.reverseConfirm")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
