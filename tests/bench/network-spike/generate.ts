import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { Sql } from "postgres";

/**
 * Synthetic network, built in memory (typed arrays, ~1 s for 1M) and streamed to Postgres with COPY.
 * Sponsor tree: each newcomer picks either a recent consultant (that builds depth: 30+ levels) or a
 * consultant weighted by how many people they already sponsored (power-law fan-out, a few leaders
 * with hundreds of frontline consultants). Placement tree: binary, each newcomer walks down from the
 * root with a 75/25 bias until a free slot (depth ~45, mean ~22). ids are 1..n, parents have lower ids.
 */
export type Network = {
  n: number;
  sponsor: Int32Array; // 0 = none (the root, id 1)
  depth: Uint16Array;
  size: Int32Array; // downline size (excluding self)
  placementParent: Int32Array;
  placementSide: Uint8Array; // 1 = L, 2 = R
  /** the designated node: the smallest downline ≥ 100,000 */
  big: number;
  /** a node outside big's downline that big is moved under (and back) */
  target: number;
  /** a node with a ~1,000 downline: the small-downline sanity check */
  small: number;
  /** a ≥10,000 downline and its target: the ltree move when the 100k one is too slow */
  mid: number;
  midTarget: number;
  /** placement: the smallest subtree ≥ 100,000 and a node (free left slot) to move it under */
  placementBig: number;
  placementTarget: number;
  /** the deepest sponsor-tree node and the deepest placement node: where inserts are measured */
  deepest: number;
  deepLeaf: number;
};

export function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateNetwork(n: number, bigSize = 100_000): Network {
  const rnd = rng(42);
  const sponsor = new Int32Array(n + 1), depth = new Uint16Array(n + 1), size = new Int32Array(n + 1);
  const pool = new Int32Array(4 * n + 2); // preferential-attachment pool: 3 entries per child, 1 per node
  let np = 0;
  pool[np++] = 1;
  for (let i = 2; i <= n; i++) {
    const s = rnd() < 0.6 ? Math.max(1, i - 1 - Math.floor(rnd() * Math.min(2000, i - 1))) : pool[Math.floor(rnd() * np)]!;
    sponsor[i] = s;
    depth[i] = depth[s]! + 1;
    pool[np++] = s; pool[np++] = s; pool[np++] = s; pool[np++] = i;
  }
  for (let i = n; i >= 2; i--) size[sponsor[i]!]! += size[i]! + 1;
  const prnd = rng(7);
  const left = new Int32Array(n + 1), right = new Int32Array(n + 1);
  const placementParent = new Int32Array(n + 1), placementSide = new Uint8Array(n + 1);
  for (let i = 2; i <= n; i++) {
    for (let c = 1; ; ) {
      const l = prnd() < 0.75, next = l ? left[c]! : right[c]!;
      if (next) { c = next; continue; }
      (l ? left : right)[c] = i;
      placementParent[i] = c;
      placementSide[i] = l ? 1 : 2;
      break;
    }
  }
  const picks = pick(n, sponsor, depth, size, Math.min(bigSize, Math.floor(n / 10)));
  const mid = pick(n, sponsor, depth, size, Math.min(10_000, Math.floor(n / 100)));
  const psize = new Int32Array(n + 1), pdepth = new Uint16Array(n + 1);
  for (let i = n; i >= 2; i--) psize[placementParent[i]!]! += psize[i]! + 1;
  for (let i = 2; i <= n; i++) pdepth[i] = pdepth[placementParent[i]!]! + 1;
  const pl = pick(n, placementParent, pdepth, psize, Math.min(bigSize, Math.floor(n / 10)), (i) => !left[i]);
  let deepest = 1, deepLeaf = 1;
  for (let i = 2; i <= n; i++) {
    if (depth[i]! > depth[deepest]!) deepest = i;
    if (pdepth[i]! > pdepth[deepLeaf]!) deepLeaf = i;
  }
  return { n, sponsor, depth, size, placementParent, placementSide, ...picks, mid: mid.big, midTarget: mid.target,
    placementBig: pl.big, placementTarget: pl.target, deepest, deepLeaf };
}

/** The smallest subtree ≥ min, a node with a ~1,000 downline, and a move target outside the subtree. */
function pick(n: number, parent: Int32Array, depth: Uint16Array, size: Int32Array, min: number, free = (_: number) => true) {
  let big = 0, small = 0;
  for (let i = 2; i <= n; i++) {
    if (size[i]! >= min && (!big || size[i]! < size[big]!)) big = i;
    if (!small || Math.abs(size[i]! - 1000) < Math.abs(size[small]! - 1000)) small = i;
  }
  const inBig = new Uint8Array(n + 1);
  inBig[big] = 1;
  for (let i = big + 1; i <= n; i++) if (inBig[parent[i]!]) inBig[i] = 1;
  let target = 0; // at big's depth if possible, else the nearest deeper level
  for (let d = depth[big]!; !target && d < depth[big]! + 20; d++)
    for (let i = n; i >= 2 && !target; i--) if (!inBig[i] && i !== parent[big] && depth[i] === d && size[i]! < 50 && free(i)) target = i;
  return { big, small, target };
}

