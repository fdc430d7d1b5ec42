import fs from "node:fs";
import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { exportNetworkCsv } from "@/server/network/export";
import { describeImportError } from "@/server/network/import/reasons";
import { validateImport } from "@/server/network/import/validate";
import { writeImport } from "@/server/network/import/write";

/**
 * For operators migrating from another system (DATABASE_URL names the database):
 *   npm run network -- import <file.csv>      validate, print the report, write only if all valid
 *   npm run network -- export [--root CODE]   the network (or CODE's downline) as CSV on stdout
 */
const [command, ...args] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: name the database to import into or export from.");
  process.exit(2);
}

if (command === "import" && args[0]) {
  await migrateDatabase(url);
  const started = Date.now();
  const result = await validateImport(fs.createReadStream(args[0]), {
    shape: { kind: "binary" },
    onProgress: (n) => process.stderr.write(`\rread ${n.toLocaleString("en")} rows…`),
  });
  process.stderr.write("\n");
  if (!result.ok) {
    for (const error of result.errors) console.log(describeImportError(error));
    console.log(`rejected: ${result.errorCount} error(s)${result.errorCount > result.errors.length ? ` (first ${result.errors.length} shown)` : ""}; nothing was written`);
    process.exit(1);
  }
  const { client } = createDb(url, { max: 1 });
  try {
    const { written } = await writeImport(client, result.rows, result.order);
    console.log(`imported ${written.toLocaleString("en")} consultants in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`import failed, nothing was written: ${error instanceof Error ? error.message : error}`);
    if (process.env.DEBUG) console.error(error);
    process.exitCode = 1;
  } finally {
    await client.end();
  }
} else if (command === "export") {
  const { client } = createDb(url, { max: 1 });
  const rootAt = args.indexOf("--root");
  let rootPath: string | null = null;
  if (rootAt >= 0) {
    const code = args[rootAt + 1];
    const [row] = await client`select g.sponsor_path from genealogy g join consultants c on c.id = g.consultant_id where c.code = ${code ?? ""}`;
    if (!row) {
      console.error(`no consultant with code ${code}`);
      process.exit(1);
    }
    rootPath = row.sponsor_path as string;
  }
  for await (const chunk of exportNetworkCsv(client, rootPath)) {
    if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once("drain", r));
  }
  await client.end();
} else {
  console.error("usage: npm run network -- import <file.csv> | export [--root CODE]");
  process.exit(2);
}
