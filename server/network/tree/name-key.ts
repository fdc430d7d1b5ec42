/**
 * The folded name a downline page sorts and filters on (`genealogy.name_key`): without accents,
 * lower case, compared byte-wise. SQL computes the same with `immutable_unaccent(lower(name))`
 * (the sync trigger); this is the in-memory form for bulk writes, equal for Latin names.
 */
export function nameKey(fullName: string) {
  return fullName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
