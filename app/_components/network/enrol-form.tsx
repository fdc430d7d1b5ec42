"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConsultantPicker, type PickedConsultant } from "@/app/_components/network/consultant-picker";
import { usePlacementSlots } from "@/app/_components/network/placement-slots";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { LOCALES, type Locale } from "@/server/i18n/locales";
import { DOCUMENT_TYPES, type DocumentType } from "@/server/network/documents";

/** "company": send no rule, so the server applies the company's default (company settings). */
const RULES = ["company", "breadth_first", "weaker_leg", "extreme_left", "extreme_right", "manual"] as const;
type Rule = (typeof RULES)[number];
export type EnrolledConsultant = RouterOutputs["consultantRecords"]["enrol"];

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

/**
 * Who the sponsor is. Staff pick anyone; a consultant enrols under themselves, so the form only
 * says so (the server forces the same, whatever a client sends).
 */
export type SponsorChoice = { kind: "pick" } | { kind: "self"; fullName: string; code: string };

/**
 * The enrolment form shared by the admin and the portal: personal data, address, sponsor and
 * placement rule; field errors from the server under each field; success shows the new code and a
 * link to the new person (`createdLink`).
 */
export function EnrolForm(props: {
  sponsor: SponsorChoice;
  /** Where the success screen sends the user to see the new person, and the link's words. */
  createdLink: (created: EnrolledConsultant) => { href: string; label: string };
  /** Extra words under the placement position picker (the portal says whose subtree it is). */
  placementParentHint?: string;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [generation, setGeneration] = useState(0);
  const [fields, setFields] = useState<TextFields>(EMPTY);
  const [documentType, setDocumentType] = useState<DocumentType>("CPF");
  const [locale, setLocale] = useState<Locale>("pt-BR");
  const [sponsor, setSponsor] = useState<PickedConsultant | null>(null);
  const [rule, setRule] = useState<Rule>("company");
  const [parent, setParent] = useState<PickedConsultant | null>(null);
  const [slot, setSlot] = useState("1");
  const slots = usePlacementSlots();
  const settings = useQuery(trpc.settings.network.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const ruleLabel = (r: Rule) =>
    r === "company"
      ? t("settings.companyRuleOption", { rule: settings.data ? t(`network.enrol.rules.${settings.data.defaultPlacementRule}`) : "…" })
      : t(`network.enrol.rules.${r}`);
  // Stored slots are 1..n; the procedure takes binary legs as "L"/"R" and matrix positions as numbers.
  const slotInput = (value: string) => (slots.shape?.kind === "matrix" ? Number(value) : value === "2" ? "R" : "L");
  const [missingParent, setMissingParent] = useState(false);

  const queryClient = useQueryClient();
  const enrol = useMutation(
    trpc.consultantRecords.enrol.mutationOptions({
      // Trees and lists read earlier in this visit are cached: the new person must show up in them.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.network.pathKey() }),
    }),
  );
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
    setRule("company");
    setParent(null);
    setSlot("1");
    setMissingParent(false);
    enrol.reset();
    setGeneration((g) => g + 1);
  }

  if (enrol.isSuccess) {
    const created = enrol.data;
    const link = props.createdLink(created);
    return (
      <div className="space-y-4" data-testid="enrol-success">
        <Alert kind="success">
          <span data-testid="enrol-success-code">{t("network.enrol.success", { code: created.code })}</span>
        </Alert>
        <div className="flex flex-wrap gap-3">
          <Link
            href={link.href}
            className="inline-flex items-center rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            data-testid="enrol-open-profile"
          >
            {link.label}
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
          sponsorId: props.sponsor.kind === "pick" ? (sponsor?.id ?? null) : null,
          placement: rule === "manual" ? (parent ? { rule: "manual", parentId: parent.id, slot: slotInput(slot) } : undefined) : rule === "company" ? undefined : { rule },
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
          {props.sponsor.kind === "pick" ? (
            <PickedField
              label={t("network.enrol.sponsor")}
              hint={t("network.enrol.sponsorHint")}
              value={sponsor}
              onChange={setSponsor}
              testId="enrol-sponsor"
              errors={errors.sponsorId}
            />
          ) : (
            <div data-testid="enrol-sponsor-self">
              <p className="text-sm font-medium text-slate-700">{t("network.enrol.sponsor")}</p>
              <p className="mt-1 text-sm text-slate-900">{t("portal.enrol.sponsorSelf", { name: props.sponsor.fullName, code: props.sponsor.code })}</p>
            </div>
          )}
          <SelectField
            label={t("network.enrol.placementRule")}
            value={rule}
            onChange={(e) => {
              setRule(e.target.value as Rule);
              setMissingParent(false);
            }}
            options={RULES.map((r) => ({ value: r, label: ruleLabel(r) }))}
            errors={errors["placement.rule"] ?? errors.placement}
            data-testid="enrol-placement-rule"
          />
          {rule === "manual" ? (
            <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
              <PickedField
                label={t("network.enrol.placementParent")}
                hint={props.placementParentHint}
                value={parent}
                onChange={(c) => {
                  setParent(c);
                  if (c) setMissingParent(false);
                }}
                testId="enrol-placement-parent"
                errors={parentErrors}
              />
              <SelectField
                label={slots.shape?.kind === "matrix" ? t("settings.positionLabel") : t("network.enrol.slot")}
                value={slot}
                onChange={(e) => setSlot(e.target.value)}
                options={slots.options}
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
