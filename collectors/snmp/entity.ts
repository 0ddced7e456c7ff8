import type { EntityRef } from '../../src/events/fleet-event.js';
import type { EventCategory } from '../../src/events/categories.js';

/**
 * The card, module or port an IPO-MIB entity varbind pair names. IP Office
 * sends ipoGTEventEntity (an entPhysicalIndex) and ipoGTEventEntityName, the
 * entPhysicalNames from the chassis down joined by ", ", e.g.
 * "Controller, Trunk Slot B, Trunk Module, T1 PRI 2". The id is the index
 * when there is one (stable across a Failure and its Operational), else the
 * name in kebab-case. Kind, from the name: at depth 3 or more, a last part
 * ending in a separate number ("T1 PRI 2") or naming a port is a port; a
 * name mentioning an expansion module is a module; anything else below the
 * chassis is a card ("Controller, Slot 2, VCM64").
 * The chassis alone ("Controller") is the node itself: null. Pure.
 */
export function entityFromVarbinds(index: number | null, name: string | null): EntityRef | null {
  const parts = (name ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) return index === null ? null : { kind: 'card', id: String(index) };
  if (parts.length === 1 && /^(controller|chassis|system)$/i.test(parts[0]!)) return null;
  const last = parts.at(-1)!;
  const kind: EntityRef['kind'] =
    parts.length >= 3 && (/\s\d+$/.test(last) || /\bport\b/i.test(last)) ? 'port' : parts.some((part) => /expansion/i.test(part)) ? 'module' : 'card';
  return { kind, id: index === null ? kebab(parts.join(' ')) : String(index), name: parts.join(', ') };
}

/** A trunk or link named by ipoGTEventData (Trunk and Link notifications carry no entity varbinds). */
export function entityFromData(kind: 'trunk' | 'link', data: string | null): EntityRef | null {
  const text = data?.trim();
  if (!text) return null;
  const id = kebab(text);
  return id ? { kind, id, name: text } : null;
}

/** IP Office's email category for an entity, from the words in its name; `fallback` when none fits. */
export function categoryOfEntityName(name: string | null, fallback: EventCategory): EventCategory {
  if (!name) return fallback;
  if (/\bVCM/i.test(name)) return 'VCM';
  if (/voicemail|memory card|\bSD\b/i.test(name)) return 'Embedded Voicemail Card';
  if (/expansion/i.test(name)) return 'Expansion modules';
  if (/trunk|\bPRI\b|\bBRI\b|\bATM\d*\b/i.test(name)) return 'Trunk lines';
  return fallback;
}

export function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
