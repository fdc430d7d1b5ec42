"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConsultantPicker, type PickedConsultant } from "@/app/_components/network/consultant-picker";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { LOCALES, type Locale } from "@/server/i18n/locales";
import { DOCUMENT_TYPES, type DocumentType } from "@/server/network/documents";
import { SelectField } from "../../_components/select-field";

const RULES = ["breadth_first", "weaker_leg", "extreme_left", "extreme_right", "manual"] as const;
type Rule = (typeof RULES)[number];
type Slot = "L" | "R";

const EMPTY = {
  fullName: "",
  email: "",
  phone: "",
  documentNumber: "",
  birthday: "",
  addressLine: "",
  postalCode: "",
  city: "",
  state: "",
  country: "BR",
};
type TextFields = typeof EMPTY;

/** A picker with the chosen consultant spelled out under it, and a way to take the choice back. */
function PickedField(props: {
  label: string;
  hint?: string;
  value: PickedConsultant | null;
  onChange: (c: PickedConsultant | null) => void;
  testId: string;
  errors?: string[];
}) {
  const t = useT();
  const [generation, setGeneration] = useState(0);
  return (
    <div>
      <ConsultantPicker key={generation} label={props.label} onPick={props.onChange} testId={props.testId} errors={props.errors} />
      {props.hint && !props.value ? <p className="mt-1 text-xs text-slate-500">{props.hint}</p> : null}
      {props.value ? (
        <p className="mt-1 flex items-center gap-2 text-xs text-slate-600" data-testid={`${props.testId}-chosen`}>
          <span>{t("network.enrol.selected", { name: props.value.fullName, code: props.value.code })}</span>
          <button
            type="button"
            className="rounded text-brand-700 underline hover:text-brand-900"
            aria-label={`${t("network.enrol.clear")}: ${props.label}`}
            onClick={() => {
              props.onChange(null);
              setGeneration((g) => g + 1);
            }}
          >
            {t("network.enrol.clear")}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The enrolment form: personal data, sponsor and placement rule. Success shows the new code. */
export function EnrolForm() {
  const t = useT();
  const trpc = useTRPC();
  const [generation, setGeneration] = useState(0);
  const [fields, setFields] = useState<TextFields>(EMPTY);
  const [documentType, setDocumentType] = useState<DocumentType>("CPF");
  const [locale, setLocale] = useState<Locale>("pt-BR");
  const [sponsor, setSponsor] = useState<PickedConsultant | null>(null);
  const [rule, setRule] = useState<Rule>("breadth_first");
  const [parent, setParent] = useState<PickedConsultant | null>(null);
  const [slot, setSlot] = useState<Slot>("L");
  const [missingParent, setMissingParent] = useState(false);

  const enrol = useMutation(trpc.consultantRecords.enrol.mutationOptions());
  const errors = fieldErrorsOf(enrol.error);
  const hasFieldErrors = Object.keys(errors).length > 0 || missingParent;
  const parentErrors = missingParent ? [t("network.enrol.pickParent")] : errors["placement.parentId"];

  const text = (name: keyof TextFields) => ({
    value: fields[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setFields((f) => ({ ...f, [name]: e.target.value })),
    errors: errors[name],
  });

  function reset() {
    setFields(EMPTY);
    setDocumentType("CPF");
    setLocale("pt-BR");
    setSponsor(null);
    setRule("breadth_first");
    setParent(null);
    setSlot("L");
    setMissingParent(false);
    enrol.reset();
    setGeneration((g) => g + 1);
  }

  if (enrol.isSuccess) {
    const created = enrol.data;
    return (
      <div className="space-y-4" data-testid="enrol-success">
        <Alert kind="success">
          <span data-testid="enrol-success-code">{t("network.enrol.success", { code: created.code })}</span>
        </Alert>
        <div className="flex flex-wrap gap-3">
          <Link
            href={`/admin/network/${created.id}`}
            className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            data-testid="enrol-open-profile"
          >
            {t("network.enrol.openProfile")}
          </Link>
          <Button variant="secondary" onClick={reset} data-testid="enrol-another">
            {t("network.enrol.another")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      key={generation}
      className="space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const needsParent = rule === "manual" && !parent;
        setMissingParent(needsParent);
        if (needsParent) return;
        enrol.mutate({
          fullName: fields.fullName,
          email: fields.email,
          phone: fields.phone || null,
          documentType,
          documentNumber: fields.documentNumber,
          birthday: fields.birthday || null,
          addressLine: fields.addressLine || null,
          postalCode: fields.postalCode || null,
          city: fields.city || null,
          state: fields.state || null,
          country: fields.country,
          locale,
          sponsorId: sponsor?.id ?? null,
          placement: rule === "manual" && parent ? { rule: "manual", parentId: parent.id, slot } : { rule: rule === "manual" ? "breadth_first" : rule },
        });
      }}
    >
      {enrol.error ? (
        <div data-testid="enrol-error">
          <Alert kind="error">{hasFieldErrors ? t("network.enrol.errorSummary") : enrol.error.message}</Alert>
        </div>
      ) : missingParent ? (
        <div data-testid="enrol-error">
          <Alert kind="error">{t("network.enrol.errorSummary")}</Alert>
        </div>
      ) : null}

      <Card title={t("network.enrol.personal")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("network.enrol.fullName")} required autoComplete="name" maxLength={120} {...text("fullName")} data-testid="enrol-full-name" className="sm:col-span-2" />
          <TextField label={t("network.enrol.email")} type="email" required autoComplete="email" maxLength={254} {...text("email")} data-testid="enrol-email" />
          <TextField label={t("network.enrol.phone")} type="tel" autoComplete="tel" maxLength={40} {...text("phone")} data-testid="enrol-phone" />
          <SelectField
            label={t("network.enrol.documentType")}
            value={documentType}
            onChange={(e) => setDocumentType(e.target.value as DocumentType)}
            options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`network.enrol.documentTypes.${d}`) }))}
            errors={errors.documentType}
            data-testid="enrol-document-type"
          />
          <TextField label={t("network.enrol.documentNumber")} required maxLength={40} {...text("documentNumber")} data-testid="enrol-document-number" />
          <TextField label={t("network.enrol.birthday")} type="date" autoComplete="bday" {...text("birthday")} data-testid="enrol-birthday" />
          <SelectField
            label={t("network.enrol.locale")}
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
            options={LOCALES.map((l) => ({ value: l, label: t(`network.enrol.localeNames.${l}`) }))}
            errors={errors.locale}
            data-testid="enrol-locale"
          />
        </div>
      </Card>

      <Card title={t("network.enrol.address")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("network.enrol.addressLine")} autoComplete="street-address" maxLength={200} {...text("addressLine")} data-testid="enrol-address-line" className="sm:col-span-2" />
          <TextField label={t("network.enrol.postalCode")} autoComplete="postal-code" maxLength={20} {...text("postalCode")} data-testid="enrol-postal-code" />
          <TextField label={t("network.enrol.city")} autoComplete="address-level2" maxLength={80} {...text("city")} data-testid="enrol-city" />
          <TextField label={t("network.enrol.state")} autoComplete="address-level1" maxLength={80} {...text("state")} data-testid="enrol-state" />
          <TextField
            label={t("network.enrol.country")}
            hint={t("network.enrol.countryHint")}
            autoComplete="country"
            maxLength={2}
            {...text("country")}
            data-testid="enrol-country"
          />
        </div>
      </Card>

      <Card title={t("network.enrol.networkSection")}>
        <div className="space-y-4">
          <PickedField
            label={t("network.enrol.sponsor")}
            hint={t("network.enrol.sponsorHint")}
            value={sponsor}
            onChange={setSponsor}
            testId="enrol-sponsor"
            errors={errors.sponsorId}
          />
          <SelectField
            label={t("network.enrol.placementRule")}
            value={rule}
            onChange={(e) => {
              setRule(e.target.value as Rule);
              setMissingParent(false);
            }}
            options={RULES.map((r) => ({ value: r, label: t(`network.enrol.rules.${r}`) }))}
            errors={errors["placement.rule"] ?? errors.placement}
            data-testid="enrol-placement-rule"
          />
          {rule === "manual" ? (
            <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
              <PickedField
                label={t("network.enrol.placementParent")}
                value={parent}
                onChange={(c) => {
                  setParent(c);
                  if (c) setMissingParent(false);
                }}
                testId="enrol-placement-parent"
                errors={parentErrors}
              />
              <SelectField
                label={t("network.enrol.slot")}
                value={slot}
                onChange={(e) => setSlot(e.target.value as Slot)}
                options={[
                  { value: "L", label: t("network.tree.leg.1") },
                  { value: "R", label: t("network.tree.leg.2") },
                ]}
                errors={errors["placement.slot"]}
                data-testid="enrol-placement-slot"
              />
            </div>
          ) : null}
        </div>
      </Card>

      <div className="flex justify-end">
        <Button type="submit" disabled={enrol.isPending} data-testid="enrol-submit">
          {enrol.isPending ? t("network.enrol.working") : t("network.enrol.submit")}
        </Button>
      </div>
    </form>
  );
}
