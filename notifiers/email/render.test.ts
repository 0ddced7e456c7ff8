import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Alarm } from '../../src/correlation/alarm.js';
import type { Place } from '../place.js';
import type { AlarmItem, RenderedEmail } from './render.js';
import { renderAlarms, renderDigest, renderMaintenanceSummary } from './render.js';

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const MIN = 60_000;
const GOLDEN = new URL('./testdata/', import.meta.url);

/** Compares with testdata/<name>.txt and .html; UPDATE_GOLDEN=1 rewrites them (read the diff). */
function golden(name: string, email: RenderedEmail): void {
  const text = [`Subject: ${email.subject}`, ...Object.entries(email.headers).map(([k, v]) => `${k}: ${v}`), '', email.text].join('\n');
  const files: Array<[string, string]> = [[`${name}.txt`, text], [`${name}.html`, email.html]];
  for (const [file, content] of files) {
    const url = new URL(file, GOLDEN);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(url)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(url, content);
    }
    assert.equal(content, readFileSync(url, 'utf8'), `${file} differs; run with UPDATE_GOLDEN=1 and read the diff`);
  }
}

const place: Place = { customerId: 'acme', customerName: 'Acme Dental', siteId: 'hq', siteName: 'HQ', nodeId: 'hq-primary', nodeName: 'HQ Primary', timeZone: 'Europe/London' };

function alarm(overrides: Partial<Alarm> = {}): Alarm {
  return {
    id: 17,
    reductionKey: 'k',
    source: 'syslog',
    code: 'syslog.alarm.trunk',
    nodeId: 'hq-primary',
    sourceAddress: '10.0.0.10',
    entity: { kind: 'trunk', id: 'slot-b-pri-2', name: 'Trunk Slot B, T1 PRI 2' },
    category: 'Trunk lines',
    severity: 'major',
    highestSeverity: 'major',
    state: 'active',
    text: 'Trunk Slot B, T1 PRI 2 red alarm',
    occurrences: 3,
    firstSeen: T0,
    lastSeen: T0 + 2 * MIN,
    clearedAt: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    annotations: [],
    ...overrides,
  };
}

const ctx = { profile: { id: 'support', name: 'Support', categories: ['Trunk lines', 'Phone change', 'VCM', 'QoS'], minSeverity: 'warning' }, publicUrl: 'http://noc.example.invalid:8080/' };

const licence: AlarmItem = {
  alarm: alarm({
    id: 18,
    code: 'syslog.licence.grace',
    category: 'License',
    severity: 'critical',
    highestSeverity: 'critical',
    entity: null,
    text: 'WebLM: licence server unreachable, grace period started',
    annotations: [
      { kind: 'known-issue', key: 'ipoffice-111618', vendorId: 'IPOFFICE-111618', title: 'System id changes after a WebLM host move', text: 'Re-host the licence file against the new system id, then restart the WebLM service.', references: ['001:294'], at: T0, effect: 'annotate' },
      { kind: 'licence', key: 'grace', title: 'Grace period: 29 days left', text: 'licences stop working on 2026-12-20', at: T0 },
    ],
  }),
  place,
  changes: [{ kind: 'raised', at: T0, severity: 'critical' }],
};

test('a group message: firing first, known issue with its workaround, links, filterable subject', () => {
  const trunk: AlarmItem = { alarm: alarm(), place, changes: [{ kind: 'raised', at: T0, severity: 'major' }] };
  const cleared: AlarmItem = {
    alarm: alarm({ id: 19, text: 'Trunk Slot A, T1 PRI 1 loss of signal', state: 'cleared', severity: 'cleared', clearedAt: T0 + MIN }),
    place,
    changes: [{ kind: 'raised', at: T0, severity: 'minor' }, { kind: 'cleared', at: T0 + MIN, severity: 'cleared' }],
  };
  const email = renderAlarms(ctx, 'alarms', 'Acme Dental / HQ / HQ Primary', [cleared, trunk, licence]);
  assert.equal(email.subject, '[ipo-observer][support][CRITICAL][License,Trunk lines] Acme Dental / HQ / HQ Primary: WebLM: licence server unreachable, grace period started (+2 more, 1 resolved)');
  assert.match(email.text, /Workaround: Re-host the licence file/);
  assert.match(email.text, /Since: {7}2026-11-21 09:00:00 UTC \(09:00 Europe\/London\)/);
  assert.match(email.html, /<a href="http:\/\/noc\.example\.invalid:8080\/alarms\/17">/);
  golden('group', email);
});

