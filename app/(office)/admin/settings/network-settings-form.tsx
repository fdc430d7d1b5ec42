"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { useLocale, useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import { AUTO_PLACEMENT_RULES, type AutoPlacementRule } from "@/server/settings/constants";

type Shape = "binary" | "matrix";

/** The placement tree's shape and the default placement rule; read-only without plans.edit. */
export function NetworkSettingsForm({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.settings.network.queryOptions());
  const [shape, setShape] = useState<Shape>("binary");
  const [width, setWidth] = useState("3");
  const [rule, setRule] = useState<AutoPlacementRule>("breadth_first");
  useEffect(() => {
    if (!current.data) return;
    setShape(current.data.shape.kind);
    if (current.data.shape.kind === "matrix") setWidth(String(current.data.shape.width));
    setRule(current.data.defaultPlacementRule);
  }, [current.data]);
  const save = useMutation(
    trpc.settings.updateNetwork.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.settings.network.queryKey() }),
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const general = save.error && Object.keys(errors).length === 0 ? save.error.message : null;
  if (current.isPending) return <p className="text-sm text-slate-500">{t("common.loading")}</p>;
  if (current.error) return <Alert kind="error">{current.error.message}</Alert>;

  return (
    <Card>
      <form
        className="max-w-xl space-y-5"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ placementShape: shape, matrixWidth: shape === "matrix" ? Number(width) : null, defaultPlacementRule: rule });
        }}
      >
        {!canEdit ? <Alert kind="info">{t("settings.readOnly")}</Alert> : null}
        {general ? <Alert kind="error">{general}</Alert> : null}
        {save.isSuccess && !save.isPending ? <Alert kind="success">{t("settings.saved")}</Alert> : null}
        <fieldset disabled={!canEdit || save.isPending} className="space-y-5">
          <div>
            <legend className="text-sm font-medium text-slate-700">{t("settings.shape")}</legend>
            <p className="mt-1 text-sm text-slate-500">{t("settings.shapeHelp")}</p>
            <div className="mt-2 space-y-2">
              {(["binary", "matrix"] as const).map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="shape" value={s} checked={shape === s} onChange={() => setShape(s)} data-testid={`shape-${s}`} />
                  {t(`settings.shapes.${s}`)}
                </label>
              ))}
            </div>
          </div>
          {shape === "matrix" ? (
            <TextField
              className="w-48"
              type="number"
              min={2}
              max={20}
              label={t("settings.matrixWidth")}
              hint={t("settings.matrixWidthHint")}
              value={width}
              onChange={(e) => setWidth(e.target.value)}
              errors={errors.matrixWidth}
              data-testid="matrix-width"
            />
          ) : null}
          <div>
            <SelectField
              label={t("settings.defaultRule")}
              value={rule}
              onChange={(e) => setRule(e.target.value as AutoPlacementRule)}
              options={AUTO_PLACEMENT_RULES.map((r) => ({ value: r, label: t(`network.enrol.rules.${r}`) }))}
              errors={errors.defaultPlacementRule}
              data-testid="default-rule"
            />
            <p className="mt-1 text-sm text-slate-500">{t("settings.defaultRuleHelp")}</p>
          </div>
          {canEdit ? (
            <Button type="submit" data-testid="settings-save">
              {save.isPending ? t("settings.saving") : t("settings.save")}
            </Button>
          ) : null}
        </fieldset>
        <p className="text-xs text-slate-500">
          {t("settings.lastChange", { when: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(current.data.updatedAt)) })}
        </p>
      </form>
    </Card>
  );
}
