import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { Logger, runOnce } from "graphile-worker";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { emailOutbox } from "@/db/schema";
import { deliverOutboxEmail } from "@/server/email/deliver";
import { enqueueEmail } from "@/server/email/outbox";
import { buildTaskList, startWorker, stopWorker } from "@/server/jobs/worker";
import { createTestDatabase } from "./db";

type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

// The pt-BR subject, written out: asserting through the translator would hide a wrong locale.
const PT_RESET_SUBJECT = "Redefinição de senha do Rede";
const RESET_URL = "http://localhost:3000/reset-password?token=abc123";

const silent = new Logger(() => () => {});

let t: TestDb;
// A database per test: graphile-worker's queue is global to a database, and the worker tests
// must not pick up jobs left by the others.
beforeEach(async () => {
  t = await createTestDatabase();
  vi.stubEnv("RESEND_API_KEY", undefined);
  vi.stubEnv("RESEND_BASE_URL", undefined);
  vi.stubEnv("EMAIL_FROM", undefined);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await t.drop();
});

function enqueueReset(to = "ana@example.com", locale: "pt-BR" | "es" | "en" = "pt-BR") {
  return t.db.transaction((tx) =>
    enqueueEmail(tx, { template: "password-reset", to, locale, props: { name: "Ana", resetUrl: RESET_URL } }),
  );
}

async function outboxRow(id: number) {
  const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

async function jobsFor(id: number) {
  return t.db.execute<{ attempts: number; last_error: string | null; run_at: Date }>(
    sql`select attempts, last_error, run_at from graphile_worker.jobs where key = ${`email:${id}`}`,
  );
}

type Recorded = { method?: string; url?: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/** Stands in for api.resend.com: records each request and answers with the given status and body. */
async function fakeResend(reply: { status: number; body: unknown }) {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(raw || "{}") });
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  vi.stubEnv("RESEND_API_KEY", "re_test_key");
  vi.stubEnv("RESEND_BASE_URL", `http://127.0.0.1:${port}`);
  return { requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("outbox", () => {
  it("writes nothing, neither row nor job, when the business transaction rolls back", async () => {
    class Rollback extends Error {}
    let rolledBackId = 0;
    await expect(
      t.db.transaction(async (tx) => {
        rolledBackId = await enqueueEmail(tx, {
          template: "password-reset",
          to: "gone@example.com",
          locale: "pt-BR",
          props: { name: "Ana", resetUrl: RESET_URL },
        });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);

    expect(rolledBackId).toBeGreaterThan(0);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "gone@example.com"))).toHaveLength(0);
    expect(await jobsFor(rolledBackId)).toHaveLength(0);

    // The same call committed leaves one of each, so the assertions above can tell the difference.
    const id = await enqueueReset("kept@example.com");
    expect((await outboxRow(id)).status).toBe("pending");
    expect(await jobsFor(id)).toHaveLength(1);
  });
});

describe("deliverOutboxEmail", () => {
  it("without RESEND_API_KEY keeps the e-mail for the dev outbox, subject in the row's locale, once", async () => {
    const id = await enqueueReset("ana@example.com", "pt-BR");
    const spanish = await enqueueReset("luis@example.com", "es");

    expect(await deliverOutboxEmail(t.db, id)).toBe("dev_delivered");
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "dev_delivered", subject: PT_RESET_SUBJECT, attempts: 1, lastError: null });
    expect(row.deliveredAt).toBeInstanceOf(Date);

    expect(await deliverOutboxEmail(t.db, id)).toBe("already_delivered");
    expect(await outboxRow(id)).toEqual(row);

    await deliverOutboxEmail(t.db, spanish);
    expect((await outboxRow(spanish)).subject).toBe("Restablecimiento de contraseña de Rede");
  });

  it("sends through the real Resend SDK exactly once, with an idempotency key, and stores the provider id", async () => {
    const resend = await fakeResend({ status: 200, body: { id: "re_fake_123" } });
    try {
      const id = await enqueueReset("ana@example.com");
      expect(await deliverOutboxEmail(t.db, id)).toBe("sent");

      expect(resend.requests).toHaveLength(1);
      const [request] = resend.requests;
      expect(request).toMatchObject({ method: "POST", url: "/emails" });
      expect(request!.headers["idempotency-key"]).toBe(`outbox-${id}`);
      expect(request!.headers.authorization).toBe("Bearer re_test_key");
      expect(request!.body).toMatchObject({ from: "Rede <no-reply@rede.test>", subject: PT_RESET_SUBJECT });
      expect([request!.body.to].flat()).toEqual(["ana@example.com"]);
      expect(request!.body.html).toContain(RESET_URL);
      expect(request!.body.html).toContain("1 hora");
      expect(request!.body.text).toContain(RESET_URL);

      expect(await outboxRow(id)).toMatchObject({ status: "sent", providerId: "re_fake_123", subject: PT_RESET_SUBJECT, attempts: 1 });

      expect(await deliverOutboxEmail(t.db, id)).toBe("already_delivered");
      expect(resend.requests).toHaveLength(1);
    } finally {
      await resend.close();
    }
  });

  it("records a provider failure on the row and throws, so the job is retried; the last try marks it failed", async () => {
    const resend = await fakeResend({
      status: 500,
      body: { statusCode: 500, name: "internal_server_error", message: "provider is down" },
    });
    try {
      const id = await enqueueReset();
      await expect(deliverOutboxEmail(t.db, id)).rejects.toThrow(/provider is down/);
      expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 1, providerId: null, deliveredAt: null });
      expect((await outboxRow(id)).lastError).toMatch(/internal_server_error: provider is down/);

      await expect(deliverOutboxEmail(t.db, id, { finalAttempt: true })).rejects.toThrow();
      expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: 2 });
      expect(resend.requests).toHaveLength(2);
    } finally {
      await resend.close();
    }
  });

  it("marks a row whose props no longer fit its template as failed, without retrying", async () => {
    const [row] = await t.db
      .insert(emailOutbox)
      .values({ template: "password-reset", toAddress: "ana@example.com", locale: "en", props: { name: "Ana" } })
      .returning({ id: emailOutbox.id });
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await deliverOutboxEmail(t.db, row!.id)).toBe("failed");
    } finally {
      spy.mockRestore();
    }
    expect(await outboxRow(row!.id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await outboxRow(row!.id)).lastError).toMatch(/resetUrl/);
  });
});

