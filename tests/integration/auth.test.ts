import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, emailOutbox, passwordResetTokens, users } from "@/db/schema";
import { DEMO_PASSWORD, seedDemo } from "@/db/seed";
import { authenticate } from "@/server/auth/credentials";
import { hashToken, issueResetToken } from "@/server/auth/password-reset";
import { createCaller } from "@/server/trpc/root";
import { contextFor, countRows, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

const RESET_INVALID = "Este link é inválido, expirou ou já foi usado. Peça um novo.";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let ipSeq = 0;
/** A fresh client address per scenario, so the per-IP limit never mixes scenarios. */
const newIp = () => `203.0.113.${++ipSeq}`;
const anonymous = () => createCaller(contextFor(db, null));
const ctx = () => contextFor(db, null);

async function userId(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/** Rows an e-mail-sending path writes; the rate-limit counter is deliberately not counted. */
async function writes() {
  return {
    tokens: await countRows(db, "password_reset_tokens"),
    outbox: await countRows(db, "email_outbox"),
    jobs: await countRows(db, "graphile_worker.jobs"),
  };
}

beforeAll(async () => {
  // Rate limits count in fixed windows (15 min, 1 h) of the app clock. Starting just after an
  // hour boundary keeps every scenario inside one window, so no count is split by the clock.
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 1_000);
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 300 });
});

afterAll(async () => {
  vi.useRealTimers();
  await t?.drop();
});

describe("authenticate", () => {
  it("accepts the right password, whatever the case and spacing of the e-mail", async () => {
    const id = await userId("ana@rede.test");
    expect(await authenticate(db, { email: "ana@rede.test", password: DEMO_PASSWORD, ip: newIp() })).toEqual({ ok: true, userId: id });
    expect(await authenticate(db, { email: "  ANA@Rede.Test ", password: DEMO_PASSWORD, ip: newIp() })).toEqual({ ok: true, userId: id });
  });

  it("answers the same 'invalid' for a wrong password, an unknown e-mail and a deactivated account", async () => {
    const invalid = { ok: false, reason: "invalid" };
    expect(await authenticate(db, { email: "ana@rede.test", password: "demo12345", ip: newIp() })).toEqual(invalid);
    expect(await authenticate(db, { email: "ninguem@rede.test", password: DEMO_PASSWORD, ip: newIp() })).toEqual(invalid);
    await db.update(users).set({ status: "inactive" }).where(eq(users.email, "marketing@rede.test"));
    expect(await authenticate(db, { email: "marketing@rede.test", password: DEMO_PASSWORD, ip: newIp() })).toEqual(invalid);
  });

  it("locks an e-mail after 8 failures, even for the right password and from another address", async () => {
    const email = "gestor@rede.test";
    for (let i = 0; i < 7; i++) expect((await authenticate(db, { email, password: `wrong-${i}`, ip: newIp() })).ok).toBe(false);
    // Seven failures: still allowed.
    expect((await authenticate(db, { email, password: DEMO_PASSWORD, ip: newIp() })).ok).toBe(true);
    expect(await authenticate(db, { email, password: "wrong-8", ip: newIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db, { email, password: DEMO_PASSWORD, ip: newIp() })).toEqual({ ok: false, reason: "rate_limited" });
    expect(await authenticate(db, { email: " GESTOR@rede.test", password: DEMO_PASSWORD, ip: newIp() })).toEqual({ ok: false, reason: "rate_limited" });
    // Other accounts are unaffected.
    expect((await authenticate(db, { email: "ana@rede.test", password: DEMO_PASSWORD, ip: newIp() })).ok).toBe(true);
  });

  it("locks a client address after 40 failures across e-mails", async () => {
    const ip = newIp();
    for (let i = 0; i < 40; i++) await authenticate(db, { email: `sonda${i}@rede.test`, password: "x", ip });
    expect(await authenticate(db, { email: "suporte@rede.test", password: DEMO_PASSWORD, ip })).toEqual({ ok: false, reason: "rate_limited" });
    expect((await authenticate(db, { email: "suporte@rede.test", password: DEMO_PASSWORD, ip: newIp() })).ok).toBe(true);
  });
});

describe("account.requestPasswordReset", () => {
  it("answers ok and writes nothing for an unknown or deactivated e-mail", async () => {
    const before = await writes();
    expect(await anonymous().account.requestPasswordReset({ email: "ninguem@rede.test" })).toEqual({ ok: true });
    expect(await anonymous().account.requestPasswordReset({ email: "marketing@rede.test" })).toEqual({ ok: true });
    expect(await writes()).toEqual(before);
  });

  it("for a known e-mail, stores only the token's hash and queues the e-mail carrying the link", async () => {
    const id = await userId("suporte@rede.test");
    const before = await writes();
    expect(await anonymous().account.requestPasswordReset({ email: "Suporte@Rede.test" })).toEqual({ ok: true });
    expect(await writes()).toEqual({ tokens: before.tokens + 1, outbox: before.outbox + 1, jobs: before.jobs + 1 });

    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "suporte@rede.test"));
    expect(mail).toMatchObject({ template: "password-reset", locale: "pt-BR", status: "pending" });
    const link = new URL(String(mail!.props.resetUrl));
    expect(`${link.origin}${link.pathname}`).toBe("http://localhost:3000/reset-password");
    const token = link.searchParams.get("token")!;
    expect(token.length).toBeGreaterThanOrEqual(40);

    const [stored] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, id));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.usedAt).toBeNull();
    const ttl = stored!.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000);
    expect(await countRows(db, `graphile_worker.jobs where key = 'email:${mail!.id}'`)).toBe(1);
  });

  it("sends at most 5 links an hour per e-mail, answering ok all the same", async () => {
    const before = await writes();
    for (let i = 0; i < 7; i++) expect(await anonymous().account.requestPasswordReset({ email: "financeiro@rede.test" })).toEqual({ ok: true });
    expect(await writes()).toEqual({ tokens: before.tokens + 5, outbox: before.outbox + 5, jobs: before.jobs + 5 });
  });

  it("refuses a malformed e-mail with a field error", async () => {
    const failure = await failureOf(anonymous().account.requestPasswordReset({ email: "não é e-mail" }), ctx());
    expect(failure.data).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { email: ["Informe um e-mail válido."] } });
  });
});

