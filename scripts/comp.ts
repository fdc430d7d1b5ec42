import { minorToDecimal } from "@/server/commerce/money";
import { BONUS_KINDS } from "@/server/compensation/lines";
import { simulate, type SimulateFiles } from "@/server/compensation/simulate";

/**
 * For plan designers (docs/plans.md):
 *   npm run comp -- simulate --plan <plan.json> --network <network.csv> --volumes <volumes.csv> --out <lines.csv>
 *                            [--consultants-out <file.csv>] [--period YYYY-MM] [--previous <consultants.csv>]
 * Exit 0 with a summary on stdout; 1 with every problem in the files on stderr (nothing written);
 * 2 for a wrong command line.
 */
const USAGE =
  "usage: npm run comp -- simulate --plan <plan.json> --network <network.csv> --volumes <volumes.csv> --out <lines.csv>\n" +
  "                               [--consultants-out <file.csv>] [--period YYYY-MM] [--previous <consultants.csv>]";
const OPTIONS = { "--plan": "plan", "--network": "network", "--volumes": "volumes", "--out": "out", "--consultants-out": "consultantsOut", "--period": "period", "--previous": "previous" } as const;

const [command, ...args] = process.argv.slice(2);
const files: Partial<Record<keyof SimulateFiles, string>> = {};
let bad = command !== "simulate" ? `unknown command ${command ?? "(none)"}` : "";
for (let k = 0; !bad && k < args.length; k += 2) {
  const name = OPTIONS[args[k] as keyof typeof OPTIONS];
  if (!name) bad = `unknown option ${args[k]}`;
  else if (args[k + 1] === undefined || args[k + 1]!.startsWith("--")) bad = `${args[k]} needs a value`;
  else files[name] = args[k + 1];
}
for (const required of ["plan", "network", "volumes", "out"] as const) if (!bad && !files[required]) bad = `--${required} is required`;
if (bad) {
  console.error(`${bad}\n${USAGE}`);
  process.exit(2);
}

const started = performance.now();
const outcome = await simulate(files as SimulateFiles);
if (!outcome.ok) {
  for (const error of outcome.errors) console.error(error);
  console.error("nothing was written");
  process.exit(1);
}
const { result, snapshot, period, consultantsOut } = outcome, t = result.totals, currency = result.plan.plan.currency;
const money = (minor: bigint) => `${currency} ${minorToDecimal(Number(minor), currency)}`;
const cvMoney = (Number(t.cv) * result.plan.minorUnitsPerPoint) / 100;
console.log(`plan ${result.plan.plan.name} v${result.plan.plan.version}; period ${period ? `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}` : "none (no one counts as new)"}; ${snapshot.count.toLocaleString("en")} consultants`);
for (const kind of BONUS_KINDS) if (t.linesByBonus[kind]) console.log(`  ${kind.padEnd(20)} ${String(t.linesByBonus[kind]).padStart(9)} lines  ${money(t.byBonus[kind])}`);
console.log(`  ${"paid".padEnd(20)} ${String(result.lines.count).padStart(9)} lines  ${money(t.paid)}${cvMoney > 0 ? `  (${((Number(t.paid) / cvMoney) * 100).toFixed(2)} % of CV)` : ""}`);
console.log(`lines: ${files.out}\nconsultants: ${consultantsOut}\nhash: ${result.hash}\n(${((performance.now() - started) / 1000).toFixed(2)} s)`);
