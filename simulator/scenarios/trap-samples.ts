import type { CatalogueEntry } from '../../mibs/catalogue.js';
import { PHONE_CARD_NAME, trunkPortName, VCM_CARD_NAME } from '../fleet/hardware.js';
import type { SimNode } from '../fleet/sim-fleet.js';
import type { TrapValues } from '../wire/trap-varbinds.js';

/** The severity IP Office puts in a notification of this role (mibs/README.md, "Roles"). */
export function severityForRole(entry: CatalogueEntry): string {
  switch (entry.role) {
    case 'operational':
      return 'cleared';
    case 'error':
    case 'qos':
      return 'warning';
    case 'change':
      return 'minor';
    case 'failure':
    case 'problem':
    case 'severity':
      return entry.defaultSeverity === 'cleared' || entry.defaultSeverity === 'info' ? 'major' : entry.defaultSeverity;
    default:
      return entry.defaultSeverity === 'info' || entry.defaultSeverity === 'cleared' ? 'warning' : entry.defaultSeverity;
  }
}

const REASON_BY_FAMILY: Record<string, string> = {
  config: 'configurationNoIncomingCallRoute',
  service: 'serviceAllResourcesInUse',
  trunk: 'trunkRedAlarm',
  link: 'linkVMProConnFailure',
};

/**
 * Plausible values for any notification of the catalogue sent by `node`: the entity of its family (a card, a
 * trunk port, the Voicemail Pro link), a reason, QoS figures for one of its phones. Pure.
 */
export function sampleValues(entry: CatalogueEntry, node: SimNode, severity = severityForRole(entry)): Partial<TrapValues> {
  const phone = node.phones[0];
  const extension = phone ? Number(phone.extension) : 201;
  const values: Partial<TrapValues> = { severity };
  switch (entry.family) {
    case 'entity':
      return { ...values, entityIndex: 6, entityName: VCM_CARD_NAME };
    case 'loopback':
      return { ...values, entityIndex: 4, entityName: trunkPortName(1) };
    case 'trunk':
      return { ...values, reason: REASON_BY_FAMILY['trunk'], data: trunkPortName(2), description: 'T1 PRI 2 red alarm', remedialAction: 'Check the line to the carrier' };
    case 'config':
    case 'service':
    case 'link':
      return { ...values, reason: REASON_BY_FAMILY[entry.family], data: entry.family === 'link' ? 'Voicemail Pro' : 'Incoming call route', description: `${entry.title} on ${node.name}`, remedialAction: 'See System Status' };
    case 'qos':
      return { ...values, qos: { jitterMs: 48, roundTripMs: 380, packetLoss: 4, callId: 77, deviceType: 'extn', deviceId: 1, extension } };
    case 'phone-change':
      return { ...values, phone: { extension, type: 'a9608ip', port: 1 }, entityName: PHONE_CARD_NAME };
    case 'app-event':
      return { ...values, appEntity: 'voiceMail', appEvent: severity === 'cleared' ? 'storageOkay' : 'storageNearlyFull', description: 'Voicemail storage' };
    case 'memory-card-capacity':
      return { ...values, memoryCardSlot: 'systemSD', appEvent: 'storageNearlyFull' };
    case 'sog-host':
      return { ...values, hostAddress: '192.0.2.44' };
    case 'shutdown':
      return { ...values, shutdownSource: 'Manager', shutdownTimeoutMinutes: 5 };
    default:
      return values;
  }
}
