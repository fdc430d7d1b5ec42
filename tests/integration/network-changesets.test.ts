import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, changeSetItems, changeSets, consultants, consultantStatusHistory, genealogy, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { loadActiveUser } from "@/server/auth/users";
import { formatDocument, generateValidDocument } from "@/server/network/documents";
import { unaccentLower } from "@/server/network/tree/queries";
import { verifyTrees } from "@/server/network/tree/verify";
import { createCaller } from "@/server/trpc/root";
import { contextFor, failureOf, treeRows } from "./admin-helpers";
import { createTestDatabase } from "./db";

const OUT_OF_SCOPE = "Este consultor não está na sua rede.";
const FORBIDDEN = "Você não tem permissão para esta ação.";
const NOT_DRAFT = "Este conjunto de mudanças já foi confirmado ou descartado.";
const CYCLE = "Movimento recusado: o destino está dentro da própria rede do consultor.";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const id = {} as Record<"helena" | "ana" | "rd3" | "rd4" | "rd5" | "deep" | "bruno", number>;

const byCode = async (code: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, code)))[0]!.id;
async function as(email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const ctx = contextFor(db, await loadActiveUser(db, row!.id));
  return { api: createCaller(ctx), ctx, userId: row!.id };
}
const tree = () => treeRows(db);
const adjacency = () => db.select({ id: consultants.id, sponsorId: consultants.sponsorId, placementParentId: consultants.placementParentId, fullName: consultants.fullName }).from(consultants);
async function snapshot() {
  const [row] = await db.execute<{ g: string; c: string }>(sql`select
    (select md5(string_agg(g::text, '|' order by consultant_id)) from genealogy g) as g,
    (select md5(string_agg(concat_ws(',', id, sponsor_id, placement_parent_id, placement_slot, status), '|' order by id)) from consultants) as c`);
  return row!;
}
const clean = async () => expect((await verifyTrees(db)).filter((c) => c.violations > 0)).toEqual([]);
const setRow = async (setId: number) => (await db.select().from(changeSets).where(eq(changeSets.id, setId)))[0]!;
const audits = async (setId: number) => db.select().from(auditLog).where(and(eq(auditLog.entityType, "change_set"), eq(auditLog.entityId, String(setId))));
/** A free binary leg inside `within`'s placement subtree. */
async function freeSpot(within: number) {
  const g = await tree();
  const adj = await adjacency();
  const root = g.get(within)!.placementPath!;
  for (const [cid, row] of [...g].sort((a, b) => a[0] - b[0])) {
    if (!row.placementPath?.startsWith(root)) continue;
    const taken = adj.filter((a) => a.placementParentId === cid).length;
    if (taken < 2) {
      const [first] = await db.select({ slot: consultants.placementSlot }).from(consultants).where(eq(consultants.placementParentId, cid));
      return { parentId: cid, slot: first?.slot === 1 ? 2 : 1 };
    }
  }
  throw new Error("no free leg");
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 400 });
  for (const [key, code] of Object.entries({ helena: "RD000001", ana: "RD000002", rd3: "RD000003", rd4: "RD000004", rd5: "RD000005", deep: "RD000016", bruno: "RD000017" })) id[key as keyof typeof id] = await byCode(code);
});
afterAll(async () => t?.drop());

