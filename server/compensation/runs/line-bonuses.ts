import { BONUS_KINDS } from "../lines";

/** Every `comp_run_lines.bonus`: the engine's kinds, then manual adjustments and clawbacks. Safe for client bundles. */
export const LINE_BONUSES = [...BONUS_KINDS, "adjustment", "clawback"] as const;
export type LineBonus = (typeof LINE_BONUSES)[number];
