import { isIP } from 'node:net';
import type { FleetIndex } from '../../src/fleet/fleet-index.js';
import type { PhoneDirectory, PhoneEntry } from '../types.js';
import { PrefixMap } from '../shared/address-prefix.js';
import type { RtcpConfig } from './config.js';
import type { StreamOwner, StreamState } from './stream-state.js';

const UNKNOWN: StreamOwner = { attribution: 'unknown', nodeId: null, siteId: null, customerId: null, extension: null, user: null, phoneType: null };

/**
 * Stream → phone → extension → node → site (README "Attribution"). RTCP may
 * arrive from an address that is not the IP Office it belongs to (IPOFFICE-98866,
 * 001:347): phones send it themselves, from their own subnets or through NAT,
 * so the phone table comes first, then the fleet's node addresses, then the
 * configured `sources` prefixes, then an address in the SDES CNAME.
 */
export class Attributor {
  private readonly sources: PrefixMap<string>;
  private readonly trunks: PrefixMap<{ id: string; nodeId: string }>;

  constructor(
    config: Pick<RtcpConfig, 'sources' | 'trunks'>,
    private readonly fleet: FleetIndex | undefined,
    private readonly phones: PhoneDirectory | undefined,
  ) {
    this.sources = new PrefixMap(config.sources.map((s) => ({ prefix: s.prefix, target: s.node })));
    this.trunks = new PrefixMap(config.trunks.flatMap((t) => t.addresses.map((prefix) => ({ prefix, target: { id: t.id, nodeId: t.node } }))));
  }

  owner(address: string, cname: string | null): StreamOwner {
    const phone = this.phones?.byAddress(address);
    if (phone) return this.fromPhone(phone, 'phone');
    const node = this.fleet?.resolve({ sourceAddress: address });
    if (node) return this.fromNode(node.nodeId, 'node');
    const mapped = this.sources.lookup(address);
    if (mapped && this.fleet?.node(mapped)) return this.fromNode(mapped, 'source-map');
    const host = cnameAddress(cname);
    const behindNat = host ? this.phones?.byAddress(host) : null;
    if (behindNat) return this.fromPhone(behindNat, 'cname');
    return UNKNOWN;
  }

  /** The far end, as far as anyone says: the peer stream's phone, the Avaya APP's remote address, a trunk. */
  farEnd(stream: StreamState, peer: StreamState | undefined): { remoteParty: string | null; trunk: string | null } {
    const remoteAddress = stream.remoteAddress ?? peer?.sourceAddress ?? null;
    const trunk = (remoteAddress ? this.trunks.lookup(remoteAddress) : undefined) ?? this.trunks.lookup(stream.sourceAddress);
    if (peer?.owner.extension) return { remoteParty: `ext ${peer.owner.extension}`, trunk: trunk?.id ?? null };
    const phone = remoteAddress ? this.phones?.byAddress(remoteAddress) : null;
    if (phone?.extension) return { remoteParty: `ext ${phone.extension}`, trunk: trunk?.id ?? null };
    if (trunk) return { remoteParty: `trunk ${trunk.id}`, trunk: trunk.id };
    return { remoteParty: remoteAddress, trunk: null };
  }

  private fromPhone(phone: PhoneEntry, attribution: StreamOwner['attribution']): StreamOwner {
    return { ...this.fromNode(phone.nodeId, attribution), extension: phone.extension, user: phone.user, phoneType: phone.type };
  }

  private fromNode(nodeId: string, attribution: StreamOwner['attribution']): StreamOwner {
    const row = this.fleet?.node(nodeId);
    return { ...UNKNOWN, attribution, nodeId, siteId: row?.site.id ?? null, customerId: row?.customer.id ?? null };
  }
}

/** "user@10.1.2.3" or "10.1.2.3" → the address; anything else → null. */
function cnameAddress(cname: string | null): string | null {
  if (!cname) return null;
  const host = cname.slice(cname.lastIndexOf('@') + 1).trim();
  return isIP(host) ? host : null;
}
