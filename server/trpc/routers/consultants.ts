import { z } from "zod";
import { getConsultantCard } from "../../consultants/card";
import { assertCanSee } from "../../consultants/scope";
import { authedProcedure, router } from "../init";

export const consultantIdSchema = z.object({ id: z.number().int().positive() });

export const consultantsRouter = router({
  /** Staff with network.read see anyone; a consultant sees self and downline. */
  card: authedProcedure.input(consultantIdSchema).query(async ({ ctx, input }) => {
    await assertCanSee(ctx, input.id);
    return getConsultantCard(ctx.db, input.id);
  }),
});
