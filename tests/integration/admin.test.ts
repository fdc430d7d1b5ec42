import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, consultants, emailOutbox, passwordResetTokens, userRoles, users } from "@/db/schema";
import { hashToken } from "@/server/auth/password-reset";
import { verifyPassword } from "@/server/auth/password";
import { loadActiveUser } from "@/server/auth/users";
import { enqueueEmail } from "@/server/email/outbox";
import { getOutboxMessage, MASKED } from "@/server/email/list";
import { createCaller } from "@/server/trpc/root";
import { callerAs, contextFor, countRows, failureOf, insertUser } from "./admin-helpers";
import { createTestDatabase } from "./db";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** Each block gets its own database, so counts in one never depend on writes in another. */
function useDatabase() {
  const holder = {} as { t: TestDb; db: Db };
  beforeAll(async () => {
    holder.t = await createTestDatabase();
    holder.db = holder.t.db;
  });
  afterAll(async () => holder.t?.drop());
  return holder;
}

describe("dashboard.summary", () => {
  const h = useDatabase();

  it("counts consultants by status, this month's joins, the last six months and users by role", async () => {
    const { db } = h;
    // Dates come from the database clock, the same one the summary uses.
    const thisMonth = sql`current_date`;
    const twoMonthsAgo = sql`(date_trunc('month', current_date) - interval '2 months')::date`;
    const longAgo = sql`(date_trunc('month', current_date) - interval '8 months')::date`;
    const rows = [
      { status: "active", joinedAt: thisMonth },
      { status: "active", joinedAt: thisMonth },
      { status: "active", joinedAt: thisMonth },
      { status: "active", joinedAt: twoMonthsAgo },
      { status: "inactive", joinedAt: thisMonth },
      { status: "inactive", joinedAt: twoMonthsAgo },
      { status: "terminated", joinedAt: longAgo },
    ] as const;
    await db.insert(consultants).values(
      rows.map((r, i) => ({ code: `C${i}`, fullName: `Consultora ${i}`, email: `c${i}@rede.test`, status: r.status, joinedAt: r.joinedAt as never })),
    );
    const adminId = await insertUser(db, { email: "admin@rede.test", name: "Ana Admin", roles: ["admin"] });
    await insertUser(db, { email: "fin@rede.test", name: "Fábio Finanças", roles: ["finance", "support"] });
    await insertUser(db, { email: "old@rede.test", name: "Olga Antiga", roles: ["finance"], status: "inactive" });

    const { api } = await callerAs(db, adminId);
    const summary = await api.dashboard.summary();

    expect(summary.consultants).toEqual({ active: 4, inactive: 2, terminated: 1, total: 7, newThisMonth: 4 });
    expect(summary.joinedByMonth).toHaveLength(6);
    expect(summary.joinedByMonth.map((m) => m.count)).toEqual([0, 0, 0, 2, 0, 4]);
    expect(summary.users).toEqual({ total: 3, active: 2, inactive: 1 });
    // The inactive finance user is not counted among active finance users.
    expect(summary.activeUsersByRole).toEqual({ admin: 1, field_manager: 0, finance: 1, support: 1, marketing: 0, consultant: 0 });
  });
});

