"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

/** Approve or reject a pending request, with a comment the requester reads in the e-mail. */
export function DecideForm({ id, kind }: { id: number; kind: "return" | "exchange" }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const decide = useMutation(trpc.returns.decide.mutationOptions());

  function send(decision: "approve" | "reject") {
    if (decision === "approve" && !window.confirm(t("returns.decide.confirmApprove", { kind: t(`returns.kind.${kind}`).toLowerCase(), id }))) return;
    setErrors({});
    setMessage(null);
    decide.mutate(
      { id, decision, comment },
      {
        onSuccess: (result) => {
          setMessage({ kind: "success", text: t(result.status === "approved" ? "returns.decide.approved" : "returns.decide.rejected") });
          router.refresh();
        },
        onError: (error) => {
          setErrors(fieldErrorsOf(error));
          setMessage({ kind: "error", text: error.message });
        },
      },
    );
  }

  return (
    <div className="space-y-4" data-testid="return-decide">
      <TextAreaField label={t("returns.decide.comment")} hint={t("returns.decide.commentHint")} rows={4} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} errors={errors.comment} data-testid="return-decide-comment" />
      {message ? (
        <div data-testid="return-decide-message">
          <Alert kind={message.kind}>{message.text}</Alert>
        </div>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="danger" disabled={decide.isPending} onClick={() => send("reject")} data-testid="return-reject">
          {t("returns.decide.reject")}
        </Button>
        <Button disabled={decide.isPending} onClick={() => send("approve")} data-testid="return-approve">
          {decide.isPending ? t("returns.decide.working") : t("returns.decide.approve")}
        </Button>
      </div>
    </div>
  );
}
