/**
 * Turns what a person typed into an ILIKE pattern. `%`, `_` and `\` are escaped so a search for
 * "ana_silva" matches that text literally instead of treating `_` as a wildcard.
 */
export function containsPattern(text: string) {
  return `%${escapeLike(text)}%`;
}

export function prefixPattern(text: string) {
  return `${escapeLike(text)}%`;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
