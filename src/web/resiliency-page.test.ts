import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderResiliencyBody, type ApiIncident, type ApiSiteState } from './resiliency-page.js';

const T = Date.UTC(2026, 10, 21, 7, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

const incident: ApiIncident = {
  id: 'res-hq-primary-1',
  kind: 'node',
  nodeId: 'hq-primary',
  peerId: null,
  siteId: 'hq',
  open: true,
  failed: 'HQ Primary is down',
  takenOver: [{ service: 'phones', by: 'hq-secondary', byName: 'HQ Secondary' }],
  takenOverText: 'phones -> HQ Secondary',
  degraded: ['voicemail on <HQ Secondary>'],
  flapping: false,
  openedAt: iso(T),
  failedOverAt: iso(T + 3 * MIN),
  failedBackAt: null,
  closedAt: null,
  durations: { openSeconds: 600, downSeconds: 600, failedOverSeconds: 420 },
  timeline: [
    { at: iso(T), kind: 'node-down', text: 'HQ Primary stopped answering', eventId: 1 },
    { at: iso(T + 3 * MIN), kind: 'failover', text: 'phones moved to HQ Secondary', eventId: null },
  ],
} as ApiIncident;

const closedLink: ApiIncident = {
  ...incident,
  id: 'res-branch-exp-2',
  kind: 'link',
  nodeId: 'branch-exp',
  peerId: 'hq-primary',
  open: false,
  failed: 'IP Office Line Branch Expansion <-> HQ Primary is down',
  takenOver: [],
  takenOverText: null,
  degraded: [],
  failedOverAt: null,
  closedAt: iso(T - 50 * MIN),
  durations: { openSeconds: 600, downSeconds: 300, failedOverSeconds: null },
  timeline: [
    { at: iso(T - 60 * MIN), kind: 'link-down', text: 'line lost', eventId: 5 },
    { at: iso(T - 55 * MIN), kind: 'link-up', text: 'line back', eventId: 6 },
    { at: iso(T - 50 * MIN), kind: 'closed', text: 'stable for 5 min', eventId: null },
  ],
} as ApiIncident;

const sites: ApiSiteState[] = [
  {
    customerId: 'acme',
    siteId: 'hq',
    nodes: [
      { nodeId: 'hq-primary', name: 'HQ Primary', state: 'down', servedBy: [{ service: 'phones', by: 'hq-secondary' }] },
      { nodeId: 'hq-secondary', name: 'HQ Secondary', state: 'up', servedBy: [] },
    ],
  },
] as unknown as ApiSiteState[];

const render = (incidents: ApiIncident[]) =>
  renderResiliencyBody({ incidents, sites, now: T + 10 * MIN, siteName: () => 'Acme Dental · HQ', nodeName: (id) => (id === 'hq-secondary' ? 'HQ Secondary' : id) });

test('each site shows its state now, the worst of its nodes, and who serves a down node', () => {
  const html = render([incident]);
  assert.match(html, /<tr data-site-id="hq"><th scope="row">Acme Dental · HQ<\/th><td><span class="state state-down">down<\/span><\/td>/);
  assert.match(html, /<span class="state state-down">down<\/span> <a href="\/nodes\/hq-primary">HQ Primary<\/a> <span class="sub">served by HQ Secondary<\/span>/);
});

test('an incident says what failed, what took over, what is degraded, and links to itself', () => {
  const html = render([incident, closedLink]);
  assert.match(html, /1 open/);
  assert.match(html, /<article class="incident open" id="incident-res-hq-primary-1"/);
  assert.match(html, /<a href="\/resiliency\/res-hq-primary-1">HQ Primary is down<\/a>/);
  assert.match(html, /<dt>Taken over<\/dt><dd>phones → HQ Secondary<\/dd>/);
  assert.match(html, /<li>voicemail on &lt;HQ Secondary&gt;<\/li>/);
  assert.match(html, /<dt>Open for<\/dt><dd>10 min 0 s; down 10 min 0 s; on backups 7 min 0 s<\/dd>/);
  assert.match(html, /<dt>Lasted<\/dt><dd>10 min 0 s; down 5 min 0 s<\/dd>/);
  assert.match(html, /<dt>Taken over<\/dt><dd>nothing \(a line: both nodes stay up\)<\/dd>/);
});

test('the timeline lists entries in order with offsets and phase lengths, and a bar to scale', () => {
  const html = render([incident]);
  const items = [...html.matchAll(/<li class="tl-(\w+)">(.*?)<\/li>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')]);
  assert.deepEqual(items, [
    ['down', '2026-11-21 07:00:00 UTC node-down HQ Primary stopped answering then 3 min 0 s'],
    ['backup', '2026-11-21 07:03:00 UTC (+3 min 0 s) failover phones moved to HQ Secondary for 7 min 0 s so far'],
  ]);
  assert.match(html, /<span class="phase phase-down" style="flex-grow:0.3000" title="node-down: 3 min 0 s"><\/span><span class="phase phase-backup" style="flex-grow:0.7000"/);
});

test('a closed incident ends its timeline at the close, without a running phase', () => {
  const html = render([closedLink]);
  const items = [...html.matchAll(/<li class="tl-\w+">(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  assert.deepEqual(items, [
    '2026-11-21 06:00:00 UTC link-down line lost then 5 min 0 s',
    '2026-11-21 06:05:00 UTC (+5 min 0 s) link-up line back then 5 min 0 s',
    '2026-11-21 06:10:00 UTC (+10 min 0 s) closed stable for 5 min',
  ]);
});

test('an open line incident marks the sites at both ends degraded, with a link to it', () => {
  const html = render([{ ...closedLink, open: true, closedAt: null }]);
  assert.match(html, /<tr data-site-id="hq"><th scope="row">Acme Dental · HQ<\/th><td><span class="state state-down">down<\/span>/, 'a down node is worse than a line');
  const upSites = [{ customerId: 'acme', siteId: 'branch', nodes: [{ nodeId: 'branch-exp', name: 'Branch Expansion', state: 'up', servedBy: [] }] }] as unknown as ApiSiteState[];
  const branch = renderResiliencyBody({ incidents: [{ ...closedLink, open: true, closedAt: null }], sites: upSites, now: T, siteName: () => 'Branch', nodeName: (id) => id });
  assert.match(branch, /<span class="state state-degraded">degraded<\/span>.*<ul class="lines"><li><a href="\/resiliency\/res-branch-exp-2">IP Office Line Branch Expansion &lt;-&gt; HQ Primary is down<\/a><\/li><\/ul>/s);
});

test('no incidents and no sites say so', () => {
  const html = renderResiliencyBody({ incidents: [], sites: [], now: T, siteName: () => '', nodeName: (id) => id });
  assert.match(html, /No sites in the fleet/);
  assert.match(html, /No resiliency incidents/);
});

test('a line incident folded into its node incident says so and links to the incident that carries on', () => {
  const folded = { ...closedLink, foldedInto: incident.id };
  const html = renderResiliencyBody({ incidents: [incident, folded], sites: [], now: T + 10 * MIN, siteName: () => '', nodeName: (id) => id });
  const article = html.slice(html.indexOf(`id="incident-${folded.id}"`));
  assert.match(article, /<span class="state state-recovering">folded<\/span>/);
  assert.match(article, /<dt>Followed in<\/dt><dd><a href="\/resiliency\/res-hq-primary-1">incident res-hq-primary-1<\/a>/);
  const notFolded = renderResiliencyBody({ incidents: [closedLink], sites: [], now: T + 10 * MIN, siteName: () => '', nodeName: (id) => id });
  assert.doesNotMatch(notFolded, /Followed in|>folded</);
});
