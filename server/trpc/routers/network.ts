import { TRPCError } from "@trpc/server";
import { desc } from "drizzle-orm";
import { changeSets } from "@/db/schema";
import { assertCanSee } from "../../consultants/scope";
import { AppError } from "../../errors";
import { commitChangeSet, createChangeSet, discardChangeSet, draftRevert, getChangeSet, previewChangeSet } from "../../network/changesets";
import { lookupConsultants } from "../../network/lookup";
import { getCompanyRoot } from "../../network/roots";
import { changeSetIdInput, childrenInput, createMoveInput, downlineInput, lookupInput, nodeInput, terminateInput } from "../../network/schemas";
import { childrenOf, downlineCount, downlinePage, legSizes, levelCounts, nodePath, uplineChain } from "../../network/tree/queries";
import { verifyTrees } from "../../network/tree/verify";
import { offsetOf, pageInput } from "../../pagination";
import { getNetworkSettings, slotCount } from "../../settings/company";
import { authedProcedure, router, withPermission } from "../init";

/**
 * Tree reads are shared by staff and consultants: every id is checked by the scope guard
 * (staff by permission, consultants self + downline), and a consultant's upline is cut at
 * themselves.
 */
export const networkRouter = router({
  children: authedProcedure.input(childrenInput).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.parentId);
    return childrenOf(ctx.db, { tree: input.tree, parentId: input.parentId, hideInactive: input.hideInactive, offset: offsetOf(input), limit: input.pageSize });
  }),
  upline: authedProcedure.input(nodeInput).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.id);
    const chain = await uplineChain(ctx.db, input.tree, input.id);
    if (ctx.user.permissions.has("network.read")) return chain;
    const own = chain.findIndex((c) => c.id === ctx.user.consultantId);
    // Not on the chain (a placement spillover outside their leg): only the node itself, never the upline.
    return own < 0 ? chain.slice(-1) : chain.slice(own);
  }),
  levels: authedProcedure.input(nodeInput).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.id);
    return levelCounts(ctx.db, input.tree, input.id);
  }),
  legs: authedProcedure.input(nodeInput).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.id);
    return legSizes(ctx.db, input.id, slotCount((await getNetworkSettings(ctx.db)).shape));
  }),
  downline: authedProcedure.input(downlineInput).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.rootId);
    return downlinePage(ctx.db, { ...input, offset: offsetOf(input), limit: input.pageSize });
  }),
  /** The exact total of a downline filter, asked for lazily when the page reports "4,000+". */
  downlineCount: authedProcedure.input(downlineInput).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.rootId);
    return { total: await downlineCount(ctx.db, input) };
  }),
  lookup: authedProcedure.input(lookupInput).query(async ({ ctx, input }) => {
    if (ctx.user.permissions.has("network.read")) return lookupConsultants(ctx.db, input);
    if (ctx.user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
    const { path } = await nodePath(ctx.db, "sponsor", ctx.user.consultantId);
    return lookupConsultants(ctx.db, { ...input, withinPath: path });
  }),
  /** Where a tree view starts: the company root for staff, oneself for a consultant. */
  root: authedProcedure.query(async ({ ctx }) => {
    if (ctx.user.permissions.has("network.read")) return getCompanyRoot(ctx.db);
    if (ctx.user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
    const [self] = await uplineChain(ctx.db, "sponsor", ctx.user.consultantId).then((c) => c.slice(-1));
    return { id: self!.id, fullName: self!.fullName, code: self!.code };
  }),
  verify: withPermission("network.edit").query(async ({ ctx }) => verifyTrees(ctx.db, { maxSlot: slotCount((await getNetworkSettings(ctx.db)).shape) })),

  changeSets: withPermission("network.read")
    .input(pageInput)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.select().from(changeSets).orderBy(desc(changeSets.createdAt)).limit(input.pageSize).offset(offsetOf(input));
      return rows;
    }),
  changeSet: withPermission("network.read").input(changeSetIdInput).query(({ ctx, input }) => getChangeSet(ctx.db, input.id)),
  draftMove: withPermission("network.move")
    .input(createMoveInput)
    .mutation(({ ctx, input }) => createChangeSet(ctx.db, { kind: "move", note: input.note, actorUserId: ctx.user.id, items: input.items })),
  draftTermination: withPermission("network.move")
    .input(terminateInput)
    .mutation(({ ctx, input }) =>
      createChangeSet(ctx.db, { kind: "termination", note: input.note, actorUserId: ctx.user.id, items: [{ consultantId: input.consultantId, withDownline: false }] }),
    ),
  preview: withPermission("network.move").input(changeSetIdInput).mutation(({ ctx, input }) => previewChangeSet(ctx.db, input.id, ctx.user.id)),
  commit: withPermission("network.move").input(changeSetIdInput).mutation(({ ctx, input }) => commitChangeSet(ctx.db, input.id, ctx.user.id)),
  discard: withPermission("network.move").input(changeSetIdInput).mutation(({ ctx, input }) => discardChangeSet(ctx.db, input.id)),
  draftRevert: withPermission("network.move").input(changeSetIdInput).mutation(({ ctx, input }) => draftRevert(ctx.db, input.id, ctx.user.id)),
});
