import type { Alarm } from '../correlation/alarm.js';
import type { NodeConfig } from '../fleet/node-schema.js';

/** Where on a node an alarm sits: a configured card or module (by id), and a port of it (by id), or nothing. */
export interface PartLocation {
  partId: string;
  portId: string | null;
}

/**
 * Places an open alarm on the node's configured cards, modules and ports. Entity ids from devices are indexes
 * (SNMP) or slot letters (syslog), not our config ids, so after an exact id match it reads the words IP Office
 * uses: "Slot A" / "Slot 2" name a card by slot, "Expansion 3" / "Expansion Module 3" a module by expansion port;
 * within that part, a port whose name appears as whole words ("PRI 2" in "Trunk Slot A, T1 PRI 2") is the port.
 * Reads the entity name first, then the alarm text. Pure.
 */
export function locateAlarm(alarm: Pick<Alarm, 'entity' | 'text'>, node: Pick<NodeConfig, 'cards' | 'modules'>): PartLocation | null {
  const parts = [...(node.cards ?? []).map((card) => ({ ...card, kind: 'card' as const })), ...(node.modules ?? []).map((m) => ({ ...m, kind: 'module' as const }))];
  const entity = alarm.entity;
  if (entity) {
    const exact = parts.find((part) => part.kind === entity.kind && part.id === entity.id);
    if (exact) return { partId: exact.id, portId: null };
    if (entity.kind === 'port') {
      for (const part of parts) {
        const port = part.ports?.find((p) => p.id === entity.id);
        if (port) return { partId: part.id, portId: port.id };
      }
    }
  }
  const text = `${entity?.name ?? ''} | ${alarm.text}`;
  const slot = /\bSlot\s+([1-4A-D])\b/i.exec(text)?.[1]?.toUpperCase();
  const expansion = /\bExpansion(?:\s+Module)?\s+(\d{1,2})\b/i.exec(text)?.[1];
  const part =
    (slot !== undefined ? node.cards?.find((card) => card.slot.toUpperCase() === slot) : undefined) ??
    (expansion !== undefined ? node.modules?.find((m) => m.expansionPort === Number(expansion)) : undefined);
  if (!part) return null;
  const port = part.ports?.find((p) => wholeWords(p.name ?? p.id).test(text));
  return { partId: part.id, portId: port?.id ?? null };
}

function wholeWords(phrase: string): RegExp {
  return new RegExp(`(?<![\\w])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'i');
}
