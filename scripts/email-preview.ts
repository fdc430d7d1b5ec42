/**
 * Renders every e-mail template with its PreviewProps in every locale to
 * .data/email-preview/<template>.<locale>.html (plus .txt), to open in a browser and review.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderEmail, TEMPLATE_NAMES, templates } from "@/emails";
import { LOCALES } from "@/server/i18n/locales";

const outDir = path.resolve(process.cwd(), ".data", "email-preview");
await mkdir(outDir, { recursive: true });

for (const template of TEMPLATE_NAMES) {
  const { locale: _previewLocale, ...props } = templates[template].component.PreviewProps;
  for (const locale of LOCALES) {
    const { subject, html, text } = await renderEmail(template, locale, props);
    const base = path.join(outDir, `${template}.${locale}`);
    await writeFile(`${base}.html`, html);
    await writeFile(`${base}.txt`, `Subject: ${subject}\n\n${text}\n`);
    console.log(`${base}.html  —  ${subject}`);
  }
}
