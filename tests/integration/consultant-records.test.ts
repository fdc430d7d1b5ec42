import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, consultants, consultantStatusHistory, genealogy, placementTree, restrictedHits, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { loadActiveUser, type SessionUser } from "@/server/auth/users";
import { translator } from "@/server/i18n/translate";
import { generateValidDocument } from "@/server/network/documents";
import { findPlacement, memoryPlacementView, type PlacementRequest } from "@/server/network/placement";
import { slotFromDb } from "@/server/network/placement-sql";
import { checkRestricted } from "@/server/network/restricted";
import { verifyTrees } from "@/server/network/tree/verify";
import { createCaller } from "@/server/trpc/root";
import { contextFor, countRows, failureOf } from "./admin-helpers";
import { createTestDatabase } from "./db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const who = {} as Record<"admin" | "ana" | "finance", SessionUser>;
let rootId: number;
let anaId: number;
const pt = translator("pt-BR");
const NEUTRAL = "Não foi possível concluir o cadastro com estes dados. Fale com a empresa.";

const api = (u: SessionUser) => createCaller(contextFor(db, u));
const ctxOf = (u: SessionUser) => contextFor(db, u);

let n = 0;
/** A new person with a valid CPF that the 300-consultant seed does not use. */
function person(extra: Record<string, unknown> = {}) {
  n++;
  return {
    fullName: `Pessoa Teste ${n}`,
    email: `pessoa${n}@teste.com.br`,
    phone: `+55 11 98888-${String(1000 + n)}`,
    documentType: "CPF" as const,
    documentNumber: generateValidDocument("CPF", 50_000 + n),
    ...extra,
  };
}

const counts = async () => ({
  consultants: await countRows(db, "consultants"),
  genealogy: await countRows(db, "genealogy"),
  history: await countRows(db, "consultant_status_history"),
  audit: await countRows(db, "audit_log"),
  hits: await countRows(db, "restricted_hits"),
});

/** What the pure rules answer over an in-memory copy of the placement tree: the expected spot. */
async function expectedSpot(request: PlacementRequest) {
  const rows = await db
    .select({ id: consultants.id, parentId: consultants.placementParentId, slot: consultants.placementSlot })
    .from(consultants);
  const view = memoryPlacementView(rows.map((r) => ({ id: r.id, parentId: r.parentId, slot: r.slot === null ? null : slotFromDb(r.slot) })));
  const found = await findPlacement(view, { kind: "binary" }, request);
  if (!found.ok) throw new Error(found.error);
  return { parentId: found.parentId, slot: found.slot };
}

async function treesAreSound() {
  const checks = await verifyTrees(db);
  expect(checks.filter((c) => c.violations > 0)).toEqual([]);
}

const load = async (email: string) => {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActiveUser(db, row!.id))!;
};

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 300 });
  who.admin = await load("admin@rede.test");
  who.ana = await load("ana@rede.test");
  who.finance = await load("financeiro@rede.test");
  anaId = who.ana.consultantId!;
  [{ id: rootId }] = (await db.select({ id: consultants.id }).from(consultants).where(sql`${consultants.sponsorId} is null`)) as [{ id: number }];
});

afterAll(async () => t?.drop());

