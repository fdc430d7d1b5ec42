import type { MessageKey } from "@/server/i18n/messages";

export type ShapeLike = { kind: "binary" } | { kind: "matrix"; width: number };
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The label of a stored placement slot (1..n): Left/Right in a binary tree, "Position n" in a matrix. */
export function slotLabel(t: T, shape: ShapeLike | undefined, slot: number) {
  if (!shape || shape.kind === "binary") return t(slot === 2 ? "network.tree.leg.2" : "network.tree.leg.1");
  return t("settings.position", { n: slot });
}
