/**
 * THE permission matrix: every procedure of the app router × every role (and an anonymous caller),
 * called through createCaller against a real database. Procedures are enumerated from the router,
 * so a new procedure without a declared access, or whose declared permission is not enforced,
 * fails here.
 *
 * Why a denied call is recognisable even with a sample input: in tRPC v11 the input parser is a
 * middleware placed where `.input()` is called, and our routers call `.input()` after
 * `withPermission()` / `authedProcedure` have added their checks, so the gate runs first. The
 * "garbage input" pass below checks that ordering instead of trusting it.
 *
 * Scope: a consultant-scoped procedure may still answer FORBIDDEN with `errors.outOfScope` to a
 * caller who passed the gate (the id is outside their network); that is counted as passing the
 * gate. Only FORBIDDEN with `errors.forbidden` (the permission middleware) counts as a denial.
 */
import { eq } from "drizzle-orm";
import { TRPCError, type AnyRouter } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { PERMISSIONS, ROLES, type Permission, type Role } from "@/server/auth/permissions";
import { loadActiveUser, type SessionUser } from "@/server/auth/users";
import { AppError } from "@/server/errors";
import { generateValidDocument } from "@/server/network/documents";
import type { Context } from "@/server/trpc/context";
import { createCallerFactory, publicProcedure, router, withPermission } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { contextFor, insertUser } from "./admin-helpers";
import { createTestDatabase } from "./db";

type Caller = "anonymous" | Role;
type Verdict = "UNAUTHORIZED" | "FORBIDDEN" | "passed";
type Proc = { _def: { meta?: { access?: string }; type: string; inputs: unknown[] } };

const LOGIN_BY_ROLE: Record<Role, string> = {
  admin: "admin@rede.test",
  field_manager: "gestor@rede.test",
  finance: "financeiro@rede.test",
  support: "suporte@rede.test",
  marketing: "marketing@rede.test",
  consultant: "ana@rede.test",
};

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const sessions = {} as Record<Role, SessionUser>;
let targetUserId: string;
let created = 0;

