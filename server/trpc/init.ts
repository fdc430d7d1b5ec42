import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Permission } from "../auth/permissions";
import { AppError } from "../errors";
import type { Context } from "./context";
import { describeError } from "./error-format";

/** Every procedure declares who may call it; the permission-matrix test reads this. */
export type Access = Permission | "public" | "authenticated";
export type ProcedureMeta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      const { message, fieldErrors } = describeError(error, ctx?.locale);
      // The stack and internal messages stay in the logs, never in the response.
      return { message, code: shape.code, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw AppError; here it becomes a TRPCError with the matching code. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.messageKey, cause });
    if (result.error.code === "INTERNAL_SERVER_ERROR") console.error(result.error.cause ?? result.error);
  }
  return result;
});

const base = t.procedure.use(mapAppErrors);

export const publicProcedure = base.meta({ access: "public" });

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", cause: new AppError("UNAUTHORIZED", "errors.unauthorized") });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const authedProcedure = base.meta({ access: "authenticated" }).use(requireUser);

export function withPermission(permission: Permission) {
  return base
    .meta({ access: permission })
    .use(requireUser)
    .use(({ ctx, next }) => {
      if (!ctx.user.permissions.has(permission)) {
        throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
      }
      return next();
    });
}