describe("scope of tree reads", () => {
  it("lets Ana read her own downline and refuses Bruno's id with the out-of-scope sentence", async () => {
    const { api, ctx } = await as("ana@rede.test");
    const g = await tree();
    const direct = (await adjacency()).filter((a) => a.sponsorId === id.ana).length;
    expect((await api.network.children({ tree: "sponsor", parentId: id.ana, pageSize: 200 })).total).toBe(direct);
    expect((await api.network.children({ tree: "sponsor", parentId: id.rd3 })).rows.map((r) => r.id)).toContain(id.rd4);
    expect((await api.network.downline({ rootId: id.ana })).total).toBe(g.get(id.ana)!.downlineSize);
    expect((await api.network.downline({ rootId: id.rd5, levelMin: 11, levelMax: 11, pageSize: 200 })).rows.map((r) => r.id)).toContain(id.deep);
    const levels = await api.network.levels({ tree: "sponsor", id: id.ana });
    expect(levels.reduce((s, l) => s + l.count, 0)).toBe(g.get(id.ana)!.downlineSize);
    for (const call of [
      () => api.network.children({ tree: "sponsor", parentId: id.bruno }),
      () => api.network.downline({ rootId: id.bruno }),
      () => api.network.levels({ tree: "sponsor", id: id.bruno }),
      () => api.network.upline({ tree: "sponsor", id: id.bruno }),
      () => api.network.legs({ tree: "placement", id: id.helena }),
    ]) {
      expect(await failureOf(call(), ctx)).toMatchObject({ message: OUT_OF_SCOPE, data: { code: "FORBIDDEN", httpStatus: 403 } });
    }
  });

  it("cuts Ana's upline at herself; staff see it from the root", async () => {
    const ana = await as("ana@rede.test");
    const admin = await as("admin@rede.test");
    const chain = await ana.api.network.upline({ tree: "sponsor", id: id.deep });
    expect(chain.map((c) => c.id)).toEqual([id.ana, id.rd3, id.rd4, id.rd5, ...chain.slice(4).map((c) => c.id)]);
    expect(chain).toHaveLength(15);
    expect(chain.at(-1)).toMatchObject({ id: id.deep, level: 15 });
    expect((await ana.api.network.upline({ tree: "sponsor", id: id.ana })).map((c) => c.id)).toEqual([id.ana]);
    expect((await admin.api.network.upline({ tree: "sponsor", id: id.deep })).map((c) => c.id).slice(0, 2)).toEqual([id.helena, id.ana]);
  });

  it("limits Ana's lookup to her downline, even for a name found in both branches", async () => {
    const ana = await as("ana@rede.test");
    const admin = await as("admin@rede.test");
    const g = await tree();
    const adj = await adjacency();
    const inside = (cid: number) => g.get(cid)!.sponsorPath.startsWith(g.get(id.ana)!.sponsorPath);
    const word = ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Ferreira"].find(
      (w) => adj.some((a) => a.fullName.includes(w) && inside(a.id)) && adj.some((a) => a.fullName.includes(w) && !inside(a.id)),
    )!;
    expect(word).toBeTruthy();
    const hits = (await ana.api.network.lookup({ q: word.toLowerCase(), limit: 50 })).map((r) => r.id);
    const expected = adj.filter((a) => unaccentLower(a.fullName).includes(word.toLowerCase()) && inside(a.id));
    expect(hits.length).toBe(Math.min(50, expected.length));
    expect(hits.every(inside)).toBe(true);
    expect((await admin.api.network.lookup({ q: word, limit: 50 })).some((r) => !inside(r.id))).toBe(true);
    expect(await ana.api.network.lookup({ q: "RD000017" })).toEqual([]);
    expect(await ana.api.network.lookup({ q: generateValidDocument("CPF", 17) })).toEqual([]);
  });

  it("never reveals the placement upline above Ana, even after a spillover out of her leg", async () => {
    const admin = await as("admin@rede.test");
    const spot = await freeSpot(id.bruno);
    const set = await admin.api.network.draftMove({ items: [{ consultantId: id.deep, newPlacementParentId: spot.parentId, newPlacementSlot: spot.slot }] });
    await admin.api.network.commit({ id: set });
    const { api } = await as("ana@rede.test");
    const g = await tree();
    const chain = await api.network.upline({ tree: "placement", id: id.deep });
    expect(chain.map((c) => c.id)).toEqual([id.deep]);
    expect(chain.filter((c) => !g.get(c.id)!.sponsorPath.startsWith(g.get(id.ana)!.sponsorPath)).map((c) => c.id)).toEqual([]);
    await clean();
  });

  it("refuses draftMove to Ana and commit, preview, draftMove to finance", async () => {
    const ana = await as("ana@rede.test");
    const fin = await as("financeiro@rede.test");
    const gestor = await as("gestor@rede.test");
    const item = { consultantId: id.rd5, newSponsorId: id.bruno };
    expect(await failureOf(ana.api.network.draftMove({ items: [item] }), ana.ctx)).toMatchObject({ message: FORBIDDEN, data: { code: "FORBIDDEN" } });
    const set = await gestor.api.network.draftMove({ items: [item] });
    for (const call of [() => fin.api.network.commit({ id: set }), () => fin.api.network.preview({ id: set }), () => fin.api.network.draftMove({ items: [item] })]) {
      expect(await failureOf(call(), fin.ctx)).toMatchObject({ message: FORBIDDEN, data: { code: "FORBIDDEN" } });
    }
    expect((await setRow(set)).status).toBe("draft");
    await gestor.api.network.discard({ id: set });
    expect((await setRow(set)).status).toBe("discarded");
  });
});

