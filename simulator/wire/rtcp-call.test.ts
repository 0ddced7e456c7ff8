import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRtcp } from '../../collectors/rtcp/parse-compound.js';
import type { ReceiverReport, SourceDescription } from '../../collectors/rtcp/rtcp-packet.js';
import { callReports, POOR, type SimCall } from './rtcp-call.js';

const call: SimCall = { id: 3, a: { address: '127.16.1.1', cname: '201@127.16.1.1' }, b: { address: '127.16.1.2', cname: '202@127.16.1.2' }, impairment: POOR, xr: true };

test('each end of a call sends a compound RR + SDES + XR about the other end that the collector parses', () => {
  const [a, b] = callReports(call, 2, 5);
  assert.equal(a!.from, '127.16.1.1');
  assert.equal(b!.from, '127.16.1.2');
  const parsed = parseRtcp(a!.payload);
  assert.ok(parsed.ok, JSON.stringify(parsed));
  if (!parsed.ok) return;
  assert.deepEqual(parsed.skipped, []);
  assert.deepEqual(parsed.packets.map((p) => p.type), ['rr', 'sdes', 'xr']);
  const rr = parsed.packets[0] as ReceiverReport;
  const block = rr.reports[0]!;
  assert.equal(block.fractionLost, Math.round(0.04 * 256), '4 % loss');
  assert.equal(block.jitter, 45 * 8, '45 ms at 8 kHz');
  assert.equal(block.extendedHighestSeq, 1000 + 250 * 3, '50 packets a second for three 5 s rounds');
  assert.equal(block.cumulativeLost, 10 * 3);
  const sdes = parsed.packets[1] as SourceDescription;
  assert.equal(sdes.chunks[0]!.items[0]!.text, '201@127.16.1.1');
  const other = parseRtcp(b!.payload);
  assert.ok(other.ok && (other.packets[0] as ReceiverReport).reports[0]!.ssrc === rr.ssrc, 'b reports on a');
});

test('the last round says goodbye; a clean call reports no loss and no XR when asked', () => {
  const last = parseRtcp(callReports({ ...call, xr: false, impairment: { lossPercent: 0, jitterMs: 2, roundTripMs: 30 } }, 0, 5, true)[0]!.payload);
  assert.ok(last.ok);
  if (!last.ok) return;
  assert.deepEqual(last.packets.map((p) => p.type), ['rr', 'sdes', 'bye']);
  assert.equal((last.packets[0] as ReceiverReport).reports[0]!.fractionLost, 0);
});
