"use client";

import { documentNo } from "@/app/_components/documents/document-link";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Badge, Alert, Card } from "@/app/_components/ui/card";
import { Button } from "@/app/_components/ui/button";
import { useLocale, useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";

type Preview = RouterOutputs["collections"]["previewBankFile"];
type Line = Preview["lines"][number];
type Applied = RouterOutputs["collections"]["applyBankFile"];
const MAX_BYTES = 1024 * 1024;
const TONE = { matched: "green", review: "amber", applied: "blue", invalid: "red" } as const;

/**
 * Upload → review → apply. The file is read in the browser and sent as text with each step (it is
 * small: 1 MB at most), so nothing waits on the server between the review and the apply; the
 * server parses and matches it again on apply and pays each line under its own idempotency key.
 */
export function BankFileScreen() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [decisions, setDecisions] = useState<Record<number, string>>({});
  const [result, setResult] = useState<Applied | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useMutation(trpc.collections.previewBankFile.mutationOptions());
  const apply = useMutation(trpc.collections.applyBankFile.mutationOptions());
  const money = (minor: number) => formatMoney(minor, preview?.currency ?? "BRL", locale);

  async function runPreview() {
    setError(null);
    setResult(null);
    const chosen = fileRef.current?.files?.[0];
    if (!chosen) return setError(t("collections.bank.chooseFirst"));
    if (chosen.size > MAX_BYTES) return setError(t("collections.bank.problem.tooLarge"));
    const content = await chosen.text();
    setFile({ name: chosen.name, content });
    check.mutate(
      { fileName: chosen.name, content },
      {
        onSuccess: (p) => {
          setPreview(p);
          // Matched lines are paid unless changed; review lines wait for a choice (or stay ignored).
          setDecisions(Object.fromEntries(p.lines.map((l) => [l.line, l.status === "matched" ? decisionOf(l) : ""])));
        },
        onError: (e) => (setPreview(null), setError(e.message)),
      },
    );
  }

  const payable = (preview?.lines ?? []).filter((l) => (l.status === "matched" || l.status === "review") && decisions[l.line]);
  const toPay = payable.reduce((s, l) => s + (l.amount ?? 0), 0);

  function runApply() {
    if (!file || !preview) return;
    setError(null);
    const list = preview.lines
      .filter((l) => l.status === "matched" || l.status === "review")
      .map((l) => {
        const d = decisions[l.line] ?? "";
        return d.startsWith("n:") ? { line: l.line, orderId: null, invoiceId: Number(d.slice(2)) } : { line: l.line, orderId: d ? Number(d) : null };
      });
    apply.mutate(
      { fileName: file.name, content: file.content, decisions: list },
      {
        onSuccess: (r) => {
          setResult(r);
          check.mutate({ fileName: file.name, content: file.content }, { onSuccess: setPreview });
        },
        onError: (e) => setError(e.message),
      },
    );
  }

  const outcomeOf = (line: number) => result?.outcomes.find((o) => o.line === line);

  return (
    <div className="space-y-6">
      <Card>
        <form
          className="flex flex-wrap items-end gap-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void runPreview();
          }}
        >
          <div className="min-w-72 flex-1">
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
              {t("collections.bank.file")}
            </label>
            <input
              ref={fileRef}
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
              data-testid="bank-file"
            />
          </div>
          <Button type="submit" variant="secondary" disabled={check.isPending} data-testid="bank-preview">
            {check.isPending ? t("collections.bank.previewing") : t("collections.bank.preview")}
          </Button>
        </form>
      </Card>
      {error ? (
        <div data-testid="bank-error">
          <Alert kind="error">{error}</Alert>
        </div>
      ) : null}
      {result ? (
        <div data-testid="bank-result">
          <Alert kind="success">{t("collections.bank.result", { paid: result.paid, amount: money(result.paidAmount), skipped: result.outcomes.length - result.paid })}</Alert>
        </div>
      ) : null}
      {preview ? (
        <section className="space-y-3">
          <p className="text-sm text-slate-700" data-testid="bank-summary">
            {t("collections.bank.summary", preview.summary)}
          </p>
          <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="bank-lines">
                <caption className="sr-only">{t("collections.bank.caption")}</caption>
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    {(["line", "date", "amount", "reference", "payer"] as const).map((c) => (
                      <th key={c} scope="col" className="px-3 py-2.5 font-medium">
                        {t(`collections.bank.${c}`)}
                      </th>
                    ))}
                    <th scope="col" className="px-3 py-2.5 font-medium">{t("collections.bank.statusHeader")}</th>
                    <th scope="col" className="px-3 py-2.5 font-medium">{t("collections.bank.match")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {preview.lines.map((l) => (
                    <BankLineRow key={l.line} line={l} money={money} decision={decisions[l.line] ?? ""} onDecide={(v) => setDecisions((d) => ({ ...d, [l.line]: v }))} outcome={outcomeOf(l.line)} />
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <div className="flex flex-wrap items-center justify-end gap-3">
            <span className="text-sm text-slate-700" data-testid="bank-to-apply">
              {t("collections.bank.toApply", { count: payable.length, amount: money(toPay) })}
            </span>
            <Button disabled={apply.isPending || !payable.length} onClick={runApply} data-testid="bank-apply">
              {apply.isPending ? t("collections.bank.applying") : t("collections.bank.apply")}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** A select value: an order's id, or "n:" and a debit note's id. */
const decisionOf = (l: Line) => (l.note ? `n:${l.note.id}` : String(l.order!.id));

function BankLineRow({ line: l, money, decision, onDecide, outcome }: { line: Line; money: (n: number) => string; decision: string; onDecide: (v: string) => void; outcome?: Applied["outcomes"][number] }) {
  const t = useT();
  const locale = useLocale();
  const date = l.date ? new Intl.DateTimeFormat(locale, { dateStyle: "short", timeZone: "UTC" }).format(new Date(`${l.date}T00:00:00Z`)) : "—";
  const options =
    l.status === "matched"
      ? [{ value: decisionOf(l), label: t("collections.bank.payMatched", { order: l.note ? `${t("invoices.kind.debit_note")} ${documentNo(l.note.number)}` : l.order!.number }) }]
      : l.candidates.map((c) => ({ value: String(c.id), label: t("collections.bank.candidate", { order: c.number, consultant: `${c.consultantName} (${c.consultantCode})` }) }));
  return (
    <tr data-testid={`bank-line-${l.line}`} data-status={l.status}>
      <td className="px-3 py-2 tabular-nums">{l.line}</td>
      <td className="whitespace-nowrap px-3 py-2 tabular-nums">{date}</td>
      <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{l.amount !== null ? money(l.amount) : "—"}</td>
      <td className="px-3 py-2">{l.reference}</td>
      <td className="px-3 py-2">{l.payer}</td>
      <td className="px-3 py-2">
        <Badge tone={TONE[l.status]}>{t(`collections.bank.status.${l.status}`)}</Badge>
        {outcome ? <div className="mt-1 text-xs text-slate-600" data-testid={`bank-outcome-${l.line}`}>{t(`collections.bank.outcome.${outcome.result}`)}</div> : null}
      </td>
      <td className="px-3 py-2">
        {l.status === "invalid" ? (
          <span className="text-xs text-red-700">{l.errors.map((e) => t(`collections.bank.lineError.${e}`)).join(" ")}</span>
        ) : l.status === "applied" ? (
          <span className="text-xs text-slate-600">{l.order?.number}</span>
        ) : (
          <div className="space-y-1">
            {l.reason ? (
              <p className="text-xs text-amber-800">
                {t(`collections.bank.reason.${l.reason}`)}
                {l.order && l.status === "review" ? ` (${l.order.number})` : l.note && l.status === "review" ? ` (ND ${documentNo(l.note.number)})` : ""}
              </p>
            ) : null}
            <label className="sr-only" htmlFor={`bank-decision-${l.line}`}>
              {t("collections.bank.decision", { line: l.line })}
            </label>
            <select
              id={`bank-decision-${l.line}`}
              value={decision}
              onChange={(e) => onDecide(e.target.value)}
              className="block w-full min-w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              data-testid={`bank-decision-${l.line}`}
            >
              <option value="">{t("collections.bank.ignore")}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </td>
    </tr>
  );
}
