/** Pure constants shared by the settings server module and its client form (no server imports). */
export const AUTO_PLACEMENT_RULES = ["extreme_left", "extreme_right", "weaker_leg", "breadth_first"] as const;
export type AutoPlacementRule = (typeof AUTO_PLACEMENT_RULES)[number];
export const MATRIX_WIDTH = { min: 2, max: 20 } as const;