describe("users", () => {
  const h = useDatabase();
  const ids = {} as Record<"ana" | "bruno" | "carla" | "daniel" | "daniela" | "zeca", string>;

  beforeAll(async () => {
    const { db } = h;
    ids.ana = await insertUser(db, { email: "ana@rede.test", name: "Ana Admin", roles: ["admin"] });
    ids.bruno = await insertUser(db, { email: "bruno@rede.test", name: "Bruno Suporte", roles: ["support"] });
    ids.carla = await insertUser(db, { email: "carla@rede.test", name: "Carla Finanças", roles: ["finance"], status: "inactive" });
    ids.daniel = await insertUser(db, { email: "daniel_campo@rede.test", name: "Daniel Campo", roles: ["field_manager", "marketing"] });
    ids.daniela = await insertUser(db, { email: "dani@outro.test", name: "Daniela Souza", roles: ["marketing"] });
    // A deactivated admin does not keep the last active admin removable.
    ids.zeca = await insertUser(db, { email: "zeca@rede.test", name: "Zeca Ex-Admin", roles: ["admin"], status: "inactive" });
  });

  it("lists users sorted by name with their roles, searching name and e-mail case-insensitively", async () => {
    const { api } = await callerAs(h.db, ids.ana);
    const all = await api.users.list({});
    expect(all.total).toBe(6);
    expect(all.rows.map((r) => r.name)).toEqual(["Ana Admin", "Bruno Suporte", "Carla Finanças", "Daniel Campo", "Daniela Souza", "Zeca Ex-Admin"]);
    expect(all.rows.find((r) => r.id === ids.daniel)?.roles).toEqual(["field_manager", "marketing"]);

    const dani = await api.users.list({ search: "DANI" });
    expect(dani.rows.map((r) => r.name)).toEqual(["Daniel Campo", "Daniela Souza"]);
    const byEmail = await api.users.list({ search: "outro.test" });
    expect(byEmail.rows.map((r) => r.id)).toEqual([ids.daniela]);
    // "_" is a literal character, not a LIKE wildcard that would match everyone.
    const literal = await api.users.list({ search: "_" });
    expect(literal.rows.map((r) => r.id)).toEqual([ids.daniel]);
  });

  it("filters by role and status and paginates", async () => {
    const { api } = await callerAs(h.db, ids.ana);
    const marketing = await api.users.list({ role: "marketing" });
    expect(marketing.rows.map((r) => r.id)).toEqual([ids.daniel, ids.daniela]);
    const inactive = await api.users.list({ status: "inactive" });
    expect(inactive.rows.map((r) => r.id)).toEqual([ids.carla, ids.zeca]);
    const activeAdmins = await api.users.list({ role: "admin", status: "active" });
    expect(activeAdmins.rows.map((r) => r.id)).toEqual([ids.ana]);

    const page2 = await api.users.list({ page: 2, pageSize: 4 });
    expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Daniela Souza", "Zeca Ex-Admin"]);
  });

  it("replaces roles, audits before and after, and the new permissions apply at once", async () => {
    const { api } = await callerAs(h.db, ids.ana);
    const result = await api.users.setRoles({ userId: ids.bruno, roles: ["support", "marketing", "support"] });
    expect(result).toEqual({ roles: ["marketing", "support"], changed: true });

    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "user.roles_changed"), eq(auditLog.entityId, ids.bruno)));
    expect(entry).toMatchObject({ actorUserId: ids.ana, entityType: "user", before: { roles: ["support"] }, after: { roles: ["marketing", "support"] } });
    expect((await loadActiveUser(h.db, ids.bruno))?.permissions.has("messaging.send")).toBe(true);

    // Saving the same set again changes nothing and writes no audit entry.
    expect(await api.users.setRoles({ userId: ids.bruno, roles: ["support", "marketing"] })).toMatchObject({ changed: false });
    expect(await countRows(h.db, "audit_log where action = 'user.roles_changed'")).toBe(1);
  });

  it("refuses an unknown role with a translated field error", async () => {
    const { api, ctx } = await callerAs(h.db, ids.ana);
    const failure = await failureOf(api.users.setRoles({ userId: ids.bruno, roles: ["owner" as never] }), ctx);
    expect(failure.data.code).toBe("BAD_REQUEST");
    expect(failure.data.fieldErrors?.["roles.0"]).toEqual(["Papel desconhecido."]);
  });

  it("never removes the admin role from the last active admin", async () => {
    const { api, ctx } = await callerAs(h.db, ids.ana);
    const failure = await failureOf(api.users.setRoles({ userId: ids.ana, roles: ["support"] }), ctx);
    expect(failure.data.code).toBe("CONFLICT");
    expect(failure.message).toBe("Não é possível remover o último administrador ativo.");
    expect((await loadActiveUser(h.db, ids.ana))?.roles).toEqual(["admin"]);
    expect(await countRows(h.db, `audit_log where entity_id = '${ids.ana}'`)).toBe(0);

    // With a second active admin the same change is allowed.
    await api.users.setRoles({ userId: ids.daniela, roles: ["admin", "marketing"] });
    await api.users.setRoles({ userId: ids.ana, roles: ["admin", "support"] });
    const { api: asDaniela } = await callerAs(h.db, ids.daniela);
    await asDaniela.users.setRoles({ userId: ids.ana, roles: ["support"] });
    expect((await loadActiveUser(h.db, ids.ana))?.roles).toEqual(["support"]);
    await asDaniela.users.setRoles({ userId: ids.ana, roles: ["admin"] });
  });

  it("refuses self-deactivation and deactivating the last active admin", async () => {
    const { api, ctx } = await callerAs(h.db, ids.ana);
    const self = await failureOf(api.users.setStatus({ userId: ids.ana, status: "inactive" }), ctx);
    expect(self.data.code).toBe("BAD_REQUEST");
    expect(self.message).toBe("Você não pode desativar a sua própria conta.");

    // Ana's session was loaded while she was an admin; meanwhile she lost the role. Daniela is
    // now the only active admin, and Ana's stale session must not be able to deactivate her.
    await h.db.delete(userRoles).where(and(eq(userRoles.userId, ids.ana), eq(userRoles.role, "admin")));
    const last = await failureOf(api.users.setStatus({ userId: ids.daniela, status: "inactive" }), ctx);
    expect(last.data.code).toBe("CONFLICT");
    expect(last.message).toBe("Não é possível remover o último administrador ativo.");
    expect((await loadActiveUser(h.db, ids.daniela))?.roles).toContain("admin");
    await h.db.insert(userRoles).values({ userId: ids.ana, role: "admin" });
  });

  it("deactivates a user at once and audits it; reactivation lets them back in", async () => {
    const { api } = await callerAs(h.db, ids.ana);
    expect(await api.users.setStatus({ userId: ids.bruno, status: "inactive" })).toEqual({ status: "inactive", changed: true });
    expect(await loadActiveUser(h.db, ids.bruno)).toBeNull();
    const [entry] = await h.db.select().from(auditLog).where(and(eq(auditLog.action, "user.status_changed"), eq(auditLog.entityId, ids.bruno)));
    expect(entry).toMatchObject({ actorUserId: ids.ana, before: { status: "active" }, after: { status: "inactive" } });

    await api.users.setStatus({ userId: ids.bruno, status: "active" });
    expect(await loadActiveUser(h.db, ids.bruno)).not.toBeNull();
  });

  it("creates a staff user with roles, a welcome e-mail and its delivery job in one go", async () => {
    const { db } = h;
    const { api } = await callerAs(db, ids.ana);
    const before = { users: await countRows(db, "users"), outbox: await countRows(db, "email_outbox"), jobs: await countRows(db, "graphile_worker.jobs") };

    const { id } = await api.users.create({ name: "  Nova Pessoa ", email: "Nova@Rede.test", roles: ["support"], locale: "es" });

    const [created] = await db.select().from(users).where(eq(users.id, id));
    expect(created).toMatchObject({ email: "nova@rede.test", name: "Nova Pessoa", status: "active", locale: "es" });
    expect((await loadActiveUser(db, id))?.roles).toEqual(["support"]);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "nova@rede.test"));
    expect(mail).toMatchObject({ template: "welcome", locale: "es", status: "pending" });
    expect(mail!.props).toMatchObject({ name: "Nova Pessoa", loginUrl: "http://localhost:3000/login" });
    expect(await countRows(db, `graphile_worker.jobs where key = 'email:${mail!.id}'`)).toBe(1);
    expect(await countRows(db, `audit_log where action = 'user.created' and entity_id = '${id}'`)).toBe(1);
    expect({ users: await countRows(db, "users"), outbox: await countRows(db, "email_outbox"), jobs: await countRows(db, "graphile_worker.jobs") }).toEqual({
      users: before.users + 1,
      outbox: before.outbox + 1,
      jobs: before.jobs + 1,
    });

    // The link in the e-mail is a working, single-use set-password token for this user.
    const token = new URL(String(mail!.props.setPasswordUrl)).searchParams.get("token")!;
    const [stored] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token)));
    expect(stored?.userId).toBe(id);
    await createCaller(contextFor(db, null)).account.resetPassword({ token, password: "uma senha nova" });
    const [withPassword] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    expect(await verifyPassword(withPassword!.hash, "uma senha nova")).toBe(true);
  });

  it("refuses a taken e-mail on the email field and writes nothing", async () => {
    const { db } = h;
    const { api, ctx } = await callerAs(db, ids.ana);
    const tables = ["users", "user_roles", "email_outbox", "graphile_worker.jobs", "password_reset_tokens", "audit_log"];
    const before = await Promise.all(tables.map((t) => countRows(db, t)));

    const failure = await failureOf(api.users.create({ name: "Outra Ana", email: "ANA@rede.test", roles: ["support"], locale: "pt-BR" }), ctx);
    expect(failure.data.code).toBe("CONFLICT");
    expect(failure.message).toBe("Este e-mail já está em uso.");
    expect(failure.data.fieldErrors).toEqual({ email: ["Este e-mail já está em uso."] });
    expect(await Promise.all(tables.map((t) => countRows(db, t)))).toEqual(before);
  });

  it("reports invalid new-user fields under their inputs", async () => {
    const { api, ctx } = await callerAs(h.db, ids.ana);
    const failure = await failureOf(api.users.create({ name: " ", email: "not-an-email", roles: [], locale: "pt-BR" }), ctx);
    expect(failure.message).toBe("Confira os campos destacados.");
    expect(failure.data.fieldErrors).toEqual({
      name: ["Campo obrigatório."],
      email: ["Informe um e-mail válido."],
      roles: ["Escolha pelo menos um papel."],
    });
  });

  it("is forbidden to a role without users.admin", async () => {
    const { api, ctx } = await callerAs(h.db, ids.daniel);
    const failure = await failureOf(api.users.list({}), ctx);
    expect(failure.data.code).toBe("FORBIDDEN");
    expect(failure.message).toBe("Você não tem permissão para esta ação.");
  });
});

