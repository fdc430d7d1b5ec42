import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, HTTP_STATUS, uniqueViolation } from "@/server/errors";
import { siteSettingsSchema, slugSchema } from "@/server/sites/schema";
import { describeError, localiseZodError } from "@/server/trpc/error-format";
import { checkMutationRequest } from "@/server/trpc/origin";

function zodError(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a parse failure");
  return r.error;
}

describe("describeError: AppError", () => {
  const conflict = () =>
    new TRPCError({ code: "CONFLICT", message: "errors.slugTaken", cause: new AppError("CONFLICT", "errors.slugTaken", {}, "siteSlug") });

  it.each([
    ["pt-BR", "Este endereço já está em uso por outro consultor."],
    ["es", "Esta dirección ya la usa otro consultor."],
    ["en", "Another consultant already uses this address."],
  ] as const)("translates the sentence and ties it to its field (%s)", (locale, sentence) => {
    expect(describeError(conflict(), locale)).toEqual({ message: sentence, fieldErrors: { siteSlug: [sentence] } });
  });

  it("defaults to pt-BR and fills params", () => {
    const e = new TRPCError({ code: "BAD_REQUEST", cause: new AppError("BAD_REQUEST", "errors.tooLong", { max: 2000 }) });
    expect(describeError(e)).toEqual({ message: "Use no máximo 2.000 caracteres.", fieldErrors: undefined });
    expect(describeError(e, "en").message).toBe("Use at most 2,000 characters.");
  });

  it("maps every AppError code to the same HTTP status tRPC sends", () => {
    for (const [code, status] of Object.entries(HTTP_STATUS)) {
      expect(getHTTPStatusCodeFromError(new TRPCError({ code: code as keyof typeof HTTP_STATUS })), code).toBe(status);
    }
  });
});

describe("describeError: invalid input (ZodError)", () => {
  const bad = { siteName: "  ", siteSlug: "x", siteWelcome: "a".repeat(2001) };

  it.each([
    ["pt-BR", "Confira os campos destacados.", "Campo obrigatório.", "Use no máximo 2.000 caracteres."],
    ["es", "Revisa los campos destacados.", "Campo obligatorio.", "Usa como máximo 2000 caracteres."],
    ["en", "Check the highlighted fields.", "This field is required.", "Use at most 2,000 characters."],
  ] as const)("gives errors.badRequest and one translated message per field (%s)", (locale, message, required, tooLong) => {
    const e = new TRPCError({ code: "BAD_REQUEST", cause: zodError(siteSettingsSchema, bad) });
    const described = describeError(e, locale);
    expect(described.message).toBe(message);
    expect(described.fieldErrors?.siteName).toEqual([required]);
    expect(described.fieldErrors?.siteWelcome).toEqual([tooLong]);
    expect(described.fieldErrors?.siteSlug).toHaveLength(1);
    expect(Object.keys(described.fieldErrors!).sort()).toEqual(["siteName", "siteSlug", "siteWelcome"]);
  });

  it("fills {min} too", () => {
    const e = zodError(z.object({ password: z.string().min(8, { error: "errors.tooShort" }) }), { password: "abc" });
    expect(localiseZodError(e, "pt-BR")).toEqual({ password: ["Use pelo menos 8 caracteres."] });
    expect(localiseZodError(e, "en")).toEqual({ password: ["Use at least 8 characters."] });
  });

  it("gives a plain zod issue zod's own text in the user's language", () => {
    const e = zodError(z.object({ code: z.string().min(3) }), { code: "a" });
    const pt = localiseZodError(e, "pt-BR").code![0]!;
    const es = localiseZodError(e, "es").code![0]!;
    const en = localiseZodError(e, "en").code![0]!;
    expect(pt).toMatch(/pequeno/i);
    expect(es).toMatch(/pequeño/i);
    expect(en).toMatch(/too small/i);
    for (const text of [pt, es, en]) expect(text).toContain("3");
  });

  it("keys nested fields by dotted path and root issues as _form", () => {
    const nested = zodError(z.object({ items: z.array(z.object({ name: z.string().min(1, { error: "errors.required" }) })) }), {
      items: [{ name: "ok" }, { name: "" }],
    });
    expect(localiseZodError(nested, "en")).toEqual({ "items.1.name": ["This field is required."] });
    const root = zodError(z.object({}).refine(() => false, { error: "errors.dateRange" }), {});
    expect(localiseZodError(root, "en")).toEqual({ _form: ["The end date must be on or after the start date."] });
  });
});

describe("describeError: errors without a cause", () => {
  it.each([
    ["UNAUTHORIZED", "Entre na sua conta para continuar."],
    ["FORBIDDEN", "Você não tem permissão para esta ação."],
    ["NOT_FOUND", "Registro não encontrado."],
    ["BAD_REQUEST", "Confira os campos destacados."],
    ["TOO_MANY_REQUESTS", "Muitas tentativas. Aguarde alguns minutos e tente de novo."],
  ] as const)("%s gets its sentence, not tRPC's English text", (code, sentence) => {
    const e = new TRPCError({ code, message: `No procedure found on path "x" (${code})` });
    expect(describeError(e, "pt-BR")).toEqual({ message: sentence, fieldErrors: undefined });
  });

  it("translates a message that is one of our keys", () => {
    const e = new TRPCError({ code: "FORBIDDEN", message: "errors.outOfScope" });
    expect(describeError(e, "es").message).toBe("Este consultor no está en tu red.");
  });

  it("never leaks an internal error's message or cause", () => {
    const secret = 'password authentication failed for user "rede" at 10.0.0.3';
    const generic = "Erro inesperado. Tente de novo; se persistir, fale com o suporte.";
    for (const e of [
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: secret }),
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error(secret) }),
      // Even a key-shaped message is not trusted on a 500.
      new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "errors.forbidden" }),
    ]) {
      expect(describeError(e, "pt-BR")).toEqual({ message: generic, fieldErrors: undefined });
    }
    expect(describeError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: secret }), "en").message).toBe(
      "Unexpected error. Try again; if it persists, contact support.",
    );
  });
});

