import { getDb } from "@/db/client";
import { getCurrentUser } from "@/server/auth/current-user";
import { customerFilterSchema, customersForExport, stateThresholds } from "@/server/commerce/customers";
import { minorToDecimal } from "@/server/commerce/money";
import { getLocale } from "@/server/i18n/server";
import { translator } from "@/server/i18n/translate";
import { csvLine } from "@/server/network/import/csv";

/**
 * GET /api/customers/export?q=&consultantId=&state=&segment= — the customers list under the same
 * filter as the screen, as CSV, streamed in batches (never the whole base in memory). Staff with
 * orders.manage. Headers, states and segments are in the user's language; amounts are plain
 * decimals and dates ISO, so a spreadsheet reads them whatever its locale.
 */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!user.permissions.has("orders.manage")) return new Response("Forbidden", { status: 403 });
  const params = new URL(req.url).searchParams;
  const id = params.get("consultantId");
  const filter = customerFilterSchema.safeParse({
    q: params.get("q") || undefined,
    consultantId: id ? Number(id) : undefined,
    state: params.get("state") || undefined,
    segment: params.get("segment") || undefined,
  });
  if (!filter.success) return new Response("Bad filter", { status: 400 });

  const t = translator(await getLocale());
  const db = getDb();
  const { currency } = await stateThresholds(db);
  const c = (k: Parameters<typeof t>[0]) => t(k);
  const header = csvLine([
    c("customers.export.columns.id"),
    c("customers.export.columns.name"),
    c("customers.export.columns.email"),
    c("customers.export.columns.phone"),
    c("customers.export.columns.city"),
    c("customers.export.columns.region"),
    c("customers.export.columns.consultantCode"),
    c("customers.export.columns.consultantName"),
    c("customers.export.columns.state"),
    c("customers.export.columns.segment"),
    c("customers.export.columns.r"),
    c("customers.export.columns.f"),
    c("customers.export.columns.m"),
    c("customers.export.columns.orders"),
    c("customers.export.columns.spent"),
    c("customers.export.columns.currency"),
    c("customers.export.columns.firstOrder"),
    c("customers.export.columns.lastOrder"),
  ]);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const batches = customersForExport(db, filter.data);
  let sentHeader = false;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHeader) {
        sentHeader = true;
        // A BOM so spreadsheet programs read the accents as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${header}`));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      let chunk = "";
      for (const r of next.value) {
        chunk += csvLine([
          r.id,
          r.fullName,
          r.email,
          r.phone,
          r.city,
          r.region,
          r.consultantCode,
          r.consultantName,
          t(`customers.states.${r.commercialState}`),
          t(`customers.segments.${r.segment}`),
          r.rfm?.r,
          r.rfm?.f,
          r.rfm?.m,
          r.ordersCount,
          minorToDecimal(r.totalSpent, currency),
          currency,
          day(r.firstOrderAt),
          day(r.lastOrderAt),
        ]);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="rede-clientes.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