/** Schema-shaped inputs by path; anything unlisted gets `{}`. */
function sampleInput(path: string): unknown {
  const samples: Record<string, () => unknown> = {
    "account.requestPasswordReset": () => ({ email: "nobody@rede.test" }),
    "account.resetPassword": () => ({ token: "not-a-real-token-000", password: "longenough1" }),
    "me.setLocale": () => ({ locale: "pt-BR" }),
    "consultants.card": () => ({ id: sessions.consultant.consultantId }),
    "portal.updateSite": () => ({ siteName: "Beleza com a Ana", siteSlug: "ana", siteWelcome: "Olá!" }),
    "users.list": () => ({}),
    "users.setRoles": () => ({ userId: targetUserId, roles: ["marketing"] }),
    "users.setStatus": () => ({ userId: targetUserId, status: "active" }),
    "users.create": () => ({ name: "Nova Pessoa", email: `matrix${++created}@rede.test`, roles: ["support"], locale: "pt-BR" }),
    "audit.list": () => ({}),
    "outbox.list": () => ({}),
    "outbox.get": () => ({ id: 1 }),
    "network.children": () => ({ tree: "sponsor", parentId: sessions.consultant.consultantId }),
    "network.upline": () => ({ tree: "sponsor", id: sessions.consultant.consultantId }),
    "network.levels": () => ({ tree: "sponsor", id: sessions.consultant.consultantId }),
    "network.legs": () => ({ tree: "placement", id: sessions.consultant.consultantId }),
    "network.downline": () => ({ rootId: sessions.consultant.consultantId }),
    "network.downlineCount": () => ({ rootId: sessions.consultant.consultantId }),
    "settings.updateNetwork": () => ({ placementShape: "binary", defaultPlacementRule: "breadth_first" }),
    "network.lookup": () => ({ q: "ana" }),
    "network.changeSet": () => ({ id: 999_999 }),
    "network.draftMove": () => ({ items: [{ consultantId: sessions.consultant.consultantId, newSponsorId: 1 }] }),
    "network.draftTermination": () => ({ consultantId: sessions.consultant.consultantId, note: "matrix check" }),
    "network.preview": () => ({ id: 999_999 }),
    "network.commit": () => ({ id: 999_999 }),
    "network.discard": () => ({ id: 999_999 }),
    "network.draftRevert": () => ({ id: 999_999 }),
    "consultantRecords.enrol": () => {
      const n = ++created;
      return { fullName: `Matriz Pessoa ${n}`, email: `matrix-enrol${n}@rede.test`, documentType: "CPF", documentNumber: generateValidDocument("CPF", 90_000 + n), sponsorId: sessions.consultant.consultantId };
    },
    "consultantRecords.setStatus": () => ({ consultantId: sessions.consultant.consultantId, status: "active", reason: "matrix check" }),
    "consultantRecords.bulkStatusPreview": () => ({ ids: [sessions.consultant.consultantId], to: "active" }),
    "consultantRecords.bulkStatusApply": () => ({ ids: [sessions.consultant.consultantId], to: "active", reason: "matrix check" }),
    "consultantRecords.history": () => ({ consultantId: sessions.consultant.consultantId }),
    "consultantRecords.restrictedList": () => ({}),
    "consultantRecords.restrictedAdd": () => ({ kind: "email", value: `matrix-restricted${++created}@rede.test`, reason: "matrix check" }),
    "consultantRecords.restrictedDeactivate": () => ({ id: 999_999 }),
    "consultantRecords.restrictedHits": () => ({}),
    "networkImport.list": () => ({}),
    "networkImport.get": () => ({ id: 999_999 }),
    "networkImport.commit": () => ({ id: 999_999 }),
    "networkImport.discard": () => ({ id: 999_999 }),
    "catalogue.list": () => ({ q: "batom" }),
    "catalogue.get": () => ({ id: 999_999 }),
    "catalogue.create": () => ({ sku: `MATRIZ-${++created}`, name: { "pt-BR": "Produto da matriz" }, retailPrice: "49,90", consultantPrice: "34,90", pv: "15", cv: "12" }),
    "catalogue.update": () => ({ id: 999_999, sku: "MATRIZ-X", name: { "pt-BR": "Produto da matriz" }, retailPrice: "49,90", consultantPrice: "34,90" }),
    "catalogue.setActive": () => ({ id: 999_999, active: false }),
    "periods.list": () => ({}),
    "periods.get": () => ({ id: 999_999 }),
    "periods.createCampaign": () => {
      const n = ++created;
      return { code: `MATRIZ-${n}`, name: `Campanha da matriz ${n}`, startsOn: `${2100 + n}-01-01`, endsOn: `${2100 + n}-01-21` };
    },
    "periods.setCatalogue": () => ({ periodId: 999_999, productIds: [] }),
    "periods.close": () => ({ id: 999_999 }),
    "plans.get": () => ({ id: 999_999 }),
    "plans.exportJson": () => ({ id: 999_999 }),
    "plans.createDraft": () => ({ planKey: `matriz-${++created}`, name: "Plano da matriz" }),
    "plans.updateDraft": () => ({ id: 999_999, name: "Plano", effectiveFromPeriodId: null, definition: {} }),
    "plans.clone": () => ({ id: 999_999 }),
    "plans.activate": () => ({ id: 999_999, effectiveFromPeriodId: 999_999 }),
    "plans.archive": () => ({ id: 999_999 }),
    "plans.whatIf": () => ({ id: 999_999, periodId: 999_999 }),
    "customers.list": () => ({ state: "active" }),
    "customers.get": () => ({ id: 999_999 }),
    "customers.reassign": () => ({ customerId: 999_999, consultantId: sessions.consultant.consultantId, reason: "matrix check" }),
    "customers.mine": () => ({ segment: "champions" }),
    "customers.add": () => ({ fullName: "Cliente da Matriz", email: `matrix-customer${++created}@rede.test` }),
    "settings.updateCustomers": () => ({ activeDays: 90, lostDays: 365 }),
    "orders.list": () => ({}),
    "orders.get": () => ({ id: 1 }),
    "orders.customers": () => ({ consultantId: sessions.consultant.consultantId }),
    "orders.create": () => ({ consultantId: sessions.consultant.consultantId, customerId: null, lines: [{ productId: 1, quantity: 1 }], paymentMethod: "bank_slip", idempotencyKey: `matrix-order-${++created}` }),
    "orders.pay": () => ({ orderId: 999_999, method: "bank_slip", idempotencyKey: `matrix-pay-${++created}` }),
    "orders.issueInvoices": () => ({ orderIds: [999_999] }),
    "orders.advance": () => ({ orderId: 999_999, to: "shipped" }),
    "orders.mine": () => ({}),
    "orders.myOrder": () => ({ id: 1 }),
    "orders.myCustomers": () => ({}),
    "orders.placeMine": () => ({ customerId: null, lines: [{ productId: 1, quantity: 1 }], paymentMethod: "bank_slip", idempotencyKey: `matrix-mine-${++created}` }),
    "orders.checkout": () => {
      const n = ++created;
      return { slug: "ana", idempotencyKey: `matrix-checkout-${n}`, fullName: "Cliente da Matriz", email: `matrix-checkout${n}@exemplo.com`, phone: "+55 11 97777-0000", addressLine: "Rua da Matriz, 1", city: "São Paulo", state: "SP", postalCode: "01000-000", paymentMethod: "pay_on_delivery", lines: [{ productId: 1, quantity: 1 }] };
    },
    "invoices.list": () => ({}),
    "invoices.mine": () => ({}),
    "ledger.consultantAccounts": () => ({}),
    "ledger.entries": () => ({}),
    "ledger.entry": () => ({ id: 999_999 }),
    "ledger.statement": () => ({ consultantId: sessions.consultant.consultantId }),
    "ledger.balances": () => ({ consultantId: sessions.consultant.consultantId }),
    "ledger.adjustableOrders": () => ({ consultantId: sessions.consultant.consultantId }),
    "ledger.adjust": () => ({ consultantId: sessions.consultant.consultantId, orderId: 999_999, kind: "credit_note", amount: 100, memo: "matrix check" }),
    "ledger.reverse": () => ({ entryId: 999_999, memo: "matrix check" }),
    "ledger.myStatement": () => ({}),
    "collections.aging": () => ({}),
    "collections.openOrders": () => ({}),
    "collections.registerPayment": () => ({ orderId: 999_999, method: "bank_slip" }),
    "collections.payDebitNote": () => ({ invoiceId: 999_999, method: "bank_slip" }),
    "collections.myOpenItems": () => ({}),
    "collections.previewBankFile": () => ({ content: "date,amount,reference\n2026-01-01,1.00,P9999999" }),
    "collections.applyBankFile": () => ({ content: "date,amount,reference\n2026-01-01,1.00,P9999999" }),
    "returns.queue": () => ({}),
    "returns.get": () => ({ id: 999_999 }),
    "returns.orderByNumber": () => ({ number: "P9999999" }),
    "returns.create": () => ({ orderId: 999_999, kind: "return", reasonId: 1, lines: [{ orderLineId: 1, quantity: 1 }] }),
    "returns.decide": () => ({ id: 999_999, decision: "approve" }),
    "returns.mine": () => ({}),
    "returns.myGet": () => ({ id: 999_999 }),
    "returns.myOrder": () => ({ orderId: 999_999 }),
    "returns.myCreate": () => ({ orderId: 999_999, kind: "return", reasonId: 1, lines: [{ orderLineId: 1, quantity: 1 }] }),
    "incidents.list": () => ({}),
    "incidents.get": () => ({ id: 999_999 }),
    "incidents.create": () => ({ subject: "Matriz", description: "Matriz de permissões", requester: { kind: "contact", name: "Matriz", email: "matriz@rede.test" } }),
    "incidents.reply": () => ({ id: 999_999, body: "Resposta" }),
    "incidents.note": () => ({ id: 999_999, body: "Nota" }),
    "incidents.setStatus": () => ({ id: 999_999, status: "open" }),
    "incidents.setPriority": () => ({ id: 999_999, priority: "high" }),
    "incidents.setCategory": () => ({ id: 999_999, category: "orders" }),
    "incidents.setAssignee": () => ({ id: 999_999, assigneeUserId: null }),
    "incidents.reopen": () => ({ id: 999_999 }),
    "incidents.savePolicy": () => ({ id: 999_999, priority: "low", category: null, firstResponseMinutes: 60, resolutionMinutes: 600, nearExpiryPercent: 75 }),
    "incidents.deletePolicy": () => ({ id: 999_999 }),
    "incidents.saveCalendar": () => ({ timeZone: "Not/AZone", weeklyHours: { "0": [], "1": [], "2": [], "3": [], "4": [], "5": [], "6": [] }, holidays: [] }),
    "incidents.mine": () => ({}),
    "incidents.myGet": () => ({ id: 999_999 }),
    "incidents.myCreate": () => ({ subject: "Matriz", description: "Matriz de permissões" }),
    "incidents.myReply": () => ({ id: 999_999, body: "Resposta" }),
    "knowledge.get": () => ({ id: 999_999 }),
    "knowledge.create": () => ({ categoryId: 999_999, slug: `matriz-${++created}`, translations: { "pt-BR": { title: "Pergunta da matriz", body: "Resposta da matriz de permissões." } } }),
    "knowledge.update": () => ({ id: 999_999, categoryId: 999_999, slug: "matriz-x", translations: { "pt-BR": { title: "Pergunta da matriz", body: "Resposta da matriz de permissões." } } }),
    "knowledge.setPublished": () => ({ id: 999_999, published: false }),
    "knowledge.delete": () => ({ id: 999_999 }),
    "knowledge.createCategory": () => ({ slug: `matriz-${++created}`, name: { "pt-BR": "Categoria da matriz" } }),
    "knowledge.updateCategory": () => ({ id: 999_999, slug: "matriz-x", name: { "pt-BR": "Categoria da matriz" } }),
    "knowledge.deleteCategory": () => ({ id: 999_999 }),
    "knowledge.linked": () => ({ incidentId: 999_999 }),
    "knowledge.linkCandidates": () => ({ incidentId: 999_999, q: "senha" }),
    "knowledge.link": () => ({ incidentId: 999_999, articleId: 999_999 }),
    "knowledge.unlink": () => ({ incidentId: 999_999, articleId: 999_999 }),
    "knowledge.suggest": () => ({ q: "senha" }),
    "contact.submit": () => ({ slug: "ana", name: "Visitante da Matriz", email: `matrix-contact${++created}@exemplo.com`, subject: "Dúvida da matriz", message: "Mensagem da matriz de permissões." }),
    "compExplain.adminReportCard": () => ({ code: "RD000002" }),
    "compExplain.explainLine": () => ({ runId: 999_999, lineNo: 0 }),
    "compExplain.adminExplainLine": () => ({ runId: 999_999, lineNo: 0 }),
    "compRuns.list": () => ({ periodId: null }),
    "compRuns.get": () => ({ id: 999_999 }),
    "compRuns.lines": () => ({ runId: 999_999 }),
    "compRuns.preview": () => ({ periodId: 999_999 }),
    "compRuns.close": () => ({ periodId: 999_999 }),
    "compRuns.cancel": () => ({ id: 999_999 }),
    "compRuns.publish": () => ({ id: 999_999 }),
    "compRuns.adjustments": () => ({ periodId: 999_999 }),
    "compRuns.createAdjustment": () => ({ periodId: 999_999, consultant: "RD000002", amount: 100, reason: "matriz de permissões" }),
    "compRuns.updateAdjustment": () => ({ id: 999_999, amount: 100, reason: "matriz de permissões" }),
    "compRuns.deleteAdjustment": () => ({ id: 999_999 }),
  };
  return samples[path]?.() ?? {};
}

