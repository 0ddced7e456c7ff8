import { PHONE_TYPE } from '../../mibs/ipo-phones-mib.js';
import { TRUNK_CARD } from '../fleet/hardware.js';
import type { SimNode } from '../fleet/sim-fleet.js';
import { codeOf } from './trap-varbinds.js';

/** ENTITY-MIB PhysicalClass values used here. */
const CHASSIS = 3;
const CONTAINER = 5;
const MODULE = 9;
const PORT = 10;

/** An entPhysicalEntry row: index, descr, containedIn, class, name, model. */
export type EntityRowSpec = [index: number, descr: string, containedIn: number, cls: number, name: string, model: string];

/**
 * The entity table a simulated system's agent serves, numbered so the entity indexes and names of its traps
 * (scenarios/trap-samples.ts, hardware.ts) match it: 3 is the PRI-U card, 4 and 5 its ports, 6 the VCM64.
 * Pure.
 */
export function entityRows(node: SimNode): EntityRowSpec[] {
  const rows: EntityRowSpec[] = [[1, `${node.platform === 'ip500v2' ? 'IP500 V2' : 'Server Edition'} control unit`, 0, CHASSIS, 'Controller', node.platform === 'ip500v2' ? 'IP500 V2' : 'Server Edition']];
  if (node.cards.length === 0) return rows;
  rows.push(
    [2, 'Base card slot 3', 1, CONTAINER, `Slot ${TRUNK_CARD.slot}`, ''],
    [3, 'Universal PRI trunk card', 2, MODULE, TRUNK_CARD.type, TRUNK_CARD.type],
    [4, 'T1 PRI port 1', 3, PORT, 'T1 PRI 1', ''],
    [5, 'T1 PRI port 2', 3, PORT, 'T1 PRI 2', ''],
    [6, 'Voice compression module', 7, MODULE, 'VCM64', 'VCM64'],
    [7, 'Base card slot 2', 1, CONTAINER, 'Slot 2', ''],
    [8, 'Base card slot 1', 1, CONTAINER, 'Slot 1', ''],
    [9, 'Digital station card', 8, MODULE, 'DS16B2', 'DS16B2'],
  );
  node.modules.forEach((module, i) => {
    rows.push([10 + 2 * i, `Expansion port ${module.expansionPort}`, 1, CONTAINER, `Expansion ${module.expansionPort}`, ''], [11 + 2 * i, 'Digital station expansion module', 10 + 2 * i, MODULE, module.type, module.type]);
  });
  return rows;
}

/** An ipoPhonesEntry row: index, extId, extNumber, userShort, userLong, type, port, IP address. */
export type PhoneRowSpec = [index: number, extId: number, extNumber: number, userShort: string, userLong: string, type: number, port: number, ip: string];

/** The IPO-PHONES-MIB phone table: every phone of the node as an Avaya 9608 with its RTCP address. Pure. */
export function phoneRows(node: SimNode): PhoneRowSpec[] {
  const type = codeOf(PHONE_TYPE, 'a9608ip');
  return node.phones.map((phone, i) => [i + 1, 16 + i, Number(phone.extension), phone.user.split(' ')[0]!, phone.user, type, 1 + (i % 16), phone.address]);
}
