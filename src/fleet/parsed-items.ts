/** A mapping as the cross-checks see it: possibly half-valid, since they also run when other fields failed. */
export type Loose = Record<string, unknown>;

/** The mappings in `value[key]`, with their index; anything malformed is skipped (zod reports it already). */
export function itemsOf(value: unknown, key: string): Array<[number, Loose]> {
  const list = isLoose(value) ? value[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): Array<[number, Loose]> => (isLoose(item) ? [[index, item]] : []));
}

/** The strings in `value[key]`, with their index. */
export function stringsOf(value: Loose, key: string): Array<[number, string]> {
  const list = value[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): Array<[number, string]> => (typeof item === 'string' ? [[index, item]] : []));
}

export function stringOf(value: Loose, key: string): string | undefined {
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
}

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