describe("graphile-worker", () => {
  it("picks up the queued job and delivers the row (runOnce)", async () => {
    const id = await t.db.transaction((tx) =>
      enqueueEmail(tx, {
        template: "welcome",
        to: "new@example.com",
        locale: "en",
        props: { name: "Sam", loginUrl: "http://localhost:3000/login" },
      }),
    );
    await runOnce({ connectionString: t.url, taskList: buildTaskList(t.db), logger: silent, noHandleSignals: true });

    expect(await outboxRow(id)).toMatchObject({ status: "dev_delivered", subject: "Welcome to Rede, Sam" });
    expect(await jobsFor(id)).toHaveLength(0); // completed jobs are deleted
  });

  it("keeps a failed job queued for a later retry (runOnce)", async () => {
    const resend = await fakeResend({ status: 500, body: { statusCode: 500, name: "internal_server_error", message: "down" } });
    try {
      const id = await enqueueReset();
      await runOnce({ connectionString: t.url, taskList: buildTaskList(t.db), logger: silent, noHandleSignals: true });

      const [job] = await jobsFor(id);
      expect(job).toMatchObject({ attempts: 1 });
      expect(job!.last_error).toMatch(/down/);
      expect(new Date(job!.run_at).getTime()).toBeGreaterThan(Date.now()); // backoff
      expect(await outboxRow(id)).toMatchObject({ status: "pending", attempts: 1 });
    } finally {
      await resend.close();
    }
  });

  it("startWorker runs once per process and delivers jobs as they are queued", async () => {
    const runner = await startWorker({ connectionString: t.url, concurrency: 1 });
    try {
      expect(await startWorker({ connectionString: t.url, concurrency: 1 })).toBe(runner);
      const id = await enqueueReset("live@example.com");
      const deadline = Date.now() + 10_000;
      while ((await outboxRow(id)).status === "pending" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await outboxRow(id)).toMatchObject({ status: "dev_delivered", subject: PT_RESET_SUBJECT });
    } finally {
      await stopWorker();
    }
  });
});
