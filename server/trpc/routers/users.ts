import { createStaffUser } from "../../users/create";
import { listUsers } from "../../users/list";
import { setUserRoles } from "../../users/roles";
import { createUserSchema, listUsersSchema, setRolesSchema, setStatusSchema } from "../../users/schemas";
import { setUserStatus } from "../../users/status";
import { router, withPermission } from "../init";

const admin = withPermission("users.admin");

export const usersRouter = router({
  list: admin.input(listUsersSchema).query(({ ctx, input }) => listUsers(ctx.db, input)),
  setRoles: admin
    .input(setRolesSchema)
    .mutation(({ ctx, input }) => setUserRoles(ctx.db, { ...input, actorUserId: ctx.user.id })),
  setStatus: admin
    .input(setStatusSchema)
    .mutation(({ ctx, input }) => setUserStatus(ctx.db, { ...input, actorUserId: ctx.user.id })),
  create: admin
    .input(createUserSchema)
    .mutation(({ ctx, input }) => createStaffUser(ctx.db, { ...input, actorUserId: ctx.user.id, appUrl: ctx.appUrl })),
});