test('deep links: a QoS alarm names its call, a resiliency alarm or a held symptom its incident', () => {
  const qos: AlarmItem = {
    alarm: alarm({ id: 21, source: 'rtcp', code: 'rtcp.threshold.loss', category: 'QoS', severity: 'warning', highestSeverity: 'warning', entity: { kind: 'extension', id: '201', name: 'Extension 201' }, text: 'Packet loss 4.2 % over the 1 % threshold on extension 201 (Anna), call 42' }),
    place,
    changes: [{ kind: 'raised', at: T0, severity: 'warning' }],
    links: { callId: 42, incidentId: null, symptomOf: [] },
  };
  const symptom: AlarmItem = {
    alarm: alarm({ id: 22, annotations: [{ kind: 'resiliency', key: 'hq-primary-1763715600000', title: 'Symptom of resiliency incident hq-primary-1763715600000', text: 'symptom of resiliency incident hq-primary-1763715600000: HQ Primary is down', at: T0 }] }),
    place,
    changes: [{ kind: 'raised', at: T0, severity: 'major' }],
    links: { callId: null, incidentId: null, symptomOf: ['hq-primary-1763715600000'] },
  };
  const email = renderAlarms(ctx, 'alarms', 'Acme Dental / HQ / HQ Primary', [qos, symptom]);
  assert.match(email.text, /Call: {8}http:\/\/noc\.example\.invalid:8080\/calls\/42\n/);
  assert.match(email.text, /Incident: {4}http:\/\/noc\.example\.invalid:8080\/resiliency\/hq-primary-1763715600000\n/);
  assert.match(email.html, /<th[^>]*>Call<\/th><td[^>]*><a href="http:\/\/noc\.example\.invalid:8080\/calls\/42">/);
  assert.match(email.html, /<th[^>]*>Incident<\/th><td[^>]*><a href="http:\/\/noc\.example\.invalid:8080\/resiliency\/hq-primary-1763715600000">/);
  golden('links', email);
});

test('device text is escaped in HTML and cannot break the subject into headers', () => {
  const evil: AlarmItem = { alarm: alarm({ text: 'x <script>alert(1)</script>\r\nBcc: victim@example.com' }), place, changes: [] };
  const email = renderAlarms(ctx, 'reminder', 'Acme Dental', [evil]);
  assert.ok(!email.html.includes('<script>'));
  assert.ok(email.html.includes('&lt;script&gt;'));
  assert.ok(!/[\r\n]/.test(email.subject));
  assert.match(email.subject, /^\[ipo-observer\]\[support\]\[REMINDER\]\[MAJOR\]\[Trunk lines\] Acme Dental: x <script>/);
});

test('a digest and a maintenance summary', () => {
  const items = [1, 2, 3].map((i) => ({ alarm: alarm({ id: 100 + i, text: `Phone ${i} unregistered`, category: 'Phone change' as const, severity: 'warning' as const, entity: null }), place, changes: [{ kind: 'raised' as const, at: T0, severity: 'warning' as const }] }));
  golden('digest', renderDigest(ctx, { items: [...items, licence], changeCount: 5, heldSince: T0, brake: '20 emails per 10 min', listUrl: 'http://noc.example.invalid:8080/api/v1/notifications?status=dispatched' }));
  golden('maintenance', renderMaintenanceSummary(ctx, { windowId: 'sat-upgrade', windowLabel: 'sat 02:00 for 120 min (Europe/London)', endedAt: T0, items: [licence] }));
});
