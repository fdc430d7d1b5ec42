import { z } from "zod";

export const RESERVED_SLUGS = new Set([
  "www", "api", "app", "admin", "portal", "login", "logout", "mail", "email", "static", "assets",
  "help", "support", "status", "rede", "sites", "office", "cdn", "ftp", "smtp", "test",
]);

/** A slug is one DNS label we control: lowercase letters, digits and single hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/, { error: "errors.slugFormat" })
  .refine((s) => !RESERVED_SLUGS.has(s) && !s.startsWith("xn--"), { error: "errors.slugReserved" });

export const siteSettingsSchema = z.object({
  siteName: z.string().trim().min(1, { error: "errors.required" }).max(80, { error: "errors.tooLong" }),
  siteSlug: slugSchema,
  siteWelcome: z.string().trim().max(2000, { error: "errors.tooLong" }),
});

export type SiteSettingsInput = z.infer<typeof siteSettingsSchema>;
