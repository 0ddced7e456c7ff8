import type { CustomerConfig, FleetConfig, NodeConfig, SiteConfig } from './fleet-schema.js';
import { normaliseAddress } from './normalise-address.js';
import { normaliseHostname } from './normalise-hostname.js';

/** A node with the site and customer it belongs to. */
export interface FleetNodeRow {
  node: NodeConfig;
  site: SiteConfig;
  customer: CustomerConfig;
}

export interface ResolvedNode {
  nodeId: string;
  siteId: string;
  customerId: string;
  node: NodeConfig;
}

/** What an event tells about its sender. */
export interface ResolveQuery {
  sourceAddress: string;
  hostname?: string | undefined;
  deviceId?: string | undefined;
}

/**
 * Answers "which node sent this?" and "which nodes belong to this site or
 * customer?" in O(1). Built once from a validated fleet, where node ids,
 * addresses, host names and device ids are unique; should a duplicate slip
 * in anyway, the first node listed wins.
 */
export class FleetIndex {
  private readonly rows: FleetNodeRow[] = [];
  private readonly byId = new Map<string, FleetNodeRow>();
  private readonly byAddress = new Map<string, FleetNodeRow>();
  private readonly byDeviceId = new Map<string, FleetNodeRow>();
  private readonly byHostname = new Map<string, FleetNodeRow>();
  /** Site ids are unique only within a customer, so one site id may gather nodes of several customers. */
  private readonly idsBySite = new Map<string, string[]>();
  private readonly idsByCustomer = new Map<string, string[]>();

  constructor(fleet: FleetConfig) {
    for (const customer of fleet.customers) {
      for (const site of customer.sites) {
        for (const node of site.nodes) this.add({ node, site, customer });
      }
    }
  }

  /** By source address first (the sender cannot fake it on a LAN), then device id, then host name. */
  resolve(query: ResolveQuery): ResolvedNode | null {
    const row =
      this.byAddress.get(normaliseAddress(query.sourceAddress)) ??
      (query.deviceId ? this.byDeviceId.get(query.deviceId) : undefined) ??
      (query.hostname ? this.byHostname.get(normaliseHostname(query.hostname)) : undefined);
    if (!row) return null;
    return { nodeId: row.node.id, siteId: row.site.id, customerId: row.customer.id, node: row.node };
  }

  node(id: string): FleetNodeRow | undefined {
    return this.byId.get(id);
  }

  /** Every node, in config order. */
  nodes(): readonly FleetNodeRow[] {
    return this.rows;
  }

  /** Node ids of every site with this id (of any customer); empty for an unknown site. */
  nodeIdsOfSite(siteId: string): string[] {
    return [...(this.idsBySite.get(siteId) ?? [])];
  }

  nodeIdsOfCustomer(customerId: string): string[] {
    return [...(this.idsByCustomer.get(customerId) ?? [])];
  }

  private add(row: FleetNodeRow): void {
    const { node } = row;
    if (this.byId.has(node.id)) return;
    this.rows.push(row);
    this.byId.set(node.id, row);
    for (const address of node.addresses) setFirst(this.byAddress, normaliseAddress(address), row);
    if (node.deviceId) setFirst(this.byDeviceId, node.deviceId, row);
    for (const hostname of node.hostnames ?? []) setFirst(this.byHostname, normaliseHostname(hostname), row);
    append(this.idsBySite, row.site.id, node.id);
    append(this.idsByCustomer, row.customer.id, node.id);
  }
}

function setFirst<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
