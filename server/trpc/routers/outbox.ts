import { getOutboxMessage, listOutbox, listOutboxSchema, outboxIdSchema } from "../../email/list";
import { router, withPermission } from "../init";

const reader = withPermission("outbox.read");

export const outboxRouter = router({
  list: reader.input(listOutboxSchema).query(({ ctx, input }) => listOutbox(ctx.db, input)),
  // Without a mail provider the outbox is the only mailbox, so its links must stay usable.
  get: reader
    .input(outboxIdSchema)
    .query(({ ctx, input }) => getOutboxMessage(ctx.db, input.id, { revealLinks: !process.env.RESEND_API_KEY })),
});
