/** Where a cross-check reports a problem: a path relative to what is being checked, and a sentence. */
export type Report = (path: Array<string | number>, message: string) => void;

/** Records the first owner of a key; calls `onTaken` with that owner when the key comes again. */
export function claim(seen: Map<string, string>, key: string, owner: string, onTaken: (firstOwner: string) => void): void {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, owner);
  else onTaken(first);
}
