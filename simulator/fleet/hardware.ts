import type { CardConfig, ModuleConfig } from '../../src/fleet/hardware-schema.js';

/**
 * The cards and modules of a simulated IP500 V2 (control unit with base cards in slots 1-4, expansion modules on
 * its expansion ports), and the entity names its IPO-MIB traps use for them (entPhysicalNames from the chassis
 * down, joined by ", ": collectors/snmp/entity.ts).
 */
export const TRUNK_CARD = { slot: '3', type: 'PRI-U', name: 'Controller, Slot 3, PRI-U' } as const;
export const VCM_CARD_NAME = 'Controller, Slot 2, VCM64';
export const PHONE_CARD_NAME = 'Controller, Slot 1, DS16B2';

/** The PRI ports of the trunk card: "Controller, Slot 3, PRI-U, T1 PRI 1" … (a port: depth 4, ends in a number). */
export function trunkPortName(port: number): string {
  return `${TRUNK_CARD.name}, T1 PRI ${port}`;
}

/** Base cards: phones, voice compression and an ISDN PRI trunk card with two ports. */
export function ip500v2Cards(): CardConfig[] {
  return [
    { id: 'slot1', slot: '1', type: 'DS16B2', name: 'Digital handsets' },
    { id: 'slot2', slot: '2', type: 'VCM64' },
    { id: 'slot3', slot: TRUNK_CARD.slot, type: TRUNK_CARD.type, name: 'ISDN PRI to the carrier', ports: [{ id: 'pri-1' }, { id: 'pri-2' }] },
  ];
}

/** One digital-station expansion module per 16 phones beyond the first card, at most 2. */
export function ip500v2Modules(phones: number): ModuleConfig[] {
  const count = Math.min(2, Math.max(0, Math.ceil((phones - 16) / 16)));
  return Array.from({ length: count }, (_, i) => ({ id: `exp${i + 1}`, expansionPort: i + 1, type: 'DS16A' }));
}
