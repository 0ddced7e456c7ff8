const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `fleet.customers[1].sites[0].nodes[2].addresses[0]`, as a reader would write it. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** The value at `path` in plain data, and whether it is there at all (a missing key is not an empty value). */
export function valueAt(data: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let current: unknown = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return { present: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { present: true, value: current };
}
