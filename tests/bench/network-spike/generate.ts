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
  const limit = Math.min(bigSize, Math.floor(n / 10));
  let big = 0, small = 0;
  for (let i = 2; i <= n; i++) {
    if (size[i]! >= limit && (!big || size[i]! < size[big]!)) big = i;
    if (Math.abs(size[i]! - 1000) < Math.abs(size[small]! - 1000) || !small) small = i;
  }
  // target: outside big's downline, at big's sponsor's depth, with a small downline of its own
  const inBig = new Uint8Array(n + 1);
  inBig[big] = 1;
  for (let i = big + 1; i <= n; i++) if (inBig[sponsor[i]!]) inBig[i] = 1;
  let target = 0;
  for (let i = n; i >= 2 && !target; i--) if (!inBig[i] && i !== sponsor[big] && depth[i] === depth[big]! && size[i]! < 50) target = i;
  return { n, sponsor, depth, size, placementParent, placementSide, big, target, small };
}

const FIRST = "Ana Maria José João Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel Rafael Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Manoel Mateus André Fernando Fábio Leonardo Gustavo Guilherme Leandro Tiago Anderson Ricardo Márcio Jorge Sebastião Alexandre Roberto Edson Diego Vitor Sérgio Cláudio Matheus Thiago Geraldo Adriano Luciano Júlio Renato Alex Vinícius Rogério Samuel Ronaldo Mário Flávio Douglas Igor Davi Caio Joaquim Otávio Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila Amanda Bruna Jéssica Letícia Júlia Luciana Vanessa Mariana Gabriela Vera Vitória Larissa Cláudia Beatriz Luana Rita Sônia Renata Eliane Conceição Débora Lúcia Inês Araceli Iara Tânia Cecília Sofia Helena Valentina Lívia Yasmin Natália Raquel Simone Glória".split(" ");
const LAST = "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo Mesquita Brandão Conceição Magalhães Assunção Sá Falcão Guimarães Peçanha Estêvão Simões Leão Antunes Figueiredo Pinto Monteiro Correia Xavier Batista Campos Moura Cavalcanti Castro Reis Medeiros Farias Sampaio Pacheco Moraes Bezerra Queiroz Tavares Aragão Brito Cunha Vasconcelos Macedo Coelho Borges Camargo Prado Siqueira Rezende Fontes Quintela Lacerda Lobo Menezes Nóbrega Paixão Romão Salgado Toledo Valença Viana Zanetti Bittencourt Damasceno Escobar Esteves Fagundes Galvão Jardim Leme Maia Matos Miranda Neves Novaes Paiva Porto Quadros Ruas Sales Seixas Sobral Tenório Uchôa Veloso Amaral Arruda Bastos Bentes Caldas Diniz Espíndola Feitosa Godói Hipólito Jatobá Lins Loureiro Mafra Nogueira Orsini Pimentel Queirós Rangel Rosário Sarmento Serrano Sodré Trindade Valadão Werneck Zica".split(" ");

/** name of consultant i: first + two surnames; deterministic, ~2M distinct combinations */
export function nameOf(i: number, rnd: () => number) {
  const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
  return `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
}

/** A CPF-like 11-digit document, unique: a bijection of i modulo 10^11. */
export const documentOf = (i: number) => String((BigInt(i) * 7_919_000_003n + 12_345_678_901n) % 100_000_000_000n).padStart(11, "0");

const STATES = ["SP", "RJ", "MG", "BA", "PR", "RS", "PE", "CE", "PA", "SC", "GO", "DF"];
const DAY = 86_400_000, START = Date.UTC(2016, 0, 1), SPAN = 10 * 365 * DAY;

/** COPY the network into table `base` (unlogged, no indexes): the source every candidate is built from. */
export async function loadBase(sql: Sql, net: Network) {
  await sql.unsafe(`
    create unlogged table base (
      id bigint not null, code text not null, full_name text not null, email text not null, phone text,
      document text not null, status consultant_status not null, sponsor_id bigint, joined_at date not null,
      city text, state text, country text not null, locale text not null,
      placement_parent_id bigint, placement_side char(1),
      created_at timestamptz not null, updated_at timestamptz not null)`);
  const rnd = rng(1234);
  function* lines() {
    for (let start = 1; start <= net.n; start += 10_000) {
      const rows: string[] = [];
      for (let i = start; i < Math.min(start + 10_000, net.n + 1); i++) {
        const r = rnd();
        const status = r < 0.85 ? "active" : r < 0.95 ? "inactive" : "terminated";
        const joined = new Date(START + (SPAN * i) / net.n - Math.floor(rnd() * 30) * DAY).toISOString().slice(0, 10);
        const sp = net.sponsor[i] ? String(net.sponsor[i]) : "\\N";
        const pp = net.placementParent[i] ? String(net.placementParent[i]) : "\\N";
        const side = net.placementSide[i] === 1 ? "L" : net.placementSide[i] === 2 ? "R" : "\\N";
        rows.push(`${i}\tRD${String(i).padStart(8, "0")}\t${nameOf(i, rnd)}\tc${i}@example.com\t+55119${String(i).padStart(8, "0")}\t${documentOf(i)}\t${status}\t${sp}\t${joined}\tCidade ${i % 997}\t${STATES[i % STATES.length]}\tBR\tpt-BR\t${pp}\t${side}\t${joined} 12:00:00+00\t${joined} 12:00:00+00\n`);
      }
      yield Buffer.from(rows.join(""));
    }
  }
  const writable = await sql`copy base from stdin`.writable();
  await pipeline(Readable.from(lines()), writable);
}
