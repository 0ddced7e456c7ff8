import assert from 'node:assert/strict';
import { test } from 'node:test';
import { licenceFleetView } from '../licence/fleet-view.js';
import { HOUR_MS } from '../licence/replay.js';
import { shippedReplay } from '../licence/test-catalogue.js';
import { renderLicencesBody } from './licences-page.js';

const LKS_FAILURE = { source: 'snmp' as const, code: 'snmp.ipo.lks', severity: 'major' as const, text: 'ipoGenLKSCommsFailureSvcEvent' };

test('a subscription node that lost its COM link shows its mode, the 30-day countdown in days and hours, and what it then loses', () => {
  const replay = shippedReplay([
    { id: 'v2', role: 'ip500v2', licenceSource: 'subscription' },
    { id: 'quiet', role: 'ip500v2', licenceSource: 'subscription' },
  ]);
  replay.send('v2', LKS_FAILURE);
  replay.advance(2 * 24 * HOUR_MS + 5 * HOUR_MS);
  const now = replay.now();
  const html = renderLicencesBody(licenceFleetView(replay.engine, now), now);

  assert.match(html, /<strong>2 nodes<\/strong> · <span class="q-warn">1 in grace<\/span>/);
  const rows = html.split('<tr data-node-id=').slice(1);
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /^"v2" class="in-grace"><th scope="row"><a href="\/nodes\/v2">v2<\/a>/, 'the node losing features first');
  assert.match(rows[0]!, /<td>licence<\/td><td>Subscription grace/);
  assert.match(rows[0]!, /<span class="countdown" data-until="[^"]+">27 d 19 h left<\/span><meter min="0" max="1" value="0.926"/);
  assert.match(rows[0]!, /<div class="sub">then [^<]+<\/div>/, 'the mode the grace expires into');
  assert.match(rows[0]!, /<div class="q-warn">at risk: /);
  assert.match(rows[1]!, /^"quiet"><th scope="row">/);
  assert.match(rows[1]!, /no grace running/);
});

test('without the licence engine the page says so', () => {
  assert.equal(renderLicencesBody(null, 0), '<p class="empty">The licence engine is not running.</p>');
});
