import { pathToFileURL } from "node:url";
import { formatDocument, generateValidDocument } from "@/server/network/documents";
import { validateImport } from "@/server/network/import/validate";

/**
 * Network import, database-free part: parse + validate of a generated file.
 *   node --import tsx tests/bench/import-validate.ts [rows]      (default 1,000,000)
 * The validator reads the file as a stream of Buffer chunks, as from a file on disk. Peak RSS is
 * sampled at every chunk and progress call (the validator never yields to timers).
 * The generator is also used by tests/unit/import-validate.test.ts (200k rows).
 */

/** Mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticNetwork = {
  n: number;
  sponsor: Int32Array; // -1 for the root (node 0)
  placement: Int32Array; // binary placement parent, -1 for the root
  side: Uint8Array; // 1 = L, 2 = R
  depth: Uint16Array; // sponsor depth
  /** file order: a random permutation, so children often come before their sponsors */
  order: Int32Array;
};

/**
 * Sponsor tree: each newcomer picks either a recent consultant (builds depth) or one weighted by
 * how many they already sponsored (power-law fan-out: a few leaders with thousands of frontline).
 * Placement: binary, walking down from the root with a 75/25 left bias to the first free slot.
 */
export function syntheticNetwork(n: number, seed = 42): SyntheticNetwork {
  const rnd = rng(seed);
  const sponsor = new Int32Array(n).fill(-1), depth = new Uint16Array(n);
  const pool = new Int32Array(2 * n);
  let np = 0;
  pool[np++] = 0;
  for (let i = 1; i < n; i++) {
    const s = rnd() < 0.6 ? i - 1 - Math.floor(rnd() * Math.min(2000, i)) : pool[Math.floor(rnd() * np)]!;
    sponsor[i] = s;
    depth[i] = depth[s]! + 1;
    pool[np++] = s;
    pool[np++] = i;
  }
  const left = new Int32Array(n), right = new Int32Array(n), placement = new Int32Array(n).fill(-1), side = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    for (let c = 0; ; ) {
      const l = rnd() < 0.75, next = l ? left[c]! : right[c]!;
      if (next) {
        c = next;
        continue;
      }
      (l ? left : right)[c] = i;
      placement[i] = c;
      side[i] = l ? 1 : 2;
      break;
    }
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1)), t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return { n, sponsor, placement, side, depth, order };
}

const FIRST = "Ana Maria José João Antônio Francisca Carlos Paula Pedro Lúcia Luiz Márcia Gabriel Juliana Rafael Sônia".split(" ");
const LAST = "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Conceição Araújo Magalhães Simões".split(" ");
const PLACES = [["SP", "São Paulo"], ["RJ", "Rio de Janeiro"], ["MG", "Belo Horizonte"], ["BA", "Salvador"], ["PR", "Curitiba"]] as const;
const DATES = Array.from({ length: 4000 }, (_, k) => new Date(Date.UTC(2012, 0, 1 + k)).toISOString().slice(0, 10));
export const CODE_OF = (i: number) => `N${i}`;
export const HEADER = "code,name,email,document_type,document,sponsor_code,placement_code,leg,country,state,city,joined_at,status\n";

/**
 * The network as CSV chunks of `rowsPerChunk` lines: a third of the CPFs masked, one name in 50
 * quoted (with a comma). Lazy: a test can validate it without ever holding the whole file.
 */
export function* syntheticCsv(net: SyntheticNetwork, rowsPerChunk = 450): Generator<Buffer> {
  yield Buffer.from(HEADER);
  let text = "";
  for (let k = 0; k < net.n; k++) {
    const i = net.order[k]!;
    const doc = generateValidDocument("CPF", i);
    const [state, city] = PLACES[i % PLACES.length]!;
    const name = i % 50 === 7 ? `"${LAST[i % 14]}, ${FIRST[i % 16]}"` : `${FIRST[i % 16]} ${LAST[(i >> 4) % 14]}`;
    text +=
      `${CODE_OF(i)},${name},n${i}@example.com,CPF,${i % 3 ? doc : formatDocument("CPF", doc)},` +
      `${i ? CODE_OF(net.sponsor[i]!) : ""},${i ? CODE_OF(net.placement[i]!) : ""},${i ? (net.side[i] === 1 ? "L" : "R") : ""},` +
      `BR,${state},${city},${DATES[i % DATES.length]},${i % 20 === 3 ? "inactive" : "active"}\n`;
    if ((k + 1) % rowsPerChunk === 0 || k === net.n - 1) {
      yield Buffer.from(text);
      text = "";
    }
  }
}

async function main() {
  const n = Number(process.argv[2] ?? 1_000_000);
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;
  let t = performance.now();
  const net = syntheticNetwork(n);
  const maxDepth = net.depth.reduce((a, b) => Math.max(a, b), 0);
  console.log(`${n.toLocaleString("en")} rows; sponsor depth up to ${maxDepth}; network built in ${((performance.now() - t) / 1000).toFixed(2)} s`);

  // The file is made first, as ~48 KB Buffers (outside the JS heap, like pages of a file being
  // read), so that neither the time nor the garbage of making it counts against the validator.
  const chunks = [...syntheticCsv(net)];
  const bytes = chunks.reduce((sum, c) => sum + c.length, 0);
  const before = process.memoryUsage.rss();
  let peak = before;
  const sample = () => void (peak = Math.max(peak, process.memoryUsage.rss()));
  async function* stream() {
    for (const chunk of chunks) {
      sample();
      yield chunk;
    }
  }
  t = performance.now();
  const cpu = process.cpuUsage();
  const result = await validateImport(stream(), { shape: { kind: "binary" }, today: "2026-01-01", onProgress: sample });
  const wall = (performance.now() - t) / 1000, used = process.cpuUsage(cpu);
  sample();
  if (!result.ok) throw new Error(`expected a valid file, got ${result.errorCount} errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
  console.log(`file ${mb(bytes)} in ${chunks.length.toLocaleString("en")} chunks`);
  console.log(`parse + validate: ${wall.toFixed(2)} s, ${Math.round(n / wall).toLocaleString("en")} rows/s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s incl. GC helper threads)`);
  console.log(`RSS: ${mb(before)} with the file's chunks, peak ${mb(peak)} (+${mb(peak - before)}); heap in use at the end ${mb(process.memoryUsage().heapUsed)}`);
}

// Run only as a script: the unit test imports the generator.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
