import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderAlarmsPage } from './alarms-page.js';

const alarm = {
  id: 7,
  reductionKey: 'k',
  state: 'active' as const,
  severity: 'major' as const,
  highestSeverity: 'major' as const,
  category: 'Trunk lines' as const,
  code: 'syslog.alarm.trunk',
  source: 'syslog' as const,
  text: '<script>alert(1)</script> T1 PRI 2 red alarm',
  occurrences: 3,
  firstSeen: '2026-11-21T04:00:00.000Z',
  lastSeen: '2026-11-21T04:05:00.000Z',
  clearedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  annotations: [],
  node: null,
  sourceAddress: '192.0.2.9',
  entity: null,
  links: { self: '/api/v1/alarms/7', events: '/api/v1/events?alarmId=7' },
};

test('escapes device text, and flags senders outside the fleet', () => {
  const html = renderAlarmsPage({ alarms: [alarm], version: '0.1.0', generatedAt: 0 });
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; T1 PRI 2 red alarm/);
  assert.match(html, /unknown 192\.0\.2\.9/);
  assert.match(html, /<caption>1 open alarm<\/caption>/);
  assert.match(html, /data-alarm-id="7"/);
});

test('shows who acknowledged and the known issues, with the workaround in the title', () => {
  const annotated = {
    ...alarm,
    state: 'acknowledged' as const,
    acknowledgedBy: 'noc-anna',
    annotations: [{ kind: 'known-issue' as const, key: 'r', title: 'System ID changed', text: 'Benign in WebLM mode', at: null, vendorId: 'IPOFFICE-111618', effect: 'benign' }],
  };
  const html = renderAlarmsPage({ alarms: [annotated], version: '0.1.0', generatedAt: 0 });
  assert.match(html, /acknowledged by noc-anna/);
  assert.match(html, /<span class="note" title="System ID changed: Benign in WebLM mode">IPOFFICE-111618 \(benign\)<\/span>/);
});

test('says so when nothing is open', () => {
  assert.match(renderAlarmsPage({ alarms: [], version: '0.1.0', generatedAt: 0 }), /No open alarms\./);
});