describe("audit.list", () => {
  const h = useDatabase();
  let adminId: string;
  let otherId: string;

  beforeAll(async () => {
    const { db } = h;
    adminId = await insertUser(db, { email: "auditora@rede.test", name: "Aurora Auditora", roles: ["admin"] });
    otherId = await insertUser(db, { email: "marcos@rede.test", name: "Marcos Campo", roles: ["field_manager"] });
    const at = (iso: string) => new Date(iso);
    await db.insert(auditLog).values([
      { at: at("2025-03-01T10:00:00Z"), actorUserId: adminId, action: "user.created", entityType: "user", entityId: otherId, after: { name: "Marcos Campo" } },
      { at: at("2025-03-02T10:00:00Z"), actorUserId: adminId, action: "user.roles_changed", entityType: "user", entityId: otherId, before: { roles: [] }, after: { roles: ["field_manager"] } },
      { at: at("2025-03-03T10:00:00Z"), actorUserId: otherId, action: "site.update", entityType: "consultant", entityId: "42", before: { siteName: "A" }, after: { siteName: "B" } },
      { at: at("2025-03-04T10:00:00Z"), actorUserId: null, action: "user.password_reset", entityType: "user", entityId: adminId },
    ]);
  });

  it("lists newest first with the actor's name and e-mail", async () => {
    const { api } = await callerAs(h.db, adminId);
    const page = await api.audit.list({});
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.action)).toEqual(["user.password_reset", "site.update", "user.roles_changed", "user.created"]);
    expect(page.rows[0]!.actor).toBeNull();
    expect(page.rows[1]!.actor).toEqual({ id: otherId, name: "Marcos Campo", email: "marcos@rede.test" });
    expect(page.rows[2]).toMatchObject({ before: { roles: [] }, after: { roles: ["field_manager"] } });
  });

  it("filters by action prefix, entity, actor and date range", async () => {
    const { api } = await callerAs(h.db, adminId);
    const actions = async (input: Parameters<typeof api.audit.list>[0]) => (await api.audit.list(input)).rows.map((r) => r.action);
    expect(await actions({ action: "user." })).toEqual(["user.password_reset", "user.roles_changed", "user.created"]);
    expect(await actions({ action: "user.roles" })).toEqual(["user.roles_changed"]);
    expect(await actions({ entityType: "consultant", entityId: "42" })).toEqual(["site.update"]);
    expect(await actions({ entityType: "user", entityId: otherId })).toEqual(["user.roles_changed", "user.created"]);
    expect(await actions({ actor: "AUDITORA@" })).toEqual(["user.roles_changed", "user.created"]);
    expect(await actions({ from: new Date("2025-03-02T00:00:00Z"), to: new Date("2025-03-04T00:00:00Z") })).toEqual(["site.update", "user.roles_changed"]);
    const paged = await api.audit.list({ page: 2, pageSize: 3 });
    expect(paged.rows.map((r) => r.action)).toEqual(["user.created"]);
  });

  it("refuses an inverted date range on the end date", async () => {
    const { api, ctx } = await callerAs(h.db, adminId);
    const failure = await failureOf(api.audit.list({ from: new Date("2025-03-04"), to: new Date("2025-03-01") }), ctx);
    expect(failure.data.fieldErrors).toEqual({ to: ["A data final deve ser igual ou posterior à inicial."] });
  });

  it("is forbidden without audit.read", async () => {
    const { api, ctx } = await callerAs(h.db, otherId);
    expect((await failureOf(api.audit.list({}), ctx)).data.code).toBe("FORBIDDEN");
  });
});

