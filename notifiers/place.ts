import type { Alarm } from '../src/correlation/alarm.js';
import type { FleetIndex } from '../src/fleet/fleet-index.js';

/** Where an alarm is, with names for people; ids are null for senders outside the fleet. */
export interface Place {
  customerId: string | null;
  customerName: string | null;
  siteId: string | null;
  siteName: string | null;
  nodeId: string | null;
  nodeName: string;
  /** The site's zone for local times; UTC when unknown. */
  timeZone: string;
}

export function placeOf(alarm: Pick<Alarm, 'nodeId' | 'sourceAddress'>, fleet: FleetIndex): Place {
  const row = alarm.nodeId ? fleet.node(alarm.nodeId) : undefined;
  if (!row) {
    return {
      customerId: null,
      customerName: null,
      siteId: null,
      siteName: null,
      nodeId: alarm.nodeId,
      nodeName: alarm.nodeId ?? `unknown sender ${alarm.sourceAddress}`,
      timeZone: 'UTC',
    };
  }
  return {
    customerId: row.customer.id,
    customerName: row.customer.name,
    siteId: row.site.id,
    siteName: row.site.name,
    nodeId: row.node.id,
    nodeName: row.node.name,
    timeZone: row.site.timeZone,
  };
}