const FIRST = "Ana Maria José João Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel Rafael Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Manoel Mateus André Fernando Fábio Leonardo Gustavo Guilherme Leandro Tiago Anderson Ricardo Márcio Jorge Sebastião Alexandre Roberto Edson Diego Vitor Sérgio Cláudio Matheus Thiago Geraldo Adriano Luciano Júlio Renato Alex Vinícius Rogério Samuel Ronaldo Mário Flávio Douglas Igor Davi Caio Joaquim Otávio Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila Amanda Bruna Jéssica Letícia Júlia Luciana Vanessa Mariana Gabriela Vera Vitória Larissa Cláudia Beatriz Luana Rita Sônia Renata Eliane Conceição Débora Lúcia Inês Araceli Iara Tânia Cecília Sofia Helena Valentina Lívia Yasmin Natália Raquel Simone Glória".split(" ");
const LAST = "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo Mesquita Brandão Conceição Magalhães Assunção Sá Falcão Guimarães Peçanha Estêvão Simões Leão Antunes Figueiredo Pinto Monteiro Correia Xavier Batista Campos Moura Cavalcanti Castro Reis Medeiros Farias Sampaio Pacheco Moraes Bezerra Queiroz Tavares Aragão Brito Cunha Vasconcelos Macedo Coelho Borges Camargo Prado Siqueira Rezende Fontes Quintela Lacerda Lobo Menezes Nóbrega Paixão Romão Salgado Toledo Valença Viana Zanetti Bittencourt Damasceno Escobar Esteves Fagundes Galvão Jardim Leme Maia Matos Miranda Neves Novaes Paiva Porto Quadros Ruas Sales Seixas Sobral Tenório Uchôa Veloso Amaral Arruda Bastos Bentes Caldas Diniz Espíndola Feitosa Godói Hipólito Jatobá Lins Loureiro Mafra Nogueira Orsini Pimentel Queirós Rangel Rosário Sarmento Serrano Sodré Trindade Valadão Werneck Zica".split(" ");

/** name of consultant i: first + two surnames; deterministic, ~2M distinct combinations */
export function nameOf(i: number, rnd: () => number) {
  const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
  return `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
}

/** COPY the tree and names (the parts that need the generator), derive the other columns in SQL into
 * table `base` (unlogged, no indexes): the source every candidate is built from. */
export async function loadBase(sql: Sql, net: Network) {
  await sql.unsafe(`create unlogged table gen (id bigint, sponsor_id bigint, placement_parent_id bigint, placement_side char(1), full_name text)`);
  const rnd = rng(1234);
  function* lines() {
    for (let start = 1; start <= net.n; start += 10_000) {
      const rows: string[] = [];
      for (let i = start; i < Math.min(start + 10_000, net.n + 1); i++) {
        const side = net.placementSide[i] === 1 ? "L" : net.placementSide[i] === 2 ? "R" : "\\N";
        rows.push(`${i}\t${net.sponsor[i] || "\\N"}\t${net.placementParent[i] || "\\N"}\t${side}\t${nameOf(i, rnd)}\n`);
      }
      yield Buffer.from(rows.join(""));
    }
  }
  await pipeline(Readable.from(lines()), await sql`copy gen from stdin`.writable());
  // status: 85% active, 10% inactive, 5% terminated; joined_at: ten years, growing with id
  await sql.unsafe(`
    create unlogged table base as
    select id, 'RD' || lpad(id::text, 8, '0') as code, full_name, 'c' || id || '@example.com' as email,
      '+55119' || lpad(id::text, 8, '0') as phone,
      lpad(((id * 7919000003 + 12345678901) % 100000000000)::text, 11, '0') as document,
      (case when h < 85 then 'active' when h < 95 then 'inactive' else 'terminated' end)::consultant_status as status,
      sponsor_id, joined_at, 'Cidade ' || id % 997 as city,
      (array['SP','RJ','MG','BA','PR','RS','PE','CE','PA','SC','GO','DF'])[1 + id % 12] as state,
      'BR' as country, 'pt-BR' as locale, placement_parent_id, placement_side,
      joined_at + time '12:00' at time zone 'UTC' as created_at, joined_at + time '12:00' at time zone 'UTC' as updated_at
    from (select g.*, abs(hashint8(id)) % 100 as h,
            date '2016-01-01' + (id * 3650 / ${net.n})::int - (abs(hashint8(id + 17)) % 30)::int as joined_at
          from gen g) x`);
  await sql.unsafe(`drop table gen`);
}
