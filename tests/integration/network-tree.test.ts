import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { consultants, genealogy } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { prng } from "@/db/seed-data";
import { AppError } from "@/server/errors";
import { translator } from "@/server/i18n/translate";
import { attachToTrees } from "@/server/network/tree/attach";
import { moveSubtree, rollUpSponsorDownline } from "@/server/network/tree/move";
import { idsOf, segment, type TreeKind } from "@/server/network/tree/path";
import { childrenOf, downlineCount, downlinePage, legSizes, levelCounts, unaccentLower, uplineChain } from "@/server/network/tree/queries";
import { verifyTrees } from "@/server/network/tree/verify";
import { createTestDatabase } from "./db";
import { treeRows } from "./admin-helpers";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
const id = {} as Record<"helena" | "ana" | "bruno" | "rd3" | "rd4" | "rd5", number>;
const pt = translator("pt-BR");
const CYCLE = "Movimento recusado: o destino está dentro da própria rede do consultor.";

type Adj = { id: number; sponsorId: number | null; placementParentId: number | null; placementSlot: number | null; status: string; fullName: string; joinedAt: string };
type Tree = { sponsorPath: string; sponsorDepth: number; downlineSize: number; placementPath: string | null; placementDepth: number | null; placementSize: number };

const byCode = async (code: string) => (await db.select({ id: consultants.id }).from(consultants).where(eq(consultants.code, code)))[0]!.id;
const adjacency = (): Promise<Adj[]> =>
  db.select({ id: consultants.id, sponsorId: consultants.sponsorId, placementParentId: consultants.placementParentId, placementSlot: consultants.placementSlot, status: consultants.status, fullName: consultants.fullName, joinedAt: consultants.joinedAt }).from(consultants).orderBy(consultants.id);
const genealogyMap = () => treeRows(db);
const move = (input: { tree: TreeKind; consultantId: number; newParentId: number; newSlot?: number }) => db.transaction((tx) => moveSubtree(tx, input));

/** Both trees' paths, depths and subtree sizes computed in JS from the adjacency alone. */
function model(adj: Adj[]) {
  const out = new Map<number, Tree>(adj.map((a) => [a.id, { sponsorPath: "", sponsorDepth: -1, downlineSize: 0, placementPath: null, placementDepth: null, placementSize: 0 }]));
  for (const tree of ["sponsor", "placement"] as const) {
    const kids = new Map<number, number[]>();
    for (const a of adj) {
      const p = tree === "sponsor" ? a.sponsorId : a.placementParentId;
      if (p !== null) kids.set(p, [...(kids.get(p) ?? []), a.id]);
    }
    const visit = (node: number, path: string): number => {
      let n = 0;
      for (const k of kids.get(node) ?? []) n += 1 + visit(k, path + segment(k));
      const depth = path.length / 7 - 1;
      Object.assign(out.get(node)!, tree === "sponsor" ? { sponsorPath: path, sponsorDepth: depth, downlineSize: n } : { placementPath: path, placementDepth: depth, placementSize: n });
      return n;
    };
    for (const a of adj) if (a.sponsorId === null) visit(a.id, segment(a.id));
  }
  return out;
}

/** verifyTrees is clean AND every genealogy row equals the JS model and the consultant's copied columns. */
async function expectConsistent() {
  expect((await verifyTrees(db)).filter((c) => c.violations > 0)).toEqual([]);
  const adj = await adjacency();
  const m = model(adj);
  const rows = await genealogyMap();
  expect(rows.size).toBe(adj.length);
  const wrong = adj.filter((a) => {
    const g = rows.get(a.id)!;
    const e = m.get(a.id)!;
    return g.sponsorPath !== e.sponsorPath || g.sponsorDepth !== e.sponsorDepth || g.downlineSize !== e.downlineSize || g.placementPath !== e.placementPath
      || g.placementDepth !== e.placementDepth || g.placementSize !== e.placementSize || g.status !== a.status || g.fullName !== a.fullName || g.nameKey !== unaccentLower(a.fullName) || g.joinedAt !== a.joinedAt;
  });
  expect(wrong.map((a) => a.id)).toEqual([]);
  return { adj, m, rows };
}

