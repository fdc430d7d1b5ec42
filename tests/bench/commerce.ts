import { randomBytes } from "node:crypto";
import os from "node:os";
import postgres from "postgres";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { products, users } from "@/db/schema";
import { createOrder, payOrder } from "@/server/commerce/orders";
import { accountId } from "@/server/ledger/post";
import { accountStatement } from "@/server/ledger/statement";
import { startEmbeddedPostgres, type EmbeddedDb } from "@/server/runtime/embedded-db";

/**
 * `npm run bench:commerce`: DESIGN.md's commerce budgets on a synthetic company.
 * - order → volumes: a network of N consultants (default 1,000,000; BENCH_COMMERCE_SIZE) whose
 *   deepest buyer sits at depth 40, with last-period volumes already on 30 % of them; each sample
 *   is payOrder (payment, ledger entry, PV/CV of the buyer, GV of the whole upline, one
 *   transaction), i.e. the time from "staff marks paid" to volumes updated. Budget ≤ 1 s.
 * - a statement of a consultant with 100,000 postings: first page, a page deep in the history,
 *   and the balance. Budget: admin pages p95 ≤ 100 ms.
 * The network is generated in SQL (not through the CSV importer, which bench:network times).
 */
const N = Number(process.env.BENCH_COMMERCE_SIZE ?? 1_000_000);
const DEPTH = 40;
const POSTINGS = Number(process.env.BENCH_POSTINGS ?? 100_000);
const RUNS = 40;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const line = (ok: boolean, what: string, figure: string, budget: string) => console.log(`${ok ? "PASS" : "FAIL"}  ${what.padEnd(46)} ${figure.padEnd(30)} (budget ${budget})`);
const info = (what: string, figure: string) => console.log(`      ${what.padEnd(46)} ${figure}`);
async function time<T>(fn: () => Promise<T>) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