function procedures(r: AnyRouter) {
  return Object.entries(r._def.procedures as Record<string, Proc>);
}

function expected(access: string, caller: Caller): Verdict {
  if (access === "public") return "passed";
  if (caller === "anonymous") return "UNAUTHORIZED";
  if (access === "authenticated") return "passed";
  return sessions[caller].permissions.has(access as Permission) ? "passed" : "FORBIDDEN";
}

type Outcome = { verdict: Verdict; code: string; key?: string };

async function call(r: AnyRouter, ctx: Context, path: string, input: unknown): Promise<Outcome> {
  const caller = createCallerFactory(r)(ctx) as Record<string, unknown>;
  const fn = path.split(".").reduce<any>((node, key) => node[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await fn(input);
    return { verdict: "passed", code: "OK" };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const key = error.cause instanceof AppError ? error.cause.messageKey : error.message;
    if (error.code === "UNAUTHORIZED") return { verdict: "UNAUTHORIZED", code: error.code, key };
    if (error.code === "FORBIDDEN" && key !== "errors.outOfScope") return { verdict: "FORBIDDEN", code: error.code, key };
    return { verdict: "passed", code: error.code, key };
  }
}

/** Runs the matrix for one router; returns every cell that differs from the policy. */
async function violations(r: AnyRouter) {
  const callers: Caller[] = ["anonymous", ...ROLES];
  const wrong: string[] = [];
  for (const [path, proc] of procedures(r)) {
    const access = proc._def.meta?.access;
    if (!access) {
      wrong.push(`${path}: no declared access`);
      continue;
    }
    const hasInput = proc._def.inputs.length > 0;
    for (const caller of callers) {
      const ctx = contextFor(db, caller === "anonymous" ? null : sessions[caller]);
      const want = expected(access, caller);
      const valid = await call(r, ctx, path, sampleInput(path));
      const garbage = await call(r, ctx, path, "garbage");
      if (valid.verdict !== want) wrong.push(`${path} as ${caller}: expected ${want}, got ${valid.code} ${valid.key ?? ""}`);
      if (valid.code === "INTERNAL_SERVER_ERROR") wrong.push(`${path} as ${caller}: 500 with a sample input`);
      // A refusal does not depend on the input: the gate runs before the parser.
      if (want !== "passed" && garbage.verdict !== want) wrong.push(`${path} as ${caller} (garbage input): expected ${want}, got ${garbage.code}`);
      // Past the gate, bad input is a 400, never a 500 or a success.
      if (want === "passed" && hasInput && garbage.code !== "BAD_REQUEST") wrong.push(`${path} as ${caller} (garbage input): expected BAD_REQUEST, got ${garbage.code}`);
    }
  }
  return wrong;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 300 });
  for (const role of ROLES) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, LOGIN_BY_ROLE[role]));
    const user = await loadActiveUser(db, row!.id);
    expect(user?.roles, role).toEqual([role]);
    sessions[role] = user!;
  }
  // The target of users.setRoles / setStatus, so the matrix never changes its own callers.
  targetUserId = await insertUser(db, { email: "alvo@rede.test", name: "Alvo da Matriz", roles: ["marketing"] });
});

