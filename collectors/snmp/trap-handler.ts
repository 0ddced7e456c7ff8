import type { OidNames } from '../../mibs/oid-names.js';
import { normaliseAddress } from '../../src/fleet/normalise-address.js';
import type { SourceRateLimiter } from '../shared/source-rate-limit.js';
import { MAX_KEY_CACHE_ENTRIES } from './key-cache-bound.js';
import type { FleetEvent } from '../../src/events/fleet-event.js';
import type { CollectorContext } from '../types.js';
import { agentIdentity, type SnmpAccess } from './access.js';
import { maskCommunity } from './ber-check.js';
import type { AddressWatch } from './address-watch.js';
import type { SnmpCodec } from './codec.js';
import { createLogSample } from '../shared/log-sample.js';
import { sampleHex } from './log-sample-bytes.js';
import { mapNotification } from './map.js';
import { toNotification } from './notification.js';
import type { DatagramHandler } from '../shared/udp-listener.js';
import { textOf } from './varbind-value.js';
import { IPO_GT_OBJECTS_OID } from '../../mibs/ipo-mib.js';

/** Refusal reasons the handler adds to the codec's and the access checks'; metric labels, never renamed. */
export const HANDLER_REFUSAL_REASONS = ['internal-error'] as const;

const DEVICE_ID_OID = `${IPO_GT_OBJECTS_OID}.10`;

export interface TrapHandlerDeps {
  codec: SnmpCodec;
  access: SnmpAccess;
  addressWatch: AddressWatch;
  names: () => OidNames;
  /** Adds what other parts know (the phone behind a QoS extension); must not throw. */
  enrich?: (event: FleetEvent) => FleetEvent;
  /** Per-sender token buckets (collectors.snmp.rateLimit): over the limit, a datagram is dropped before it is decoded. */
  rateLimiter?: SourceRateLimiter;
  /** Keeps net-snmp's v3 key cache bounded (key-cache-bound.ts); called once per datagram. */
  boundKeyCache?: () => boolean;
}

/**
 * Per datagram: count it; decode and authenticate (codec); refuse what fails,
 * by reason, with a rate-limited log sample that never shows a community or
 * key; find the node and apply its allowlists; map to an event and hand it
 * to the pipeline. An inform is acknowledged only once its event has been
 * accepted, so a full queue makes the sender retry instead of losing it.
 * Never throws: it runs inside the socket loop.
 */
export function createTrapHandler(deps: TrapHandlerDeps, ctx: CollectorContext): DatagramHandler {
  const logSample = createLogSample(ctx.clock);
  const refuse = (reason: string, detail: string, bytes: Buffer, sourceAddress: string) => {
    ctx.metrics.refused(reason);
    const sample = logSample.take(reason);
    if (sample) ctx.log.warn({ reason, detail, sourceAddress, bytes: bytes.length, sample: sampleHex(bytes, deps.access.allCommunities()), suppressed: sample.suppressed }, 'snmp input refused');
  };

  return (bytes, from, reply) => {
    try {
      ctx.metrics.received();
      if (deps.rateLimiter && !deps.rateLimiter.take(normaliseAddress(from.address))) {
        // An inform is not acknowledged, so its sender retries later.
        ctx.metrics.dropped('rate-limited');
        return;
      }
      if (deps.boundKeyCache?.()) ctx.log.warn({ maxEntries: MAX_KEY_CACHE_ENTRIES }, 'snmp: the SNMPv3 key cache passed its bound (many engine ids) and was emptied');
      const decoded = deps.codec.decode(bytes, from);
      if (decoded.ok === 'discovery') {
        decoded.replies.forEach(reply);
        return;
      }
      if (!decoded.ok) {
        decoded.replies.forEach(reply);
        refuse(decoded.reason, decoded.reason === 'unknown-community' ? 'the community is not configured' : decoded.detail, bytes, from.address);
        return;
      }
      const { pdu } = decoded;
      const converted = toNotification(pdu);
      if (!converted.ok) {
        refuse(converted.reason, converted.detail, bytes, from.address);
        return;
      }
      const receivedAt = ctx.clock.now();
      const identity = agentIdentity(pdu, from.address);
      const deviceIdVb = pdu.varbinds.find((vb) => vb.oid === DEVICE_ID_OID || vb.oid === `${DEVICE_ID_OID}.0`);
      const deviceId = textOf(deviceIdVb)?.trim() || null;
      const sender = deps.access.resolve(identity.address, deviceId, pdu.version === 'v3' && pdu.kind === 'trap' ? (pdu.securityEngineId ?? null) : null);
      const allowed = deps.access.check(pdu, sender?.node ?? null);
      if (!allowed.ok) {
        refuse(allowed.reason, allowed.detail, bytes, identity.address);
        return;
      }
      if (sender) {
        const moved = deps.addressWatch.observe(sender.nodeId, sender.node, identity.address, receivedAt);
        if (moved) ctx.emit(moved);
      }
      const mapped = mapNotification(converted.notification, {
        receivedAt,
        sourceAddress: identity.address,
        udpSource: from.address,
        identityVia: identity.via,
        nodeId: sender?.nodeId ?? null,
        version: pdu.version,
        kind: pdu.kind,
        user: pdu.user,
        names: deps.names(),
        raw: pdu.community === undefined ? bytes : maskCommunity(bytes),
      });
      const event = deps.enrich ? deps.enrich(mapped) : mapped;
      if (ctx.emit(event) === 'accepted') decoded.replies.forEach(reply);
    } catch (error) {
      try {
        ctx.metrics.refused('internal-error');
        if (logSample.take('internal-error')) ctx.log.error({ err: error, sourceAddress: from.address }, 'snmp: failed to handle a datagram');
      } catch {
        // Nothing left to report with; the socket loop must survive.
      }
    }
  };
}