describe("enrol by staff", () => {
  for (const rule of ["breadth_first", "extreme_left", "extreme_right", "weaker_leg"] as const) {
    it(`places with ${rule} where the rule says, and keeps the trees sound`, async () => {
      const want = await expectedSpot({ rule, rootId: anaId });
      const before = await counts();
      const out = await api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, placement: { rule } }));
      expect(out).toMatchObject({ sponsorId: anaId, placementParentId: want.parentId, placementSlot: want.slot });
      expect(out.code).toBe(`RD${String(out.id).padStart(6, "0")}`);
      const [row] = await db.select().from(consultants).where(eq(consultants.id, out.id));
      expect(row).toMatchObject({ sponsorId: anaId, placementParentId: want.parentId, placementSlot: want.slot === "L" ? 1 : 2, status: "active", code: out.code });
      const after = await counts();
      expect(after).toMatchObject({ consultants: before.consultants + 1, genealogy: before.genealogy + 1, history: before.history + 1, audit: before.audit + 1 });
      const [history] = await db.select().from(consultantStatusHistory).where(eq(consultantStatusHistory.consultantId, out.id));
      expect(history).toMatchObject({ fromStatus: null, toStatus: "active", reason: "enrolled", actorUserId: who.admin.id });
      await treesAreSound();
    });
  }

  it("the default rule is breadth-first under the sponsor", async () => {
    const want = await expectedSpot({ rule: "breadth_first", rootId });
    const out = await api(who.admin).consultantRecords.enrol(person({ sponsorId: rootId }));
    expect(out).toMatchObject({ placementParentId: want.parentId, placementSlot: want.slot });
  });

  it("places manually in a free slot inside the sponsor's subtree, and refuses a taken or outside one", async () => {
    const free = await expectedSpot({ rule: "breadth_first", rootId: anaId });
    const out = await api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, placement: { rule: "manual", parentId: free.parentId, slot: free.slot } }));
    expect(out).toMatchObject({ placementParentId: free.parentId, placementSlot: free.slot });
    await treesAreSound();

    const before = await counts();
    const taken = api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, placement: { rule: "manual", parentId: free.parentId, slot: free.slot } }));
    const f1 = await failureOf(taken, ctxOf(who.admin));
    expect(f1.data.code).toBe("CONFLICT");
    expect(Object.keys(f1.data.fieldErrors ?? {})).toEqual(["placement.slot"]);
    // The root is above Ana: outside her subtree.
    const outside = api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, placement: { rule: "manual", parentId: rootId, slot: "L" } }));
    const f2 = await failureOf(outside, ctxOf(who.admin));
    expect(f2.data.code).toBe("BAD_REQUEST");
    expect(f2.data.fieldErrors?.["placement.parentId"]).toEqual([pt("network.errors.outsideSubtree")]);
    expect(await counts()).toEqual(before);
  });

  it("two concurrent enrolments proposed the same slot both land (the loser asks again)", async () => {
    // A fresh sponsor with no placement children: both requests are proposed its L slot.
    const sponsor = (await api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, placement: { rule: "extreme_right" } }))).id;
    const [a, b] = await Promise.all([
      api(who.admin).consultantRecords.enrol(person({ sponsorId: sponsor })),
      api(who.admin).consultantRecords.enrol(person({ sponsorId: sponsor })),
    ]);
    expect([a.placementParentId, b.placementParentId]).toEqual([sponsor, sponsor]);
    expect([a.placementSlot, b.placementSlot].sort()).toEqual(["L", "R"]);
    await treesAreSound();
  });

  it("needs a sponsor once the network has a root", async () => {
    const f = await failureOf(api(who.admin).consultantRecords.enrol(person()), ctxOf(who.admin));
    expect(f.data.code).toBe("BAD_REQUEST");
    expect(f.data.fieldErrors?.sponsorId).toEqual([pt("network.errors.sponsorRequired")]);
  });
});

