import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '../audit/audit-entry.js';
import { renderAuditBody } from './audit-page.js';
import { AUDIT_PAGE_SIZE, parseAuditQuery } from './audit-query.js';

const T = Date.UTC(2026, 10, 21, 7, 0, 0);
const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 7,
  at: T,
  actor: 'olivia',
  role: 'operator',
  via: 'session',
  action: 'alarm.acknowledge',
  target: 'alarm:42',
  detail: { note: 'on it <now>' },
  remoteAddress: '192.0.2.7',
  ...overrides,
});
const noFilters = { actor: '', action: '', since: '' };

test('parseAuditQuery reads actor, action, since (UTC form time, ISO or epoch ms) and beforeId', () => {
  assert.deepEqual(parseAuditQuery({}).query, { limit: AUDIT_PAGE_SIZE });
  assert.deepEqual(parseAuditQuery({ actor: ' olivia ', action: 'logout', since: '2026-11-21T07:00', beforeId: '55' }).query, { limit: AUDIT_PAGE_SIZE, actor: 'olivia', action: 'logout', since: T, beforeId: 55 });
  assert.equal(parseAuditQuery({ since: '2026-11-21T08:00+01:00' }).query?.since, T);
  assert.equal(parseAuditQuery({ since: String(T) }).query?.since, T);
  assert.equal(parseAuditQuery({ beforeId: '-3' }).query?.beforeId, undefined, 'a bad cursor starts from the newest');
});

test('parseAuditQuery refuses an unknown action or an unreadable time instead of widening the search', () => {
  const action = parseAuditQuery({ action: 'drop.tables' });
  assert.equal(action.query, null);
  assert.match(action.error ?? '', /Unknown action “drop\.tables”/);
  const since = parseAuditQuery({ since: 'yesterday' });
  assert.equal(since.query, null);
  assert.match(since.error ?? '', /could not be read/);
  assert.deepEqual(since.filters, { actor: '', action: '', since: 'yesterday' }, 'the typed values stay in the form');
});

test('renderAuditBody lists entries with linked targets and escaped details, and pages keeping the filters', () => {
  const html = renderAuditBody({
    filters: { actor: 'olivia', action: 'alarm.acknowledge', since: '' },
    entries: [entry(), entry({ id: 6, actor: 'system', role: null, via: 'system', action: 'rules.reload', target: 'rules', detail: { trigger: 'SIGHUP', result: { ok: true } }, remoteAddress: null })],
    nextBeforeId: 6,
    paged: false,
    error: null,
  });
  assert.match(html, /<caption>2 entries, newest first<\/caption>/);
  assert.match(html, /<tr data-audit-id="7" data-action="alarm.acknowledge">.*olivia <span class="muted">\(operator\)<\/span>.*<a href="\/alarms\/42">alarm:42<\/a>/);
  assert.match(html, /note:<\/span> on it &lt;now&gt;/, 'details are escaped');
  assert.match(html, /result:<\/span> \{&quot;ok&quot;:true\}/);
  assert.match(html, /<option value="alarm.acknowledge" selected>/);
  assert.match(html, /<a href="\/audit\?actor=olivia&amp;action=alarm.acknowledge&amp;beforeId=6">Older entries<\/a>/);
  assert.doesNotMatch(html, /Newest entries/);
});

test('renderAuditBody says when nothing matches, shows a refused filter, and links back to the newest page', () => {
  const html = renderAuditBody({ filters: noFilters, entries: [], nextBeforeId: null, paged: true, error: 'The “since” time could not be read' });
  assert.match(html, /<p class="error" role="alert">The “since” time could not be read<\/p>/);
  assert.match(html, /No audit entries match/);
  assert.match(html, /<a href="\/audit">Newest entries<\/a>/);
  assert.doesNotMatch(html, /Older entries/);
});
