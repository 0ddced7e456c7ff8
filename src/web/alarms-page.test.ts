import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alarmListQuerySchema } from './alarm-list-query.js';
import { renderAlarmsBody, type AlarmsPageInput, type ApiAlarm } from './alarms-page.js';

const alarm: ApiAlarm = {
  id: 7,
  reductionKey: 'k',
  state: 'active',
  severity: 'major',
  highestSeverity: 'major',
  category: 'Trunk lines',
  code: 'syslog.alarm.trunk',
  source: 'syslog',
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

function input(overrides: Omit<Partial<AlarmsPageInput>, 'query'> & { query?: Record<string, string> } = {}): AlarmsPageInput {
  const { query, ...rest } = overrides;
  return {
    alarms: [alarm],
    total: 1,
    page: 1,
    pages: 1,
    truncated: false,
    places: { customers: [{ id: 'acme', name: 'Acme Dental' }], sites: [], nodes: [{ id: 'hq-primary', name: 'HQ Primary' }] },
    ...rest,
    query: alarmListQuerySchema.parse(query ?? {}),
  };
}

test('escapes device text, flags senders outside the fleet and links the alarm page', () => {
  const html = renderAlarmsBody(input());
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; T1 PRI 2 red alarm/);
  assert.match(html, /unknown 192\.0\.2\.9/);
  assert.match(html, /<caption>1 open alarm<\/caption>/);
  assert.match(html, /<tr data-alarm-id="7" data-severity="major">/);
  assert.match(html, /<a href="\/alarms\/7">/);
  assert.match(html, /<span class="sev sev-major">major<\/span>/, 'severity is a word as well as a colour');
});

test('shows who acknowledged and the known issues, with the workaround in the title', () => {
  const annotated: ApiAlarm = {
    ...alarm,
    state: 'acknowledged',
    acknowledgedBy: 'noc-anna',
    node: { id: 'hq-primary', name: 'HQ Primary', siteId: 'hq', customerId: 'acme' },
    annotations: [{ kind: 'known-issue', key: 'r', title: 'System ID changed', text: 'Benign in WebLM mode', at: null, vendorId: 'IPOFFICE-111618', effect: 'benign' }],
  };
  const html = renderAlarmsBody(input({ alarms: [annotated] }));
  assert.match(html, /acknowledged by noc-anna/);
  assert.match(html, /<span class="note known-issue" title="System ID changed: Benign in WebLM mode">IPOFFICE-111618 \(benign\)<\/span>/);
  assert.match(html, /<a href="\/nodes\/hq-primary">HQ Primary<\/a>/);
});

test('the filter form shows the current filters, and sort and page links keep them', () => {
  const html = renderAlarmsBody(input({ query: { severity: 'minor', customer: 'acme', q: 'pri', page: '2' }, total: 120, page: 2, pages: 3 }));
  assert.match(html, /<option value="minor" selected>minor<\/option>/);
  assert.match(html, /<option value="acme" selected>Acme Dental<\/option>/);
  assert.match(html, /name="q" value="pri"/);
  assert.match(html, /href="\/alarms\?severity=minor&amp;customer=acme&amp;q=pri&amp;sort=lastSeen"/, 'a new sort starts at page 1');
  assert.match(html, /rel="prev" href="\/alarms\?severity=minor&amp;customer=acme&amp;q=pri"/);
  assert.match(html, /rel="next" href="\/alarms\?severity=minor&amp;customer=acme&amp;q=pri&amp;page=3"/);
  assert.match(html, /120 open alarms, page 2 of 3/);
});

test('says so when nothing is open, and when filters match nothing', () => {
  assert.match(renderAlarmsBody(input({ alarms: [], total: 0 })), /No open alarms\./);
  assert.match(renderAlarmsBody(input({ alarms: [], total: 0, query: { state: 'cleared', category: 'VCM' } })), /No cleared alarms match these filters\./);
});

test('tiles count the open alarms by severity and link to the list from that severity up', () => {
  const html = renderAlarmsBody(input({ summary: { bySeverity: { critical: 2, minor: 1 }, acknowledged: 3, unknownSenders: 0 }, query: { wall: '1' } }));
  assert.match(html, /<li class="critical"><a href="\/alarms\?severity=critical&amp;wall=1"><span class="n">2<\/span>critical<\/a><\/li>/);
  assert.match(html, /<li class="major"><a href="\/alarms\?severity=major&amp;wall=1"><span class="n">0<\/span>major<\/a><\/li>/);
  assert.match(html, /<span class="n">3<\/span>acknowledged/);
  assert.doesNotMatch(html, /unknown senders/);
});