async function snapshot() {
  const [row] = await db.execute<{ g: string; c: string }>(sql`select
    (select md5(string_agg(g::text, '|' order by consultant_id)) from genealogy g) as g,
    (select md5(string_agg(concat_ws(',', id, sponsor_id, placement_parent_id, placement_slot, status), '|' order by id)) from consultants) as c`);
  return row!;
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(() => new Error("expected a refusal"), (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  const app = e as AppError;
  return { code: app.code, key: app.messageKey, message: pt(app.messageKey) };
}

/** Nodes of the placement tree with a free leg (excluding `skip` as an occupant), not under `outside`. */
function freeSpots(adj: Adj[], m: Map<number, Tree>, outside: string, skip = -1) {
  return adj
    .filter((a) => m.get(a.id)!.placementPath !== null && !m.get(a.id)!.placementPath!.startsWith(outside))
    .map((a) => ({ id: a.id, taken: adj.filter((c) => c.placementParentId === a.id && c.id !== skip).map((c) => c.placementSlot) }))
    .filter((s) => s.taken.length < 2)
    .map((s) => ({ id: s.id, slot: s.taken.includes(1) ? 2 : 1 }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  await seedDemo(db, { size: 400 });
  for (const [key, code] of Object.entries({ helena: "RD000001", ana: "RD000002", rd3: "RD000003", rd4: "RD000004", rd5: "RD000005", bruno: "RD000017" })) id[key as keyof typeof id] = await byCode(code);
});
afterAll(async () => t?.drop());

describe("genealogy maintenance", () => {
  it("is consistent after seeding, and verifyTrees does catch a broken counter", async () => {
    const checks = await verifyTrees(db);
    expect(checks.map((c) => [c.name, c.violations])).toEqual(
      ["missingGenealogy", "sponsorPath", "placementPath", "genealogyCopies", "downlineSize", "placementSize", "placementSlots"].map((n) => [n, 0]),
    );
    const { rows } = await expectConsistent();
    expect(rows.get(id.helena)!).toMatchObject({ sponsorDepth: 0, downlineSize: 399, placementSize: 399 });
    let broken: unknown;
    await db
      .transaction(async (tx) => {
        await tx.update(genealogy).set({ downlineSize: sql`downline_size + 1` }).where(eq(genealogy.consultantId, id.ana));
        broken = (await verifyTrees(tx)).find((c) => c.name === "downlineSize");
        tx.rollback();
      })
      .catch(() => {});
    // The local check flags the broken row and its parent, whose sum of (child + 1) no longer matches.
    expect(broken).toMatchObject({ name: "downlineSize", violations: 2 });
    expect((broken as { examples: number[] }).examples.sort((a, b) => a - b)).toEqual([id.helena, id.ana].sort((a, b) => a - b));
    // A copy that drifted from consultants, and a placement row for someone who is not placed.
    for (const [name, breakIt] of [
      ["genealogyCopies", (tx: Db) => tx.update(genealogy).set({ nameKey: "zz" }).where(eq(genealogy.consultantId, id.bruno))],
      ["placementPath", (tx: Db) => tx.update(consultants).set({ placementParentId: null, placementSlot: null }).where(eq(consultants.id, id.bruno))],
    ] as const) {
      let found: unknown;
      await db
        .transaction(async (tx) => {
          await breakIt(tx as unknown as Db);
          found = (await verifyTrees(tx)).find((c) => c.name === name);
          tx.rollback();
        })
        .catch(() => {});
      expect(found).toMatchObject({ name, violations: 1, examples: [id.bruno] });
    }
    await expectConsistent();
  });

  it("moves a sponsor subtree to another branch, shifting counters, paths and depths", async () => {
    const before = await genealogyMap();
    const x = before.get(id.rd5)!;
    const n = x.downlineSize + 1;
    const subtree = [...before.values()].filter((g) => g.sponsorPath.startsWith(x.sponsorPath));
    expect(subtree.length).toBe(n);
    expect(n).toBeGreaterThan(11); // at least the rest of Ana's 14-deep line
    expect(idsOf(x.sponsorPath)).toEqual([id.helena, id.ana, id.rd3, id.rd4, id.rd5]);

    expect(await move({ tree: "sponsor", consultantId: id.rd5, newParentId: id.bruno })).toMatchObject({ moved: n, oldParentId: id.rd4, newParentId: id.bruno });
    const after = await genealogyMap();
    for (const up of [id.ana, id.rd3, id.rd4]) expect(after.get(up)!.downlineSize).toBe(before.get(up)!.downlineSize - n);
    expect(after.get(id.bruno)!.downlineSize).toBe(before.get(id.bruno)!.downlineSize + n);
    expect(after.get(id.helena)!.downlineSize).toBe(399);
    const prefix = after.get(id.bruno)!.sponsorPath + segment(id.rd5);
    for (const g of subtree) {
      const a = after.get(g.consultantId)!;
      expect(a.sponsorPath).toBe(prefix + g.sponsorPath.slice(x.sponsorPath.length));
      expect(a.sponsorDepth).toBe(g.sponsorDepth - 2);
      expect(a.placementPath).toBe(g.placementPath); // the other tree is untouched
    }
    await expectConsistent();
  });

  it("refuses a move under oneself or into one's own downline and changes nothing", async () => {
    const before = await snapshot();
    const { rows } = await expectConsistent();
    const anaPlacement = rows.get(id.ana)!.placementPath!;
    const below = [...rows.values()].find((g) => g.placementPath?.startsWith(anaPlacement) && g.placementDepth === rows.get(id.ana)!.placementDepth! + 3)!;
    for (const attempt of [
      () => move({ tree: "sponsor", consultantId: id.ana, newParentId: id.ana }),
      () => move({ tree: "sponsor", consultantId: id.ana, newParentId: id.rd4 }),
      () => move({ tree: "placement", consultantId: id.ana, newParentId: below.consultantId, newSlot: 1 }),
    ]) {
      expect(await refusal(attempt())).toEqual({ code: "CONFLICT", key: "network.errors.cycle", message: CYCLE });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("moves in the placement tree: a taken slot is refused, a free one works, leg sizes follow", async () => {
    const { adj, m } = await expectConsistent();
    const y = adj.find((a) => a.placementParentId !== null && m.get(a.id)!.placementSize >= 2 && m.get(a.id)!.placementSize <= 30 && m.get(a.id)!.placementDepth! >= 3)!;
    const size = m.get(y.id)!.placementSize + 1;
    const before = await snapshot();
    expect(await refusal(move({ tree: "placement", consultantId: y.id, newParentId: id.helena, newSlot: 1 }))).toEqual({ code: "CONFLICT", key: "network.errors.slotTaken", message: "Esta posição já está ocupada." });
    expect((await refusal(move({ tree: "placement", consultantId: y.id, newParentId: id.helena, newSlot: 3 }))).key).toBe("network.errors.invalidSlot");
    expect(await snapshot()).toEqual(before);

    const spot = freeSpots(adj, m, m.get(y.id)!.placementPath!).find((s) => s.id !== y.placementParentId)!;
    const oldLegs = await legSizes(db, y.placementParentId!);
    const newLegs = await legSizes(db, spot.id);
    expect(oldLegs.find((l) => l.slot === y.placementSlot)!.size).toBe(size);
    expect(newLegs.find((l) => l.slot === spot.slot)!.size).toBe(0);
    expect(await move({ tree: "placement", consultantId: y.id, newParentId: spot.id, newSlot: spot.slot })).toMatchObject({ moved: size, oldParentId: y.placementParentId, oldSlot: y.placementSlot, newSlot: spot.slot });
    expect(await legSizes(db, y.placementParentId!)).toEqual(oldLegs.map((l) => (l.slot === y.placementSlot ? { ...l, size: 0 } : l)));
    expect(await legSizes(db, spot.id)).toEqual(newLegs.map((l) => (l.slot === spot.slot ? { ...l, size } : l)));
    await expectConsistent();
  });

  it("rolls a consultant's direct downline up to their sponsor", async () => {
    const { adj, m } = await expectConsistent();
    const kids = (p: number) => adj.filter((a) => a.sponsorId === p).map((a) => a.id);
    const z = adj.find((a) => a.sponsorId !== null && a.id !== id.ana && kids(a.id).length >= 2 && m.get(a.id)!.downlineSize > kids(a.id).length)!;
    const children = kids(z.id);
    const before = await genealogyMap();
    const ancestors = idsOf(before.get(z.id)!.sponsorPath).slice(0, -1);
    expect(await db.transaction((tx) => rollUpSponsorDownline(tx, z.id))).toEqual({ rolledUp: m.get(z.id)!.downlineSize, children });
    const rows = await db.select({ id: consultants.id, sponsorId: consultants.sponsorId }).from(consultants).where(inArray(consultants.id, children));
    expect(rows.map((r) => r.sponsorId)).toEqual(children.map(() => z.sponsorId));
    const after = await genealogyMap();
    expect(after.get(z.id)!.downlineSize).toBe(0);
    for (const a of ancestors) expect(after.get(a)!.downlineSize).toBe(before.get(a)!.downlineSize);
    expect((await refusal(db.transaction((tx) => rollUpSponsorDownline(tx, id.helena)))).key).toBe("network.errors.rootCannotRollUp");
    await expectConsistent();
  });
});

describe("tree reads", () => {
  it("childrenOf with hideInactive shows an inactive child's active descendants instead", async () => {
    const { adj } = await expectConsistent();
    const kids = (p: number) => adj.filter((a) => a.sponsorId === p);
    const parent = adj.find((p) => p.status === "active" && kids(p.id).length >= 3 && kids(p.id).some((c) => kids(c.id).length >= 2))!;
    const child = kids(parent.id).find((c) => kids(c.id).length >= 2)!;
    await db.update(consultants).set({ status: "inactive" }).where(eq(consultants.id, child.id));
    await db.update(consultants).set({ status: "active" }).where(eq(consultants.sponsorId, child.id));
    const fresh = await adjacency();
    const compressed = (p: number): Adj[] => fresh.filter((a) => a.sponsorId === p).flatMap((a) => (a.status === "active" ? [a] : compressed(a.id)));
    const expected = compressed(parent.id).sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : a.id - b.id)).map((a) => a.id);
    const grandchildren = fresh.filter((a) => a.sponsorId === child.id).map((a) => a.id);
    expect(expected).toEqual(expect.arrayContaining(grandchildren));
    expect(expected).not.toContain(child.id);

    const seen: number[] = [];
    for (let offset = 0; offset < expected.length; offset += 7) {
      const page = await childrenOf(db, { tree: "sponsor", parentId: parent.id, hideInactive: true, offset, limit: 7 });
      expect(page.total).toBe(expected.length);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
    const plain = await childrenOf(db, { tree: "sponsor", parentId: parent.id, hideInactive: false, offset: 0, limit: 200 });
    expect(plain.total).toBe(fresh.filter((a) => a.sponsorId === parent.id).length);
    expect(plain.rows.map((r) => r.id)).toContain(child.id);
    await expectConsistent();
  });

  it("downlinePage filters, sorts and counts like an independent count", async () => {
    let { adj, m } = await expectConsistent();
    const spot = freeSpots(adj, m, "~")[0]!;
    const joao = await db.transaction(async (tx) => {
      const [row] = await tx.insert(consultants).values({ code: "RD900001", sponsorId: id.ana, fullName: "João Quintela", email: "joao.quintela@exemplo.com.br", joinedAt: "2021-03-04" }).returning({ id: consultants.id });
      await attachToTrees(tx, { consultantId: row!.id, sponsorId: id.ana, placement: { parentId: spot.id, slot: spot.slot } });
      return row!.id;
    });
    ({ adj, m } = await expectConsistent());
    const page = (root: number, f: Partial<Parameters<typeof downlinePage>[1]> = {}) => downlinePage(db, { tree: "sponsor", rootId: root, sort: "name", dir: "asc", offset: 0, limit: 1000, ...f });
    const downline = (root: number) => adj.filter((a) => a.id !== root && m.get(a.id)!.sponsorPath.startsWith(m.get(root)!.sponsorPath));
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const ana = downline(id.ana);
    expect(ana.length).toBe(m.get(id.ana)!.downlineSize);
    expect(ana.length).toBeGreaterThan(50);

    const joaos = ana.filter((a) => unaccentLower(a.fullName).includes("joao"));
    const found = await page(id.ana, { text: "joao" });
    expect(found.total).toBe(joaos.length);
    expect(found.rows.map((r) => r.id).sort()).toEqual(joaos.map((a) => a.id).sort());
    expect(found.rows.find((r) => r.id === joao)).toMatchObject({ fullName: "João Quintela", level: 1 });
    const helenas = downline(id.helena).filter((a) => a.fullName.toLowerCase().includes("helena"));
    expect(helenas.length).toBeGreaterThan(0);
    expect((await page(id.helena, { text: "HÉLENA" })).total).toBe(helenas.length);

    const depth0 = m.get(id.ana)!.sponsorDepth;
    const levels = ana.filter((a) => [2, 3].includes(m.get(a.id)!.sponsorDepth - depth0));
    const lv = await page(id.ana, { levelMin: 2, levelMax: 3 });
    expect([lv.total, lv.rows.length]).toEqual([levels.length, levels.length]);
    expect(new Set(lv.rows.map((r) => r.level))).toEqual(new Set([2, 3]));
    expect((await page(id.ana, { statuses: ["inactive", "terminated"] })).total).toBe(ana.filter((a) => a.status !== "active").length);
    const dates = ana.map((a) => a.joinedAt).sort();
    const [from, to] = [dates[Math.floor(dates.length / 4)]!, dates[Math.floor((3 * dates.length) / 4)]!];
    expect((await page(id.ana, { joinedFrom: from, joinedTo: to })).total).toBe(ana.filter((a) => a.joinedAt >= from && a.joinedAt <= to).length);

    // Names sort by their folded key (no accents, lower case, byte order): "Álvaro" next to "alvaro".
    const byName = [...ana].sort((a, b) => cmp(unaccentLower(a.fullName), unaccentLower(b.fullName)) || a.id - b.id).map((a) => a.id);
    expect((await page(id.ana)).rows.map((r) => r.id)).toEqual(byName);
    const desc = [...ana].sort((a, b) => cmp(unaccentLower(b.fullName), unaccentLower(a.fullName)) || a.id - b.id).map((a) => a.id);
    expect((await page(id.ana, { dir: "desc" })).rows.map((r) => r.id)).toEqual(desc);
    const byJoin = [...ana].sort((a, b) => cmp(a.joinedAt, b.joinedAt) || a.id - b.id).map((a) => a.id);
    expect((await page(id.ana, { sort: "joinedAt" })).rows.map((r) => r.id)).toEqual(byJoin);
    const second = await page(id.ana, { offset: 25, limit: 25 });
    expect([second.total, second.rows.map((r) => r.id)]).toEqual([ana.length, byName.slice(25, 50)]);
    expect(await page(id.ana, { offset: 10_000, limit: 25 })).toEqual({ rows: [], total: ana.length, totalExact: true });
    expect(await page(id.ana, { offset: 10_000, limit: 25, levelMin: 2, levelMax: 3 })).toEqual({ rows: [], total: levels.length, totalExact: true });

    // Past the exact-count threshold the page walks the sort index instead: same rows, and the
    // total becomes a lower bound that downlineCount completes.
    for (const [f, expected] of [
      [{}, byName],
      [{ dir: "desc" as const }, desc],
      [{ sort: "joinedAt" as const }, byJoin],
    ] as const) {
      const capped = await downlinePage(db, { tree: "sponsor", rootId: id.ana, sort: "name", dir: "asc", offset: 20, limit: 15, ...f }, { exactUpTo: 10 });
      expect([capped.total, capped.totalExact, capped.rows.map((r) => r.id)]).toEqual([10, false, expected.slice(20, 35)]);
    }
    const cappedLevels = await downlinePage(db, { tree: "sponsor", rootId: id.ana, sort: "level", dir: "asc", offset: 0, limit: 500, levelMin: 2, levelMax: 3 }, { exactUpTo: 3 });
    expect(cappedLevels.totalExact).toBe(false);
    expect(cappedLevels.rows.map((r) => r.id).sort()).toEqual(levels.map((a) => a.id).sort());
    expect(await downlineCount(db, { tree: "sponsor", rootId: id.ana })).toBe(ana.length);
    expect(await downlineCount(db, { tree: "sponsor", rootId: id.ana, levelMin: 2, levelMax: 3 })).toBe(levels.length);
    expect(await downlineCount(db, { tree: "sponsor", rootId: id.ana, text: "joao" })).toBe(joaos.length);
  });

  it("levelCounts add up to downlineSize and uplineChain runs from the root", async () => {
    const { adj, m } = await expectConsistent();
    for (const root of [id.helena, id.ana, id.bruno]) {
      const counts = new Map<number, number>();
      for (const a of adj) {
        const g = m.get(a.id)!;
        if (a.id !== root && g.sponsorPath.startsWith(m.get(root)!.sponsorPath)) counts.set(g.sponsorDepth - m.get(root)!.sponsorDepth, (counts.get(g.sponsorDepth - m.get(root)!.sponsorDepth) ?? 0) + 1);
      }
      const rows = await levelCounts(db, "sponsor", root);
      expect(rows).toEqual([...counts].sort((a, b) => a[0] - b[0]).map(([level, count]) => ({ level, count })));
      expect(rows.reduce((s, r) => s + r.count, 0)).toBe(m.get(root)!.downlineSize);
    }
    const deepest = adj.reduce((a, b) => (m.get(b.id)!.sponsorDepth > m.get(a.id)!.sponsorDepth ? b : a));
    const up: number[] = [];
    for (let at: Adj | undefined = deepest; at; at = adj.find((a) => a.id === at!.sponsorId)) up.unshift(at.id);
    const chain = await uplineChain(db, "sponsor", deepest.id);
    expect(chain.map((c) => [c.id, c.level])).toEqual(up.map((i, level) => [i, level]));
    expect(chain[0]).toMatchObject({ id: id.helena, fullName: "Helena Prado" });
  });
});

describe("property: random subtree moves keep every invariant", () => {
  it("30 random sponsor and placement moves leave verifyTrees clean and counters exact", async () => {
    const random = prng(424242);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    let placementMoves = 0;
    for (let i = 0; i < 30; i++) {
      const adj = await adjacency();
      const m = model(adj);
      const nonRoot = adj.filter((a) => a.sponsorId !== null);
      if (random() < 0.3) {
        const node = pick(nonRoot.filter((a) => a.placementParentId !== null));
        const spot = pick(freeSpots(adj, m, m.get(node.id)!.placementPath!, node.id));
        const result = await move({ tree: "placement", consultantId: node.id, newParentId: spot.id, newSlot: spot.slot });
        expect(result.moved).toBe(m.get(node.id)!.placementSize + 1);
        placementMoves++;
      } else {
        const node = pick(nonRoot);
        const target = pick(adj.filter((a) => !m.get(a.id)!.sponsorPath.startsWith(m.get(node.id)!.sponsorPath)));
        const result = await move({ tree: "sponsor", consultantId: node.id, newParentId: target.id });
        expect(result.moved).toBe(target.id === node.sponsorId ? 0 : m.get(node.id)!.downlineSize + 1);
      }
    }
    expect(placementMoves).toBeGreaterThan(3);
    const checks = await verifyTrees(db);
    expect(checks.filter((c) => c.violations > 0)).toEqual([]);
    await expectConsistent();
  });
});
