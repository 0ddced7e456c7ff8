import type { Report } from './claim.js';
import { itemsOf, stringOf, stringsOf, type Loose } from './parsed-items.js';

/** Every node id a `resilience:` block names must be a node of the fleet, and not the node itself. */
export function checkResilience(fleet: unknown, report: Report): void {
  const nodes: Array<{ path: Array<string | number>; node: Loose }> = [];
  for (const [ci, customer] of itemsOf(fleet, 'customers')) {
    for (const [si, site] of itemsOf(customer, 'sites')) {
      for (const [ni, node] of itemsOf(site, 'nodes')) nodes.push({ path: ['customers', ci, 'sites', si, 'nodes', ni], node });
    }
  }
  const ids = new Set(nodes.flatMap(({ node }) => stringOf(node, 'id') ?? []));
  for (const { path, node } of nodes) {
    const resilience = node['resilience'];
    if (typeof resilience !== 'object' || resilience === null) continue;
    const self = stringOf(node, 'id');
    const check = (at: Array<string | number>, target: string) => {
      if (target === self) report([...path, 'resilience', ...at], `node "${target}" cannot back up or link to itself`);
      else if (!ids.has(target)) report([...path, 'resilience', ...at], `node "${target}" is not in the fleet`);
    };
    const backup = (resilience as Loose)['backup'];
    if (typeof backup === 'object' && backup !== null) {
      for (const [service, target] of Object.entries(backup)) if (typeof target === 'string') check(['backup', service], target);
    }
    for (const [li, target] of stringsOf(resilience as Loose, 'lines')) check(['lines', li], target);
  }
}
