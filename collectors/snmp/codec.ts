import snmp from 'net-snmp';
import { checkBer } from './ber-check.js';
import type { SnmpUserConfig } from './config.js';
import type { CodecRefusalReason, CodecResult, ReceivedPdu, RawVarbind } from './received-pdu.js';

export interface CodecOptions {
  communities: readonly string[];
  users: readonly SnmpUserConfig[];
  /** Our engine id in hex; null lets net-snmp pick a random one. */
  engineId: string | null;
}

export interface SnmpCodec {
  /**
   * Decodes and authenticates one datagram. Never throws. `replies` are the
   * datagrams to send back to the sender (inform acknowledgements, v3 reports).
   */
  decode(bytes: Buffer, from: { address: string; port: number }): CodecResult;
  /** Our engine id, hex. */
  engineId(): string;
}

// usmStats counters (RFC 3414) that a v3 report carries, BER-encoded: they say why net-snmp answered with a report.
const UNKNOWN_USER_NAMES = Buffer.from('2b060106030f01010300', 'hex');
const WRONG_DIGESTS = Buffer.from('2b060106030f01010500', 'hex');

interface Captured {
  error: (Error & { code?: number }) | null;
  data: { pdu: Record<string, unknown>; version: number; engine?: string } | null;
}

/**
 * Our typed wrapper around net-snmp's trap receiver. The receiver is built
 * with a dummy dgram module, so it owns no socket: the collector's listener
 * passes each datagram in, and net-snmp's message processing (BER, community
 * and USM checks, decryption, inform acknowledgement, v3 discovery) runs
 * synchronously inside decode(). Replies are captured and returned.
 */
export function createSnmpCodec(options: CodecOptions): SnmpCodec {
  let captured: Captured = { error: null, data: null };
  const dummySocket = { on: () => undefined, bind: () => undefined, close: () => undefined, address: () => ({}) };
  const receiver = snmp.createReceiver(
    {
      port: 1,
      includeAuthentication: true,
      dgramModule: { createSocket: () => dummySocket },
      ...(options.engineId && { engineID: options.engineId }),
    },
    (error: Captured['error'], data: Captured['data']) => {
      captured = { error, data };
    },
  );
  // net-snmp's callback data has no version and no engine id: add both from the message.
  const proto = Object.getPrototypeOf(receiver) as { formatCallbackData: (message: unknown, rinfo: unknown) => Record<string, unknown> };
  receiver.formatCallbackData = function (message: { version: number; msgSecurityParameters?: { msgAuthoritativeEngineID?: Buffer } }, rinfo: unknown) {
    const data = proto.formatCallbackData.call(this, message, rinfo);
    data['version'] = message.version;
    const engine = message.msgSecurityParameters?.msgAuthoritativeEngineID;
    if (Buffer.isBuffer(engine)) data['engine'] = engine.toString('hex');
    return data;
  };
  const authorizer = receiver.getAuthorizer();
  for (const community of new Set(options.communities)) authorizer.addCommunity(community);
  for (const user of options.users) authorizer.addUser(toNetSnmpUser(user));

  return {
    engineId: () => (receiver.engine.engineID as Buffer).toString('hex'),
    decode(bytes, from) {
      const ber = checkBer(bytes);
      if (!ber.ok) return { ok: false, reason: ber.reason, detail: ber.detail, replies: [] };
      captured = { error: null, data: null };
      const replies: Buffer[] = [];
      const replySocket = { send: (buffer: Buffer) => void replies.push(Buffer.from(buffer)) };
      const rinfo = { address: from.address, port: from.port, family: from.address.includes(':') ? 'IPv6' : 'IPv4', size: bytes.length };
      try {
        receiver.onMsg(replySocket, bytes, rinfo);
      } catch (error) {
        return { ok: false, reason: 'malformed', detail: `net-snmp failed: ${(error as Error).message}`, replies: [] };
      }
      const { error, data } = captured;
      if (error) return { ok: false, reason: classify(error), detail: describe(error), replies };
      if (data) return toResult(data, replies);
      if (replies.length > 0) return reportReason(replies);
      return { ok: false, reason: 'malformed', detail: 'net-snmp produced neither a message nor an error', replies };
    },
  };
}

function toResult(data: NonNullable<Captured['data']>, replies: Buffer[]): CodecResult {
  const pdu = data.pdu;
  const type = pdu['type'];
  const varbinds = (Array.isArray(pdu['varbinds']) ? pdu['varbinds'] : []) as RawVarbind[];
  const version = data.version === snmp.Version1 ? 'v1' : data.version === snmp.Version3 ? 'v3' : 'v2c';
  const received: ReceivedPdu = {
    version,
    kind: type === snmp.PduType.InformRequest ? 'inform' : 'trap',
    varbinds,
    ...(typeof pdu['community'] === 'string' && { community: pdu['community'] }),
    ...(typeof pdu['user'] === 'string' && { user: pdu['user'] }),
    ...(data.engine !== undefined && { securityEngineId: data.engine }),
  };
  if (type === snmp.PduType.Trap) {
    received.v1 = {
      enterprise: String(pdu['enterprise']),
      agentAddr: String(pdu['agentAddr']),
      generic: Number(pdu['generic']),
      specific: Number(pdu['specific']),
      upTime: Number(pdu['upTime']),
    };
  }
  return { ok: true, pdu: received, replies };
}

function reportReason(replies: Buffer[]): CodecResult {
  const report = replies[0]!;
  if (report.includes(UNKNOWN_USER_NAMES)) return { ok: false, reason: 'unknown-user', detail: 'v3 user not configured (answered with a usmStatsUnknownUserNames report)', replies };
  if (report.includes(WRONG_DIGESTS)) return { ok: false, reason: 'security-level', detail: 'v3 message lacks the security level its user requires (usmStatsWrongDigests report)', replies };
  return { ok: 'discovery', replies };
}

function classify(error: Error & { code?: number }): CodecRefusalReason {
  const name = error.name;
  const message = error.message;
  if (name === 'ProcessingError') return 'malformed';
  if (/Local community not found/.test(message)) return 'unknown-community';
  if (/Local user not found/.test(message)) return 'unknown-user';
  if (/requires (authentication|privacy)/.test(message)) return 'security-level';
  if (error.code === snmp.ResponseInvalidCode.EAuthFailure) return 'wrong-auth';
  if (error.code === snmp.ResponseInvalidCode.ECouldNotDecrypt) return /unsupported|ERR_OSSL/i.test(message) ? 'priv-unsupported' : 'wrong-priv';
  if (name === 'RequestInvalidError') return 'unsupported-pdu';
  return 'malformed';
}

/** ProcessingError wraps the BER error that says what was wrong with the bytes. */
function describe(error: Error & { error?: unknown }): string {
  const inner = error.error instanceof Error ? `: ${error.error.message}` : '';
  return `${error.message}${inner}`;
}

function toNetSnmpUser(user: SnmpUserConfig): Record<string, unknown> {
  const level = snmp.SecurityLevel[user.level];
  return {
    name: user.name,
    level,
    ...(user.level !== 'noAuthNoPriv' && { authProtocol: snmp.AuthProtocols[user.authProtocol], authKey: user.authKey }),
    ...(user.level === 'authPriv' && { privProtocol: snmp.PrivProtocols[user.privProtocol], privKey: user.privKey }),
  };
}

export { toNetSnmpUser };
