import { z } from "zod";
import { pageInput } from "../pagination";
import { DOWNLINE_SORTS } from "./tree/queries";

export const treeKind = z.enum(["sponsor", "placement"]);
const id = z.number().int().positive();

export const childrenInput = pageInput.extend({ tree: treeKind, parentId: id, hideInactive: z.boolean().default(false), pageSize: z.number().int().min(1).max(200).default(50) });
export const nodeInput = z.object({ tree: treeKind, id });
export const downlineInput = pageInput.extend({
  tree: treeKind.default("sponsor"),
  rootId: id,
  levelMin: z.number().int().min(1).max(1000).optional(),
  levelMax: z.number().int().min(1).max(1000).optional(),
  statuses: z.array(z.enum(["active", "inactive", "terminated"])).max(3).optional(),
  rank: z.string().trim().max(40).optional(),
  joinedFrom: z.iso.date().optional(),
  joinedTo: z.iso.date().optional(),
  text: z.string().trim().max(100).optional(),
  sort: z.enum(DOWNLINE_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
});
export const lookupInput = z.object({ q: z.string().trim().min(1, { error: "errors.required" }).max(100), limit: z.number().int().min(1).max(50).default(10) });

const changeItem = z
  .object({
    consultantId: id,
    withDownline: z.boolean().default(true),
    newSponsorId: id.nullish(),
    newPlacementParentId: id.nullish(),
    newPlacementSlot: z.number().int().min(1).max(20).nullish(),
  })
  .refine((i) => i.newSponsorId || i.newPlacementParentId, { error: "network.errors.noTarget", path: ["newSponsorId"] })
  .refine((i) => !i.newPlacementParentId || i.newPlacementSlot, { error: "network.errors.invalidSlot", path: ["newPlacementSlot"] });

export const createMoveInput = z.object({ note: z.string().trim().max(500).default(""), items: z.array(changeItem).min(1, { error: "network.errors.emptyChangeSet" }).max(500) });
export const terminateInput = z.object({ consultantId: id, note: z.string().trim().min(3, { error: "errors.tooShort" }).max(500) });
export const changeSetIdInput = z.object({ id });