describe("enrol by a consultant", () => {
  it("always enrols under themselves, whatever sponsor they send", async () => {
    const want = await expectedSpot({ rule: "breadth_first", rootId: anaId });
    const out = await api(who.ana).consultantRecords.enrol(person({ sponsorId: rootId }));
    expect(out).toMatchObject({ sponsorId: anaId, placementParentId: want.parentId, placementSlot: want.slot });
    const [row] = await db.select({ sponsorId: consultants.sponsorId }).from(consultants).where(eq(consultants.id, out.id));
    expect(row!.sponsorId).toBe(anaId);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "consultant.enrol"), eq(auditLog.entityId, String(out.id))));
    expect(audit?.actorUserId).toBe(who.ana.id);
    await treesAreSound();
  });

  it("cannot place manually outside their own subtree", async () => {
    const f = await failureOf(
      api(who.ana).consultantRecords.enrol(person({ placement: { rule: "manual", parentId: rootId, slot: "R" } })),
      ctxOf(who.ana),
    );
    expect(f.data.code).toBe("BAD_REQUEST");
    expect(f.data.fieldErrors?.["placement.parentId"]).toBeDefined();
  });

  it("places only inside her own placement subtree, even under someone she sponsored who was moved out of it", async () => {
    const placementPath = async (cid: number) =>
      (await db.select({ p: placementTree.path }).from(placementTree).where(eq(placementTree.consultantId, cid)))[0]!.p;
    const insideAna = async (cid: number) => (await placementPath(cid)).startsWith(await placementPath(anaId));
    // Someone Ana sponsored, moved (with their downline) under a spot outside Ana's placement subtree.
    const recruit = await api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId }));
    const [bruno] = await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, "RD000017"));
    expect(await insideAna(bruno!.id)).toBe(false);
    const spot = await expectedSpot({ rule: "breadth_first", rootId: bruno!.id });
    const set = await api(who.admin).network.draftMove({
      items: [{ consultantId: recruit.id, withDownline: true, newPlacementParentId: spot.parentId, newPlacementSlot: spot.slot === "L" ? 1 : 2 }],
    });
    await api(who.admin).network.commit({ id: set });
    expect(await insideAna(recruit.id)).toBe(false);
    // Still Ana's recruit in the sponsor tree, so she can see them…
    expect((await db.select({ s: consultants.sponsorId }).from(consultants).where(eq(consultants.id, recruit.id)))[0]!.s).toBe(anaId);

    // …but cannot place a newcomer under them.
    const before = await counts();
    const f = await failureOf(
      api(who.ana).consultantRecords.enrol(person({ placement: { rule: "manual", parentId: recruit.id, slot: "L" } })),
      ctxOf(who.ana),
    );
    expect(f.data.code).toBe("BAD_REQUEST");
    expect(f.data.fieldErrors?.["placement.parentId"]).toEqual([pt("portal.enrol.outsideOwnPlacement")]);
    expect(await counts()).toEqual(before);

    // Every automatic rule lands inside her placement subtree, where the rule says.
    for (const rule of ["breadth_first", "weaker_leg", "extreme_left", "extreme_right"] as const) {
      const want = await expectedSpot({ rule, rootId: anaId });
      const out = await api(who.ana).consultantRecords.enrol(person({ placement: { rule } }));
      expect(out).toMatchObject({ sponsorId: anaId, placementParentId: want.parentId, placementSlot: want.slot });
      expect(await insideAna(out.id)).toBe(true);
    }
    await treesAreSound();
  });

  it("staff without network.edit cannot enrol", async () => {
    const f = await failureOf(api(who.finance).consultantRecords.enrol(person({ sponsorId: anaId })), ctxOf(who.finance));
    expect(f.data.code).toBe("FORBIDDEN");
  });
});

