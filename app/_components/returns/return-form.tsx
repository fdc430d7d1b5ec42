"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoney } from "@/server/commerce/money";

type Order = RouterOutputs["returns"]["myOrder"];
type Photo = { key: string; name: string };
const MAX_PHOTOS = 5;
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/**
 * The request form, the same for a consultant (portal) and for staff: what to do (return or
 * exchange), how many of each item (never more than the server says is left), the replacement for
 * an exchange, the reason, notes and photos. The server checks everything again under a lock.
 */
export function ReturnForm({ order, mode, onCreated }: { order: Order; mode: "portal" | "staff"; onCreated: (id: number) => void }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [kind, setKind] = useState<"return" | "exchange">("return");
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [replacements, setReplacements] = useState<Record<number, string>>({});
  const [reasonId, setReasonId] = useState("");
  const [notes, setNotes] = useState("");
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const fileRef = useRef<HTMLInputElement>(null);
  const photoInput = useId();
  const reasons = useQuery(trpc.returns.reasons.queryOptions());
  const catalogue = useQuery({ ...trpc.orders.catalogue.queryOptions(), enabled: kind === "exchange" });
  const portal = useMutation(trpc.returns.myCreate.mutationOptions());
  const staff = useMutation(trpc.returns.create.mutationOptions());
  const mutation = mode === "portal" ? portal : staff;
  const money = (minor: number) => formatMoney(minor, order.currency, locale);

  const chosen = order.lines.filter((l) => Number(quantities[l.id] ?? 0) > 0);
  const lineError = (lineId: number, field: string) => {
    const i = chosen.findIndex((l) => l.id === lineId);
    return i < 0 ? undefined : fieldErrors[`lines.${i}.${field}`];
  };

  async function addPhoto() {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setPhotoError(null);
    if (photos.length >= MAX_PHOTOS) return setPhotoError(t("returns.form.photoTooMany", { count: MAX_PHOTOS }));
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return setPhotoError(t("returns.form.photoType"));
    if (file.size > MAX_PHOTO_BYTES) return setPhotoError(t("returns.form.photoTooLarge", { max: "5 MB" }));
    setUploading(true);
    try {
      const res = await fetch("/api/returns/photos", { method: "POST", headers: { "Content-Type": file.type }, body: file });
      const body = (await res.json().catch(() => null)) as { key?: string; error?: { message: string } } | null;
      if (res.status === 201 && body?.key) setPhotos((p) => [...p, { key: body.key!, name: file.name }]);
      else setPhotoError(body?.error?.message ?? t("errors.internal"));
    } catch {
      setPhotoError(t("errors.internal"));
    } finally {
      setUploading(false);
      if (fileRef.current) fileRef.current.value = "";
    }
  }

  function submit() {
    setFormError(null);
    setFieldErrors({});
    if (!chosen.length) return setFormError(t("returns.form.pickSomething"));
    const input = {
      orderId: order.id,
      kind,
      reasonId: Number(reasonId) || 0,
      notes: notes.trim() || null,
      photos: photos.map((p) => p.key),
      lines: chosen.map((l) => ({ orderLineId: l.id, quantity: Number(quantities[l.id]), replacementProductId: kind === "exchange" ? Number(replacements[l.id]) || null : null })),
    };
    mutation.mutate(input, {
      onSuccess: (request) => onCreated(request.id),
      onError: (error) => {
        setFieldErrors(fieldErrorsOf(error));
        setFormError(error.message);
      },
    });
  }

  const products = catalogue.data ?? [];
  const priceOf = (p: (typeof products)[number]) => (order.customerId === null ? p.consultantPrice : p.retailPrice);
  return (
    <form
      className="space-y-6"
      noValidate
      data-testid="return-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t("returns.form.kind")}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(["return", "exchange"] as const).map((k) => (
            <label key={k} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`return-kind-${k}`} />
              {t(`returns.kind.${k}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">{t("returns.form.kindHint")}</p>
      </fieldset>

      <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("returns.form.lines")}</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t("returns.form.product")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("returns.form.bought")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("returns.form.available")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("returns.form.quantity")}</th>
              {kind === "exchange" ? <th scope="col" className="px-3 py-2 font-medium">{t("returns.form.replacement")}</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {order.lines.map((l) => {
              const qErr = lineError(l.id, "quantity");
              const rErr = lineError(l.id, "replacementProductId");
              return (
                <tr key={l.id} data-testid={`return-line-${l.id}`}>
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-900">{l.name}</div>
                    <div className="text-xs text-slate-500">
                      {l.sku} · {money(l.unitPrice)}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{l.quantity}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{l.available}</td>
                  <td className="px-3 py-2">
                    {l.available > 0 ? (
                      <>
                        <input
                          type="number"
                          min={0}
                          max={l.available}
                          inputMode="numeric"
                          aria-label={t("returns.form.quantityOf", { name: l.name })}
                          aria-invalid={qErr ? true : undefined}
                          value={quantities[l.id] ?? ""}
                          placeholder="0"
                          onChange={(e) => setQuantities((q) => ({ ...q, [l.id]: e.target.value }))}
                          className={`w-20 rounded-md border px-2 py-1.5 text-sm tabular-nums ${qErr ? "border-red-500" : "border-slate-300"}`}
                          data-testid={`return-qty-${l.id}`}
                        />
                        {qErr ? (
                          <p role="alert" className="mt-1 max-w-56 text-xs text-red-700">
                            {qErr.join(" ")}
                          </p>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-xs text-slate-500">{t("returns.form.nothingLeft")}</span>
                    )}
                  </td>
                  {kind === "exchange" ? (
                    <td className="px-3 py-2">
                      {l.available > 0 ? (
                        <SelectField
                          label={t("returns.form.replacementOf", { name: l.name })}
                          className="[&>label]:sr-only"
                          value={replacements[l.id] ?? ""}
                          onChange={(e) => setReplacements((r) => ({ ...r, [l.id]: e.target.value }))}
                          options={[{ value: "", label: t("returns.form.chooseReplacement") }, ...products.map((p) => ({ value: String(p.id), label: `${(locale !== "pt-BR" && p.name[locale]) || p.name["pt-BR"]} · ${money(priceOf(p))}` }))]}
                          errors={rErr}
                          data-testid={`return-replacement-${l.id}`}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <SelectField
        label={t("returns.form.reason")}
        value={reasonId}
        onChange={(e) => setReasonId(e.target.value)}
        options={[{ value: "", label: t("returns.form.chooseReason") }, ...(reasons.data ?? []).map((r) => ({ value: String(r.id), label: (locale !== "pt-BR" && r.name[locale]) || r.name["pt-BR"] }))]}
        errors={fieldErrors.reasonId}
        data-testid="return-reason"
      />
      <TextAreaField label={t("returns.form.notes")} hint={t("returns.form.notesHint")} value={notes} maxLength={1000} rows={3} onChange={(e) => setNotes(e.target.value)} errors={fieldErrors.notes} data-testid="return-notes" />

      <div>
        <label htmlFor={photoInput} className="block text-sm font-medium text-slate-700">
          {t("returns.form.photos")}
        </label>
        <p className="text-xs text-slate-500">{t("returns.form.photosHint", { count: MAX_PHOTOS, max: "5 MB" })}</p>
        <input
          ref={fileRef}
          id={photoInput}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={uploading || photos.length >= MAX_PHOTOS}
          onChange={() => void addPhoto()}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
          data-testid="return-photo"
        />
        {uploading ? <p className="mt-1 text-xs text-slate-600">{t("returns.form.photoUploading")}</p> : null}
        {photoError ? (
          <p role="alert" className="mt-1 text-xs text-red-700" data-testid="return-photo-error">
            {photoError}
          </p>
        ) : null}
        {photos.length ? (
          <ul className="mt-2 flex flex-wrap gap-2" data-testid="return-photos">
            {photos.map((p, i) => (
              <li key={p.key} className="inline-flex items-center gap-2 rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-700">
                {p.name}
                <button type="button" className="text-slate-500 hover:text-red-700" aria-label={t("returns.form.photoRemove", { n: i + 1 })} onClick={() => setPhotos((all) => all.filter((x) => x.key !== p.key))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {formError ? (
        <div data-testid="return-form-error">
          <Alert kind="error">{formError}</Alert>
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={mutation.isPending || uploading} data-testid="return-submit">
          {mutation.isPending ? t("returns.form.submitting") : t("returns.form.submit")}
        </Button>
      </div>
    </form>
  );
}
