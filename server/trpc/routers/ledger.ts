import { TRPCError } from "@trpc/server";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { orders } from "@/db/schema";
import { AppError } from "../../errors";
import { companyAccounts, consultantAccountsPage, consultantAccountsSchema } from "../../ledger/accounts";
import { adjustmentSchema, postAdjustment, reverseAdjustment, reverseSchema } from "../../ledger/adjustments";
import { entryDetail, entryKinds, listEntries, listEntriesSchema } from "../../ledger/entries";
import { consultantAccount, consultantStatement } from "../../ledger/statement";
import { router, withPermission } from "../init";

/**
 * The ledger is the finance team's book. Reading it needs `ledger.post`, like writing to it: the
 * company's cash and revenue and every consultant's balance are finance's to see, and whoever may
 * correct an entry must be able to read it. Order handling (orders.manage) sees money per order on
 * the order and collections screens instead. A consultant reads only their own accounts, through
 * the `my…` procedures, which never take a consultant id.
 */
const book = withPermission("ledger.post");
const portal = withPermission("portal.access");

const id = z.number().int().positive();
const statementInput = z.object({ kind: z.enum(["receivable", "wallet"]).default("receivable"), beforeId: id.optional(), limit: z.number().int().min(1).max(200).default(50) });

function ownConsultantId(user: { consultantId: number | null }) {
  if (user.consultantId === null) throw new TRPCError({ code: "FORBIDDEN", cause: new AppError("FORBIDDEN", "errors.forbidden") });
  return user.consultantId;
}

function found<T>(value: T | null) {
  if (value === null) throw new AppError("NOT_FOUND", "errors.notFound");
  return value;
}

export const ledgerRouter = router({
  companyAccounts: book.query(({ ctx }) => companyAccounts(ctx.db)),
  consultantAccounts: book.input(consultantAccountsSchema).query(({ ctx, input }) => consultantAccountsPage(ctx.db, input)),
  entries: book.input(listEntriesSchema).query(({ ctx, input }) => listEntries(ctx.db, input)),
  entryKinds: book.query(({ ctx }) => entryKinds(ctx.db)),
  entry: book.input(z.object({ id })).query(async ({ ctx, input }) => found(await entryDetail(ctx.db, input.id))),
  statement: book.input(statementInput.extend({ consultantId: id })).query(({ ctx, input }) => consultantStatement(ctx.db, input.consultantId, input)),
  balances: book.input(z.object({ consultantId: id })).query(async ({ ctx, input }) => ({
    receivable: await consultantAccount(ctx.db, input.consultantId, "receivable"),
    wallet: await consultantAccount(ctx.db, input.consultantId, "wallet"),
  })),
  /** The consultant's orders an adjustment can be written against, newest first. */
  adjustableOrders: book.input(z.object({ consultantId: id })).query(({ ctx, input }) =>
    ctx.db
      .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, placedAt: orders.placedAt })
      .from(orders)
      .where(eq(orders.consultantId, input.consultantId))
      .orderBy(desc(orders.id))
      .limit(100)
      .then((rows) => rows.filter((r) => r.status !== "cart")),
  ),
  adjust: book.input(adjustmentSchema).mutation(({ ctx, input }) => postAdjustment(ctx.db, input, ctx.user.id)),
  reverse: book.input(reverseSchema).mutation(({ ctx, input }) => reverseAdjustment(ctx.db, input, ctx.user.id)),

  myBalances: portal.query(async ({ ctx }) => ({
    receivable: await consultantAccount(ctx.db, ownConsultantId(ctx.user), "receivable"),
    wallet: await consultantAccount(ctx.db, ownConsultantId(ctx.user), "wallet"),
  })),
  myStatement: portal.input(statementInput).query(({ ctx, input }) => consultantStatement(ctx.db, ownConsultantId(ctx.user), input)),
});
