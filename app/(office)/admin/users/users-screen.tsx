"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { TextField } from "@/app/_components/ui/field";
import { useT } from "@/app/_lib/i18n";
import { useTRPC, type RouterOutputs } from "@/app/_lib/trpc";
import { ROLES, type Role } from "@/server/auth/permissions";
import { Dialog } from "../_components/dialog";
import { SelectField } from "../_components/select-field";
import { useDebounced } from "../_lib/use-debounced";
import { NewUserForm } from "./new-user-form";
import { RoleEditor } from "./role-editor";
import { useUserColumns } from "./user-columns";
import { StatusConfirm } from "./status-confirm";

export type UserRow = RouterOutputs["users"]["list"]["rows"][number];
type Status = UserRow["status"];

const PAGE_SIZE = 25;

/** The users list: search and filters on the server, row actions in dialogs. */
export function UsersScreen({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [status, setStatus] = useState<Status | "">("");
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [toggling, setToggling] = useState<UserRow | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const debouncedSearch = useDebounced(search.trim());

  const query = useQuery(
    trpc.users.list.queryOptions(
      { page, pageSize: PAGE_SIZE, search: debouncedSearch || undefined, role: role || undefined, status: status || undefined },
      // The previous page stays on screen (dimmed) while the next one loads.
      { placeholderData: keepPreviousData },
    ),
  );

  const columns = useUserColumns({ currentUserId, onEditRoles: setEditing, onToggleStatus: setToggling });

  const changeFilter = <T,>(set: (v: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="min-w-56 flex-1"
          type="search"
          label={t("admin.users.search")}
          value={search}
          onChange={(e) => changeFilter(setSearch)(e.target.value)}
          maxLength={200}
          data-testid="users-search"
        />
        <SelectField
          label={t("admin.users.role")}
          value={role}
          onChange={(e) => changeFilter(setRole)(e.target.value as Role | "")}
          options={[{ value: "", label: t("admin.any") }, ...ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))]}
          data-testid="users-role-filter"
        />
        <SelectField
          label={t("admin.users.status")}
          value={status}
          onChange={(e) => changeFilter(setStatus)(e.target.value as Status | "")}
          options={[
            { value: "", label: t("admin.any") },
            { value: "active", label: t("common.status.active") },
            { value: "inactive", label: t("common.status.inactive") },
          ]}
          data-testid="users-status-filter"
        />
        <Button onClick={() => setCreating(true)} data-testid="new-user-button">
          {t("admin.users.newUser")}
        </Button>
      </div>

      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {query.error ? <Alert kind="error">{query.error.message}</Alert> : null}

      <DataTable
        caption={t("admin.users.caption")}
        columns={columns}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching}
        emptyText={t("admin.users.empty")}
      />

      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing ? t("admin.users.editRolesTitle", { name: editing.name }) : ""} testId="edit-roles-dialog">
        {editing ? (
          <RoleEditor
            user={editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setNotice(t("admin.users.rolesSaved", { name: editing.name }));
              setEditing(null);
            }}
          />
        ) : null}
      </Dialog>

      <Dialog
        open={toggling !== null}
        onClose={() => setToggling(null)}
        title={toggling ? t(toggling.status === "active" ? "admin.users.deactivateTitle" : "admin.users.activateTitle", { name: toggling.name }) : ""}
        testId="status-dialog"
      >
        {toggling ? (
          <StatusConfirm
            user={toggling}
            onCancel={() => setToggling(null)}
            onDone={(message) => {
              setNotice(message);
              setToggling(null);
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={creating} onClose={() => setCreating(false)} title={t("admin.users.newUserTitle")} testId="new-user-dialog">
        {creating ? (
          <NewUserForm
            onCancel={() => setCreating(false)}
            onCreated={(email) => {
              setNotice(t("admin.users.created", { email }));
              setCreating(false);
            }}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