describe("outbox", () => {
  const h = useDatabase();
  let supportId: string;
  const mailIds = {} as Record<"welcome" | "reset" | "broken", number>;

  beforeAll(async () => {
    const { db } = h;
    supportId = await insertUser(db, { email: "suporte@rede.test", name: "Sílvia Suporte", roles: ["support"] });
    mailIds.welcome = await enqueueEmail(db, {
      template: "welcome",
      to: "joana@cliente.test",
      locale: "pt-BR",
      props: { name: "Joana", loginUrl: "http://localhost:3000/login", setPasswordUrl: "http://localhost:3000/reset-password?token=SECRET123" },
    });
    mailIds.reset = await enqueueEmail(db, { template: "password-reset", to: "pedro@cliente.test", locale: "en", props: { name: "Pedro", resetUrl: "http://localhost:3000/reset-password?token=SECRET456" } });
    const [broken] = await db.insert(emailOutbox).values({ template: "retired-template", toAddress: "joana@cliente.test", locale: "es", props: {}, status: "failed", attempts: 10, lastError: "unknown e-mail template" }).returning({ id: emailOutbox.id });
    mailIds.broken = broken!.id;
  });

  it("lists newest first, filtered by status and recipient", async () => {
    const { api } = await callerAs(h.db, supportId);
    const all = await api.outbox.list({});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([mailIds.broken, mailIds.reset, mailIds.welcome]);
    expect((await api.outbox.list({ status: "failed" })).rows).toMatchObject([{ id: mailIds.broken, attempts: 10, lastError: "unknown e-mail template" }]);
    expect((await api.outbox.list({ recipient: "JOANA" })).rows.map((r) => r.id)).toEqual([mailIds.broken, mailIds.welcome]);
    expect((await api.outbox.list({ status: "pending", recipient: "pedro" })).rows.map((r) => r.id)).toEqual([mailIds.reset]);
  });

  it("opens a message rendered in its own locale", async () => {
    const { api } = await callerAs(h.db, supportId);
    const welcome = await api.outbox.get({ id: mailIds.welcome });
    expect(welcome).toMatchObject({ toAddress: "joana@cliente.test", status: "pending", renderError: null });
    expect(welcome.rendered?.subject).toBe("Boas-vindas ao Rede, Joana");
    expect(welcome.rendered?.html).toContain("Olá, Joana!");
    expect(welcome.rendered?.text).toContain("Definir minha senha");
    const reset = await api.outbox.get({ id: mailIds.reset });
    expect(reset.rendered?.subject).toBe("Reset your Rede password");
  });

  it("hides set-password tokens when a real provider delivers the mail", async () => {
    const masked = await getOutboxMessage(h.db, mailIds.welcome, { revealLinks: false });
    expect(masked.rendered?.html).not.toContain("SECRET123");
    expect(masked.rendered?.text).not.toContain("SECRET123");
    expect(masked.rendered?.text).toContain(`token=${MASKED}`);
    expect(masked.linksHidden).toBe(true);
    const revealed = await getOutboxMessage(h.db, mailIds.welcome, { revealLinks: true });
    expect(revealed.rendered?.text).toContain("token=SECRET123");
    expect(revealed.linksHidden).toBe(false);
  });

  it("still opens a row that cannot be rendered, and says why", async () => {
    const { api, ctx } = await callerAs(h.db, supportId);
    const broken = await api.outbox.get({ id: mailIds.broken });
    expect(broken.rendered).toBeNull();
    expect(broken.renderError).toContain("retired-template");
    const missing = await failureOf(api.outbox.get({ id: 999_999 }), ctx);
    expect(missing.data.code).toBe("NOT_FOUND");
    expect(missing.message).toBe("Registro não encontrado.");
  });
});
