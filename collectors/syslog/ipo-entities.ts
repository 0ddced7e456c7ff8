import type { EntityRef } from '../../src/events/fleet-event.js';

/**
 * Which part of the node a line is about, when its text says so plainly.
 * Checked in order, first match wins: an extension is the most specific
 * thing a line names, a card slot the least. Case is ignored.
 */
const ENTITY_PATTERNS: ReadonlyArray<{ kind: EntityRef['kind']; pattern: RegExp }> = [
  // "Extn457" (System Monitor, 001:339), "extension 201", "ext 201".
  { kind: 'extension', pattern: /\b(?:Extn|Extension|Ext\.?)\s*(\d{1,15})\b/i },
  // IP Office numbers its trunks as lines ("Line 5"); "Trunk 3", "SIP Trunk 17".
  { kind: 'trunk', pattern: /\bLine\s+(\d{1,5})\b/i },
  { kind: 'trunk', pattern: /\b(?:SIP\s+)?Trunk\s+(\d{1,5})\b/i },
  // IP500 V2 base card slots 1..4 and the trunk daughter-card slots A..D ("Trunk Slot B", IPO-MIB entity names).
  { kind: 'card', pattern: /\bSlot\s+([1-4A-D])\b/i },
];

/** The entity a text names, or null; `name` is the words that named it. */
export function findEntity(text: string): EntityRef | null {
  const subject = text.slice(0, 1024); // entity words are near the start; bounds regex work on long lines
  for (const { kind, pattern } of ENTITY_PATTERNS) {
    const m = pattern.exec(subject);
    if (m) return { kind, id: m[1]!.toUpperCase(), name: m[0] };
  }
  return null;
}
