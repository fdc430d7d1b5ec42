"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Badge, Card } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { formatMoneyInput, formatVolumeInput } from "@/server/commerce/money";
import { LOCALES, type Locale } from "@/server/i18n/locales";

type Product = RouterOutputs["catalogue"]["get"];
type Texts = Record<Locale, string>;

const texts = (v: Partial<Texts> | undefined): Texts => ({ "pt-BR": v?.["pt-BR"] ?? "", es: v?.es ?? "", en: v?.en ?? "" });

/**
 * Create or edit a product. Prices and points are typed as the user writes numbers ("49,90" in
 * pt-BR, "49.90" in English) and sent as text: the server reads them in the user's locale into
 * integers and answers with an error per bad field, in the user's language.
 */
export function ProductForm({ product, currency, notice }: { product?: Product; currency: string; notice?: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const money = (v: number | undefined) => (v === undefined ? "" : formatMoneyInput(v, currency, locale));
  const points = (v: number | undefined) => (v === undefined ? "" : formatVolumeInput(v, locale));
  const [sku, setSku] = useState(product?.sku ?? "");
  const [name, setName] = useState<Texts>(texts(product?.name));
  const [description, setDescription] = useState<Texts>(texts(product?.description));
  const [retailPrice, setRetail] = useState(money(product?.retailPrice));
  const [consultantPrice, setConsultant] = useState(money(product?.consultantPrice));
  const [pv, setPv] = useState(points(product?.pv));
  const [cv, setCv] = useState(points(product?.cv));
  const [photoUrl, setPhotoUrl] = useState(product?.photoUrl ?? "");
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const fileInput = useRef<HTMLInputElement>(null);

  const onSaved = async () => queryClient.invalidateQueries({ queryKey: trpc.catalogue.pathKey() });
  const create = useMutation(
    trpc.catalogue.create.mutationOptions({
      onSuccess: async (p) => {
        await onSaved();
        router.push(`/admin/catalogue/${p.id}?created=1`);
      },
    }),
  );
  const update = useMutation(
    trpc.catalogue.update.mutationOptions({
      onSuccess: async () => {
        await onSaved();
        router.refresh(); // the page header shows the SKU
      },
    }),
  );
  const save = product ? update : create;
  const errors = fieldErrorsOf(save.error);
  // The sentence on top, unless it only repeats the one field error shown under its input.
  const general = save.error && !Object.values(errors).some((list) => list.includes(save.error!.message)) ? save.error.message : null;

  async function sendPhoto(file: File) {
    setUpload({ busy: true, error: null });
    try {
      const res = await fetch("/api/catalogue/photo", { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
      const body = (await res.json().catch(() => null)) as { url?: string; error?: { message: string } } | null;
      if (!res.ok || !body?.url) setUpload({ busy: false, error: body?.error?.message ?? t("errors.internal") });
      else {
        setPhotoUrl(body.url);
        setUpload({ busy: false, error: null });
      }
    } catch {
      setUpload({ busy: false, error: t("errors.internal") });
    }
  }

  const example = formatMoneyInput(4990, currency, locale);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const values = { sku, name, description, retailPrice, consultantPrice, pv, cv, photoUrl: photoUrl || null };
    if (product) update.mutate({ ...values, id: product.id });
    else create.mutate(values);
  };

  return (
    <form className="max-w-4xl space-y-6" noValidate onSubmit={submit} data-testid="product-form">
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {general ? <Alert kind="error">{general}</Alert> : null}
      {update.isSuccess && !update.isPending ? <Alert kind="success">{t("catalogue.form.saved")}</Alert> : null}
      {product ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Badge tone={product.active ? "green" : "slate"}>{t(product.active ? "catalogue.active" : "catalogue.inactive")}</Badge>
          {t(product.active ? "catalogue.form.activeNow" : "catalogue.form.inactiveNow")}
        </p>
      ) : null}

      <fieldset disabled={save.isPending} className="space-y-6">
        <Card title={t("catalogue.form.identity")}>
          <TextField
            className="max-w-sm"
            label={t("catalogue.form.sku")}
            hint={t("catalogue.form.skuHint")}
            value={sku}
            onChange={(e) => setSku(e.target.value)}
            errors={errors.sku}
            maxLength={40}
            autoComplete="off"
            data-testid="product-sku"
          />
        </Card>

        <Card title={t("catalogue.form.names")}>
          <p className="-mt-2 mb-4 text-sm text-slate-500">{t("catalogue.form.namesHint")}</p>
          <div className="grid gap-5 md:grid-cols-3">
            {LOCALES.map((l) => (
              <div key={l} className="space-y-3">
                <TextField
                  label={t("catalogue.form.name", { language: t(`catalogue.languages.${l}`) })}
                  value={name[l]}
                  onChange={(e) => setName({ ...name, [l]: e.target.value })}
                  errors={errors[`name.${l}`]}
                  maxLength={120}
                  required={l === "pt-BR"}
                  data-testid={`product-name-${l}`}
                />
                <TextAreaField
                  label={t("catalogue.form.descriptionField", { language: t(`catalogue.languages.${l}`) })}
                  rows={3}
                  value={description[l]}
                  onChange={(e) => setDescription({ ...description, [l]: e.target.value })}
                  errors={errors[`description.${l}`]}
                  maxLength={2000}
                  data-testid={`product-description-${l}`}
                />
              </div>
            ))}
          </div>
        </Card>

        <Card title={t("catalogue.form.prices")}>
          <p className="-mt-2 mb-4 text-sm text-slate-500">{t("catalogue.form.pricesHint", { currency, example })}</p>
          <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
            <TextField label={t("catalogue.form.retailPrice")} inputMode="decimal" value={retailPrice} onChange={(e) => setRetail(e.target.value)} errors={errors.retailPrice} data-testid="product-retail" />
            <TextField label={t("catalogue.form.consultantPrice")} inputMode="decimal" value={consultantPrice} onChange={(e) => setConsultant(e.target.value)} errors={errors.consultantPrice} data-testid="product-consultant" />
            <TextField label={t("catalogue.form.pv")} inputMode="decimal" value={pv} onChange={(e) => setPv(e.target.value)} errors={errors.pv} hint={t("catalogue.form.volumeHint", { example: formatVolumeInput(1550, locale) })} data-testid="product-pv" />
            <TextField label={t("catalogue.form.cv")} inputMode="decimal" value={cv} onChange={(e) => setCv(e.target.value)} errors={errors.cv} data-testid="product-cv" />
          </div>
        </Card>

        <Card title={t("catalogue.form.photo")}>
          <div className="flex flex-wrap items-start gap-5">
            <div className="h-32 w-32 shrink-0 overflow-hidden rounded-md bg-slate-100 ring-1 ring-slate-200">
              {photoUrl ? <img src={photoUrl} alt={t("catalogue.form.preview")} className="h-full w-full object-cover" data-testid="product-photo-preview" /> : null}
            </div>
            <div className="min-w-64 flex-1 space-y-3">
              <TextField
                label={t("catalogue.form.photoUrl")}
                hint={t("catalogue.form.photoHint")}
                type="url"
                value={photoUrl}
                onChange={(e) => setPhotoUrl(e.target.value)}
                errors={errors.photoUrl ?? (upload.error ? [upload.error] : undefined)}
                maxLength={500}
                data-testid="product-photo-url"
              />
              <div className="flex flex-wrap gap-2">
                <input
                  ref={fileInput}
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  className="sr-only"
                  tabIndex={-1}
                  aria-hidden
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void sendPhoto(file);
                    e.target.value = "";
                  }}
                  data-testid="product-photo-file"
                />
                <Button variant="secondary" disabled={upload.busy} onClick={() => fileInput.current?.click()} data-testid="product-photo-upload">
                  {upload.busy ? t("catalogue.form.uploading") : t("catalogue.form.upload")}
                </Button>
                {photoUrl ? (
                  <Button variant="ghost" onClick={() => setPhotoUrl("")}>
                    {t("catalogue.form.removePhoto")}
                  </Button>
                ) : null}
              </div>
            </div>
          </div>
        </Card>

        <div className="flex items-center gap-3">
          <Button type="submit" data-testid="product-save">
            {save.isPending ? t("catalogue.form.saving") : t("catalogue.form.save")}
          </Button>
          <a href="/admin/catalogue" className="text-sm text-brand-700 hover:underline">
            {t("catalogue.form.back")}
          </a>
        </div>
      </fieldset>
    </form>
  );
}
