/** Every method and full path in Fastify's route tree (`app.printRoutes({ commonPrefix: false })`, 4 characters per level). */
export function routesOf(tree: string): Array<{ method: string; path: string }> {
  const stack: string[] = [];
  const out: Array<{ method: string; path: string }> = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    stack.length = match[1]!.length / 4;
    stack.push(match[2]!);
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) out.push({ method, path: stack.join('') });
  }
  return out;
}
