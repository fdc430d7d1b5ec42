import { commitImport, discardImport, getImport, importGetInput, importIdInput, importListInput, listImports } from "../../network/import/records";
import { router, withPermission } from "../init";

/** Network CSV imports: the upload itself is POST /api/network/import (a file, not JSON). */
export const networkImportRouter = router({
  list: withPermission("network.edit")
    .input(importListInput)
    .query(({ ctx, input }) => listImports(ctx.db, input)),
  get: withPermission("network.edit")
    .input(importGetInput)
    .query(({ ctx, input }) => getImport(ctx.db, input)),
  commit: withPermission("network.edit")
    .input(importIdInput)
    .mutation(({ ctx, input }) => commitImport(ctx.db, input.id, ctx.user.id)),
  discard: withPermission("network.edit")
    .input(importIdInput)
    .mutation(({ ctx, input }) => discardImport(ctx.db, input.id)),
});
