import type { DocumentKind } from "@/server/invoices/documents";

/**
 * A download link to an invoice's or note's PDF (app/api/invoices/ID/pdf, which checks who may
 * read it). `label` is the visible text; `title` names the document for screen readers.
 */
export function DocumentLink({ id, label, title, testId }: { id: number; kind?: DocumentKind; label: string; title?: string; testId?: string }) {
  return (
    <a href={`/api/invoices/${id}/pdf`} download className="inline-flex items-center gap-1 text-brand-700 hover:underline" aria-label={title} data-testid={testId ?? `document-pdf-${id}`}>
      <span aria-hidden>⤓</span>
      {label}
    </a>
  );
}

/** "000042": document numbers as printed on the PDF. */
export const documentNo = (n: number) => String(n).padStart(6, "0");
