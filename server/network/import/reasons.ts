import { interpolate, type Params } from "@/server/i18n/translate-core";
import type { CsvErrorReason } from "./csv";

/**
 * Why a line of a network import was refused. The code and its params are the contract with the
 * screens, which translate them (pt-BR/es/en message catalogues, same `{param}` placeholders); the
 * English text below is the fallback for logs, the API and any code a catalogue does not know yet.
 * Every param named in a text is always present in the error's params.
 */
export const IMPORT_REASONS = {
  // The file as CSV
  csv_unterminated_quote: "A quoted field is never closed; the rest of the file was read as part of it.",
  csv_bad_quote: "Misplaced double quote: put the whole field in quotes and write a quote inside it as \"\".",
  csv_encoding: "The line is not valid UTF-8. Save the file as \"CSV UTF-8\".",
  csv_record_too_long: "This record is too long ({max} characters at most); an unclosed quote is the usual cause. Reading stopped here.",
  header_missing: "The file is empty: the first line must be the header with the column names.",
  header_missing_column: "The header has no column \"{column}\".",
  header_unknown_column: "Unknown column \"{column}\" in the header.",
  header_duplicate_column: "Column \"{column}\" appears twice in the header.",
  no_rows: "The file has a header but no consultants.",
  column_count: "This line has {found} fields; the header has {expected}.",
  // One field
  required: "Required.",
  too_long: "Too long: {max} characters at most.",
  control_chars: "Contains a line break or another control character.",
  code_format: "The code must be 1 to 20 letters, digits, \"-\" or \"_\".",
  code_duplicate: "Code {value} is already used on line {firstLine}.",
  code_exists: "A consultant with code {value} already exists.",
  name_length: "The name must have {min} to {max} characters.",
  email_format: "Not a valid e-mail address.",
  email_duplicate: "E-mail {value} is already used on line {firstLine}.",
  document_type_unknown: "Unknown document type \"{value}\"; use one of {allowed}.",
  document_format: "This is not a valid {type}: wrong length or characters.",
  document_checksum: "This {type} number does not exist (check digits do not match).",
  document_duplicate: "This document is already used on line {firstLine}.",
  country_invalid: "\"{value}\" is not an ISO 3166-1 country code (two letters, e.g. BR).",
  date_format: "Write the date as YYYY-MM-DD.",
  date_invalid: "{value} is not a real date.",
  date_future: "The date {value} is in the future (today is {today}).",
  status_invalid: "Unknown status \"{value}\"; use active, inactive or terminated.",
  // Sponsor and placement
  sponsor_self: "A consultant cannot be their own sponsor.",
  sponsor_not_found: "Sponsor {value} is neither in the file nor an existing consultant.",
  too_many_roots: "{found} lines have no sponsor; at most {max} may (the top of the network).",
  sponsor_cycle: "Sponsor cycle: {path} (each is sponsored by the next).",
  placement_incomplete: "Fill in placement_code and leg together, or leave both empty.",
  leg_invalid: "Invalid leg \"{value}\"; use {allowed}.",
  placement_self: "A consultant cannot be placed under themselves.",
  placement_not_found: "Placement parent {value} is neither in the file nor an existing consultant.",
  placement_slot_duplicate: "Leg {leg} under {value} is already given to line {firstLine}.",
  placement_slot_taken: "Leg {leg} under {value} is already occupied in the network.",
  placement_cycle: "Placement cycle: {path} (each is placed under the next).",
  sponsor_placement_cycle: "Sponsor and placement links form a cycle: {path}; no insertion order can satisfy both.",
} as const satisfies Record<CsvErrorReason, string> & Record<string, string>;

export type ImportReason = keyof typeof IMPORT_REASONS;

/** `line`: the file line where the record starts (header = 1); `column`: null for whole-line errors. */
export type ImportError = { line: number; column: string | null; reason: ImportReason; params?: Params };

/** English sentence for an error, prefixed with where it is: "Line 12, document: …". */
export function describeImportError(error: ImportError): string {
  const where = error.column ? `Line ${error.line}, ${error.column}` : `Line ${error.line}`;
  return `${where}: ${interpolate(IMPORT_REASONS[error.reason], error.params, "en")}`;
}
