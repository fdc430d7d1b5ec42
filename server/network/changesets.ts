import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { changeSetItems, changeSets, consultants, consultantStatusHistory } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { AppError } from "../errors";
import { moveSubtree, rollUpSponsorDownline } from "./tree/move";
import { queueTreeVacuum, VACUUM_AFTER_ROWS } from "./tree/vacuum";
import { legSizes, uplineChain } from "./tree/queries";
import { getNetworkSettings, slotCount } from "../settings/company";

export type ItemInput = {
  consultantId: number;
  withDownline: boolean;
  newSponsorId?: number | null;
  newPlacementParentId?: number | null;
  newPlacementSlot?: number | null;
};

export async function createChangeSet(db: DbOrTx, input: { kind: "move" | "termination"; note: string; actorUserId: string; items: ItemInput[] }) {
  return db.transaction(async (tx) => {
    const [set] = await tx.insert(changeSets).values({ kind: input.kind, note: input.note, createdBy: input.actorUserId }).returning({ id: changeSets.id });
    await insertItems(tx, set!.id, input.items);
    return set!.id;
  });
}

async function insertItems(tx: DbOrTx, changeSetId: number, items: ItemInput[]) {
  if (!items.length) return;
  await tx.insert(changeSetItems).values(
    items.map((item, position) => ({
      changeSetId,
      position,
      consultantId: item.consultantId,
      withDownline: item.withDownline,
      newSponsorId: item.newSponsorId ?? null,
      newPlacementParentId: item.newPlacementParentId ?? null,
      newPlacementSlot: item.newPlacementSlot ?? null,
    })),
  );
}

export async function getChangeSet(db: DbOrTx, id: number) {
  const [set] = await db.select().from(changeSets).where(eq(changeSets.id, id));
  if (!set) throw new AppError("NOT_FOUND", "errors.notFound");
  const items = await db.select().from(changeSetItems).where(eq(changeSetItems.changeSetId, id)).orderBy(asc(changeSetItems.position));
  return { ...set, items };
}

type Chain = Awaited<ReturnType<typeof uplineChain>>;
export type ItemEffect = {
  consultantId: number;
  moved: number;
  rolledUp: number;
  sponsorBefore?: Chain;
  sponsorAfter?: Chain;
  placementBefore?: Chain;
  placementAfter?: Chain;
  legs: { parentId: number; before: { slot: number; size: number }[]; after: { slot: number; size: number }[] }[];
};

/** Applies the items in order inside `tx`, measuring the effect of each. Used by preview and commit. */
async function applyItems(tx: DbOrTx, kind: "move" | "termination" | "revert", items: Awaited<ReturnType<typeof getChangeSet>>["items"], actorUserId: string) {
  const effects: ItemEffect[] = [];
  const slots = slotCount((await getNetworkSettings(tx)).shape);
  for (const item of items) {
    const [before] = await tx
      .select({ sponsorId: consultants.sponsorId, placementParentId: consultants.placementParentId, placementSlot: consultants.placementSlot, status: consultants.status })
      .from(consultants)
      .where(eq(consultants.id, item.consultantId));
    if (!before) throw new AppError("NOT_FOUND", "errors.notFound");
    await tx
      .update(changeSetItems)
      .set({ oldSponsorId: before.sponsorId, oldPlacementParentId: before.placementParentId, oldPlacementSlot: before.placementSlot })
      .where(eq(changeSetItems.id, item.id));
    const effect: ItemEffect = { consultantId: item.consultantId, moved: 0, rolledUp: 0, legs: [] };
    const placementParents = [before.placementParentId, item.newPlacementParentId].filter((x): x is number => !!x);
    const legsBefore = await Promise.all(placementParents.map((p) => legSizes(tx, p, slots)));

    if (kind === "termination") {
      effect.sponsorBefore = await uplineChain(tx, "sponsor", item.consultantId);
      effect.rolledUp = (await rollUpSponsorDownline(tx, item.consultantId)).rolledUp;
      await tx.update(consultants).set({ status: "terminated", updatedAt: new Date() }).where(eq(consultants.id, item.consultantId));
      await tx.insert(consultantStatusHistory).values({ consultantId: item.consultantId, fromStatus: before.status, toStatus: "terminated", reason: "change-set", actorUserId });
    }
    if (item.newSponsorId) {
      effect.sponsorBefore = await uplineChain(tx, "sponsor", item.consultantId);
      if (!item.withDownline) effect.rolledUp = (await rollUpSponsorDownline(tx, item.consultantId)).rolledUp;
      const result = await moveSubtree(tx, { tree: "sponsor", consultantId: item.consultantId, newParentId: item.newSponsorId });
      effect.moved = Math.max(effect.moved, result.moved);
      effect.sponsorAfter = await uplineChain(tx, "sponsor", item.consultantId);
    }
    if (item.newPlacementParentId) {
      effect.placementBefore = await uplineChain(tx, "placement", item.consultantId);
      const result = await moveSubtree(tx, { tree: "placement", consultantId: item.consultantId, newParentId: item.newPlacementParentId, newSlot: item.newPlacementSlot ?? undefined, maxSlot: slots });
      effect.moved = Math.max(effect.moved, result.moved);
      effect.placementAfter = await uplineChain(tx, "placement", item.consultantId);
    }
    const legsAfter = await Promise.all(placementParents.map((p) => legSizes(tx, p, slots)));
    effect.legs = placementParents.map((parentId, i) => ({ parentId, before: legsBefore[i]!, after: legsAfter[i]! }));
    effects.push(effect);
  }
  return effects;
}

