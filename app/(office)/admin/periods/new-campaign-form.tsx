"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";

/** Code, name and dates of a new campaign; an overlap comes back naming the period in the way. */
export function NewCampaignForm(props: { onCreated: (code: string, id: number) => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const create = useMutation(
    trpc.periods.createCampaign.mutationOptions({
      onSuccess: async (row) => {
        await queryClient.invalidateQueries({ queryKey: trpc.periods.pathKey() });
        props.onCreated(row.code, row.id);
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const general = create.error && !Object.values(errors).some((list) => list.includes(create.error!.message)) ? create.error.message : null;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ code, name, startsOn, endsOn });
      }}
    >
      {general ? <Alert kind="error">{general}</Alert> : null}
      <fieldset disabled={create.isPending} className="space-y-4">
        <TextField label={t("periods.form.code")} hint={t("periods.form.codeHint")} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} errors={errors.code} maxLength={24} autoComplete="off" data-testid="campaign-code" />
        <TextField label={t("periods.form.name")} value={name} onChange={(e) => setName(e.target.value)} errors={errors.name} maxLength={80} data-testid="campaign-name" />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField type="date" label={t("periods.form.startsOn")} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} errors={errors.startsOn} data-testid="campaign-starts" />
          <TextField type="date" label={t("periods.form.endsOn")} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} errors={errors.endsOn} data-testid="campaign-ends" />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={props.onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" data-testid="campaign-create">
            {create.isPending ? t("periods.form.creating") : t("periods.form.create")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