describe("lookup", () => {
  it("finds by code (any case), CPF with or without mask, and partial accent-insensitive name", async () => {
    const { api } = await as("admin@rede.test");
    expect((await api.network.lookup({ q: "rd000017" }))[0]).toMatchObject({ id: id.bruno, fullName: "Bruno Almeida", exact: true });
    const cpf = generateValidDocument("CPF", 17);
    for (const q of [cpf, formatDocument("CPF", cpf), ` ${formatDocument("CPF", cpf)} `]) {
      const rows = await api.network.lookup({ q });
      expect(rows.map((r) => [r.id, r.exact])).toEqual([[id.bruno, true]]);
    }
    expect(formatDocument("CPF", cpf)).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);
    const adj = await adjacency();
    for (const q of ["VITORIA", "natal", "Otavio"]) {
      const expected = adj.filter((a) => unaccentLower(a.fullName).includes(unaccentLower(q)));
      const rows = await api.network.lookup({ q, limit: 50 });
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.length).toBe(Math.min(50, expected.length));
      expect(rows.every((r) => unaccentLower(r.fullName).includes(unaccentLower(q)))).toBe(true);
    }
    expect((await api.network.lookup({ q: "anã souza" })).map((r) => r.id)).toContain(id.ana);
  });
});

describe("change sets", () => {
  it("previews a move with its effects and changes nothing", async () => {
    const { api } = await as("gestor@rede.test");
    const before = await snapshot();
    const g = await tree();
    const [rd5] = await db.select().from(consultants).where(eq(consultants.id, id.rd5));
    const set = await api.network.draftMove({ note: "realinhamento", items: [{ consultantId: id.rd5, newSponsorId: id.bruno }] });
    const effects = await api.network.preview({ id: set });
    expect(effects).toHaveLength(1);
    expect(effects[0]).toMatchObject({ consultantId: id.rd5, moved: g.get(id.rd5)!.downlineSize + 1, rolledUp: 0 });
    expect(effects[0]!.sponsorBefore!.map((c) => c.id)).toEqual([id.helena, id.ana, id.rd3, id.rd4, id.rd5]);
    expect(effects[0]!.sponsorAfter!.map((c) => [c.id, c.level])).toEqual([[id.helena, 0], [id.bruno, 1], [id.rd5, 2]]);
    expect(effects[0]!.legs).toHaveLength(1);
    expect(effects[0]!.legs[0]!.parentId).toBe(rd5!.placementParentId);
    expect(effects[0]!.legs[0]!.after).toEqual(effects[0]!.legs[0]!.before);
    expect(await snapshot()).toEqual(before);
    expect((await setRow(set)).status).toBe("draft");
    const [item] = await db.select().from(changeSetItems).where(eq(changeSetItems.changeSetId, set));
    expect(item).toMatchObject({ oldSponsorId: null, oldPlacementParentId: null });
    expect(await audits(set)).toHaveLength(0);
  });

  it("commits once, writes the audit row, and a second commit is a CONFLICT", async () => {
    const { api, ctx, userId } = await as("gestor@rede.test");
    const g = await tree();
    const n = g.get(id.rd5)!.downlineSize + 1;
    const set = (await db.select({ id: changeSets.id }).from(changeSets).where(eq(changeSets.note, "realinhamento")))[0]!.id;
    expect(await api.network.commit({ id: set })).toMatchObject({ id: set, summary: { moved: n, rolledUp: 0, items: 1 } });
    expect(await setRow(set)).toMatchObject({ status: "committed", committedBy: userId });
    expect((await audits(set)).map((a) => [a.action, a.actorUserId])).toEqual([["network.changeset.move", userId]]);
    const [item] = await db.select().from(changeSetItems).where(eq(changeSetItems.changeSetId, set));
    expect(item).toMatchObject({ oldSponsorId: id.rd4 });
    const after = await tree();
    expect(after.get(id.bruno)!.downlineSize).toBe(g.get(id.bruno)!.downlineSize + n);
    expect(after.get(id.ana)!.downlineSize).toBe(g.get(id.ana)!.downlineSize - n);
    expect(await failureOf(api.network.commit({ id: set }), ctx)).toMatchObject({ message: NOT_DRAFT, data: { code: "CONFLICT", httpStatus: 409 } });
    expect(await audits(set)).toHaveLength(1);
    await clean();
  });

  it("lets exactly one of two concurrent commits through", async () => {
    const gestor = await as("gestor@rede.test");
    const admin = await as("admin@rede.test");
    const adj = await adjacency();
    const g = await tree();
    const x = adj.find((a) => a.sponsorId === id.bruno && g.get(a.id)!.downlineSize > 0)!;
    const n = g.get(x.id)!.downlineSize + 1;
    const set = await gestor.api.network.draftMove({ items: [{ consultantId: x.id, newSponsorId: id.ana }] });
    const results = await Promise.allSettled([gestor.api.network.commit({ id: set }), admin.api.network.commit({ id: set })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected")!;
    expect(await failureOf(Promise.reject(rejected.reason), gestor.ctx)).toMatchObject({ message: NOT_DRAFT, data: { code: "CONFLICT" } });
    expect(await audits(set)).toHaveLength(1);
    const after = await tree();
    expect(after.get(id.ana)!.downlineSize).toBe(g.get(id.ana)!.downlineSize + n);
    expect(after.get(id.bruno)!.downlineSize).toBe(g.get(id.bruno)!.downlineSize - n);
    await clean();
  });

  it("reverts a committed change set back to the exact original genealogy", async () => {
    const { api, ctx } = await as("admin@rede.test");
    const g = await tree();
    const a = [...g.values()].find((r) => r.downlineSize >= 2 && r.downlineSize <= 20 && r.sponsorPath.startsWith(g.get(id.bruno)!.sponsorPath) && r.consultantId !== id.bruno)!;
    const spot = await freeSpot(id.ana);
    const original = await snapshot();
    const set = await api.network.draftMove({
      items: [
        { consultantId: a.consultantId, newSponsorId: id.ana, newPlacementParentId: spot.parentId, newPlacementSlot: spot.slot },
        { consultantId: id.rd3, newSponsorId: id.helena },
      ],
    });
    expect((await api.network.commit({ id: set })).summary).toMatchObject({ items: 2 });
    expect(await snapshot()).not.toEqual(original);
    await clean();
    const revert = await api.network.draftRevert({ id: set });
    expect(await api.network.commit({ id: revert })).toMatchObject({ summary: { items: 2 } });
    expect(await snapshot()).toEqual(original);
    expect(await setRow(set)).toMatchObject({ revertedById: revert });
    expect((await failureOf(api.network.draftRevert({ id: set }), ctx)).data.code).toBe("CONFLICT");
    await clean();
  });

  it("rolls back the whole commit when an item would make a cycle", async () => {
    const { api, ctx } = await as("gestor@rede.test");
    const before = await snapshot();
    const auditCount = (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
    const set = await api.network.draftMove({ items: [{ consultantId: id.rd4, newSponsorId: id.bruno }, { consultantId: id.ana, newSponsorId: id.rd3 }] });
    for (const call of [() => api.network.preview({ id: set }), () => api.network.commit({ id: set })]) {
      expect(await failureOf(call(), ctx)).toMatchObject({ message: CYCLE, data: { code: "CONFLICT", httpStatus: 409 } });
    }
    expect(await snapshot()).toEqual(before);
    expect((await setRow(set)).status).toBe("draft");
    expect((await db.select().from(changeSetItems).where(eq(changeSetItems.changeSetId, set))).map((i) => i.oldSponsorId)).toEqual([null, null]);
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n).toBe(auditCount);
  });

  it("terminates: status, history row, and the direct downline rolled up to the sponsor", async () => {
    const { api, ctx, userId } = await as("gestor@rede.test");
    const adj = await adjacency();
    const g = await tree();
    const kids = (p: number) => adj.filter((a) => a.sponsorId === p).map((a) => a.id);
    const victim = adj.find((a) => a.sponsorId !== null && ![id.ana, id.bruno].includes(a.id) && g.get(a.id)!.status === "active" && kids(a.id).length >= 2 && g.get(a.id)!.downlineSize > kids(a.id).length)!;
    const [before] = await db.select({ status: consultants.status }).from(consultants).where(eq(consultants.id, victim.id));
    const set = await api.network.draftTermination({ consultantId: victim.id, note: "pedido de desligamento" });
    expect((await api.network.commit({ id: set })).summary).toEqual({ moved: 0, rolledUp: g.get(victim.id)!.downlineSize, items: 1 });
    const [after] = await db.select({ status: consultants.status }).from(consultants).where(eq(consultants.id, victim.id));
    expect(after!.status).toBe("terminated");
    const now = await tree();
    expect(now.get(victim.id)).toMatchObject({ status: "terminated", downlineSize: 0 });
    expect(now.get(victim.sponsorId!)!.downlineSize).toBe(g.get(victim.sponsorId!)!.downlineSize);
    const history = await db.select().from(consultantStatusHistory).where(eq(consultantStatusHistory.consultantId, victim.id));
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actorUserId])).toEqual([[before!.status, "terminated", userId]]);
    const moved = (await adjacency()).filter((a) => kids(victim.id).includes(a.id));
    expect(moved.map((a) => a.sponsorId)).toEqual(moved.map(() => victim.sponsorId));
    expect((await failureOf(api.network.draftRevert({ id: set }), ctx)).data.code).toBe("CONFLICT");
    await clean();
  });
});