describe("enrol validation and duplicates", () => {
  it("refuses an invalid CPF with a field error on documentNumber and writes nothing", async () => {
    const before = await counts();
    const bad = person({ sponsorId: anaId, documentNumber: "123.456.789-00" });
    const f = await failureOf(api(who.admin).consultantRecords.enrol(bad), ctxOf(who.admin));
    expect(f.data.code).toBe("BAD_REQUEST");
    expect(f.data.fieldErrors?.documentNumber).toEqual([pt("network.errors.documentChecksum")]);
    const short = await failureOf(api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, documentNumber: "123" })), ctxOf(who.admin));
    expect(short.data.fieldErrors?.documentNumber).toEqual([pt("network.errors.documentFormat")]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a future or too recent birthday", async () => {
    const f = await failureOf(api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, birthday: "2999-01-01" })), ctxOf(who.admin));
    expect(f.data.fieldErrors?.birthday).toEqual([pt("network.errors.birthdayFuture")]);
    const young = new Date().toISOString().slice(0, 10);
    const g = await failureOf(api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, birthday: young })), ctxOf(who.admin));
    expect(g.data.fieldErrors?.birthday).toEqual([pt("network.errors.tooYoung")]);
  });

  it("refuses a duplicate e-mail (any case) or document (any mask) with CONFLICT naming the field", async () => {
    const before = await counts();
    const email = await failureOf(api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, email: " ANA@Rede.test " })), ctxOf(who.admin));
    expect(email.data.code).toBe("CONFLICT");
    expect(Object.keys(email.data.fieldErrors ?? {})).toEqual(["email"]);

    const [existing] = await db.select({ doc: consultants.documentNumber }).from(consultants).where(eq(consultants.id, anaId));
    const d = existing!.doc!;
    const masked = `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
    const doc = await failureOf(api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId, documentNumber: masked })), ctxOf(who.admin));
    expect(doc.data.code).toBe("CONFLICT");
    expect(Object.keys(doc.data.fieldErrors ?? {})).toEqual(["documentNumber"]);
    expect(await counts()).toEqual(before);
  });
});

describe("restricted lists", () => {
  it("refuses a restricted document, e-mail or phone with one neutral message, and logs the hit only", async () => {
    const admin = api(who.admin).consultantRecords;
    const p1 = person({ sponsorId: anaId });
    const p2 = person({ sponsorId: anaId });
    const p3 = person({ sponsorId: anaId });
    const doc = await admin.restrictedAdd({ kind: "document", documentType: "CPF", value: p1.documentNumber, reason: "fraude confirmada" });
    expect(doc.value).toBe(`CPF:${p1.documentNumber}`);
    const mail = await admin.restrictedAdd({ kind: "email", value: ` ${p2.email.toUpperCase()} `, reason: "pedido judicial" });
    expect(mail.value).toBe(p2.email);
    const phone = await admin.restrictedAdd({ kind: "phone", value: p3.phone, reason: "chargebacks" });
    expect(phone.value).toBe(p3.phone.replace(/\D/g, ""));
    // The same value twice is a conflict, not a second row.
    const dup = await failureOf(admin.restrictedAdd({ kind: "phone", value: p3.phone, reason: "de novo" }), ctxOf(who.admin));
    expect(dup.data.code).toBe("CONFLICT");

    const masked = p1.documentNumber.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, "$1.$2.$3-$4");
    for (const [attempt, entryId] of [
      [{ ...p1, documentNumber: masked }, doc.id],
      [{ ...p2, email: p2.email.toUpperCase() }, mail.id],
      [{ ...p3, phone: p3.phone.replace(/\D/g, "") }, phone.id],
    ] as const) {
      const before = await counts();
      const f = await failureOf(admin.enrol(attempt), ctxOf(who.admin));
      expect(f.data.code).toBe("BAD_REQUEST");
      expect(f.message).toBe(NEUTRAL);
      expect(f.data.fieldErrors).toBeUndefined();
      const after = await counts();
      expect(after).toEqual({ ...before, hits: before.hits + 1 });
      const hits = await db.select().from(restrictedHits).where(eq(restrictedHits.entryId, entryId));
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ context: "enrol", actorUserId: who.admin.id });
    }
    // A consultant is refused with the same sentence.
    const byAna = await failureOf(api(who.ana).consultantRecords.enrol({ ...p2 }), ctxOf(who.ana));
    expect(byAna.message).toBe(NEUTRAL);

    const listed = await admin.restrictedHits({ entryId: mail.id });
    expect(listed).toHaveLength(2);
    expect((await admin.restrictedList({})).map((e) => e.id)).toEqual(expect.arrayContaining([doc.id, mail.id, phone.id]));

    // Deactivated: the e-mail may enrol again.
    await admin.restrictedDeactivate({ id: mail.id });
    await expect(admin.enrol(p2)).resolves.toMatchObject({ sponsorId: anaId });
  });

  it("keeps the hit log even when the caller's transaction is rolled back", async () => {
    const p = person();
    const entry = await api(who.admin).consultantRecords.restrictedAdd({ kind: "email", value: p.email, reason: "teste de rollback" });
    const before = await countRows(db, "restricted_hits");
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(auditLog).values({ actorUserId: null, action: "test.marker", entityType: "test", entityId: "1" });
        await checkRestricted(db, { email: p.email, context: "profile", actorUserId: who.admin.id, consultantId: anaId }, tx);
      }),
    ).rejects.toMatchObject({ messageKey: "network.errors.restricted" });
    expect(await countRows(db, "restricted_hits")).toBe(before + 1);
    const [hit] = await db.select().from(restrictedHits).where(eq(restrictedHits.entryId, entry.id));
    expect(hit).toMatchObject({ context: "profile", consultantId: anaId });
    // The caller's own write did roll back.
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "test.marker"))).toEqual([]);
  });
});

describe("status lifecycle", () => {
  it("sets a status with a reason, history and audit; genealogy follows", async () => {
    const target = (await api(who.admin).consultantRecords.enrol(person({ sponsorId: anaId }))).id;
    const history = await api(who.admin).consultantRecords.setStatus({ consultantId: target, status: "inactive", reason: "pediu pausa" });
    expect(history).toMatchObject({ consultantId: target, fromStatus: "active", toStatus: "inactive", reason: "pediu pausa" });
    const [g] = await db.select({ status: genealogy.status }).from(genealogy).where(eq(genealogy.consultantId, target));
    expect(g!.status).toBe("inactive");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "consultant.setStatus"), eq(auditLog.entityId, String(target))));
    expect(audit).toMatchObject({ actorUserId: who.admin.id, before: { status: "active" } });

    // Ana sees her downline's history; the list is newest first.
    const seen = await api(who.ana).consultantRecords.history({ consultantId: target });
    expect(seen.map((h) => h.toStatus)).toEqual(["inactive", "active"]);
    const out = await failureOf(api(who.ana).consultantRecords.history({ consultantId: rootId }), ctxOf(who.ana));
    expect(out.data.code).toBe("FORBIDDEN");

    const same = await failureOf(api(who.admin).consultantRecords.setStatus({ consultantId: target, status: "inactive", reason: "de novo" }), ctxOf(who.admin));
    expect(same.data.code).toBe("BAD_REQUEST");
    const short = await failureOf(api(who.admin).consultantRecords.setStatus({ consultantId: target, status: "active", reason: "x" }), ctxOf(who.admin));
    expect(short.data.fieldErrors?.reason).toBeDefined();
  });

  it("never terminates or revives a terminated consultant here", async () => {
    const [terminated] = await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.status, "terminated")).limit(1);
    const revive = await failureOf(
      api(who.admin).consultantRecords.setStatus({ consultantId: terminated!.id, status: "active", reason: "voltou" }),
      ctxOf(who.admin),
    );
    expect(revive.message).toBe(pt("network.errors.terminatedFinal"));
    const terminate = await failureOf(api(who.admin).consultantRecords.setStatus({ consultantId: anaId, status: "terminated", reason: "saiu" }), ctxOf(who.admin));
    expect(terminate.message).toBe(pt("network.errors.terminateViaChangeSet"));
  });

  it("is refused to a consultant", async () => {
    const f = await failureOf(api(who.ana).consultantRecords.setStatus({ consultantId: anaId, status: "inactive", reason: "teste" }), ctxOf(who.ana));
    expect(f.data.code).toBe("FORBIDDEN");
  });

  it("bulk by the consultant list's filter: the same people the list shows, and only those that change", async () => {
    const admin = api(who.admin);
    const list = { rootId, text: "ÍA", levelMin: 2, levelMax: 30, statuses: ["inactive" as const, "terminated" as const] };
    const shown: { id: number; status: string }[] = [];
    for (let page = 1; ; page++) {
      const p = await admin.network.downline({ ...list, page, pageSize: 100 });
      shown.push(...p.rows.map((r) => ({ id: r.id, status: r.status })));
      if (p.rows.length < 100) break;
    }
    const changing = shown.filter((r) => r.status === "inactive").map((r) => r.id).sort((a, b) => a - b);
    expect(changing.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(changing.length); // some terminated ones, which stay

    const selection = { filter: list, to: "active" as const };
    const preview = await admin.consultantRecords.bulkStatusPreview(selection);
    expect(preview).toMatchObject({ count: changing.length, matched: shown.length });
    expect(preview.sample.map((s) => s.id)).toEqual(changing.slice(0, 20));

    const applied = await admin.consultantRecords.bulkStatusApply({ ...selection, reason: "reativação por filtro" });
    expect(applied.count).toBe(changing.length);
    const history = await db.select().from(consultantStatusHistory).where(eq(consultantStatusHistory.reason, "reativação por filtro"));
    expect(history.map((h) => h.consultantId).sort((a, b) => a - b)).toEqual(changing);
    expect((await admin.consultantRecords.bulkStatusPreview(selection)).count).toBe(0);

    // levelMin 1 leaves the root out, as the list does; without it the root counts too.
    const anaList = await admin.network.downline({ rootId: anaId, pageSize: 1 });
    const below = await admin.consultantRecords.bulkStatusPreview({ filter: { rootId: anaId, levelMin: 1 }, to: "inactive" });
    const withRoot = await admin.consultantRecords.bulkStatusPreview({ filter: { rootId: anaId }, to: "inactive" });
    expect(below.matched).toBe(anaList.total);
    expect(withRoot.matched).toBe(anaList.total + 1);

    // A level range means nothing without the root it counts from.
    const f = await failureOf(admin.consultantRecords.bulkStatusPreview({ filter: { levelMin: 1 }, to: "inactive" }), ctxOf(who.admin));
    expect(f.data.code).toBe("BAD_REQUEST");
    expect(Object.keys(f.data.fieldErrors ?? {})).toEqual(["filter.rootId"]);
  });

  it("bulk: the preview count is what apply changes, with a history row each and one audit row", async () => {
    const admin = api(who.admin).consultantRecords;
    const selection = { filter: { rootId: anaId, status: "active" as const }, to: "inactive" as const };
    const preview = await admin.bulkStatusPreview(selection);
    expect(preview.count).toBeGreaterThan(20);
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample.every((s) => s.status === "active")).toBe(true);
    const historyBefore = await countRows(db, "consultant_status_history");

    const applied = await admin.bulkStatusApply({ ...selection, reason: "campanha encerrada" });
    expect(applied.count).toBe(preview.count);
    const rows = await db.select().from(consultantStatusHistory).where(eq(consultantStatusHistory.reason, "campanha encerrada"));
    expect(rows).toHaveLength(preview.count);
    expect(rows.every((r) => r.fromStatus === "active" && r.toStatus === "inactive" && r.actorUserId === who.admin.id)).toBe(true);
    expect(await countRows(db, "consultant_status_history")).toBe(historyBefore + preview.count);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "consultant.bulkStatus"), sql`${auditLog.after}->>'reason' = 'campanha encerrada'`));
    expect(audit?.after).toMatchObject({ count: preview.count, to: "inactive" });
    const [{ n: stillActive }] = (await db.execute(sql`
      select count(*)::int as n from genealogy g, genealogy a
       where a.consultant_id = ${anaId} and starts_with(g.sponsor_path, a.sponsor_path) and g.status = 'active'`)) as unknown as [{ n: number }];
    expect(stillActive).toBe(0);
    expect((await admin.bulkStatusPreview(selection)).count).toBe(0);

    // By ids: terminated and unchanged ones are skipped.
    const [terminated] = await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.status, "terminated")).limit(1);
    const byIds = await admin.bulkStatusPreview({ ids: [anaId, terminated!.id, rootId], to: "active" });
    expect(byIds.sample.map((s) => s.id)).toEqual([anaId]);
    expect((await admin.bulkStatusApply({ ids: [anaId, terminated!.id, rootId], to: "active", reason: "reativação" })).count).toBe(1);
  });
});
