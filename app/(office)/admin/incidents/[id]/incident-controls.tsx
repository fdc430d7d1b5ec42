"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

const STATUSES = ["new", "open", "waiting", "resolved", "closed"] as const;
const PRIORITIES = ["low", "normal", "high", "critical"] as const;
const CATEGORIES = ["general", "orders", "payments", "commissions", "account", "site", "products"] as const;
type Status = (typeof STATUSES)[number];

type Message = { kind: "error" | "success"; text: string } | null;

/** Reply to the requester (e-mailed) or leave an internal note. */
export function ReplyBox({ id, status, requesterEmail }: { id: number; status: Status; requesterEmail: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const [body, setBody] = useState("");
  const [statusAfter, setStatusAfter] = useState<"" | "open" | "waiting" | "resolved">("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const reply = useMutation(trpc.incidents.reply.mutationOptions());
  const note = useMutation(trpc.incidents.note.mutationOptions());
  const pending = reply.isPending || note.isPending;

  function send() {
    setErrors({});
    setMessage(null);
    const done = (text: string) => () => {
      setBody("");
      setStatusAfter("");
      setMessage({ kind: "success", text });
      router.refresh();
    };
    const failed = (error: unknown) => {
      setErrors(fieldErrorsOf(error));
      setMessage({ kind: "error", text: (error as Error).message });
    };
    if (mode === "reply") reply.mutate({ id, body, statusAfter: statusAfter || null }, { onSuccess: done(t("incidentsTimeline.reply.sent")), onError: failed });
    else note.mutate({ id, body }, { onSuccess: done(t("incidentsTimeline.reply.noted")), onError: failed });
  }

  if (status === "closed") return <Alert>{t("incidents.errors.closed")}</Alert>;
  return (
    <div className="space-y-3" data-testid="incident-reply-box">
      <div role="tablist" className="flex gap-1 border-b border-slate-200">
        {(["reply", "note"] as const).map((m) => (
          <button
            key={m}
            role="tab"
            type="button"
            aria-selected={mode === m}
            onClick={() => setMode(m)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${mode === m ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            data-testid={`incident-tab-${m}`}
          >
            {t(m === "reply" ? "incidentsTimeline.reply.replyTab" : "incidentsTimeline.reply.noteTab")}
          </button>
        ))}
      </div>
      <TextAreaField
        label={t("incidentsTimeline.reply.body")}
        hint={mode === "reply" ? t("incidentsTimeline.reply.replyHint", { email: requesterEmail }) : t("incidentsTimeline.reply.noteHint")}
        rows={5}
        maxLength={20000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        errors={errors.body}
        data-testid="incident-reply-body"
      />
      {mode === "reply" ? (
        <SelectField
          label={t("incidentsTimeline.reply.statusAfter")}
          value={statusAfter}
          onChange={(e) => setStatusAfter(e.target.value as typeof statusAfter)}
          options={[
            { value: "", label: t("incidentsTimeline.reply.keepStatus", { status: t(`incidents.status.${status === "new" ? "open" : status}`) }) },
            ...(["open", "waiting", "resolved"] as const).filter((s) => s !== status).map((s) => ({ value: s, label: t(`incidents.status.${s}`) })),
          ]}
          data-testid="incident-reply-status"
        />
      ) : null}
      {message ? (
        <div data-testid="incident-reply-message">
          <Alert kind={message.kind}>{message.text}</Alert>
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button disabled={pending} onClick={send} variant={mode === "note" ? "secondary" : "primary"} data-testid="incident-reply-send">
          {pending ? t("incidentsTimeline.reply.sending") : t(mode === "reply" ? "incidentsTimeline.reply.send" : "incidentsTimeline.reply.addNote")}
        </Button>
      </div>
    </div>
  );
}

/** Status, priority, category and assignee: each change is saved at once and lands on the timeline. */
export function IncidentControls({ id, status, priority, category, assigneeUserId }: { id: number; status: Status; priority: string; category: string; assigneeUserId: string | null }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<Message>(null);
  const assignees = useQuery(trpc.incidents.assignees.queryOptions());
  const opts = (text: string) => ({
    onSuccess: () => (setMessage({ kind: "success" as const, text }), router.refresh()),
    onError: (error: unknown) => setMessage({ kind: "error" as const, text: (error as Error).message }),
  });
  const setStatus = useMutation(trpc.incidents.setStatus.mutationOptions());
  const setPriority = useMutation(trpc.incidents.setPriority.mutationOptions());
  const setCategory = useMutation(trpc.incidents.setCategory.mutationOptions());
  const setAssignee = useMutation(trpc.incidents.setAssignee.mutationOptions());
  const reopen = useMutation(trpc.incidents.reopen.mutationOptions());
  const busy = setStatus.isPending || setPriority.isPending || setCategory.isPending || setAssignee.isPending || reopen.isPending;
  const saved = t("incidents.detail.saved");

  return (
    <div className="space-y-3" data-testid="incident-controls">
      <SelectField
        label={t("incidents.list.status")}
        value={status}
        disabled={busy}
        onChange={(e) => (setMessage(null), setStatus.mutate({ id, status: e.target.value as Status }, opts(saved)))}
        options={STATUSES.map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))}
        data-testid="incident-status"
      />
      <SelectField
        label={t("incidents.list.priority")}
        value={priority}
        disabled={busy}
        onChange={(e) => (setMessage(null), setPriority.mutate({ id, priority: e.target.value as (typeof PRIORITIES)[number] }, opts(saved)))}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`incidents.priority.${p}`) }))}
        data-testid="incident-priority"
      />
      <SelectField
        label={t("incidents.list.category")}
        value={category}
        disabled={busy}
        onChange={(e) => (setMessage(null), setCategory.mutate({ id, category: e.target.value as (typeof CATEGORIES)[number] }, opts(saved)))}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))}
        data-testid="incident-category"
      />
      <SelectField
        label={t("incidents.detail.assignee")}
        value={assigneeUserId ?? ""}
        disabled={busy || !assignees.data}
        onChange={(e) => (setMessage(null), setAssignee.mutate({ id, assigneeUserId: e.target.value || null }, opts(saved)))}
        options={[{ value: "", label: t("incidents.detail.nobody") }, ...(assignees.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
        data-testid="incident-assignee"
      />
      {status === "resolved" || status === "closed" ? (
        <Button variant="secondary" disabled={busy} onClick={() => (setMessage(null), reopen.mutate({ id }, opts(t("incidents.detail.reopened"))))} data-testid="incident-reopen">
          {t("incidents.detail.reopen")}
        </Button>
      ) : null}
      {message ? (
        <div data-testid="incident-controls-message">
          <Alert kind={message.kind}>{message.text}</Alert>
        </div>
      ) : null}
    </div>
  );
}