let embedded: EmbeddedDb | undefined;
const adminUrl = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(process.cwd(), { cluster: "pg-test", database: "postgres_admin" })).url;
const dbName = `rede_bench_com_${randomBytes(4).toString("hex")}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}"`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
try {
  await migrateDatabase(url.toString());
  console.log(`commerce bench: ${N.toLocaleString("en")} consultants, buyer at depth ${DEPTH}, ${POSTINGS.toLocaleString("en")} postings; ${os.cpus().length} cores; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; ${new Date().toISOString()}`);
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const built = await time(async () => {
    await sql`set maintenance_work_mem = '512MB'`;
    // A chain of DEPTH + 1 from the root, then everyone else under a random earlier consultant.
    await sql`
      insert into consultants (id, code, full_name, email, sponsor_id, joined_at)
      select i, 'B' || i, 'Consultor ' || i, 'c' || i || '@bench.test',
             case when i = 1 then null when i <= ${DEPTH + 1} then i - 1 else 1 + floor(random() * (i - 1))::bigint end,
             current_date - (i % 900)
        from generate_series(1, ${N}) i`;
    await sql`select setval(pg_get_serial_sequence('consultants', 'id'), ${N})`;
    await sql`
      with recursive t(id, path, depth) as (
        select id, tree_segment(id), 0 from consultants where sponsor_id is null
        union all
        select c.id, t.path || tree_segment(c.id), t.depth + 1 from consultants c join t on c.sponsor_id = t.id)
      insert into genealogy (consultant_id, sponsor_path, sponsor_depth, status, name_key, joined_at)
      select t.id, t.path, t.depth, 'active', 'consultor ' || t.id, current_date from t`;
    await sql`insert into periods (kind, code, name, starts_on, ends_on) values ('month', 'bench-prev', 'prev', current_date - 60, current_date - 31)`;
    await sql`
      insert into period_volumes (period_id, consultant_id, pv, cv, gv)
      select (select id from periods where code = 'bench-prev'), id, 1000, 800, 1000 from consultants where random() < 0.3`;
    await sql`analyze`;
  });
  const [{ max }] = (await sql<{ max: number }[]>`select max(sponsor_depth)::int as max from genealogy`) as unknown as [{ max: number }];
  info("network generated in SQL", `${(built.ms / 1000).toFixed(1)} s, max depth ${max}`);

  const { db, client } = createDb(url.toString(), { max: 2 });
  const [user] = await db.insert(users).values({ email: "bench@rede.test", name: "Bench", passwordHash: "x" }).returning({ id: users.id });
  const [product] = await db.insert(products).values({ sku: "BENCH", name: { "pt-BR": "Produto" }, retailPrice: 5000, consultantPrice: 3500, pv: 1500, cv: 1200 }).returning({ id: products.id });
  const buyer = DEPTH + 1; // the deepest of the chain: depth 40
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const order = await createOrder(db, { consultantId: buyer, customerId: null, channel: "staff", lines: [{ productId: product!.id, quantity: 1 }], paymentMethod: "bank_slip", place: true, actorUserId: user!.id });
    const paid = await time(() => payOrder(db, { orderId: order.id, method: "bank_slip" }, user!.id));
    if (i >= 3) samples.push(paid.ms);
  }
  const [root] = await sql<{ gv: string }[]>`select gv::text from period_volumes where consultant_id = 1 and period_id = (select period_id from orders limit 1)`;
  if (Number(root!.gv) !== (RUNS + 3) * 1500) throw new Error(`root GV ${root!.gv} is not the sum of the orders' PV`);
  line(pct(samples, 0.5) <= 1000 && pct(samples, 0.95) <= 1000, `order paid → volumes of ${DEPTH + 1} consultants`, `p50 ${pct(samples, 0.5).toFixed(1)} ms, p95 ${pct(samples, 0.95).toFixed(1)} ms`, "≤ 1 s");

  // A consultant with POSTINGS postings on their receivable (half orders, half payments).
  const account = await accountId(db, { kind: "receivable", consultantId: 2 }, "BRL");
  const revenue = await accountId(db, { kind: "revenue" }, "BRL");
  const filled = await time(async () => {
    for (let done = 0; done < POSTINGS; done += 10_000) {
      await sql.begin(async (tx) => {
        const entries = await tx<{ id: string }[]>`insert into journal_entries (kind, memo) select 'bench', 'lançamento ' || g from generate_series(1, 10000) g returning id`;
        await tx`insert into postings (entry_id, account_id, amount, currency)
                 select e.id::bigint, a.account, a.sign * (1000 + (e.id::bigint % 97)), 'BRL'
                   from unnest(${entries.map((e) => e.id)}::bigint[]) e(id)
                  cross join (values (${account}::bigint, 1), (${revenue}::bigint, -1)) a(account, sign)`;
      });
    }
    await sql`vacuum analyze postings`;
  });
  info("statement postings written", `${(filled.ms / 1000).toFixed(1)} s`);
  const first: number[] = [];
  const deep: number[] = [];
  const [{ mid }] = (await sql<{ mid: string }[]>`select id::text as mid from postings where account_id = ${account} order by id offset ${Math.floor(POSTINGS / 2)} limit 1`) as unknown as [{ mid: string }];
  for (let i = 0; i < 53; i++) {
    const a = await time(() => accountStatement(db, account, { limit: 50 }));
    const b = await time(() => accountStatement(db, account, { limit: 50, beforeId: Number(mid) }));
    if (i >= 3) {
      first.push(a.ms);
      deep.push(b.ms);
    }
  }
  line(pct(first, 0.95) <= 100, `statement, ${POSTINGS / 1000}k postings: newest page`, `p50 ${pct(first, 0.5).toFixed(1)} ms, p95 ${pct(first, 0.95).toFixed(1)} ms`, "p95 ≤ 100 ms");
  line(pct(deep, 0.95) <= 100, `statement, ${POSTINGS / 1000}k postings: page mid-history`, `p50 ${pct(deep, 0.5).toFixed(1)} ms, p95 ${pct(deep, 0.95).toFixed(1)} ms`, "p95 ≤ 100 ms");
  await client.end();
  await sql.end();
} finally {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
  if (embedded) await embedded.stop();
}
