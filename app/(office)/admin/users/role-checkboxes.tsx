"use client";

import { useId } from "react";
import { useT } from "@/app/_lib/i18n";
import { ROLES, type Role } from "@/server/auth/permissions";

/** The role set as checkboxes in a fieldset, each with what the role may do. */
export function RoleCheckboxes(props: { legend: string; value: Role[]; onChange: (roles: Role[]) => void; errors?: string[]; disabled?: boolean }) {
  const t = useT();
  const errorId = useId();
  const toggle = (role: Role, on: boolean) => props.onChange(on ? [...props.value, role] : props.value.filter((r) => r !== role));
  return (
    <fieldset aria-describedby={props.errors?.length ? errorId : undefined} disabled={props.disabled}>
      <legend className="text-sm font-medium text-slate-700">{props.legend}</legend>
      <div className="mt-2 space-y-2">
        {ROLES.map((role) => (
          <label key={role} className="flex cursor-pointer items-start gap-2.5 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4 rounded border-slate-300 accent-brand-600"
              checked={props.value.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
              data-testid={`role-${role}`}
            />
            <span>
              <span className="font-medium text-slate-800">{t(`admin.roles.${role}`)}</span>
              <span className="block text-xs text-slate-500">{t(`admin.roleHints.${role}`)}</span>
            </span>
          </label>
        ))}
      </div>
      {props.errors?.length ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">
          {props.errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
