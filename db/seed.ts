import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/server/auth/password";
import type { Role } from "@/server/auth/permissions";
import type { Db } from "./client";
import { generateValidDocument } from "@/server/network/documents";
import { BinaryFiller } from "@/server/network/tree/bulk-placement";
import { buildGenealogy } from "@/server/network/tree/bulk";
import { nameKey } from "@/server/network/tree/name-key";
import { consultants, genealogy, placementTree, userRoles, users } from "./schema";
import { seedCommerce } from "./seed-commerce";
import { seedIncidents } from "./seed-incidents";
import { seedKnowledge } from "./seed-knowledge";
import { seedPlans } from "./seed-plans";
import { CITIES, FIRST_NAMES, LAST_NAMES, prng, slugify } from "./seed-data";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_SIZE = 2000;

/** Staff logins, one per role (README lists them). */
export const DEMO_STAFF: { email: string; name: string; role: Role }[] = [
  { email: "admin@rede.test", name: "Administradora Rede", role: "admin" },
  { email: "gestor@rede.test", name: "Gestor de Campo", role: "field_manager" },
  { email: "financeiro@rede.test", name: "Equipe Financeira", role: "finance" },
  { email: "suporte@rede.test", name: "Equipe de Suporte", role: "support" },
  { email: "marketing@rede.test", name: "Equipe de Marketing", role: "marketing" },
];

type Node = { sponsor: number | null; depth: number; children: number };

/**
 * Shapes the tree: node 0 is the company's top consultant, node 1 is Ana. An early chain under
 * Ana guarantees depth; the rest attach by preferential attachment (uneven fan-out), biased
 * towards recent and deep nodes so the network keeps growing downwards as real ones do.
 */
export function demoTree(size: number, random: () => number): Node[] {
  const nodes: Node[] = [{ sponsor: null, depth: 0, children: 0 }];
  const attach = (sponsor: number) => {
    const parent = nodes[sponsor]!;
    parent.children++;
    nodes.push({ sponsor, depth: parent.depth + 1, children: 0 });
  };
  attach(0); // Ana
  for (let i = 0; i < 14; i++) attach(nodes.length - 1); // a 14-deep line under Ana
  attach(0); // Bruno's branch, outside Ana's downline
  while (nodes.length < size) {
    const r = random();
    let sponsor: number;
    if (r < 0.45) sponsor = nodes.length - 1 - Math.floor(random() * Math.min(40, nodes.length));
    else if (r < 0.75) {
      // preferential: pick two at random, keep the one with more children
      const a = Math.floor(random() * nodes.length);
      const b = Math.floor(random() * nodes.length);
      sponsor = nodes[a]!.children >= nodes[b]!.children ? a : b;
    } else sponsor = random() < 0.6 ? 1 + Math.floor(random() * 15) : 16; // Ana's line and Bruno keep recruiting
    attach(sponsor);
  }
  return nodes;
}

