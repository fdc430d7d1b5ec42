import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, companySettings, consultants, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { loadActiveUser, type SessionUser } from "@/server/auth/users";
import { translator } from "@/server/i18n/translate";
import { generateValidDocument } from "@/server/network/documents";
import { verifyTrees } from "@/server/network/tree/verify";
import { createCaller } from "@/server/trpc/root";
import { contextFor, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const who = {} as Record<"admin" | "manager" | "ana", SessionUser>;
const pt = translator("pt-BR");
const api = (u: SessionUser) => createCaller(contextFor(db, u));
const load = async (email: string) => {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActiveUser(db, row!.id))!;
};
let n = 0;
const person = (extra: Record<string, unknown> = {}) => {
  n++;
  return { fullName: `Matriz Teste ${n}`, email: `matriz${n}@teste.com.br`, documentType: "CPF" as const, documentNumber: generateValidDocument("CPF", 70_000 + n), ...extra };
};
const settingsRow = async () => (await db.select().from(companySettings))[0];
const childrenOf = async (id: number) =>
  db.select({ id: consultants.id, slot: consultants.placementSlot }).from(consultants).where(eq(consultants.placementParentId, id)).orderBy(consultants.placementSlot);

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 200 });
  who.admin = await load("admin@rede.test");
  who.manager = await load("gestor@rede.test");
  who.ana = await load("ana@rede.test");
});
afterAll(() => t?.drop());

describe("company network settings", () => {
  it("start binary with breadth-first, and anyone signed in can read them", async () => {
    expect(await api(who.ana).settings.network()).toMatchObject({ shape: { kind: "binary" }, defaultPlacementRule: "breadth_first" });
  });

  it("refuse bad input with field errors and change nothing", async () => {
    const before = await settingsRow();
    for (const [input, field, message] of [
      [{ placementShape: "matrix", defaultPlacementRule: "breadth_first" }, "matrixWidth", pt("errors.required")],
      [{ placementShape: "matrix", matrixWidth: 1, defaultPlacementRule: "breadth_first" }, "matrixWidth", pt("settings.errors.widthRange")],
      [{ placementShape: "matrix", matrixWidth: 21, defaultPlacementRule: "breadth_first" }, "matrixWidth", pt("settings.errors.widthRange")],
    ] as const) {
      const f = await failureOf(api(who.admin).settings.updateNetwork(input as never), contextFor(db, who.admin));
      expect(f.data.code).toBe("BAD_REQUEST");
      expect(f.data.fieldErrors?.[field]).toEqual([message]);
    }
    // A field manager moves people but does not edit the compensation plan's shape.
    const f = await failureOf(api(who.manager).settings.updateNetwork({ placementShape: "binary", defaultPlacementRule: "weaker_leg" }), contextFor(db, who.manager));
    expect(f.data.code).toBe("FORBIDDEN");
    expect(await settingsRow()).toEqual(before);
  });

  it("a matrix of 3: enrolment fills positions 1..3 by the default rule, a manual position 4 is refused", async () => {
    const saved = await api(who.admin).settings.updateNetwork({ placementShape: "matrix", matrixWidth: 3, defaultPlacementRule: "extreme_right" });
    expect(saved).toMatchObject({ shape: { kind: "matrix", width: 3 }, defaultPlacementRule: "extreme_right" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "settings.network")));
    expect(audit).toMatchObject({ before: { placementShape: "binary" }, after: { placementShape: "matrix", matrixWidth: 3, defaultPlacementRule: "extreme_right" } });

    // A newcomer of Ana's with no placement chosen: extreme right of a 3-wide matrix is position 3.
    const first = await api(who.ana).consultantRecords.enrol(person());
    expect(first.placementSlot).toBe(3);
    // Manual: position 2 under the newcomer is fine; position 4 does not exist.
    const manual = await api(who.ana).consultantRecords.enrol(person({ placement: { rule: "manual", parentId: first.id, slot: 2 } }));
    expect(manual).toMatchObject({ placementParentId: first.id, placementSlot: 2 });
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(consultants);
    const f = await failureOf(api(who.ana).consultantRecords.enrol(person({ placement: { rule: "manual", parentId: first.id, slot: 4 } })), contextFor(db, who.ana));
    expect(f.data.fieldErrors?.["placement.slot"]).toEqual([pt("network.errors.invalidSlot")]);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(consultants)).toEqual(before);

    // Breadth-first from Ana fills a shallower free position first, and only positions 1..3 exist.
    const bf = await api(who.ana).consultantRecords.enrol(person({ placement: { rule: "breadth_first" } }));
    expect([1, 2, 3]).toContain(bf.placementSlot);
    expect(bf.placementParentId).not.toBe(first.id);
    expect((await childrenOf(first.id)).map((c) => c.slot)).toEqual([2]);

    // Moves follow the shape too: position 3 of a free parent is allowed, 4 is not.
    const set = await api(who.admin).network.draftMove({ items: [{ consultantId: manual.id, withDownline: true, newPlacementParentId: first.id, newPlacementSlot: 3 }] });
    await api(who.admin).network.commit({ id: set });
    expect((await childrenOf(first.id)).map((c) => c.slot)).toEqual([3]);
    const bad = await api(who.admin).network.draftMove({ items: [{ consultantId: manual.id, withDownline: true, newPlacementParentId: first.id, newPlacementSlot: 4 }] });
    const refused = await failureOf(api(who.admin).network.commit({ id: bad }), contextFor(db, who.admin));
    expect(refused.data.code).toBe("BAD_REQUEST");
    expect((await childrenOf(first.id)).map((c) => c.slot)).toEqual([3]);
    expect((await api(who.admin).network.verify()).filter((c) => c.violations > 0)).toEqual([]);
    expect(await api(who.admin).network.legs({ tree: "placement", id: first.id })).toEqual([
      { slot: 1, size: 0 },
      { slot: 2, size: 0 },
      { slot: 3, size: 1 },
    ]);
  });

  it("will not shrink the shape below a position already in use", async () => {
    const before = await settingsRow();
    const f = await failureOf(api(who.admin).settings.updateNetwork({ placementShape: "binary", defaultPlacementRule: "breadth_first" }), contextFor(db, who.admin));
    expect(f.data.code).toBe("CONFLICT");
    expect(f.data.fieldErrors?.matrixWidth).toEqual([pt("settings.errors.slotInUse", { slot: "3", width: "2" })]);
    expect(await settingsRow()).toEqual(before);
    // Under a binary reading the same tree breaks the "≤ 2 legs" invariant, which verify reports.
    expect((await verifyTrees(db)).find((c) => c.name === "placementSlots")!.violations).toBeGreaterThan(0);
    // Wider is always fine.
    expect(await api(who.admin).settings.updateNetwork({ placementShape: "matrix", matrixWidth: 5, defaultPlacementRule: "weaker_leg" })).toMatchObject({ shape: { width: 5 } });
  });
});
