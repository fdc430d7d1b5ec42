"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { Button } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/card";
import { useLocale, useT } from "@/app/_lib/i18n";
import { formatDate } from "../_lib/format";
import type { UserRow } from "./users-screen";

/** Columns of the users table; row actions are handed back to the screen that owns the dialogs. */
export function useUserColumns(props: { currentUserId: string; onEditRoles: (u: UserRow) => void; onToggleStatus: (u: UserRow) => void }) {
  const t = useT();
  const locale = useLocale();
  const { currentUserId, onEditRoles, onToggleStatus } = props;
  return useMemo<ColumnDef<UserRow>[]>(
    () => [
      {
        id: "name",
        header: t("admin.users.name"),
        cell: ({ row: { original: u } }) => (
          <span className="font-medium text-slate-900" data-testid={`user-row-${u.email}`}>
            {u.name}
            {u.id === currentUserId ? <span className="ml-1.5 text-xs font-normal text-slate-500">({t("admin.users.you")})</span> : null}
          </span>
        ),
      },
      { id: "email", header: t("admin.users.email"), cell: ({ row }) => row.original.email },
      {
        id: "roles",
        header: t("admin.users.roles"),
        cell: ({ row }) =>
          row.original.roles.length ? (
            <div className="flex flex-wrap gap-1">
              {row.original.roles.map((r) => (
                <Badge key={r} tone={r === "admin" ? "blue" : "slate"}>
                  {t(`admin.roles.${r}`)}
                </Badge>
              ))}
            </div>
          ) : (
            <span className="text-slate-400">{t("admin.users.noRoles")}</span>
          ),
      },
      {
        id: "status",
        header: t("admin.users.status"),
        cell: ({ row }) => <Badge tone={row.original.status === "active" ? "green" : "slate"}>{t(`common.status.${row.original.status}`)}</Badge>,
      },
      { id: "createdAt", header: t("admin.users.createdAt"), cell: ({ row }) => formatDate(locale, row.original.createdAt) },
      {
        id: "actions",
        header: t("admin.users.actions"),
        cell: ({ row: { original: u } }) => (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" className="px-2.5 py-1" onClick={() => onEditRoles(u)} data-testid={`edit-roles-${u.email}`} aria-label={`${t("admin.users.editRoles")}: ${u.name}`}>
              {t("admin.users.editRoles")}
            </Button>
            {u.id === currentUserId && u.status === "active" ? null : (
              <Button
                variant={u.status === "active" ? "ghost" : "secondary"}
                className="px-2.5 py-1"
                onClick={() => onToggleStatus(u)}
                data-testid={`toggle-status-${u.email}`}
                aria-label={`${t(u.status === "active" ? "admin.users.deactivate" : "admin.users.activate")}: ${u.name}`}
              >
                {t(u.status === "active" ? "admin.users.deactivate" : "admin.users.activate")}
              </Button>
            )}
          </div>
        ),
      },
    ],
    [t, locale, currentUserId, onEditRoles, onToggleStatus],
  );
}