afterAll(async () => t?.drop());

describe("every procedure declares who may call it", () => {
  it("enumerates the router and finds only valid access declarations", () => {
    const all = procedures(appRouter);
    const paths = all.map(([p]) => p);
    expect(paths).toEqual(
      expect.arrayContaining(["account.requestPasswordReset", "me.get", "consultants.card", "portal.updateSite", "users.setStatus", "outbox.get"]),
    );
    const valid = new Set<string>([...PERMISSIONS, "public", "authenticated"]);
    const bad = all.filter(([, p]) => !valid.has(p._def.meta?.access ?? "")).map(([path, p]) => `${path}: ${String(p._def.meta?.access)}`);
    expect(bad).toEqual([]);
  });

  it("declares the intended access for the procedures that exist today", () => {
    // A silent downgrade (say users.setStatus to "authenticated") would still be "enforced";
    // pinning the policy catches it. New procedures are not listed here, the matrix covers them.
    const policy: Record<string, string> = {
      "account.requestPasswordReset": "public",
      "account.resetPassword": "public",
      "me.get": "authenticated",
      "me.setLocale": "authenticated",
      "consultants.card": "authenticated", // scope-checked per id (see scope.test.ts)
      "portal.home": "portal.access",
      "portal.site": "site.edit",
      "portal.updateSite": "site.edit",
      "dashboard.summary": "dashboard.read",
      "users.list": "users.admin",
      "users.setRoles": "users.admin",
      "users.setStatus": "users.admin",
      "users.create": "users.admin",
      "audit.list": "audit.read",
      "outbox.list": "outbox.read",
      "outbox.get": "outbox.read",
      "network.children": "authenticated", // scope-checked per id
      "network.upline": "authenticated",
      "network.levels": "authenticated",
      "network.legs": "authenticated",
      "network.downline": "authenticated",
      "network.downlineCount": "authenticated",
      "settings.network": "authenticated", // the shape enrolment forms need; nothing private
      "settings.updateNetwork": "plans.edit",
      "network.lookup": "authenticated", // consultants search only their own downline
      "network.root": "authenticated",
      "network.verify": "network.edit",
      "network.changeSets": "network.read",
      "network.changeSet": "network.read",
      "network.draftMove": "network.move",
      "network.draftTermination": "network.move",
      "network.preview": "network.move",
      "network.commit": "network.move",
      "network.discard": "network.move",
      "network.draftRevert": "network.move",
      "consultantRecords.enrol": "authenticated", // inside: staff need network.edit, a consultant enrols under themselves
      "consultantRecords.setStatus": "network.edit",
      "consultantRecords.bulkStatusPreview": "network.edit",
      "consultantRecords.bulkStatusApply": "network.edit",
      "consultantRecords.history": "authenticated", // scope-checked per id
      "consultantRecords.restrictedList": "network.edit",
      "consultantRecords.restrictedAdd": "network.edit",
      "consultantRecords.restrictedDeactivate": "network.edit",
      "consultantRecords.restrictedHits": "network.edit",
      "networkImport.list": "network.edit",
      "networkImport.get": "network.edit",
      "networkImport.commit": "network.edit",
      "networkImport.discard": "network.edit",
      "catalogue.list": "orders.manage", // prices feed revenue and PV/CV feed commissions: order and money staff
      "catalogue.get": "orders.manage",
      "catalogue.create": "orders.manage",
      "catalogue.update": "orders.manage",
      "catalogue.setActive": "orders.manage",
      "periods.list": "orders.manage",
      "periods.get": "orders.manage",
      "periods.createCampaign": "orders.manage",
      "periods.setCatalogue": "orders.manage",
      "periods.close": "orders.manage",
      "plans.list": "admin.access", // the plan every consultant is paid by: any staff may read it
      "plans.get": "admin.access",
      "plans.periods": "admin.access",
      "plans.exportJson": "admin.access",
      "plans.createDraft": "plans.edit",
      "plans.updateDraft": "plans.edit",
      "plans.clone": "plans.edit",
      "plans.activate": "plans.edit",
      "plans.archive": "plans.edit",
      "plans.whatIf": "plans.edit", // runs the engine twice on a period: plan designers only
      "customers.list": "orders.manage",
      "customers.get": "orders.manage",
      "customers.reassign": "orders.manage",
      "customers.mine": "portal.access", // always the caller's own customers (no consultantId in the schema)
      "customers.add": "portal.access", // added to the caller's own list
      "settings.customers": "admin.access",
      "settings.updateCustomers": "orders.manage",
      "orders.list": "orders.manage",
      "orders.get": "orders.manage",
      "orders.periods": "orders.manage",
      "orders.customers": "orders.manage",
      "orders.create": "orders.manage",
      "orders.pay": "orders.manage",
      "orders.issueInvoices": "orders.manage",
      "orders.advance": "orders.manage",
      "orders.catalogue": "authenticated", // today's products and prices for the order forms; nothing private
      "orders.mine": "portal.access", // always the caller's own consultant
      "orders.myOrder": "portal.access",
      "orders.myCustomers": "portal.access",
      "orders.placeMine": "portal.access",
      "orders.myVolumes": "portal.access",
      "orders.checkout": "public", // the replicated site's checkout: zod-validated, rate-limited per IP and site
      "invoices.list": "orders.manage",
      "invoices.mine": "portal.access", // the caller's own documents only
      // The ledger is finance's book: reading it needs ledger.post, like writing to it.
      "ledger.companyAccounts": "ledger.post",
      "ledger.consultantAccounts": "ledger.post",
      "ledger.entries": "ledger.post",
      "ledger.entryKinds": "ledger.post",
      "ledger.entry": "ledger.post",
      "ledger.statement": "ledger.post",
      "ledger.balances": "ledger.post",
      "ledger.adjustableOrders": "ledger.post",
      "ledger.adjust": "ledger.post",
      "ledger.reverse": "ledger.post",
      "ledger.myBalances": "portal.access", // own accounts only, no id taken
      "ledger.myStatement": "portal.access",
      "collections.aging": "orders.manage",
      "collections.openOrders": "orders.manage",
      "collections.registerPayment": "orders.manage",
      "collections.previewBankFile": "orders.manage",
      "collections.applyBankFile": "orders.manage",
      "returns.reasons": "authenticated", // the company's reason list, for both request forms
      "returns.queue": "orders.manage",
      "returns.get": "orders.manage",
      "returns.orderByNumber": "orders.manage",
      "returns.create": "orders.manage",
      "returns.decide": "orders.manage",
      "returns.mine": "portal.access", // own orders only
      "returns.myGet": "portal.access",
      "returns.myReturnableOrders": "portal.access",
      "returns.myOrder": "portal.access",
      "returns.myCreate": "portal.access",
      // Service desk: staff with incidents.manage; consultants only their own or concerning them.
      "incidents.list": "incidents.manage",
      "incidents.counts": "incidents.manage",
      "incidents.get": "incidents.manage",
      "incidents.assignees": "incidents.manage",
      "incidents.create": "incidents.manage",
      "incidents.reply": "incidents.manage",
      "incidents.note": "incidents.manage",
      "incidents.setStatus": "incidents.manage",
      "incidents.setPriority": "incidents.manage",
      "incidents.setCategory": "incidents.manage",
      "incidents.setAssignee": "incidents.manage",
      "incidents.reopen": "incidents.manage",
      "incidents.slaSettings": "incidents.manage",
      "incidents.savePolicy": "incidents.manage",
      "incidents.deletePolicy": "incidents.manage",
      "incidents.saveCalendar": "incidents.manage",
      "incidents.mine": "portal.access", // reported by or concerning the caller only
      "incidents.myGet": "portal.access", // out of scope is "not found"
      "incidents.myCreate": "portal.access",
      "incidents.myReply": "portal.access",
      "knowledge.list": "incidents.manage", // the service desk runs the knowledge base
      "knowledge.get": "incidents.manage",
      "knowledge.create": "incidents.manage",
      "knowledge.update": "incidents.manage",
      "knowledge.setPublished": "incidents.manage",
      "knowledge.delete": "incidents.manage",
      "knowledge.categories": "incidents.manage",
      "knowledge.createCategory": "incidents.manage",
      "knowledge.updateCategory": "incidents.manage",
      "knowledge.deleteCategory": "incidents.manage",
      "knowledge.linked": "incidents.manage",
      "knowledge.linkCandidates": "incidents.manage",
      "knowledge.link": "incidents.manage",
      "knowledge.unlink": "incidents.manage",
      "knowledge.suggest": "public", // published articles only, at most 8
      "contact.submit": "public", // the contact forms: zod-validated, honeypot, rate-limited per IP and site
      "compExplain.reportCard": "portal.access", // the caller's own card, no id taken
      "collections.payDebitNote": "orders.manage",
      "collections.myOpenItems": "portal.access", // own open items only, no id taken
      "compExplain.adminReportCard": "network.read",
      "compExplain.myLines": "portal.access", // own lines of published runs only
      "compExplain.explainLine": "portal.access", // own line of a published run, else not found
      "compExplain.adminExplainLine": "runs.close",
      // Commission runs: reading every consultant's earnings and closing are for admin and finance only.
      "compRuns.periods": "runs.close",
      "compRuns.list": "runs.close",
      "compRuns.get": "runs.close",
      "compRuns.lines": "runs.close",
      "compRuns.preview": "runs.close",
      "compRuns.close": "runs.close",
      "compRuns.cancel": "runs.close",
      "compRuns.publish": "runs.close",
      "compRuns.adjustments": "runs.close",
      "compRuns.createAdjustment": "runs.close",
      "compRuns.updateAdjustment": "runs.close",
      "compRuns.deleteAdjustment": "runs.close",
    };
    const declared = Object.fromEntries(procedures(appRouter).map(([path, p]) => [path, p._def.meta?.access]));
    for (const [path, access] of Object.entries(policy)) expect(declared[path], path).toBe(access);
  });

  it("keeps public procedures to account recovery, the site checkout, the contact forms and FAQ suggestions", () => {
    const open = procedures(appRouter).filter(([, p]) => p._def.meta?.access === "public").map(([path]) => path);
    expect(open.sort()).toEqual(["account.requestPasswordReset", "account.resetPassword", "contact.submit", "knowledge.suggest", "orders.checkout"]);
  });
});

