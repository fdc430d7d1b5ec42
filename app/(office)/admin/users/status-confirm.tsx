"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useT } from "@/app/_lib/i18n";
import { useTRPC } from "@/app/_lib/trpc";
import type { UserRow } from "./users-screen";

/** Asks before switching a user's access, since deactivation ends their sessions at once. */
export function StatusConfirm({ user, onDone, onCancel }: { user: UserRow; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const next = user.status === "active" ? "inactive" : "active";
  const change = useMutation(
    trpc.users.setStatus.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onDone(t(next === "inactive" ? "admin.users.deactivated" : "admin.users.activated", { name: user.name }));
      },
    }),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {t(next === "inactive" ? "admin.users.deactivateBody" : "admin.users.activateBody", { name: user.name })}
      </p>
      {change.error ? <Alert kind="error">{change.error.message}</Alert> : null}
      <div className="flex justify-end gap-2">
        {/* The dialog focuses its close button first, so a stray Enter never confirms. */}
        <Button variant="secondary" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button
          variant={next === "inactive" ? "danger" : "primary"}
          disabled={change.isPending}
          onClick={() => change.mutate({ userId: user.id, status: next })}
          data-testid="confirm-status"
        >
          {t(next === "inactive" ? "admin.users.deactivate" : "admin.users.activate")}
        </Button>
      </div>
    </div>
  );
}
