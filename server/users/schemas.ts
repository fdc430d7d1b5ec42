import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { LOCALES } from "../i18n/locales";
import { pageInput } from "../pagination";

export const USER_STATUSES = ["active", "inactive"] as const;

const roleSchema = z.enum(ROLES, { error: "errors.unknownRole" });
/** Duplicates are harmless in a role set, so they are folded rather than refused. */
const roleSetSchema = z
  .array(roleSchema)
  .max(ROLES.length * 2)
  .transform((roles) => [...new Set(roles)].sort());

const userIdSchema = z.uuid({ error: "errors.notFound" });

export const listUsersSchema = pageInput.extend({
  search: z.string().trim().max(200, { error: "errors.tooLong" }).optional(),
  role: roleSchema.optional(),
  status: z.enum(USER_STATUSES).optional(),
});

export const setRolesSchema = z.object({ userId: userIdSchema, roles: roleSetSchema });

export const setStatusSchema = z.object({ userId: userIdSchema, status: z.enum(USER_STATUSES) });

export const createUserSchema = z.object({
  name: z.string().trim().min(1, { error: "errors.required" }).max(200, { error: "errors.tooLong" }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "errors.invalidEmail" }).max(320, { error: "errors.tooLong" })),
  roles: roleSetSchema.refine((roles) => roles.length > 0, { error: "errors.roleRequired" }),
  /** The language of the welcome e-mail and of the new user's screens. */
  locale: z.enum(LOCALES),
});

export type ListUsersInput = z.infer<typeof listUsersSchema>;
export type SetRolesInput = z.infer<typeof setRolesSchema>;
export type SetStatusInput = z.infer<typeof setStatusSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;
