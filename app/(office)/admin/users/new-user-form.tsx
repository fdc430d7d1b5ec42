"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import type { Role } from "@/server/auth/permissions";
import { LOCALES, type Locale } from "@/server/i18n/locales";
import { SelectField } from "../_components/select-field";
import { RoleCheckboxes } from "./role-checkboxes";

/** Creates a staff member; the server's field errors appear under the matching inputs. */
export function NewUserForm({ onCreated, onCancel }: { onCreated: (email: string) => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<Role[]>([]);
  const uiLocale = useLocale();
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (_data, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onCreated(input.email.trim().toLowerCase());
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const roleErrors = Object.entries(errors).flatMap(([field, messages]) => (field.startsWith("roles") ? messages : []));
  // A general message only when no field explains the refusal (e.g. a lost connection).
  const general = create.error && Object.keys(errors).length === 0 ? create.error.message : null;

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, email, roles, locale });
      }}
    >
      <p className="text-sm text-slate-600">{t("admin.users.newUserHelp")}</p>
      {general ? <Alert kind="error">{general}</Alert> : null}
      <TextField label={t("admin.users.name")} name="name" value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} required maxLength={200} autoComplete="off" data-testid="new-user-name" />
      <TextField label={t("admin.users.email")} name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} errors={errors.email} required maxLength={320} autoComplete="off" data-testid="new-user-email" />
      <RoleCheckboxes legend={t("admin.users.roles")} value={roles} onChange={setRoles} errors={roleErrors} disabled={create.isPending} />
      <SelectField
        label={t("admin.users.emailLanguage")}
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
        options={LOCALES.map((l) => ({ value: l, label: t(`common.locales.${l}`) }))}
        errors={errors.locale}
        data-testid="new-user-locale"
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={create.isPending} data-testid="new-user-submit">
          {create.isPending ? t("admin.users.creating") : t("admin.users.create")}
        </Button>
      </div>
    </form>
  );
}