describe("uniqueViolation", () => {
  const pg = { code: "23505", constraint_name: "consultants_site_slug_key" };

  it("names the constraint of a Postgres unique violation, however deeply wrapped", () => {
    expect(uniqueViolation(pg)).toBe("consultants_site_slug_key");
    expect(uniqueViolation(new Error("query failed", { cause: pg }))).toBe("consultants_site_slug_key");
    expect(uniqueViolation({ cause: new Error("tx", { cause: new Error("query", { cause: pg }) }) })).toBe("consultants_site_slug_key");
    expect(uniqueViolation({ code: "23505" })).toBe("unique");
  });

  it("is undefined for anything else", () => {
    expect(uniqueViolation({ code: "23503", constraint_name: "fk" })).toBeUndefined();
    expect(uniqueViolation(new Error("boom"))).toBeUndefined();
    expect(uniqueViolation(null)).toBeUndefined();
    expect(uniqueViolation(undefined)).toBeUndefined();
    expect(uniqueViolation("23505")).toBeUndefined();
  });
});

describe("slugSchema", () => {
  const issues = (s: string) => {
    const r = slugSchema.safeParse(s);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it("accepts lowercase labels of 3 to 40 characters and normalises case and spaces", () => {
    expect(slugSchema.parse("ana")).toBe("ana");
    expect(slugSchema.parse("maria-silva-2")).toBe("maria-silva-2");
    expect(slugSchema.parse("  Ana-Souza ")).toBe("ana-souza");
    expect(slugSchema.parse("a".repeat(40))).toBe("a".repeat(40));
  });

  it.each([
    ["too short", "ab"],
    ["too long", "a".repeat(41)],
    ["starting with a digit", "1ana"],
    ["starting with a hyphen", "-ana"],
    ["trailing hyphen", "ana-"],
    ["double hyphen", "ana--souza"],
    ["non-ASCII", "joão"],
    ["a dot", "ana.souza"],
    ["an underscore", "ana_souza"],
    ["empty", ""],
  ])("refuses %s", (_label, slug) => {
    expect(issues(slug)).toContain("errors.slugFormat");
  });

  it("refuses reserved names, whatever their case", () => {
    for (const s of ["admin", "API", "www", "portal", "sites"]) expect(issues(s)).toEqual(["errors.slugReserved"]);
  });

  it("refuses punycode labels", () => {
    expect(issues("xn--joo-nla").length).toBeGreaterThan(0);
    expect(slugSchema.safeParse("xn--abc").success).toBe(false);
  });
});

describe("checkMutationRequest", () => {
  const url = "http://localhost:3000/api/trpc/portal.updateSite";
  const post = (headers: Record<string, string>) => new Request(url, { method: "POST", headers: { host: "localhost:3000", ...headers } });
  const json = { "content-type": "application/json" };

  it("lets reads through untouched", () => {
    expect(checkMutationRequest(new Request(url, { headers: { host: "localhost:3000" } }))).toBeNull();
  });

  it("accepts a same-origin JSON POST", () => {
    expect(checkMutationRequest(post({ origin: "http://localhost:3000", ...json }))).toBeNull();
    expect(checkMutationRequest(post({ origin: "http://LOCALHOST:3000", "content-type": "application/json; charset=utf-8" }))).toBeNull();
  });

  it("trusts the forwarded host set by the proxy in front of the app", () => {
    const req = new Request(url, {
      method: "POST",
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "office.example.com", origin: "https://office.example.com", ...json },
    });
    expect(checkMutationRequest(req)).toBeNull();
  });

  it.each([
    ["no Origin", {}],
    ["Origin null", { origin: "null" }],
    ["another site", { origin: "https://evil.test" }],
    ["a consultant's site", { origin: "http://ana.localhost:3000" }],
    ["another port", { origin: "http://localhost:4000" }],
    ["a garbage Origin", { origin: "::::" }],
  ])("refuses a POST with %s (403)", async (_label, headers) => {
    const res = checkMutationRequest(post({ ...headers, ...json }));
    expect(res?.status).toBe(403);
    expect(await res!.json()).toEqual({ error: { message: "bad_origin", code: "FORBIDDEN" } });
  });

  it.each(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", ""])(
    "refuses a same-origin POST with content type %j (403)",
    async (type) => {
      const res = checkMutationRequest(post({ origin: "http://localhost:3000", ...(type ? { "content-type": type } : {}) }));
      expect(res?.status).toBe(403);
      expect(await res!.json()).toEqual({ error: { message: "bad_content_type", code: "FORBIDDEN" } });
    },
  );
});
