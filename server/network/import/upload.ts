import type { Db } from "@/db/client";
import { networkImports } from "@/db/schema";
import type { Locale } from "../../i18n/locales";
import type { MessageKey } from "../../i18n/messages";
import type { Params } from "../../i18n/translate";
import { formatFileSize } from "./file-size";
import { FileTooLarge, removeImportFile, storeImportFile } from "./files";
import { enqueueImportJob, VALIDATE_IMPORT_TASK } from "./jobs";

/**
 * Receiving a network file: stream it to the file store under a size cap, check it is a CSV,
 * record the import and queue its validation — row and job in one transaction, so a queued job
 * always has its row and a row never waits for a job that was not queued.
 */

/** 1M consultants in the import format take ~130 MB; NETWORK_IMPORT_MAX_BYTES changes the cap. */
export function maxUploadBytes() {
  const value = Number(process.env.NETWORK_IMPORT_MAX_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : 300 * 1024 * 1024;
}

/** A refusal the route turns into its HTTP status and a translated sentence. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly messageKey: MessageKey,
    readonly params: Params = {},
  ) {
    super(messageKey);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .xlsx, .ods, .numbers
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, k) => head[k] === b);

/** "C:\\fakepath\\rede.csv" or "../x.csv" → "rede.csv" / "x.csv": only the name is kept, for display. */
export function cleanFileName(raw: string | null) {
  const name = (raw ?? "").split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return name.slice(0, 255);
}

export async function receiveUpload(
  db: Db,
  upload: { userId: string; locale: Locale; fileName: string | null; declaredSize: number | null; body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null; maxBytes: number },
) {
  const fileName = cleanFileName(upload.fileName);
  const tooLarge = () => new UploadRefused(413, "networkImport.upload.tooLarge", { max: formatFileSize(upload.locale, upload.maxBytes) });
  // Spreadsheets are named for what they are; a CSV saved from one still ends in .csv.
  if (/\.(xlsx?|ods|numbers)$/i.test(fileName)) throw new UploadRefused(415, "networkImport.upload.spreadsheet");
  if (!/\.csv$/i.test(fileName)) throw new UploadRefused(415, "networkImport.upload.notCsv");
  if (upload.declaredSize !== null && upload.declaredSize > upload.maxBytes) throw tooLarge();
  if (!upload.body || upload.declaredSize === 0) throw new UploadRefused(400, "networkImport.upload.empty");

  let stored: Awaited<ReturnType<typeof storeImportFile>>;
  try {
    stored = await storeImportFile(upload.body, upload.maxBytes);
  } catch (error) {
    if (error instanceof FileTooLarge) throw tooLarge();
    throw error;
  }
  try {
    if (stored.size === 0) throw new UploadRefused(400, "networkImport.upload.empty");
    if (startsWith(stored.head, ZIP) || startsWith(stored.head, OLE)) throw new UploadRefused(415, "networkImport.upload.spreadsheet");
    if (stored.head.includes(0)) throw new UploadRefused(415, "networkImport.upload.notCsv"); // a binary file (or UTF-16)
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(networkImports)
        .values({ fileName, fileKey: stored.key, sizeBytes: stored.size, createdBy: upload.userId })
        .returning({ id: networkImports.id });
      await enqueueImportJob(tx, VALIDATE_IMPORT_TASK, row!.id);
      return { id: row!.id };
    });
  } catch (error) {
    await removeImportFile(stored.key);
    throw error;
  }
}
