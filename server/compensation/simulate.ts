import fs from "node:fs";
import { currencyDigits } from "@/server/commerce/money";
import type { CsvInput } from "@/server/network/import/csv";
import { runEngine, type EngineResult } from "./engine";
import type { FileErrors } from "./files/csv-input";
import { consultantsCsv, linesCsv } from "./files/output";
import { readNetworkFile } from "./files/network";
import { readPreviousFile } from "./files/previous";
import { readVolumesFile } from "./files/volumes";
import { parsePlan } from "./plan";
import { SnapshotError, type Snapshot } from "./snapshot";

/**
 * `npm run comp -- simulate`: the engine on files, for plan designers and tests. Reads the plan
 * JSON, the network CSV and the volumes CSV (and optionally a previous run's consultants file),
 * runs the very engine a commission run uses, writes the lines and consultants files. Every
 * problem with an input comes back as "file line N, column: what is wrong", nothing is written.
 */
export type SimulateFiles = {
  plan: string;
  network: string;
  volumes: string;
  out: string;
  /** Default: the lines file's name with ".consultants.csv" for ".csv". */
  consultantsOut?: string;
  /** "YYYY-MM"; default the latest joined_at month in the network file. */
  period?: string;
  previous?: string;
};

export type SimulateOutcome = { ok: true; result: EngineResult; snapshot: Snapshot; codes: string[]; period: number; consultantsOut: string } | { ok: false; errors: string[] };

const input = (file: string): CsvInput => fs.createReadStream(file);
const describe = (file: string, errors: FileErrors) => [
  ...[...errors.list].sort((a, b) => a.line - b.line).map((e) => `${file}${e.line ? ` line ${e.line}` : ""}${e.column ? `, ${e.column}` : ""}: ${e.message}`),
  ...(errors.count > errors.list.length ? [`${file}: … and ${errors.count - errors.list.length} more`] : []),
];

export async function simulate(files: SimulateFiles): Promise<SimulateOutcome> {
  for (const [what, file] of [["plan", files.plan], ["network", files.network], ["volumes", files.volumes], ["previous", files.previous]] as const) {
    if (file !== undefined && !fs.existsSync(file)) return { ok: false, errors: [`${what} file ${file} does not exist`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(files.plan, "utf8"));
  } catch (e) {
    return { ok: false, errors: [`${files.plan}: not JSON (${e instanceof Error ? e.message : e})`] };
  }
  const parsed = parsePlan(json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${files.plan}: ${e}`) };
  const plan = parsed.plan;
  const width = plan.bonuses.binary ? 2 : (plan.bonuses.matrix?.width ?? 2);

  const read = await readNetworkFile(input(files.network), width);
  if (!read.ok) return { ok: false, errors: describe(files.network, read.errors) };
  const network = read.network, n = network.codes.length;
  const rowOf = new Map(network.codes.map((c, i) => [c, i]));
  const volumes = await readVolumesFile(input(files.volumes), rowOf, n);
  if (!volumes.ok) return { ok: false, errors: describe(files.volumes, volumes.errors) };
  let history = {};
  if (files.previous) {
    const previous = await readPreviousFile(input(files.previous), rowOf, n, plan.ranks.ladder.map((r) => r.code), currencyDigits(plan.currency));
    if (!previous.ok) return { ok: false, errors: describe(files.previous, previous.errors) };
    history = previous.history;
  }
  let period = network.latestJoin;
  if (files.period !== undefined) {
    const m = /^(\d{4})-(\d{2})$/.exec(files.period);
    if (!m || +m[2]! < 1 || +m[2]! > 12) return { ok: false, errors: [`--period ${files.period}: write the month as YYYY-MM`] };
    period = +m[1]! * 100 + +m[2]!;
  }

  const snapshot: Snapshot = { period, count: n, ...network, pv: volumes.pv, cv: volumes.cv, ...history };
  let result: EngineResult;
  try {
    result = runEngine(snapshot, plan);
  } catch (e) {
    if (e instanceof SnapshotError) return { ok: false, errors: [`${files.network}: ${e.consultant !== null ? `${network.codes[e.consultant]}: ` : ""}${e.message.replace(/consultant (\d+)/g, (_, i) => network.codes[+i] ?? i)}`] };
    throw e;
  }
  const consultantsOut = files.consultantsOut ?? files.out.replace(/(\.csv)?$/i, ".consultants.csv");
  await write(files.out, linesCsv(result, network.codes));
  await write(consultantsOut, consultantsCsv(result, snapshot, network.codes));
  return { ok: true, result, snapshot, codes: network.codes, period, consultantsOut };
}

async function write(file: string, chunks: Iterable<string>) {
  const out = fs.createWriteStream(file);
  for (const chunk of chunks) if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