describe("account.resetPassword", () => {
  const NEW_PASSWORD = "nova-senha-forte";

  it("sets the new password once; the link cannot be used again", async () => {
    const id = await userId("admin@rede.test");
    const token = await issueResetToken(db, id);
    expect(await anonymous().account.resetPassword({ token, password: NEW_PASSWORD })).toEqual({ ok: true });

    expect(await authenticate(db, { email: "admin@rede.test", password: NEW_PASSWORD, ip: newIp() })).toEqual({ ok: true, userId: id });
    expect((await authenticate(db, { email: "admin@rede.test", password: DEMO_PASSWORD, ip: newIp() })).ok).toBe(false);
    const [spent] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token)));
    expect(spent!.usedAt).toBeInstanceOf(Date);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "user.password_reset"));
    expect(audits).toMatchObject([{ actorUserId: id, entityType: "user", entityId: id }]);

    const again = await failureOf(anonymous().account.resetPassword({ token, password: "outra-senha-123" }), ctx());
    expect(again).toMatchObject({ message: RESET_INVALID, data: { code: "BAD_REQUEST", httpStatus: 400 } });
    expect((await authenticate(db, { email: "admin@rede.test", password: NEW_PASSWORD, ip: newIp() })).ok).toBe(true);
  });

  it("refuses an expired token and an unknown one, changing nothing", async () => {
    const id = await userId("bruno@rede.test");
    const expired = await issueResetToken(db, id, -1000);
    for (const token of [expired, "x".repeat(43)]) {
      const failure = await failureOf(anonymous().account.resetPassword({ token, password: NEW_PASSWORD }), ctx());
      expect(failure).toMatchObject({ message: RESET_INVALID, data: { code: "BAD_REQUEST" } });
    }
    expect((await authenticate(db, { email: "bruno@rede.test", password: DEMO_PASSWORD, ip: newIp() })).ok).toBe(true);
    expect(await countRows(db, "password_reset_tokens where used_at is not null and user_id = (select id from users where email = 'bruno@rede.test')")).toBe(0);
  });

  it("enforces the minimum length with a field error and keeps the token usable", async () => {
    const id = await userId("bruno@rede.test");
    const token = await issueResetToken(db, id);
    const short = await failureOf(anonymous().account.resetPassword({ token, password: "curta" }), ctx());
    expect(short.data).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { password: ["Use pelo menos 8 caracteres."] } });
    const [row] = await db.select({ usedAt: passwordResetTokens.usedAt }).from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, hashToken(token)));
    expect(row!.usedAt).toBeNull();

    expect(await anonymous().account.resetPassword({ token, password: "12345678" })).toEqual({ ok: true });
    expect((await authenticate(db, { email: "bruno@rede.test", password: "12345678", ip: newIp() })).ok).toBe(true);
    expect(await countRows(db, "audit_log where action = 'user.password_reset'")).toBe(2);
    // Admin's spent link, plus Bruno's: the one used and the expired one it retired.
    expect(await countRows(db, "password_reset_tokens where used_at is not null")).toBe(3);
  });

  it("retires every other outstanding link of the user when one is used", async () => {
    const id = await userId("financeiro@rede.test");
    const first = await issueResetToken(db, id);
    const second = await issueResetToken(db, id);
    expect(await anonymous().account.resetPassword({ token: second, password: "segunda-senha-1" })).toEqual({ ok: true });
    const stale = await failureOf(anonymous().account.resetPassword({ token: first, password: "primeira-senha-1" }), ctx());
    expect(stale).toMatchObject({ message: RESET_INVALID, data: { code: "BAD_REQUEST" } });
    expect((await authenticate(db, { email: "financeiro@rede.test", password: "segunda-senha-1", ip: newIp() })).ok).toBe(true);
  });

  it("does not change the password of a deactivated account", async () => {
    const id = await userId("suporte@rede.test");
    const token = await issueResetToken(db, id);
    await db.update(users).set({ status: "inactive" }).where(eq(users.id, id));
    const failure = await failureOf(anonymous().account.resetPassword({ token, password: "senha-nova-123" }), ctx());
    expect(failure).toMatchObject({ message: RESET_INVALID, data: { code: "BAD_REQUEST" } });
    await db.update(users).set({ status: "active" }).where(eq(users.id, id));
    expect((await authenticate(db, { email: "suporte@rede.test", password: DEMO_PASSWORD, ip: newIp() })).ok).toBe(true);
  });
});