class PreviewRollback extends Error {
  constructor(readonly effects: ItemEffect[]) {
    super("preview");
  }
}

/** Runs the change-set for real inside a transaction that is then rolled back: exact effects, no change. */
export async function previewChangeSet(db: Db, id: number, actorUserId: string) {
  try {
    await db.transaction(async (tx) => {
      const set = await getChangeSet(tx, id);
      if (set.status !== "draft") throw new AppError("CONFLICT", "network.errors.notDraft");
      throw new PreviewRollback(await applyItems(tx, set.kind, set.items, actorUserId));
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.effects;
    throw error;
  }
  return [];
}

/** Commits a draft exactly once: the row lock makes a concurrent second commit find it committed. */
export async function commitChangeSet(db: Db, id: number, actorUserId: string) {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: changeSets.status }).from(changeSets).where(eq(changeSets.id, id)).for("update");
    if (!locked) throw new AppError("NOT_FOUND", "errors.notFound");
    if (locked.status !== "draft") throw new AppError("CONFLICT", "network.errors.notDraft");
    const set = await getChangeSet(tx, id);
    if (!set.items.length) throw new AppError("BAD_REQUEST", "network.errors.emptyChangeSet");
    const effects = await applyItems(tx, set.kind, set.items, actorUserId);
    const summary = { moved: effects.reduce((n, e) => n + e.moved, 0), rolledUp: effects.reduce((n, e) => n + e.rolledUp, 0), items: effects.length };
    await tx
      .update(changeSets)
      .set({ status: "committed", committedBy: actorUserId, committedAt: new Date(), result: { summary, effects } })
      .where(and(eq(changeSets.id, id), eq(changeSets.status, "draft")));
    if (set.revertsId) await tx.update(changeSets).set({ revertedById: id }).where(eq(changeSets.id, set.revertsId));
    await recordAudit(tx, { actorUserId, action: `network.changeset.${set.kind}`, entityType: "change_set", entityId: id, before: null, after: { summary, items: set.items.length } });
    // A big move leaves one dead row version per moved consultant in every tree index; until a
    // VACUUM clears them the moved downline's pages are ~20x slower (docs/network-storage.md).
    if (summary.moved + summary.rolledUp >= VACUUM_AFTER_ROWS) await queueTreeVacuum(tx);
    return { id, summary, effects };
  });
}

/** A draft that puts everyone back where the committed change-set found them (last item first). */
export async function draftRevert(db: Db, id: number, actorUserId: string) {
  const set = await getChangeSet(db, id);
  if (set.status !== "committed" || set.kind === "termination") throw new AppError("CONFLICT", "network.errors.notRevertible");
  if (set.revertedById) throw new AppError("CONFLICT", "network.errors.alreadyReverted");
  const items: ItemInput[] = [...set.items].reverse().map((item) => ({
    consultantId: item.consultantId,
    withDownline: true,
    newSponsorId: item.newSponsorId ? item.oldSponsorId : null,
    newPlacementParentId: item.newPlacementParentId ? item.oldPlacementParentId : null,
    newPlacementSlot: item.newPlacementParentId ? item.oldPlacementSlot : null,
  }));
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .insert(changeSets)
      .values({ kind: "revert", note: `revert #${id}`, revertsId: id, createdBy: actorUserId })
      .returning({ id: changeSets.id });
    await insertItems(tx, draft!.id, items);
    return draft!.id;
  });
}

export async function discardChangeSet(db: DbOrTx, id: number) {
  const [row] = await db.update(changeSets).set({ status: "discarded" }).where(and(eq(changeSets.id, id), eq(changeSets.status, "draft"))).returning({ id: changeSets.id });
  if (!row) throw new AppError("CONFLICT", "network.errors.notDraft");
}
