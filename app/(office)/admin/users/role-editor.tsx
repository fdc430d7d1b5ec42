"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { fieldErrorsOf, useTRPC } from "@/app/_lib/trpc";
import type { Role } from "@/server/auth/permissions";
import { RoleCheckboxes } from "./role-checkboxes";
import type { UserRow } from "./users-screen";

/** Replaces a user's role set; refusals (last admin, unknown role) are shown in the dialog. */
export function RoleEditor({ user, onSaved, onCancel }: { user: UserRow; onSaved: () => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const save = useMutation(
    trpc.users.setRoles.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onSaved();
      },
    }),
  );
  const roleErrors = Object.entries(fieldErrorsOf(save.error)).flatMap(([field, messages]) => (field.startsWith("roles") ? messages : []));

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ userId: user.id, roles });
      }}
    >
      <p className="text-sm text-slate-600">{t("admin.users.editRolesHelp")}</p>
      {save.error && roleErrors.length === 0 ? <Alert kind="error">{save.error.message}</Alert> : null}
      <RoleCheckboxes legend={t("admin.users.roles")} value={roles} onChange={setRoles} errors={roleErrors} disabled={save.isPending} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" disabled={save.isPending} data-testid="save-roles">
          {save.isPending ? t("common.saving") : t("common.save")}
        </Button>
      </div>
    </form>
  );
}