/** Creates the demo company once; a second call finds it and does nothing. */
export async function seedDemo(db: Db, options: { size?: number; commerce?: boolean } = {}) {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@rede.test"));
  if (existing) return { created: false as const };
  const size = options.size ?? DEMO_SIZE;
  const random = prng(20261126);
  const tree = demoTree(size, random);
  const today = new Date();
  const usedSlugs = new Set<string>();

  const rows = tree.map((node, i) => {
    const first = i === 1 ? "Ana" : i === 16 ? "Bruno" : FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
    const last = i === 1 ? "Souza" : i === 16 ? "Almeida" : `${LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!}`;
    const fullName = i === 0 ? "Helena Prado" : `${first} ${last}`;
    const [city, state] = CITIES[Math.floor(random() * CITIES.length)]!;
    let slug = i === 1 ? "ana" : i === 16 ? "bruno" : slugify(fullName);
    for (let n = 2; usedSlugs.has(slug) || slug.length < 3; n++) slug = `${slugify(fullName)}-${n}`;
    usedSlugs.add(slug);
    // Join dates: ancestors before descendants, spread over three years; ~2 % join this month.
    const daysAgo = i < 20 ? 1000 - i * 10 : random() < 0.02 ? Math.floor(random() * today.getUTCDate()) : Math.floor(random() * 1000);
    const joined = new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const roll = random();
    const status = i < 20 ? "active" : roll < 0.85 ? "active" : roll < 0.97 ? "inactive" : "terminated";
    return {
      code: `RD${String(i + 1).padStart(6, "0")}`,
      fullName,
      email: i === 1 ? "ana@rede.test" : i === 16 ? "bruno@rede.test" : `${slugify(fullName).replace(/-/g, ".")}.${i + 1}@exemplo.com.br`,
      phone: `+55 ${11 + Math.floor(random() * 80)} 9${String(Math.floor(random() * 1e8)).padStart(8, "0")}`,
      status: status as "active" | "inactive" | "terminated",
      joinedAt: joined,
      city,
      state,
      country: "BR",
      documentType: "CPF",
      documentNumber: generateValidDocument("CPF", i + 1),
      locale: "pt-BR" as const,
      siteSlug: slug,
      siteName: i === 1 ? "Beleza com a Ana" : `${first} ${last}`,
      siteWelcome: i === 1 ? "Olá! Sou a Ana, consultora há 3 anos. Conheça os produtos e fale comigo." : null,
    };
  });

  const result = await db.transaction(async (tx) => {
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += 500) {
      const inserted = await tx
        .insert(consultants)
        .values(rows.slice(start, start + 500))
        .returning({ id: consultants.id });
      ids.push(...inserted.map((r) => r.id));
    }
    // Trees are decided in memory, then written: adjacency with one UPDATE per chunk from a
    // VALUES list, the genealogy rows in bulk.
    const filler = new BinaryFiller(ids[0]!);
    const nodes = tree.map((n, i) => {
      const id = ids[i]!;
      const sponsorId = n.sponsor === null ? null : ids[n.sponsor]!;
      const spot = sponsorId === null ? null : filler.place(id, sponsorId);
      return { id, sponsorId, placementParentId: spot?.parentId ?? null, placementSlot: spot?.slot ?? null };
    });
    for (let start = 1; start < nodes.length; start += 1000) {
      const chunk = nodes.slice(start, start + 1000);
      await tx.execute(sql`
        update consultants c set sponsor_id = v.sponsor, placement_parent_id = v.parent, placement_slot = v.slot
        from (values ${sql.join(chunk.map((n) => sql`(${n.id}::bigint, ${n.sponsorId}::bigint, ${n.placementParentId}::bigint, ${n.placementSlot}::smallint)`), sql`, `)})
          as v(id, sponsor, parent, slot)
        where c.id = v.id`);
    }
    const built = buildGenealogy(nodes);
    const genealogyRows = nodes.map((n, i) => ({
      consultantId: n.id,
      sponsorPath: built.sponsorPath[i]!,
      sponsorDepth: built.sponsorDepth[i]!,
      downlineSize: built.downlineSize[i]!,
      status: rows[i]!.status,
      rank: null,
      nameKey: nameKey(rows[i]!.fullName),
      joinedAt: rows[i]!.joinedAt,
    }));
    for (let start = 0; start < genealogyRows.length; start += 1000) {
      await tx.insert(genealogy).values(genealogyRows.slice(start, start + 1000));
    }
    const placementRows = nodes.flatMap((n, i) =>
      built.placementPath[i] ? [{ consultantId: n.id, path: built.placementPath[i]!, depth: built.placementDepth[i]!, size: built.placementSize[i]! }] : [],
    );
    for (let start = 0; start < placementRows.length; start += 1000) {
      await tx.insert(placementTree).values(placementRows.slice(start, start + 1000));
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const logins = [
      ...DEMO_STAFF.map((s) => ({ ...s, consultantId: null as number | null })),
      { email: "ana@rede.test", name: "Ana Souza", role: "consultant" as Role, consultantId: ids[1]! },
      { email: "bruno@rede.test", name: "Bruno Almeida", role: "consultant" as Role, consultantId: ids[16]! },
    ];
    for (const login of logins) {
      const [user] = await tx
        .insert(users)
        .values({ email: login.email, name: login.name, passwordHash, consultantId: login.consultantId })
        .returning({ id: users.id });
      await tx.insert(userRoles).values({ userId: user!.id, role: login.role });
    }
    return { created: true as const, consultants: ids.length, maxDepth: Math.max(...tree.map((n) => n.depth)) };
  });
  // The shop goes through the real order services, after the network is committed.
  if (options.commerce !== false) await seedCommerce(db);
  await seedPlans(db);
  await seedKnowledge(db);
  await seedIncidents(db);
  return result;
}
