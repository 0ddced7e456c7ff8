import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rtcpConfigSchema } from './config.js';
import { createFakeContext, TEST_FLEET, type FakeContext } from './fake-context.js';
import { createRtcpCollector } from './index.js';
import { app, avayaSubtype4, bye, receiverReport, sdes, senderReport, voipMetricsBlock, xr } from './testdata/build-rtcp.js';

const PHONE = '10.20.0.51';
const REMOTE = 0x0badcafe;
const ME = 0x51515151;

function setup(config: Record<string, unknown> = {}, options: { store?: boolean } = {}) {
  const fake = createFakeContext({ fleet: TEST_FLEET, ...options });
  fake.phones.push({ nodeId: 'hq-ipo', extension: '201', user: 'Anna', type: '9611', address: PHONE });
  const collector = createRtcpCollector(rtcpConfigSchema.parse(config), fake.ctx);
  return { fake, collector };
}

/** Phone 201 reports every 5 s on the stream it receives: seq grows 250 per report (50 pps). */
function report(fake: FakeContext, collector: ReturnType<typeof createRtcpCollector>, n: number, block: { fractionLost?: number; cumulativeLost?: number; jitter?: number }, from = PHONE) {
  collector.handle(Buffer.concat([receiverReport(ME, [{ ssrc: REMOTE, extendedHighestSeq: 1000 + 250 * n, ...block }]), sdes(ME, [[1, `anna@${from}`]])]), from);
  fake.advance(5000);
}

