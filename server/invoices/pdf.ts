import PDFDocument from "pdfkit";
import { formatMoney } from "../commerce/money";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { documentNumber } from "./notes";
import type { DocumentRow } from "./documents";

const PAGE = { width: 595.28, margin: 50 }; // A4 in points
const INK = "#1f2933";
const MUTED = "#6b7280";
const BRAND = "#0f5c4d";
const LINE = "#d1d5db";

/**
 * The standard PDF fonts speak WinAnsi (Latin-1 plus a few signs): every letter of pt-BR, es and
 * en is there, but Intl puts narrow no-break spaces (U+202F) in some formats, which it is not.
 */
const printable = (s: string) => s.replace(/\u202f/g, "\u00a0").replace(/[^\u0000-\u00ff€–—‘’“”•…]/g, "?");

/** The filename a download gets: "nota-de-credito-000004.pdf" in pt-BR. */
export function documentFileName(locale: Locale, doc: Pick<DocumentRow, "kind" | "number">) {
  const t = translator(locale);
  return `${t(`invoices.fileName.${doc.kind}`)}-${documentNumber(doc.number)}.pdf`;
}

/**
 * An invoice, credit note or debit note as a one-document PDF, in the reader's language: title
 * and number, dates, who it is for, the lines, the total. Money goes through Intl from integer
 * minor units (no float); long line lists flow onto further pages with the header row repeated.
 */
export function renderDocumentPdf(doc: DocumentRow, locale: Locale, issuer: { name: string }): Promise<Buffer> {
  const t = translator(locale);
  const money = (minor: number) => printable(formatMoney(minor, doc.currency, locale));
  const date = (d: Date | string) => printable(new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(d)));
  const title = `${t(`invoices.kind.${doc.kind}`)} ${t("invoices.pdf.numberSign")} ${documentNumber(doc.number)}`;

  const pdf = new PDFDocument({ size: "A4", margin: PAGE.margin, info: { Title: printable(title), Author: printable(issuer.name), Creator: "Rede" } });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;
  const text = (s: string) => printable(s);

  pdf.fillColor(BRAND).font("Helvetica-Bold").fontSize(20).text(text(issuer.name), left, PAGE.margin);
  pdf.fillColor(INK).font("Helvetica-Bold").fontSize(16).text(text(title), left, PAGE.margin, { width: right - left, align: "right" });
  pdf.moveDown(2);

  const facts: [string, string][] = [[t("invoices.pdf.issuedOn"), date(doc.issuedAt)]];
  if (doc.orderNumber) facts.push([t("invoices.pdf.order"), doc.orderNumber]);
  if (doc.dueOn) facts.push([t("invoices.pdf.dueOn"), date(`${doc.dueOn}T00:00:00Z`)]);
  if (doc.relatedKind && doc.relatedNumber !== null) facts.push([t("invoices.pdf.refersTo"), `${t(`invoices.kind.${doc.relatedKind}`)} ${documentNumber(doc.relatedNumber)}`]);
  facts.push([t("invoices.pdf.consultant"), `${doc.consultantName} (${doc.consultantCode})`]);
  if (doc.customerName) facts.push([t("invoices.pdf.customer"), doc.customerName]);
  const y0 = pdf.y;
  facts.forEach(([label, value], i) => {
    const y = y0 + i * 18;
    pdf.font("Helvetica").fontSize(10).fillColor(MUTED).text(text(label), left, y, { width: 140 });
    pdf.font("Helvetica").fontSize(10).fillColor(INK).text(text(value), left + 140, y, { width: right - left - 140 });
  });
  pdf.y = y0 + facts.length * 18 + 8;
  if (doc.kind !== "invoice") {
    pdf.font("Helvetica-Oblique").fontSize(9).fillColor(MUTED).text(text(t(`invoices.pdf.explain.${doc.kind}`)), left, pdf.y, { width: right - left });
    pdf.moveDown(1);
  }

  // Columns: SKU | description | qty | unit price | line total
  const cols = [
    { key: "sku", label: t("invoices.pdf.sku"), x: left, w: 80, align: "left" as const },
    { key: "name", label: t("invoices.pdf.description"), x: left + 85, w: 200, align: "left" as const },
    { key: "qty", label: t("invoices.pdf.quantity"), x: left + 290, w: 40, align: "right" as const },
    { key: "unit", label: t("invoices.pdf.unitPrice"), x: left + 335, w: 75, align: "right" as const },
    { key: "total", label: t("invoices.pdf.lineTotal"), x: left + 415, w: right - left - 415, align: "right" as const },
  ];
  const header = () => {
    const y = pdf.y + 6;
    pdf.font("Helvetica-Bold").fontSize(9).fillColor(MUTED);
    for (const c of cols) pdf.text(text(c.label), c.x, y, { width: c.w, align: c.align });
    pdf.moveTo(left, y + 14).lineTo(right, y + 14).strokeColor(LINE).lineWidth(0.5).stroke();
    pdf.y = y + 20;
  };
  header();
  for (const line of doc.lines) {
    const cells: Record<string, string> = {
      sku: line.sku,
      name: line.name,
      qty: new Intl.NumberFormat(locale).format(line.quantity),
      unit: money(line.unitPrice),
      total: money(line.lineTotal),
    };
    pdf.font("Helvetica").fontSize(9);
    const height = Math.max(...cols.map((c) => pdf.heightOfString(text(cells[c.key]!), { width: c.w })));
    if (pdf.y + height + 40 > pdf.page.height - PAGE.margin) {
      pdf.addPage();
      header();
    }
    const y = pdf.y;
    pdf.fillColor(INK);
    for (const c of cols) pdf.text(text(cells[c.key]!), c.x, y, { width: c.w, align: c.align });
    pdf.y = y + height + 6;
  }
  pdf.moveTo(left, pdf.y).lineTo(right, pdf.y).strokeColor(LINE).lineWidth(0.5).stroke();
  pdf.y += 8;
  const totalY = pdf.y;
  pdf.font("Helvetica-Bold").fontSize(12).fillColor(INK);
  pdf.text(text(t(`invoices.pdf.total.${doc.kind}`)), left, totalY, { width: 330, align: "right" });
  pdf.text(money(doc.total), left + 335, totalY, { width: right - left - 335, align: "right" });

  pdf.font("Helvetica").fontSize(8).fillColor(MUTED).text(text(t("invoices.pdf.footer", { issuer: issuer.name })), left, pdf.page.height - PAGE.margin - 10, {
    width: right - left,
    align: "center",
    lineBreak: false,
  });
  pdf.end();
  return done;
}
