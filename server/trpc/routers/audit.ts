import { listAudit, listAuditSchema } from "../../audit/list";
import { router, withPermission } from "../init";

export const auditRouter = router({
  list: withPermission("audit.read")
    .input(listAuditSchema)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