describe("the matrix", () => {
  it("has a caller for every role", () => {
    expect(Object.keys(sessions).sort()).toEqual([...ROLES].sort());
    expect(sessions.consultant.consultantId).toEqual(expect.any(Number));
  });

  it("enforces every declared access for every role and for anonymous callers", async () => {
    expect(await violations(appRouter)).toEqual([]);
  });

  it("would catch a procedure whose declared permission is not enforced, or that declares nothing", async () => {
    const { initTRPC } = await import("@trpc/server");
    const bare = initTRPC.context<Context>().create().procedure;
    const rogue = router({
      leaky: publicProcedure.meta({ access: "users.admin" }).query(() => "secret"),
      undeclared: bare.query(() => "secret") as never,
      guarded: withPermission("users.admin").input(z.object({ n: z.number() })).query(() => "ok"),
    });
    const found = await violations(rogue);
    expect(found).toContain("undeclared: no declared access");
    expect(found).toContain("leaky as anonymous: expected UNAUTHORIZED, got OK ");
    expect(found).toContain("leaky as consultant: expected FORBIDDEN, got OK ");
    expect(found.some((v) => v.startsWith("guarded"))).toBe(false);
  });
});

describe("a deactivated user", () => {
  it("is refused at their next call, whatever their session says", async () => {
    const marketing = sessions.marketing;
    const admin = createCallerFactory(appRouter)(contextFor(db, sessions.admin));
    expect(await createCallerFactory(appRouter)(contextFor(db, marketing)).me.get()).toMatchObject({ email: "marketing@rede.test" });

    await admin.users.setStatus({ userId: marketing.id, status: "inactive" });
    // Each request re-reads the user; an inactive one loads as null, so the request is anonymous.
    expect(await loadActiveUser(db, marketing.id)).toBeNull();
    const next = createCallerFactory(appRouter)(contextFor(db, await loadActiveUser(db, marketing.id)));
    await expect(next.me.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(next.dashboard.summary()).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    await admin.users.setStatus({ userId: marketing.id, status: "active" });
    expect((await loadActiveUser(db, marketing.id))?.permissions.has("dashboard.read")).toBe(true);
  });
});
