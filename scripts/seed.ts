import { createDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

/** `npm run seed`: migrate and seed the database named by DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` seeds its embedded database by itself.");
  process.exit(1);
}
await migrateDatabase(url);
const { db, client } = createDb(url, { max: 2 });
const result = await seedDemo(db);
console.log(result.created ? `Seeded ${result.consultants} consultants (depth ${result.maxDepth}).` : "Demo data already present.");
await client.end();
