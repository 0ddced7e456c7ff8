import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smallFleet } from '../../test/fakes/fleet-fixture.js';
import { serialiseQosCall, serialiseQosSample } from '../api/qos-serialise.js';
import { serialiseAlarm } from '../api/serialise.js';
import { makeQosCall } from '../storage/store-contract-qos.js';
import { renderCallBody } from './call-page.js';
import { durationText, renderCallsBody } from './calls-page.js';
import { DEFAULT_QOS_LIMITS } from './quality.js';

const T = Date.UTC(2026, 10, 21, 7, 0, 0);
const fleet = smallFleet();
const at = { nodeId: 'hq-primary', siteId: 'hq', customerId: 'acme' };
const good = serialiseQosCall({ ...makeQosCall({ ...at, startedAt: T, endedAt: T + 95_000, lastReportAt: T + 95_000, jitterMaxMs: 4, lossPercent: 0, lossMaxPercent: 0, rttMaxMs: 40, mos: 4.35 }), id: 7 }, fleet);
const poor = serialiseQosCall(
  { ...makeQosCall({ ...at, startedAt: T + 60_000, endedAt: null, lastReportAt: T + 120_000, jitterMaxMs: 48.12, lossPercent: 0.4, lossMaxPercent: 0.45, rttMaxMs: 80, mos: 3.4, poor: true, thresholds: ['jitter'], trunk: 'sip-carrier', remoteParty: '<script>' }), id: 8 },
  fleet,
);
const sites = [{ id: 'hq', name: 'HQ', customerName: 'Acme Dental' }];

test('the call list links each call, marks the active and poor ones, and colours figures by the limits', () => {
  const html = renderCallsBody({ calls: [poor, good], filters: {}, sites, limitsOf: () => DEFAULT_QOS_LIMITS, nextBefore: null });
  assert.match(html, /<caption>2 calls, newest first/);
  const rows = html.split('<tr data-call-id=').slice(1);
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /^"8" class="poor">/);
  assert.match(rows[0]!, /<a href="\/calls\/8"><time datetime="2026-11-21T07:01:00.000Z">2026-11-21 07:01:00 UTC<\/time><\/a> <span class="badge live">active<\/span> <span class="badge poor">poor<\/span>/);
  assert.match(rows[0]!, /<td class="num q-bad" title="beyond the limit \(limit 20 ms\)">48.1<b/, 'jitter crossed its threshold');
  assert.match(rows[0]!, /<td class="num q-warn" title="near the limit \(limit 0.5 %\)">0.40<\/td>/, 'loss near the limit by its worst interval');
  assert.match(rows[0]!, /<td class="num q-bad" title="beyond the limit">3.40<b/, 'MOS below the G.107 band');
  assert.match(rows[0]!, /&lt;script&gt; · trunk sip-carrier/);
  assert.match(rows[1]!, /<td class="num">1 min 35 s<\/td>/);
  assert.match(rows[1]!, /<td class="num q-ok" title="within limits \(limit 20 ms\)">4.0<\/td>/);
  assert.doesNotMatch(html, /Older calls/);
});

test('the search form keeps the filters and the next page keeps them too', () => {
  const html = renderCallsBody({ calls: [good], filters: { extension: '201', site: 'hq', trunk: 'sip"x', from: '2026-11-21T06:00', poor: true }, sites, limitsOf: () => DEFAULT_QOS_LIMITS, nextBefore: '1.7' });
  assert.match(html, /<input name="extension" value="201"/);
  assert.match(html, /<option value="hq" selected>Acme Dental · HQ<\/option>/);
  assert.match(html, /<input name="trunk" value="sip&quot;x"/);
  assert.match(html, /<input name="from" value="2026-11-21T06:00" type="datetime-local">/);
  assert.match(html, /<input type="checkbox" name="poor" value="true" checked>/);
  assert.match(html, /<a href="\/calls\?extension=201&amp;site=hq&amp;trunk=sip%22x&amp;from=2026-11-21T06%3A00&amp;poor=true&amp;before=1.7">Older calls<\/a>/);
});

test('no calls, or a refused filter, say so', () => {
  const html = renderCallsBody({ calls: [], filters: {}, sites, limitsOf: () => DEFAULT_QOS_LIMITS, nextBefore: null, error: 'bad <time>' });
  assert.match(html, /<p class="error" role="alert">bad &lt;time&gt;<\/p>/);
  assert.match(html, /No calls match/);
});

test('durations read in seconds, minutes or hours', () => {
  assert.deepEqual([durationText(42), durationText(95), durationText(3 * 3600 + 125)], ['42 s', '1 min 35 s', '3 h 2 min']);
});

test('one call: facts, both directions, the chart container with its data source, reports as a table, and the node alarms meanwhile', () => {
  const other = { ...good, id: 9, sourceAddress: '10.0.0.99', extension: '202' };
  const reports = [
    serialiseQosSample({ id: 1, callId: 8, at: T + 65_000, kind: 'rtcp', jitterMs: 12.3, lossPercent: 0, cumulativeLost: 0, rttMs: null, mos: 4.3, rFactor: 89, details: {} }),
    serialiseQosSample({ id: 2, callId: 8, at: T + 70_000, kind: 'rtcp', jitterMs: 48.1, lossPercent: 1.95, cumulativeLost: 5, rttMs: 80, mos: 3.4, rFactor: 70, details: {} }),
  ];
  const alarm = serialiseAlarm(
    { id: 31, reductionKey: 'k', state: 'active', severity: 'major', highestSeverity: 'major', category: 'Trunk lines', code: 'snmp.ipo.trunk', source: 'snmp', text: 'SIP trunk down', occurrences: 1, firstSeen: T + 30_000, lastSeen: T + 30_000, clearedAt: null, acknowledgedBy: null, acknowledgedAt: null, annotations: [], nodeId: 'hq-primary', sourceAddress: '10.0.0.10', entity: null } as never,
    fleet,
  );
  const html = renderCallBody({ call: poor, limits: DEFAULT_QOS_LIMITS, otherDirections: [other], reports, alarms: [alarm] });
  assert.match(html, /<dt>Node<\/dt><dd><a href="\/nodes\/hq-primary">HQ Primary<\/a> · hq<\/dd>/);
  assert.match(html, /<dt>Thresholds crossed<\/dt><dd><span class="q-bad">jitter — poor call<\/span>/);
  assert.equal(html.split('<tr data-call-id=').length - 1, 2, 'this direction and the other');
  assert.match(html, /<div id="call-chart" class="chart-area" data-src="\/api\/v1\/qos\/calls\/8" data-jitter-limit="20" data-loss-limit="0.5" data-rtt-limit="350" data-mos-below=""/);
  assert.match(html, /<summary>2 reports as a table<\/summary>/);
  assert.match(html, /<td class="num">48.1<\/td><td class="num">1.95<\/td><td class="num">80<\/td>/);
  assert.match(html, /<a href="\/alarms\/31">SIP trunk down<\/a>/);
  assert.match(html, /What else was wrong on HQ Primary meanwhile/);
});

test('one call without reports, other direction or alarms explains each absence', () => {
  const html = renderCallBody({ call: good, limits: DEFAULT_QOS_LIMITS, otherDirections: [], reports: [], alarms: [] });
  assert.match(html, /No reports over time for this call/);
  assert.match(html, /Only this end reported/);
  assert.match(html, /No alarms on the node during the call/);
  assert.doesNotMatch(html, /call-chart/);
});
