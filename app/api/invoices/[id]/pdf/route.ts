import { getDb } from "@/db/client";
import { getCurrentUser } from "@/server/auth/current-user";
import { getLocale } from "@/server/i18n/server";
import { translator } from "@/server/i18n/translate";
import { canReadDocument, documentById } from "@/server/invoices/documents";
import { documentFileName, renderDocumentPdf } from "@/server/invoices/pdf";

/**
 * GET /api/invoices/ID/pdf — an invoice, credit note or debit note as a PDF in the reader's
 * language. Staff with orders.manage read any; a consultant only a document issued to them. A
 * document the reader may not see answers 404, like one that does not exist.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const raw = (await params).id;
  const id = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) return new Response("Not found", { status: 404 });
  const doc = await documentById(getDb(), id);
  if (!doc || !canReadDocument(user, doc)) return new Response("Not found", { status: 404 });
  const locale = await getLocale();
  const pdf = await renderDocumentPdf(doc, locale, { name: translator(locale)("common.appName") });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${documentFileName(locale, doc)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