describe('rtcp collector: streams to call records', () => {
  it('turns a phone\'s receiver reports into one call record: jitter in ms at 8 kHz, segment loss, E-model MOS, attribution by the phone table', () => {
    const { fake, collector } = setup();
    const start = fake.ctx.clock.now();
    report(fake, collector, 0, { fractionLost: 0, cumulativeLost: 0, jitter: 80 });
    report(fake, collector, 1, { fractionLost: 5, cumulativeLost: 5, jitter: 240 });
    report(fake, collector, 2, { fractionLost: 0, cumulativeLost: 5, jitter: 160 });
    collector.flush();
    const [call] = fake.store.listQosCalls({ limit: 10 });
    assert.ok(call);
    assert.deepEqual(
      [call.streamKey, call.nodeId, call.siteId, call.customerId, call.extension, call.user, call.attribution, call.codec, call.clockRate, call.reports, call.startedAt, call.endedAt],
      [`${PHONE}/51515151`, 'hq-ipo', 'hq', 'acme', '201', 'Anna', 'phone', 'G.711', 8000, 3, start, null],
    );
    assert.deepEqual([call.jitterMaxMs, call.jitterMeanMs], [30, 20]);
    assert.equal(call.lossPercent, 1); // 5 lost of 500 expected between the first and last report
    assert.equal(call.lossMaxPercent, (5 / 256) * 100);
    assert.equal(call.packetsLost, 5);
    assert.equal(call.mosSource, 'e-model');
    assert.equal(call.mosEstimated, false);
    assert.ok(call.mos! > 3.9 && call.mos! < 4.4, `mos ${call.mos}`);
    assert.ok(call.mosMin! <= call.mos!);
    assert.deepEqual(call.thresholds, ['jitter', 'loss']);
    assert.equal(call.poor, true);
    assert.equal(call.details['cname'], `anna@${PHONE}`);
    const samples = fake.store.listQosSamples(call.id, 10);
    assert.deepEqual(samples.map((s) => [s.jitterMs, s.cumulativeLost]), [[10, 0], [30, 5], [20, 5]]);
  });

  it('ends a stream on BYE, or when it stops reporting for streamTimeoutSeconds', () => {
    const { fake, collector } = setup({ streamTimeoutSeconds: 30 });
    report(fake, collector, 0, {});
    collector.handle(bye([ME], 'hangup'), PHONE);
    collector.flush();
    assert.deepEqual(fake.store.listQosCalls({ limit: 1 }).map((c) => c.endReason), ['bye']);
    assert.equal(collector.activeStreams(), 0);

    report(fake, collector, 0, {}, '10.20.0.52');
    collector.flush();
    assert.equal(fake.store.listQosCalls({ limit: 1 })[0]!.endedAt, null);
    fake.advance(30_000);
    collector.flush();
    const ended = fake.store.listQosCalls({ limit: 1 })[0]!;
    assert.deepEqual([ended.endReason, ended.endedAt, ended.attribution], ['timeout', ended.lastReportAt, 'unknown']);
  });

  it('uses XR VoIP Metrics: the endpoint\'s MOS and R, its round trip, its loss when no RR says it', () => {
    const { fake, collector } = setup();
    collector.handle(xr(ME, [voipMetricsBlock({ ssrc: REMOTE, lossRate: 13, roundTripDelayMs: 180, mosLq: 41, mosCq: 38, rFactor: 78, jbNominal: 40 })]), PHONE);
    collector.flush();
    const call = fake.store.listQosCalls({ limit: 1 })[0]!;
    assert.deepEqual([call.mos, call.rFactor, call.mosSource, call.rttMaxMs, call.rttSource, call.remoteSsrc], [3.8, 78, 'xr', 180, 'xr', REMOTE]);
    assert.equal(call.lossPercent, (13 / 256) * 100);
    assert.equal(call.details['xrMosLq'], 4.1);
  });

  it('uses the Avaya -AV- APP: its round trip, and the codec from its payload type (G.729 → the G.729 Ie/Bpl)', () => {
    const { fake, collector } = setup();
    fake.phones.push({ nodeId: 'hq-ipo', extension: '202', user: 'Bob', type: '9608', address: '10.20.0.52' });
    const av = app(ME, 4, '-AV-', avayaSubtype4({ incomingSsrc: REMOTE, receivedPackets: 250, roundTripMs: 420, jitterBufferDelayMs: 60, maxJitter: 9, remoteAddress: '10.20.0.52', payloadType: 18 }));
    collector.handle(Buffer.concat([receiverReport(ME, [{ ssrc: REMOTE, jitter: 400 }]), av]), PHONE);
    collector.flush();
    const call = fake.store.listQosCalls({ limit: 1 })[0]!;
    assert.deepEqual([call.codec, call.rttMaxMs, call.rttSource, call.remoteParty, call.jitterMaxMs], ['G.729', 420, 'avaya-app', 'ext 202', 50]);
    assert.ok(call.thresholds.includes('roundTrip'));
    assert.equal(call.details['codecSource'], 'payload-type');
  });

  it('reads the far end\'s clock rate from its SRs: 48 kHz makes the stream Opus, jitter in ms at 48 kHz, MOS estimated', () => {
    const { fake, collector } = setup();
    const farEnd = '10.20.0.99';
    collector.handle(senderReport(REMOTE, { ntpSeconds: 1000, rtpTimestamp: 0, packetCount: 1, octetCount: 100 }), farEnd);
    collector.handle(senderReport(REMOTE, { ntpSeconds: 1005, rtpTimestamp: 240_000, packetCount: 250, octetCount: 25_000 }), farEnd);
    collector.handle(receiverReport(ME, [{ ssrc: REMOTE, jitter: 960 }]), PHONE);
    collector.flush();
    const call = fake.store.listQosCalls({ extension: '201', limit: 1 })[0]!;
    assert.deepEqual([call.codec, call.clockRate, call.jitterMaxMs, call.mosEstimated, call.remoteParty], ['Opus', 48000, 20, true, farEnd]);
    assert.equal(call.details['clockRateSource'], 'peer-sr');
    const sender = fake.store.listQosCalls({ limit: 10 }).find((c) => c.sourceAddress === farEnd)!;
    assert.deepEqual([sender.lossPercent, sender.jitterMaxMs, sender.mos, sender.details['senderPackets']], [null, null, null, 250]);
  });

  it('attributes RTCP from a node address, a configured source prefix, or an address in the CNAME; else unknown', () => {
    const { fake, collector } = setup({ sources: [{ prefix: '172.16.0.0/12', node: 'branch-ipo' }] });
    fake.phones.push({ nodeId: 'hq-ipo', extension: '205', user: 'Eve', type: 'J179', address: '10.99.0.5' });
    collector.handle(receiverReport(1, [{ ssrc: 2 }]), '192.0.2.10');
    collector.handle(receiverReport(3, [{ ssrc: 4 }]), '172.20.1.1');
    collector.handle(Buffer.concat([receiverReport(5, [{ ssrc: 6 }]), sdes(5, [[1, 'phone@10.99.0.5']])]), '203.0.113.77');
    collector.handle(receiverReport(7, [{ ssrc: 8 }]), '203.0.113.78');
    collector.flush();
    const byAddress = new Map(fake.store.listQosCalls({ limit: 10 }).map((c) => [c.sourceAddress, c]));
    assert.deepEqual([byAddress.get('192.0.2.10')!.attribution, byAddress.get('192.0.2.10')!.nodeId], ['node', 'hq-ipo']);
    assert.deepEqual([byAddress.get('172.20.1.1')!.attribution, byAddress.get('172.20.1.1')!.siteId], ['source-map', 'branch']);
    assert.deepEqual([byAddress.get('203.0.113.77')!.attribution, byAddress.get('203.0.113.77')!.extension], ['cname', '205']);
    assert.deepEqual([byAddress.get('203.0.113.78')!.attribution, byAddress.get('203.0.113.78')!.nodeId], ['unknown', null]);
  });

  it('attributes again once the phone table knows the address', () => {
    const { fake, collector } = setup();
    report(fake, collector, 0, {}, '10.20.0.60');
    collector.flush();
    assert.equal(fake.store.listQosCalls({ limit: 1 })[0]!.attribution, 'unknown');
    fake.phones.push({ nodeId: 'branch-ipo', extension: '301', user: 'Carl', type: '9608', address: '10.20.0.60' });
    report(fake, collector, 1, {}, '10.20.0.60');
    collector.flush();
    const call = fake.store.listQosCalls({ limit: 1 })[0]!;
    assert.deepEqual([call.attribution, call.extension, call.siteId], ['phone', '301', 'branch']);
  });

  it('counts the trunk a remote address belongs to', () => {
    const { fake, collector } = setup({ trunks: [{ id: 'sip-carrier', node: 'hq-ipo', addresses: ['203.0.113.0/24'] }] });
    const av = app(ME, 4, '-AV-', avayaSubtype4({ incomingSsrc: REMOTE, receivedPackets: 1, roundTripMs: 0, jitterBufferDelayMs: 0, maxJitter: 0, remoteAddress: '203.0.113.9', payloadType: 0 }));
    collector.handle(Buffer.concat([receiverReport(ME, [{ ssrc: REMOTE }]), av]), PHONE);
    collector.flush();
    assert.deepEqual(fake.store.listQosCalls({ limit: 1 }).map((c) => [c.trunk, c.remoteParty]), [['sip-carrier', 'trunk sip-carrier']]);
  });

  it('refuses bad datagrams with a counted reason and keeps going', () => {
    const { fake, collector } = setup();
    collector.handle(Buffer.from('hello'), PHONE);
    collector.handle(Buffer.from('8000000100000001000000020000000300000004', 'hex'), PHONE);
    report(fake, collector, 0, {});
    assert.deepEqual(fake.counters.refused, { 'too-short': 1, 'not-rtcp': 1 });
    assert.equal(fake.counters.received, 3);
    assert.equal(collector.activeStreams(), 1);
  });

  it('drops reports of new streams beyond maxStreams, counted', () => {
    const { fake, collector } = setup({ maxStreams: 2 });
    for (let i = 0; i < 4; i++) collector.handle(receiverReport(100 + i, [{ ssrc: 1 }]), PHONE);
    assert.equal(collector.activeStreams(), 2);
    assert.deepEqual(fake.counters.dropped, { 'max-streams': 2 });
  });

  it('keeps reports in memory when the store fails and writes them at the next flush', () => {
    const { fake, collector } = setup();
    report(fake, collector, 0, {});
    const original = fake.store.insertQosCall;
    fake.store.insertQosCall = () => {
      throw new Error('disk full');
    };
    collector.flush();
    assert.equal(fake.store.listQosCalls({ limit: 1 }).length, 0);
    fake.store.insertQosCall = original;
    report(fake, collector, 1, {});
    collector.flush();
    const [call] = fake.store.listQosCalls({ limit: 10 });
    assert.equal(call!.reports, 2);
    assert.equal(fake.store.listQosSamples(call!.id, 10).length, 2);
  });

  it('refuses to start when sources or trunks name a node that is not in the fleet', async () => {
    const { collector } = setup({ listenAddress: '127.0.0.1', port: 0, sources: [{ prefix: '10.0.0.0/8', node: 'hq-ipo' }], trunks: [{ id: 't', node: 'nowhere', addresses: ['10.1.1.1'] }] });
    await assert.rejects(collector.start(), (error: Error & { code?: string }) => error.code === 'IPO_ERR_CONFIG_INVALID' && /trunks\[0\]\.node: node "nowhere"/.test(error.message));
    assert.deepEqual(collector.endpoints(), []);
  });

  it('stores nothing and still works without a store', () => {
    const { fake, collector } = setup({}, { store: false });
    report(fake, collector, 0, { jitter: 800 });
    report(fake, collector, 1, { jitter: 800 });
    collector.flush();
    assert.deepEqual(fake.events.map((e) => e.code), ['rtcp.threshold.jitter']);
    assert.match(fake.events[0]!.alarmKey!, /^stream-10\.20\.0\.51\/51515151@/);
  });
});

describe('rtcp collector: threshold alarms', () => {
  it('raises one warning per crossed threshold per segment after the grace period, and clears it when the segment ends', () => {
    const { fake, collector } = setup();
    report(fake, collector, 0, { jitter: 400 }); // 50 ms at 8 kHz, but within the first 5 s
    collector.flush();
    assert.equal(fake.events.length, 0);
    report(fake, collector, 1, { jitter: 400 });
    collector.flush();
    report(fake, collector, 2, { jitter: 480 });
    collector.flush();
    assert.equal(fake.events.length, 1);
    const [raised] = fake.events;
    const callId = fake.store.listQosCalls({ limit: 1 })[0]!.id;
    assert.deepEqual(
      [raised!.code, raised!.severity, raised!.raisesAlarm, raised!.category, raised!.nodeId, raised!.entity, raised!.alarmKey, raised!.source],
      ['rtcp.threshold.jitter', 'warning', true, 'QoS', 'hq-ipo', { kind: 'extension', id: '201', name: 'Extension 201' }, `call-${callId}`, 'rtcp'],
    );
    assert.match(raised!.text, /^Jitter 50 ms over the 20 ms threshold on extension 201 \(Anna\), call \d+$/);
    collector.handle(bye([ME]), PHONE);
    collector.flush();
    const cleared = fake.events[1]!;
    assert.deepEqual([cleared.code, cleared.severity, cleared.alarmKey, cleared.nodeId, cleared.entity], ['rtcp.threshold.jitter', 'cleared', `call-${callId}`, 'hq-ipo', raised!.entity]);
  });

  it('takes a site\'s own thresholds, and can be told not to raise alarms', () => {
    const lenient = setup({ siteThresholds: [{ site: 'hq', jitterMs: 100 }] });
    for (const n of [0, 1, 2]) report(lenient.fake, lenient.collector, n, { jitter: 400 });
    lenient.collector.flush();
    assert.deepEqual(lenient.fake.store.listQosCalls({ limit: 1 })[0]!.thresholds, []);
    const quiet = setup({ thresholds: { raiseAlarms: false } });
    for (const n of [0, 1, 2]) report(quiet.fake, quiet.collector, n, { jitter: 400 });
    quiet.collector.flush();
    assert.deepEqual(quiet.fake.store.listQosCalls({ limit: 1 })[0]!.thresholds, ['jitter']);
    assert.deepEqual(quiet.fake.events, []);
  });
});

describe('rtcp collector: sustained degradation', () => {
  const config = { degradation: { windowMinutes: 15, poorPercent: 20, minCalls: 5 } };

  let ssrc = 0x1000;
  function calls(fake: FakeContext, collector: ReturnType<typeof createRtcpCollector>, poor: number, good: number) {
    for (let i = 0; i < poor + good; i++) {
      const jitter = i < poor ? 800 : 8;
      collector.handle(receiverReport(ssrc++, [{ ssrc: 2, jitter }]), PHONE);
    }
    collector.flush();
  }

  it('raises a major alarm on the site when more than 20 % of calls in 15 minutes are poor, and clears it when that recovers', () => {
    const { fake, collector } = setup(config);
    calls(fake, collector, 1, 4);
    collector.evaluateDegradation();
    assert.deepEqual(fake.events.filter((e) => e.code.startsWith('rtcp.degradation')), [], '1 of 5 is 20 %, not more');
    calls(fake, collector, 2, 0);
    collector.evaluateDegradation();
    const raised = fake.events.filter((e) => e.code === 'rtcp.degradation.site');
    assert.equal(raised.length, 1);
    assert.deepEqual([raised[0]!.severity, raised[0]!.nodeId, raised[0]!.entity, raised[0]!.attributes['poorCalls'], raised[0]!.attributes['calls']], ['major', 'hq-ipo', null, 3, 7]);
    assert.match(raised[0]!.text, /^Call quality degraded on site HQ: 3 of 7 calls poor \(43 %\) in the last 15 minutes/);
    collector.evaluateDegradation();
    assert.equal(fake.events.filter((e) => e.code === 'rtcp.degradation.site').length, 1, 'same figures: not repeated');

    fake.advance(16 * 60_000);
    calls(fake, collector, 0, 5);
    collector.evaluateDegradation();
    const last = fake.events.filter((e) => e.code === 'rtcp.degradation.site').at(-1)!;
    assert.deepEqual([last.severity, last.nodeId], ['cleared', 'hq-ipo']);
  });

  it('takes over a degradation alarm left open by a previous run and clears it', () => {
    const { fake, collector } = setup(config);
    fake.store.insertAlarm({
      reductionKey: 'rtcp.degradation.site|hq-ipo|-|-', source: 'rtcp', code: 'rtcp.degradation.site', nodeId: 'hq-ipo', sourceAddress: '192.0.2.10', entity: null,
      category: 'QoS', severity: 'major', highestSeverity: 'major', state: 'active', text: 'degraded', occurrences: 1, firstSeen: 0, lastSeen: 0, clearedAt: null,
      acknowledgedBy: null, acknowledgedAt: null, annotations: [],
    });
    collector.evaluateDegradation();
    assert.deepEqual(fake.events.map((e) => [e.code, e.severity, e.nodeId]), [['rtcp.degradation.site', 'cleared', 'hq-ipo']]);
  });
});
