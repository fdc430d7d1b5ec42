import { z } from "zod";

/** Page-number pagination shared by every list procedure; pages are 1-based. */
export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});

export type PageInput = z.infer<typeof pageInput>;

export function offsetOf(p: PageInput) {
  return (p.page - 1) * p.pageSize;
}

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };
