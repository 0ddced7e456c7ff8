import { claim, type Report } from './claim.js';
import { itemsOf, stringOf, type Loose } from './parsed-items.js';

/**
 * Inside one node: card ids, card slots, module ids and expansion ports are
 * unique, and port ids are unique on their card or module. `report` takes
 * paths relative to the node.
 */
export function checkHardware(node: Loose, report: Report): void {
  const cardIds = new Map<string, string>();
  const slots = new Map<string, string>();
  for (const [index, card] of itemsOf(node, 'cards')) {
    const id = stringOf(card, 'id');
    const slot = card['slot'];
    const label = id ?? `cards[${index}]`;
    if (id !== undefined) claim(cardIds, id, label, () => report(['cards', index, 'id'], `card id "${id}" is already used on this node`));
    if (typeof slot === 'string' || typeof slot === 'number') {
      const key = String(slot);
      claim(slots, key, label, (owner) => report(['cards', index, 'slot'], `slot ${key} is already used by card "${owner}"`));
    }
    checkPorts(card, (path, message) => report(['cards', index, ...path], `${message} on card "${label}"`));
  }

  const moduleIds = new Map<string, string>();
  const expansionPorts = new Map<string, string>();
  for (const [index, module] of itemsOf(node, 'modules')) {
    const id = stringOf(module, 'id');
    const port = module['expansionPort'];
    const label = id ?? `modules[${index}]`;
    if (id !== undefined) claim(moduleIds, id, label, () => report(['modules', index, 'id'], `module id "${id}" is already used on this node`));
    if (typeof port === 'number') {
      claim(expansionPorts, String(port), label, (owner) => report(['modules', index, 'expansionPort'], `expansion port ${port} is already used by module "${owner}"`));
    }
    checkPorts(module, (path, message) => report(['modules', index, ...path], `${message} on module "${label}"`));
  }
}

function checkPorts(parent: Loose, report: Report): void {
  const ids = new Map<string, string>();
  for (const [index, port] of itemsOf(parent, 'ports')) {
    const id = stringOf(port, 'id');
    if (id !== undefined) claim(ids, id, id, () => report(['ports', index, 'id'], `port id "${id}" is already used`));
  }
}
