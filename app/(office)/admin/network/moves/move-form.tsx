"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ConsultantPicker, type PickedConsultant } from "@/app/_components/network/consultant-picker";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { usePlacementSlots } from "@/app/_components/network/placement-slots";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { SelectField } from "../../_components/select-field";

type Slot = string;

/** One picker with the chosen consultant spelled out under it, and a way to take the choice back. */
function PickedField(props: { label: string; value: PickedConsultant | null; onChange: (c: PickedConsultant | null) => void; testId: string; errors?: string[] }) {
  const t = useT();
  // The picker keeps its own text; a new key gives an empty box after "clear".
  const [generation, setGeneration] = useState(0);
  return (
    <div>
      <ConsultantPicker key={generation} label={props.label} onPick={props.onChange} testId={props.testId} errors={props.errors} />
      {props.value ? (
        <p className="mt-1 flex items-center gap-2 text-xs text-slate-600" data-testid={`${props.testId}-chosen`}>
          <span>{t("network.moves.selected", { name: props.value.fullName, code: props.value.code })}</span>
          <button
            type="button"
            className="rounded text-brand-700 underline hover:text-brand-900"
            aria-label={`${t("network.moves.clear")}: ${props.label}`}
            onClick={() => {
              props.onChange(null);
              setGeneration((g) => g + 1);
            }}
          >
            {t("network.moves.clear")}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** Drafts a one-consultant move. Nothing changes in the network until the draft is committed. */
export function MoveForm({ onCreated }: { onCreated: (id: number) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const [consultant, setConsultant] = useState<PickedConsultant | null>(null);
  const [sponsor, setSponsor] = useState<PickedConsultant | null>(null);
  const [parent, setParent] = useState<PickedConsultant | null>(null);
  const [slot, setSlot] = useState<Slot>("1");
  const slots = usePlacementSlots();
  const [withDownline, setWithDownline] = useState(true);
  const [note, setNote] = useState("");
  const [missingConsultant, setMissingConsultant] = useState(false);
  const hintId = useId();

  const draft = useMutation(
    trpc.network.draftMove.mutationOptions({
      onSuccess: async (id) => {
        await queryClient.invalidateQueries({ queryKey: trpc.network.changeSets.queryKey() });
        setConsultant(null);
        setSponsor(null);
        setParent(null);
        setSlot("1");
        setWithDownline(true);
        setNote("");
        setGeneration((g) => g + 1);
        onCreated(id);
      },
    }),
  );

  const errors = fieldErrorsOf(draft.error);
  const item = (field: string) => errors[`items.0.${field}`];
  const consultantErrors = missingConsultant ? [t("network.moves.pick")] : item("consultantId");
  const all = [...new Set([...(consultantErrors ?? []), ...Object.values(errors).flat()])];
  // An error summary on top (named by testid for the browser tests), details under each field.
  const summary = all.length ? all.join(" ") : draft.error?.message;

  return (
    <form
      key={generation}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setMissingConsultant(!consultant);
        if (!consultant) return;
        draft.mutate({
          note,
          items: [
            {
              consultantId: consultant.id,
              withDownline,
              newSponsorId: sponsor?.id ?? null,
              newPlacementParentId: parent?.id ?? null,
              newPlacementSlot: parent ? Number(slot) : null,
            },
          ],
        });
      }}
    >
      {summary ? (
        <div data-testid="move-error">
          <Alert kind="error">{summary}</Alert>
        </div>
      ) : null}
      <PickedField
        label={t("network.moves.consultant")}
        value={consultant}
        onChange={(c) => {
          setConsultant(c);
          if (c) setMissingConsultant(false);
        }}
        testId="move-consultant"
        errors={consultantErrors}
      />
      <p className="text-sm text-slate-600">{t("network.moves.targetHint")}</p>
      <PickedField label={t("network.moves.newSponsor")} value={sponsor} onChange={setSponsor} testId="move-sponsor" errors={item("newSponsorId")} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <PickedField label={t("network.moves.newPlacementParent")} value={parent} onChange={setParent} testId="move-placement-parent" errors={item("newPlacementParentId")} />
        <SelectField
          label={t("network.moves.newSlot")}
          value={slot}
          onChange={(e) => setSlot(e.target.value as Slot)}
          options={slots.options}
          errors={item("newPlacementSlot") ?? errors.newSlot}
          data-testid="move-slot"
        />
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input
            type="checkbox"
            checked={withDownline}
            onChange={(e) => setWithDownline(e.target.checked)}
            className="h-4 w-4 rounded border-slate-300"
            aria-describedby={hintId}
            data-testid="move-with-downline"
          />
          {t("network.moves.withDownline")}
        </label>
        <p id={hintId} className="mt-1 pl-6 text-xs text-slate-500">
          {t("network.moves.withDownlineHint")}
        </p>
      </div>
      <TextAreaField label={t("network.moves.note")} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={3} errors={errors.note} data-testid="move-note" />
      <div className="flex justify-end">
        <Button type="submit" disabled={draft.isPending} data-testid="move-draft">
          {draft.isPending ? t("network.moves.working") : t("network.moves.draft")}
        </Button>
      </div>
    </form>
  );
}
